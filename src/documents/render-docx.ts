import { type Align, type Block, type DocumentModel, type Run, paragraphAlign } from './model.js';
import { zip } from './zip.js';

/**
 * The document model as an editable Word document: real numbered paragraphs (a numbering
 * definition, not typed numbers), real tables whose header row repeats and whose rows never split,
 * headings a lawyer can navigate by, the same page set-up as the PDF (A4, margins 1.5/1.2/1/1 in,
 * 14 pt; landscape when the document asks) and "Page x of y" with the initials field in the footer.
 *
 * WordprocessingML is written here as strings, and zipped by our own writer with node:zlib's
 * native deflate: a general-purpose library built an object tree per run and deflated in
 * JavaScript, which made a complaint-affidavit's DOCX cost several times its PDF. Only the few
 * parts Word needs are written (no theme, font table, footnotes or endnotes: nothing uses them).
 *
 * Reproducible: no dates in the properties, no generated IDs, the zip's entries in a fixed order
 * with a fixed time, so the same model gives the same bytes.
 *
 * Elements inside w:pPr, w:rPr, w:tblPr, w:sectPr and w:style follow the schema's order: Word
 * refuses a file ("unreadable content") where LibreOffice would not notice.
 */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  // The text width between the margins: what tables and signature blocks are measured against.
  const width = (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
  const body: string[] = [];
  for (const b of doc.blocks) block(b, width, body);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, constant: true },
    { name: '_rels/.rels', data: PACKAGE_RELS, constant: true },
    { name: 'docProps/core.xml', data: coreXml(doc.title) },
    { name: 'docProps/app.xml', data: APP, constant: true },
    { name: 'word/document.xml', data: documentXml(body.join(''), landscape) },
    { name: 'word/_rels/document.xml.rels', data: DOCUMENT_RELS, constant: true },
    { name: 'word/styles.xml', data: STYLES, constant: true },
    { name: 'word/numbering.xml', data: NUMBERING, constant: true },
    { name: 'word/settings.xml', data: SETTINGS, constant: true },
    { name: 'word/footer1.xml', data: footerXml(doc.initialsField, width) },
  ]);
}

const FONT = 'Times New Roman';
/** Half-points: 14 pt. */
const SIZE = 28;
const TABLE_SIZE = 24;
const FOOTER_SIZE = 20;
/** Twips: 1.5 lines of 14 pt between paragraphs, as in the PDF. */
const GAP = 420;
const INDENT = 720;
const A4 = { width: 11906, height: 16838 };
/** Twips: 1.5 in left, 1.2 in top, 1 in right and bottom, as in the PDF. */
const MARGIN = { top: 1728, left: 2160, right: 1440, bottom: 1440, footer: 576 };
/** A signature block is 3.2 in wide. */
const SIGNATURE_WIDTH = 4608;

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// --- Text ---------------------------------------------------------------------------------------

/**
 * Characters XML 1.0 cannot carry at all (even escaped): C0 controls other than tab and newline,
 * U+FFFE/U+FFFF and unpaired surrogates. A carriage return is legal XML but a parser turns it into
 * a newline, which Word would not show as a break: it goes too.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything escapeXml must act on; most text has none, and then is returned as it is. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe in element content and in attribute values alike. */
function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A run's text as run content: "\n" is a line break and a tab a real tab (a bare tab character in
 * w:t is not reliably a tab stop). Always xml:space="preserve": without it, leading, trailing and
 * doubled spaces may be dropped.
 */
function runContent(text: string): string {
  let out = '';
  for (const part of text.split(/(\n|\t)/)) {
    if (part === '\n') out += '<w:br/>';
    else if (part === '\t') out += '<w:tab/>';
    else if (part) out += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
  }
  return out;
}

