import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageOrientation,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { type Align, type Block, type DocumentModel, type Run, paragraphAlign } from './model.js';
import { pinZipTimes } from './zip-times.js';

/**
 * The document model as an editable Word document: real numbered paragraphs (a numbering
 * definition, not typed numbers), real tables whose header row repeats and whose rows never split,
 * headings a lawyer can navigate by, the same page set-up as the PDF (A4, margins 1.5/1.2/1/1 in,
 * 14 pt; landscape when the document asks) and "Page x of y" with the initials field in the footer.
 *
 * Reproducible: docx stamps core.xml with the time and the zip entries with the clock; core.xml is
 * replaced by one without dates, and every zip entry's time is pinned.
 */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  // The text width between the margins: what tables and signature blocks are measured against.
  const width = (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
  const children = doc.blocks.flatMap((b) => block(b, width));
  const file = new Document({
    title: doc.title,
    creator: 'migrant-claims',
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { after: GAP, line: 240 } } },
        heading1: { run: { font: FONT, size: SIZE, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: GAP, after: GAP }, keepNext: true } },
        heading2: { run: { font: FONT, size: SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: GAP, after: GAP }, keepNext: true } },
        heading3: { run: { font: FONT, size: SIZE, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { after: GAP }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } }],
        },
      ],
    },
    sections: [
      {
        // docx swaps the two sides itself for a landscape page.
        properties: { page: { size: { width: A4.width, height: A4.height, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) }, margin: MARGIN } },
        footers: { default: footer(doc.initialsField, width) },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(file, false, [{ path: 'docProps/core.xml', data: coreXml(doc.title) }]);
  return pinZipTimes(new Uint8Array(bytes));
}

const FONT = 'Times New Roman';
/** Half-points: 14 pt. */
const SIZE = 28;
const TABLE_SIZE = 24;
/** Twips: 1.5 lines of 14 pt between paragraphs, as in the PDF. */
const GAP = 420;
const INDENT = 720;
const A4 = { width: 11906, height: 16838 };
/** Twips: 1.5 in left, 1.2 in top, 1 in right and bottom, as in the PDF. */
const MARGIN = { top: 1728, left: 2160, right: 1440, bottom: 1440, footer: 576 };
const NUMBERING = 'paragraphs';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Runs, with "\n" inside a run as a line break. */
function runs(list: Run[], size?: number): TextRun[] {
  return list.flatMap((r) => {
    const style: Exclude<Run, string> = typeof r === 'string' ? { text: r } : r;
    const text = typeof r === 'string' ? r : r.text;
    return text.split('\n').map(
      (part, i) =>
        new TextRun({ text: part, ...(i ? { break: 1 } : {}), ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italics: true } : {}), ...(style.underline ? { underline: {} } : {}), ...(size ? { size } : {}) }),
    );
  });
}

/** A short line-broken paragraph (about five lines at most), kept on one page as the PDF keeps it. */
const shortBlock = (list: Run[]): boolean => {
  const text = list.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  return text.includes('\n') && text.split('\n').length <= 5 && text.length <= 250;
};

function block(b: Block, width: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: runs([b.text]), ...(b.align ? { alignment: ALIGN[b.align] } : {}) })];
    case 'paragraph':
      // A line-broken paragraph (an address, the notarial register) is kept on one page, as in the PDF.
      return [new Paragraph({ children: runs(b.runs), alignment: ALIGN[paragraphAlign(b)], ...(b.indent ? { indent: { left: b.indent * INDENT } } : {}), ...(shortBlock(b.runs) ? { keepLines: true } : {}) })];
    case 'numbered':
      return [new Paragraph({ children: runs(b.runs), alignment: AlignmentType.JUSTIFIED, numbering: { reference: NUMBERING, level: 0 } })];
    case 'pageBreak':
      return [new Paragraph({ children: [], pageBreakBefore: true, spacing: { after: 0 } })];
    case 'signature':
      return signature(b.name, b.lines, b.align ?? 'right', width);
    case 'table':
      return [table(b.columns, b.rows, b.boldLastRow === true, width), new Paragraph({ children: [], spacing: { after: 0 } })];
  }
}

/**
 * Borders and cell margins are set once on the table, not on every cell: a 10,000-row table (a
 * group summary) is then a third of the time and half the memory. Fixed layout: Word and
 * LibreOffice take the columns' widths from the table grid.
 */
function table(columns: { header: string; width: number; align?: Align }[], rows: string[][], boldLast: boolean, textWidth: number): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * textWidth));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, bold: boolean, shade: boolean) =>
    new TableCell({
      ...(shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
      children: [new Paragraph({ children: runs([{ text, bold }], TABLE_SIZE), alignment: ALIGN[columns[i]!.align ?? 'left'], spacing: { after: 0 } })],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true, true)) }),
      ...rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, boldLast && k === rows.length - 1, false)) })),
    ],
  });
}

function signature(name: string, lines: string[], align: 'left' | 'right', textWidth: number): Paragraph[] {
  // A block 3.2 in wide, on the right (or left), kept together on one page.
  const indent = align === 'right' ? { left: textWidth - 4608 } : { right: textWidth - 4608 };
  const line = (children: TextRun[], last: boolean, extra: object = {}) =>
    new Paragraph({ children, alignment: AlignmentType.CENTER, indent, keepNext: !last, keepLines: true, spacing: { after: last ? GAP : 0 }, ...extra });
  return [
    line([new TextRun({ text: '' })], false, { spacing: { before: GAP * 2, after: 0 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }),
    line(runs([{ text: name, bold: true }]), lines.length === 0, { spacing: { before: 80, after: lines.length ? 0 : GAP } }),
    ...lines.map((l, i) => line(runs([l]), i === lines.length - 1)),
  ];
}

function footer(initialsField: string | undefined, textWidth: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        spacing: { after: 0 },
        children: [
          new TextRun({ text: initialsField ?? '', size: 20 }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 20 }),
        ],
      }),
    ],
  });
}

/** Document properties without creation or modification dates (they would change every run). */
function coreXml(title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>migrant-claims</dc:creator></cp:coreProperties>`
  );
}
