import PDFDocument from 'pdfkit';
import { type FontName, fonts, shareLayouts } from './pdf-fonts.js';
import { type Align, type Block, type DocumentModel, type Run, type TableColumn, hasLineBreak, paragraphAlign, runText } from './model.js';

/**
 * The document model as a PDF in the form the Efficient Use of Paper Rule (A.M. No. 11-9-4-SC)
 * asks of papers filed in courts and quasi-judicial bodies: A4; margins left 1.5 in, top 1.2 in,
 * right and bottom 1 in; 14 pt; single-spaced with a 1.5-line space between paragraphs; every page
 * numbered "Page x of y", with the affiant's initials field at its foot. A document may turn its
 * pages (landscape, same margins) for a wide table that is read, not filed.
 *
 * DejaVu Serif is embedded (subset) so ñ, é and the other letters of Filipino names print. The
 * output is reproducible: the creation date (which pdfkit also writes into the XMP metadata and
 * derives the file ID from) is pinned to a fixed date, 1 January 2000, not the clock.
 */
export async function renderPdf(doc: DocumentModel): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.orientation ?? 'portrait',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: doc.title, Producer: 'migrant-claims', Creator: 'migrant-claims', CreationDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  shareLayouts(pdf);
  for (const [name, font] of Object.entries(fonts())) pdf.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  pdf.font('regular').fontSize(SIZE);

  const layout = new Layout(pdf);
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) layout.block(blocks[i]!, blocks[i + 1]);
  footers(pdf, doc.initialsField);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Every text call's options in one shape, each key given. pdfkit copies the options it is given
 * and reads the copy again and again while it sets a line. Given options of six shapes, those
 * reads went megamorphic (V8's slowest property lookup, logged with node --log-ic); in one shape,
 * a batch worker took about 9% fewer instructions (valgrind, 80 workers: 375 to 340 million).
 */
const textOptions = (width: number, align: Align = 'left', o: { continued?: boolean; underline?: boolean; lineBreak?: boolean } = {}) => ({
  width,
  align,
  continued: o.continued ?? false,
  underline: o.underline ?? false,
  lineBreak: o.lineBreak ?? true,
});
const INCH = 72;
const MARGINS = { left: 1.5 * INCH, top: 1.2 * INCH, right: INCH, bottom: INCH };
const SIZE = 14;
const TABLE_SIZE = 12;
const FOOTER_SIZE = 10;
/** The 1.5-line space between paragraphs. */
const PARAGRAPH_GAP = SIZE * 1.5;
const INDENT = 0.5 * INCH;
/** Line-broken paragraphs no taller than this many lines are kept on one page. */
const KEEP_LINES = 5;
/** Space between a table cell's border and its text. */
const CELL_PAD = 4;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** pdfkit keeps the fontkit font of an embedded TTF on `_font.font`; no public API asks for coverage. */
type GlyphFont = { hasGlyphForCodePoint?: (c: number) => boolean } | undefined;
const currentFont = (pdf: PDFKit.PDFDocument): GlyphFont => (pdf as unknown as { _font?: { font?: GlyphFont } })._font?.font;
const hasGlyph = (font: GlyphFont, c: number): boolean => c < 0x80 || (font?.hasGlyphForCodePoint?.(c) ?? true);

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
/** A run's text, or the part of it one font sets; made in one place, so all have one shape (see textOptions). */
interface Piece {
  text: string;
  font: FontName;
  underline: boolean;
}
const piece = (text: string, font: FontName, underline: boolean): Piece => ({ text, font, underline });
const fontOf = (bold?: boolean, italic?: boolean): FontName => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
const notEmpty = (r: Run): boolean => runText(r) !== '';

/*
 * Why loops and methods, not closures made per call (arrow functions passed to forEach and map, or
 * helpers declared inside a method): a batch renders thousands of documents, and each call made
 * new closures. V8 keeps a closure's optimised code only weakly, so when no closure of the last
 * document was alive at a full garbage collection the code went, and the next document's closures
 * were compiled again: about ten times each over a batch of 1,000 workers (node --trace-opt). A
 * function made once, at the top of the module or on the class, keeps its code.
 */

/** The runs of a paragraph cut at its line breaks ("\n"), empty runs dropped. */
function splitLines(runs: Run[]): Run[][] {
  // Most paragraphs have no break: one line, the runs as they are.
  if (!runs.some(hasLineBreak)) return [runs.filter(notEmpty)];
  const lines: Run[][] = [[]];
  for (const r of runs) {
    const parts = runText(r).split('\n');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i) lines.push([]);
      if (part) lines[lines.length - 1]!.push(typeof r === 'string' ? part : { ...r, text: part });
    }
  }
  return lines;
}