function run(text: string, style: { bold?: boolean | undefined; italic?: boolean | undefined; underline?: boolean | undefined }, size?: number): string {
  const content = runContent(text);
  if (!content) return '';
  let pr = '';
  if (style.bold) pr += '<w:b/><w:bCs/>';
  if (style.italic) pr += '<w:i/><w:iCs/>';
  if (size) pr += `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  if (style.underline) pr += '<w:u w:val="single"/>';
  return pr ? `<w:r><w:rPr>${pr}</w:rPr>${content}</w:r>` : `<w:r>${content}</w:r>`;
}

function runs(list: Run[], size?: number): string {
  let out = '';
  for (const r of list) out += typeof r === 'string' ? run(r, {}, size) : run(r.text, r, size);
  return out;
}

// --- Paragraphs ---------------------------------------------------------------------------------

interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numbered?: boolean;
  /** The signature line: a rule under an empty paragraph. */
  ruleBelow?: boolean;
  rightTab?: number;
  before?: number;
  after?: number;
  left?: number;
  right?: number;
  align?: Align;
}

function paragraph(p: ParagraphProps, content: string): string {
  let pr = '';
  if (p.style) pr += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) pr += '<w:keepNext/>';
  if (p.keepLines) pr += '<w:keepLines/>';
  if (p.pageBreakBefore) pr += '<w:pageBreakBefore/>';
  if (p.numbered) pr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
  if (p.ruleBelow) pr += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>';
  if (p.rightTab !== undefined) pr += `<w:tabs><w:tab w:val="right" w:pos="${p.rightTab}"/></w:tabs>`;
  if (p.before !== undefined || p.after !== undefined) pr += `<w:spacing${p.before !== undefined ? ` w:before="${p.before}"` : ''}${p.after !== undefined ? ` w:after="${p.after}"` : ''}/>`;
  if (p.left !== undefined || p.right !== undefined) pr += `<w:ind${p.left !== undefined ? ` w:left="${p.left}"` : ''}${p.right !== undefined ? ` w:right="${p.right}"` : ''}/>`;
  if (p.align) pr += `<w:jc w:val="${JC[p.align]}"/>`;
  return `<w:p>${pr ? `<w:pPr>${pr}</w:pPr>` : ''}${content}</w:p>`;
}

/** A short line-broken paragraph (about five lines at most), kept on one page as the PDF keeps it. */
const shortBlock = (list: Run[]): boolean => {
  const text = list.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  return text.includes('\n') && text.split('\n').length <= 5 && text.length <= 250;
};

function block(b: Block, width: number, out: string[]): void {
  switch (b.kind) {
    case 'heading':
      // The Heading styles carry the look; the style is what Word's navigation pane lists.
      out.push(paragraph({ style: `Heading${b.level}`, ...(b.align ? { align: b.align } : {}) }, runs([b.text])));
      return;
    case 'paragraph':
      // A line-broken paragraph (an address, the notarial register) is kept on one page, as in the PDF.
      out.push(paragraph({ keepLines: shortBlock(b.runs), ...(b.indent ? { left: b.indent * INDENT } : {}), align: paragraphAlign(b) }, runs(b.runs)));
      return;
    case 'numbered':
      out.push(paragraph({ style: 'ListParagraph', numbered: true, align: 'justify' }, runs(b.runs)));
      return;
    case 'pageBreak':
      out.push(paragraph({ pageBreakBefore: true, after: 0 }, ''));
      return;
    case 'signature':
      signature(b.name, b.lines, b.align ?? 'right', width, out);
      return;
    case 'table':
      table(b.columns, b.rows, b.boldLastRow === true, width, out);
      // Word cannot place two tables (or a table and the end of the document) without a paragraph between.
      out.push(paragraph({ after: 0 }, ''));
      return;
  }
}

// --- Tables -------------------------------------------------------------------------------------

/**
 * Borders and cell margins are set once on the table, not on every cell: a 10,000-row table (a
 * group summary) stays small. Fixed layout: Word and LibreOffice take the columns' widths from the
 * table grid instead of measuring every cell.
 */
function table(columns: { header: string; width: number; align?: Align }[], rows: string[][], boldLast: boolean, textWidth: number, out: string[]): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * textWidth));
  const border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  // The same for every row: worked out once per column.
  const starts: RowStarts = {
    cell: widths.map((w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>`),
    head: widths.map((w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr>`),
    paragraph: columns.map((c) => `<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="${JC[c.align ?? 'left']}"/></w:pPr>`),
  };
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/>` +
      `<w:tblBorders><w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/></w:tblBorders>` +
      '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(
      starts,
      columns.map((c) => c.header),
      true,
      true,
    ),
  );
  for (let k = 0; k < rows.length; k++) out.push(row(starts, rows[k]!, false, boldLast && k === rows.length - 1));
  out.push('</w:tbl>');
}

/** What every row of a table starts its cells with, per column (worked out once per table). */
interface RowStarts {
  cell: string[];
  head: string[];
  paragraph: string[];
}

// A function of the module, not a closure made per table: see "Why loops and methods" in render-pdf.ts.
function row(starts: RowStarts, cells: string[], head: boolean, bold: boolean): string {
  let tr = head ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  const start = head ? starts.head : starts.cell;
  for (let i = 0; i < start.length; i++) tr += `${start[i]}${starts.paragraph[i]}${run(cells[i] ?? '', { bold }, TABLE_SIZE)}</w:p></w:tc>`;
  return `${tr}</w:tr>`;
}

// --- Signature and footer -----------------------------------------------------------------------

function signature(name: string, lines: string[], align: 'left' | 'right', textWidth: number, out: string[]): void {
  // A block 3.2 in wide, on the right (or left), kept together on one page.
  const side = align === 'right' ? { left: textWidth - SIGNATURE_WIDTH } : { right: textWidth - SIGNATURE_WIDTH };
  out.push(signatureLine(side, '', false, { before: GAP * 2, after: 0 }, true));
  out.push(signatureLine(side, run(name, { bold: true }), lines.length === 0, { before: 80, after: lines.length ? 0 : GAP }));
  for (let i = 0; i < lines.length; i++) {
    const last = i === lines.length - 1;
    out.push(signatureLine(side, runs([lines[i]!]), last, { after: last ? GAP : 0 }));
  }
}

/** A line of a signature block, kept with the next. */
const signatureLine = (side: { left?: number; right?: number }, content: string, last: boolean, spacing: { before?: number; after: number }, ruleBelow = false): string =>
  paragraph({ keepNext: !last, keepLines: true, ruleBelow, ...spacing, ...side, align: 'center' }, content);

/**
 * A field Word fills in when it lays the page out (PAGE, NUMPAGES). No cached result: a stale "1"
 * would be wrong on every other page of a reader that does not update fields.
 */
const field = (instruction: string, rPr: string): string =>
  `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;

function footerXml(initialsField: string | undefined, textWidth: number): string {
  const rPr = `<w:rPr><w:sz w:val="${FOOTER_SIZE}"/><w:szCs w:val="${FOOTER_SIZE}"/></w:rPr>`;
  const content =
    (initialsField ? run(initialsField, {}, FOOTER_SIZE) : '') +
    `<w:r>${rPr}<w:tab/><w:t xml:space="preserve">Page </w:t></w:r>${field('PAGE', rPr)}<w:r>${rPr}<w:t xml:space="preserve"> of </w:t></w:r>${field('NUMPAGES', rPr)}`;
  return `${XML_DECL}<w:ftr xmlns:w="${W}" xmlns:r="${R}">${paragraph({ rightTab: textWidth, after: 0 }, content)}</w:ftr>`;
}

// --- Parts --------------------------------------------------------------------------------------

function documentXml(body: string, landscape: boolean): string {
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  return (
    `${XML_DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}` +
    `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>` +
    `<w:pgSz w:w="${w}" w:h="${h}" w:orient="${landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="708" w:footer="${MARGIN.footer}" w:gutter="0"/>` +
    '<w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>'
  );
}

/** Document properties without creation or modification dates (they would change every run). */
function coreXml(title: string): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>migrant-claims</dc:creator></cp:coreProperties>`
  );
}

const APP = `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>migrant-claims</Application></Properties>`;

const CONTENT_TYPES =
  `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS =
  `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** rId4 is the footer, as documentXml's sectPr says. */
const DOCUMENT_RELS =
  `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId4" Type="${REL}/footer" Target="footer1.xml"/>` +
  '</Relationships>';

const heading = (level: 1 | 2 | 3, pPr: string, rPr: string): string =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
  // outlineLvl is what puts a heading in the navigation pane, whatever the style is called.
  `<w:pPr><w:keepNext/>${pPr}<w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
  `<w:rPr><w:b/><w:bCs/>${rPr}<w:color w:val="000000"/><w:sz w:val="${SIZE}"/><w:szCs w:val="${SIZE}"/></w:rPr></w:style>`;

const STYLES =
  `${XML_DECL}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/><w:sz w:val="${SIZE}"/><w:szCs w:val="${SIZE}"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="${GAP}" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  heading(1, `<w:spacing w:before="${GAP}" w:after="${GAP}"/><w:jc w:val="center"/>`, '') +
  heading(2, `<w:spacing w:before="${GAP}" w:after="${GAP}"/>`, '') +
  heading(3, `<w:spacing w:after="${GAP}"/>`, '<w:i/><w:iCs/>') +
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/></w:style>' +
  '</w:styles>';

/** One list, decimal "1.", hanging by half an inch: every numbered paragraph continues it. */
const NUMBERING =
  `${XML_DECL}<w:numbering xmlns:w="${W}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
  `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${INDENT}" w:hanging="${INDENT}"/></w:pPr></w:lvl>` +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

/** compatibilityMode 15: Word lays the document out as a current document, not in compatibility mode. */
const SETTINGS =
  `${XML_DECL}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="${INDENT}"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';