const headers = (columns: TableColumn[]): string[] => {
  const out: string[] = [];
  for (const c of columns) out.push(c.header);
  return out;
};

/** Where a table cell's words end: a no-break space holds a word together ("USD 1,234.00" stays on one line). */
const WORD_BREAK = /[^\S\u00a0]+|(?<=-)(?=\D)/;

/** A table row as measured at a place on the page (see Layout.table). */
interface MeasuredRow {
  font: FontName;
  y: number;
  height: number;
}

/**
 * Text measurements, which depend only on the font, the size, the width and the text, kept for
 * the process like the fonts' shaped words (pdf-fonts.ts). Each map is emptied when it is full.
 */
const MEASURED_LIMIT = 50_000;
const measured = { lines: new Map<string, number>(), widths: new Map<string, number>() };
function remember(map: Map<string, number>, key: string, value: number): void {
  if (map.size >= MEASURED_LIMIT) map.clear();
  map.set(key, value);
}

class Layout {
  private readonly left: number;
  private readonly width: number;
  private number = 0;

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    this.left = MARGINS.left;
    this.width = pdf.page.width - MARGINS.left - MARGINS.right;
  }

  private get bottom(): number {
    return this.pdf.page.height - MARGINS.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private ensure(height: number): void {
    if (this.pdf.y + height > this.bottom && this.pdf.y > MARGINS.top + 1) this.pdf.addPage();
  }

  private gap(): void {
    // A gap that would start a page is dropped: pages begin at the top margin.
    if (this.pdf.y + PARAGRAPH_GAP >= this.bottom) this.pdf.addPage();
    else if (this.pdf.y > MARGINS.top + 1) this.pdf.y += PARAGRAPH_GAP;
  }

  /**
   * pdfkit's heightOfString(text, { width }), with `font` and `size` the document's current ones.
   * The number of lines text wraps to is kept across documents (a batch sets the same headings and
   * cells for every worker); the height is then made as pdfkit makes it, y plus the line height
   * once per line, less y, so it is the same number to the last bit.
   */
  private heightOf(text: string, font: FontName, size: number, width: number): number {
    const key = `${font}\0${size}\0${width}\0${text}`;
    const lineHeight = this.pdf.currentLineHeight(true);
    let lines = measured.lines.get(key);
    if (lines === undefined) {
      // Text a point narrower than the width is one line: that is known without wrapping it (the
      // costly part of pdfkit's measuring), and most table cells and headings are such text.
      if (text.includes('\n') || this.pdf.widthOfString(text) > width - 1) {
        const height = this.pdf.heightOfString(text, textOptions(width));
        remember(measured.lines, key, Math.round(height / lineHeight));
        return height;
      }
      lines = 1;
      remember(measured.lines, key, lines);
    }
    let y = this.pdf.y;
    for (let i = 0; i < lines; i++) y += lineHeight;
    return y - this.pdf.y;
  }

  /** pdfkit's widthOfString(word), with `font` and `size` the document's current ones, kept across documents. */
  private widthOf(word: string, font: FontName, size: number): number {
    const key = `${font}\0${size}\0${word}`;
    let width = measured.widths.get(key);
    if (width === undefined) remember(measured.widths, key, (width = this.pdf.widthOfString(word)));
    return width;
  }

  block(b: Block, next: Block | undefined): void {
    switch (b.kind) {
      case 'heading':
        return this.heading(b.level, b.text, b.align, next);
      case 'paragraph': {
        this.gap();
        const x = this.left + (b.indent ?? 0) * INDENT;
        const lines = splitLines(b.runs);
        this.keepTogether(lines, x);
        return this.runs(lines, x, paragraphAlign(b));
      }
      case 'numbered': {
        this.gap();
        this.number += 1;
        const lineHeight = this.pdf.font('regular').fontSize(SIZE).currentLineHeight();
        this.ensure(lineHeight);
        const y = this.pdf.y;
        this.pdf.text(`${this.number}.`, this.left, y, textOptions(INDENT, 'left', { lineBreak: false }));
        this.pdf.y = y;
        return this.runs(splitLines(b.runs), this.left + INDENT, 'justify');
      }
      case 'table':
        this.gap();
        return this.table(b.columns, b.rows, b.boldLastRow === true);
      case 'signature':
        return this.signature(b.name, b.lines, b.align ?? 'right');
      case 'pageBreak':
        this.pdf.addPage();
        return;
    }
  }

  private heading(level: 1 | 2 | 3, text: string, align: Align | undefined, next: Block | undefined): void {
    this.gap();
    const start = next ? this.startHeight(next) : 0;
    const font: FontName = level === 3 ? 'boldItalic' : 'bold';
    this.pdf.font(font).fontSize(SIZE);
    const height = this.heightOf(text, font, SIZE, this.width);
    // Kept with at least three lines of what follows, and more where that is not to be split.
    const after = next && next.kind !== 'pageBreak' ? PARAGRAPH_GAP + Math.max(this.pdf.currentLineHeight() * 3, start) : 0;
    this.ensure(height + after);
    this.pdf.text(text, this.left, this.pdf.y, textOptions(this.width, align ?? (level === 1 ? 'center' : 'left')));
  }

  /**
   * The part of the block after a heading that cannot be parted from its start: all of a block
   * that moves whole to the next page (a short block of lines with breaks), or a table's header and
   * first row; 0 for others. Kept with less, the heading would stand alone at the foot of a page.
   */
  private startHeight(next: Block): number {
    if (next.kind === 'paragraph') return this.keptHeight(splitLines(next.runs), this.left + (next.indent ?? 0) * INDENT);
    if (next.kind === 'table') return this.tableStart(next.columns, next.rows);
    return 0;
  }

  /**
   * A short block of lines set with breaks (an address, the notarial register's Doc./Page/Book/
   * Series) is never split across pages: it moves whole to the next one. Longer ones (a list of
   * figures) split as any paragraph does.
   */
  private keepTogether(lines: Run[][], x: number): void {
    const height = this.keptHeight(lines, x);
    if (height > 0) this.ensure(height);
  }

  /** The height of a block keepTogether keeps whole; 0 for one it lets split. */
  private keptHeight(lines: Run[][], x: number): number {
    if (lines.length < 2) return 0;
    this.pdf.font('regular').fontSize(SIZE);
    const width = this.left + this.width - x;
    let height = 0;
    for (const l of lines) {
      let text = '';
      for (const r of l) text += runText(r);
      height += this.heightOf(text || ' ', 'regular', SIZE, width);
    }
    return height <= KEEP_LINES * this.pdf.currentLineHeight(true) ? height : 0;
  }

  /** A paragraph's lines (its runs cut at the breaks: splitLines). */
  private runs(lines: Run[][], x: number, align: Align): void {
    const width = this.left + this.width - x;
    this.pdf.fontSize(SIZE);
    this.ensure(this.pdf.font('regular').currentLineHeight());
    // pdfkit mishandles a line break inside a chain of styled runs: each line is its own chain.
    for (const line of lines) {
      // Justified text with several runs confuses pdfkit's line filling; it is used for single runs.
      const a = align === 'justify' && line.length > 1 ? 'left' : align;
      if (!line.length) {
        this.pdf.text(' ', x, this.pdf.y, textOptions(width, a));
        continue;
      }
      const pieces: Piece[] = [];
      for (const r of line) {
        if (typeof r === 'string') this.byGlyphs(r, 'regular', false, pieces);
        else this.byGlyphs(r.text, fontOf(r.bold, r.italic), r.underline === true, pieces);
      }
      // A symbol set in its own font makes several pieces of one run: the same confusion.
      const set = a === 'justify' && pieces.length > 1 ? 'left' : a;
      for (let i = 0; i < pieces.length; i++) {
        const p = pieces[i]!;
        this.pdf.font(p.font);
        const opts = textOptions(width, set, { continued: i < pieces.length - 1, underline: p.underline });
        if (i === 0) this.pdf.text(p.text, x, this.pdf.y, opts);
        else this.pdf.text(p.text, opts);
      }
    }
    this.pdf.font('regular');
  }

  /** Cuts text where `font` lacks a glyph, so those characters are set in the symbols font. */
  private byGlyphs(text: string, font: FontName, underline = false, pieces: Piece[] = []): Piece[] {
    // Every font has the ASCII letters: most text needs no look at its characters.
    if (!NON_ASCII.test(text)) {
      this.pdf.font(font);
      pieces.push(piece(text, font, underline));
      return pieces;
    }
    const glyphs = currentFont(this.pdf.font(font));
    // Pieces are slices of the text: a string grown a character at a time is joined again
    // whenever pdfkit reads it (see markup.ts).
    let start = 0;
    let current: FontName = font;
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i)!;
      const f: FontName = hasGlyph(glyphs, c) ? font : 'symbols';
      if (f !== current && i > start) {
        pieces.push(piece(text.slice(start, i), current, underline));
        start = i;
      }
      current = f;
      i += c > 0xffff ? 2 : 1;
    }
    pieces.push(piece(text.slice(start), current, underline));
    return pieces;
  }

  /** A table's columns' widths, worked out once per table (a heading before it asks too). */
  private readonly tableWidths = new WeakMap<string[][], number[]>();
  private widths(columns: TableColumn[], rows: string[][]): number[] {
    let widths = this.tableWidths.get(rows);
    if (!widths) this.tableWidths.set(rows, (widths = this.columnWidths(columns, rows, CELL_PAD)));
    return widths;
  }

  /** The height of a table's header and first row, which are never parted, as drawn from here. */
  private tableStart(columns: TableColumn[], rows: string[][]): number {
    this.pdf.fontSize(TABLE_SIZE);
    const widths = this.widths(columns, rows);
    return this.rowHeight(headers(columns), 'bold', widths) + (rows[0] ? this.rowHeight(rows[0], 'regular', widths) : 0);
  }

  /** A table row's height: its tallest cell, padded. */
  private rowHeight(cells: string[], font: FontName, widths: number[]): number {
    this.pdf.font(font);
    let tallest = -Infinity;
    for (let i = 0; i < cells.length; i++) tallest = Math.max(tallest, this.heightOf(cells[i] || ' ', font, TABLE_SIZE, widths[i]! - 2 * CELL_PAD));
    return tallest + 2 * CELL_PAD;
  }

  private table(columns: TableColumn[], rows: string[][], boldLast: boolean): void {
    this.pdf.fontSize(TABLE_SIZE);
    const widths = this.widths(columns, rows);
    // A row is measured where it is to be drawn, and measured once there. pdfkit gives a height as
    // (y + line + line…) - y, so in its last bits it depends on y: a height is reused only at the
    // same y (after a page break the row is measured again at the top of the new page).
    const measured = new Map<string[], MeasuredRow>();
    const header = headers(columns);
    const aligns: Align[] = [];
    for (const c of columns) aligns.push(c.align ?? 'left');
    const headerHeight = this.heightAt(measured, header, 'bold', widths);
    // The header never stands alone at the foot of a page: it goes with the first row.
    this.ensure(headerHeight + (rows[0] ? this.heightAt(measured, rows[0], 'regular', widths) : 0));
    this.drawRow(measured, aligns, widths, header, 'bold', true);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const font: FontName = boldLast && i === rows.length - 1 ? 'bold' : 'regular';
      const h = this.heightAt(measured, row, font, widths);
      // A row never splits: it moves to the next page, under a repeated header.
      if (this.pdf.y + h > this.bottom) {
        this.pdf.addPage();
        this.drawRow(measured, aligns, widths, header, 'bold', true);
      }
      this.drawRow(measured, aligns, widths, row, font, false);
    }
    this.pdf.font('regular').fontSize(SIZE);
    this.pdf.x = this.left;
  }

  /** A table row's height at the current y: measured there once (see table). */
  private heightAt(measured: Map<string[], MeasuredRow>, cells: string[], font: FontName, widths: number[]): number {
    const known = measured.get(cells);
    if (known && known.font === font && known.y === this.pdf.y) return known.height;
    const height = this.rowHeight(cells, font, widths);
    measured.set(cells, { font, y: this.pdf.y, height });
    return height;
  }

  private drawRow(measured: Map<string[], MeasuredRow>, aligns: Align[], widths: number[], cells: string[], font: FontName, shade: boolean): void {
    const h = this.heightAt(measured, cells, font, widths);
    const y = this.pdf.y;
    let x = this.left;
    for (let i = 0; i < cells.length; i++) {
      const w = widths[i]!;
      if (shade) this.pdf.rect(x, y, w, h).fillColor('#e8e8e8').fill().fillColor('black');
      this.pdf.lineWidth(0.5).rect(x, y, w, h).stroke();
      this.cell(cells[i]!, font, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD, aligns[i]!);
      x += w;
    }
    this.pdf.y = y + h;
  }

  /** A cell's text, line by line, with the characters the font lacks (✓, ✗) set in the symbols font. */
  private cell(text: string, font: FontName, x: number, y: number, width: number, align: Align): void {
    this.pdf.y = y;
    for (const line of text.split('\n')) {
      const pieces = line ? this.byGlyphs(line, font) : [piece(' ', font, false)];
      for (let i = 0; i < pieces.length; i++) {
        const p = pieces[i]!;
        this.pdf.font(p.font);
        const opts = textOptions(width, align, { continued: i < pieces.length - 1 });
        if (i === 0) this.pdf.text(p.text, x, this.pdf.y, opts);
        else this.pdf.text(p.text, opts);
      }
    }
  }

  /**
   * The columns' relative widths, except that no column is narrower than its longest word (pdfkit
   * would break "Evidence" into "Eviden-ce"): the room a narrow column needs comes from the others,
   * in proportion to what they can spare. A word may break after a hyphen, never at a no-break space ("Sarmiento-" /
   * "Dimaculangan"), as pdfkit breaks it. When not every column can have its room, the columns of
   * shortest words get theirs first: "No." broken in two reads worse than a long name broken.
   */
  private columnWidths(columns: { header: string; width: number }[], rows: string[][], pad: number): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const wanted = columns.map((c) => (c.width / total) * this.width);
    this.pdf.font('bold');
    const least: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      let longest = this.longestWord(columns[i]!.header);
      for (const r of rows) longest = Math.max(longest, this.longestWord(r[i] ?? ''));
      least.push(longest + 2 * pad + 1);
    }
    const spare = wanted.reduce((s, w, i) => s + Math.max(0, w - least[i]!), 0);
    const granted = wanted.map(() => false);
    let need = 0;
    for (const i of wanted.map((_, i) => i).sort((a, b) => least[a]! - least[b]!)) {
      const deficit = least[i]! - wanted[i]!;
      if (deficit <= 0 || need + deficit > spare) continue;
      granted[i] = true;
      need += deficit;
    }
    // Columns left without their room keep their proportion, and pdfkit breaks their words.
    if (need === 0) return wanted;
    return wanted.map((w, i) => (granted[i] ? least[i]! : w > least[i]! ? w - ((w - least[i]!) / spare) * need : w));
  }

  /** The width of the longest word of a table cell in bold, the font set. */
  private longestWord(text: string): number {
    let longest = 0;
    for (const word of text.split(WORD_BREAK)) longest = Math.max(longest, this.widthOf(word, 'bold', TABLE_SIZE));
    return longest;
  }

  private signature(name: string, lines: string[], align: 'left' | 'right'): void {
    const width = Math.min(this.width, 3.2 * INCH);
    const x = align === 'right' ? this.left + this.width - width : this.left;
    this.pdf.fontSize(SIZE);
    const lh = this.pdf.font('regular').currentLineHeight();
    const room = 2.5 * lh; // space to sign in, above the line
    this.pdf.font('bold');
    const height = PARAGRAPH_GAP + room + this.heightOf(name, 'bold', SIZE, width) + lines.length * lh * 1.2;
    this.ensure(height);
    this.gap();
    const lineY = this.pdf.y + room;
    this.pdf.lineWidth(0.75).moveTo(x, lineY).lineTo(x + width, lineY).stroke();
    this.pdf.font('bold').text(name, x, lineY + 3, textOptions(width, 'center'));
    this.pdf.font('regular');
    for (const l of lines) this.pdf.text(l, x, this.pdf.y, textOptions(width, 'center'));
    this.pdf.x = this.left;
  }
}

/** "Page x of y" and the initials field, written on every page once the page count is known. */
function footers(pdf: PDFKit.PDFDocument, initialsField: string | undefined): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    // Writing inside the bottom margin: lift the margin so pdfkit does not start a new page.
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    const y = page.height - MARGINS.bottom + 0.35 * INCH;
    const width = page.width - MARGINS.left - MARGINS.right;
    pdf.font('regular').fontSize(FOOTER_SIZE);
    if (initialsField) pdf.text(initialsField, MARGINS.left, y, textOptions(width, 'left', { lineBreak: false }));
    pdf.text(`Page ${i - start + 1} of ${count}`, MARGINS.left, y, textOptions(width, 'right', { lineBreak: false }));
    page.margins.bottom = bottom;
  }
}
