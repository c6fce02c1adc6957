import type { Align, Block, DocumentModel, Run, TableColumn } from './model.js';

/**
 * The line markup templates write, turned into the document model. One block per group of lines;
 * a blank line ends a block. Lines of one paragraph are joined with a space.
 *
 *   # Title            heading level 1 (centred); ## level 2; ### level 3
 *   1. Text            a numbered paragraph (the number written is ignored: numbering is automatic)
 *   Text               a paragraph (justified)
 *   @center Text       a paragraph or heading (@center # Title) aligned: @center, @right, @left
 *   @indent Text       an indented paragraph
 *   @table Col:3 | Amount:1:right     a table: header names, relative widths, alignment;
 *   | cell | cell |                    then one row a line; in a cell (or a column name), a lone \
 *                                      before a space breaks the line: | NAME \ address |
 *   @table-total ...   the same, with the last row in bold (a total)
 *   @signature         a signature line; the next line is the name, the lines after it details
 *   @pagebreak         a new page
 *   @title Text        the document's title (its metadata)
 *   @initials Text     the initials field printed at the foot of every page
 *   @orientation landscape   the page turned (default portrait)
 *   **bold**  *italic*   inside any text (underscores are plain: ______ is a blank to fill in)
 *   a line ending in a single \ breaks the line there (the next line stays in the same paragraph)
 *
 * Case-file text reaches the markup only through escapeMarkup (every character that means
 * something here is backslash-escaped), so a worker's name can never forge a heading, a numbered
 * paragraph or a table cell.
 */

const SPECIAL = /[\\*|#@.]/g;

/** Makes text from a case file literal in the markup: it prints exactly as written, on one line. */
export function escapeMarkup(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\t\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/** A problem in the markup a template produced: the line of the output and what is wrong. */
export class MarkupError extends Error {
  constructor(readonly line: number, message: string) {
    super(`output line ${line}: ${message}`);
    this.name = 'MarkupError';
  }
}

type Directive = 'center' | 'right' | 'left' | 'indent';
const ALIGN_DIRECTIVES: Record<Directive, Align | undefined> = { center: 'center', right: 'right', left: 'left', indent: undefined };

export function parseMarkup(source: string, fallbackTitle: string): DocumentModel {
  const lines = source.split('\n');
  const blocks: Block[] = [];
  let title = fallbackTitle;
  let initialsField: string | undefined;
  let orientation: DocumentModel['orientation'];
  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (!line) {
      i++;
      continue;
    }
    if (line === '@pagebreak') {
      blocks.push({ kind: 'pageBreak' });
      i++;
      continue;
    }
    if (line.startsWith('@title ')) {
      title = unescape(line.slice(7).trim());
      i++;
      continue;
    }
    const turned = /^@orientation\s+(\S+)$/.exec(line);
    if (turned) {
      if (turned[1] !== 'portrait' && turned[1] !== 'landscape') throw new MarkupError(lineNo, `@orientation is portrait or landscape, not ${turned[1]}`);
      orientation = turned[1];
      i++;
      continue;
    }
    if (line.startsWith('@initials ')) {
      initialsField = unescape(line.slice(10).trim());
      i++;
      continue;
    }
    if (line === '@signature') {
      const body = takeBlock(lines, i + 1);
      if (!body.lines.length) throw new MarkupError(lineNo, '@signature needs the signer\'s name on the next line');
      const signer = eachOf(body.lines, unescape);
      blocks.push({ kind: 'signature', name: signer[0]!, lines: signer.slice(1) });
      i = body.next;
      continue;
    }
    const table = /^@(table|table-total)\s+(.*)$/.exec(line);
    if (table) {
      const columns = parseColumns(table[2]!, lineNo);
      const body = takeBlock(lines, i + 1);
      const rows: string[][] = [];
      for (let k = 0; k < body.lines.length; k++) rows.push(parseRow(body.lines[k]!, columns.length, i + 2 + k));
      blocks.push({ kind: 'table', columns, rows, boldLastRow: table[1] === 'table-total' || undefined });
      i = body.next;
      continue;
    }
    // A paragraph, a numbered paragraph or a heading, possibly after alignment directives.
    const body = takeBlock(lines, i);
    let first = body.lines[0]!;
    let align: Align | undefined;
    let indent: number | undefined;
    for (let d = /^@(center|right|left|indent)\s+/.exec(first); d; d = /^@(center|right|left|indent)\s+/.exec(first)) {
      const name = d[1] as Directive;
      if (name === 'indent') indent = (indent ?? 0) + 1;
      else align = ALIGN_DIRECTIVES[name];
      first = first.slice(d[0].length);
    }
    if (/^@/.test(first)) throw new MarkupError(lineNo, `unknown directive ${first.split(/\s/)[0]}`);
    const text = joinLines([first, ...body.lines.slice(1)]);
    const heading = /^(#{1,3})\s+(.*)$/.exec(text);
    const numbered = /^\d+\.\s+(.*)$/.exec(text);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: unescape(heading[2]!), align });
    } else if (numbered) {
      blocks.push({ kind: 'numbered', runs: parseRuns(numbered[1]!) });
    } else {
      blocks.push({ kind: 'paragraph', runs: parseRuns(text), align, indent });
    }
    i = body.next;
  }
  return { title, initialsField, orientation, blocks };
}

/** Joins a paragraph's lines with spaces, or with a line break after a line ending in a lone \. */
function joinLines(lines: string[]): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const hardBreak = (/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1;
    if (hardBreak) out += `${line.slice(0, -1).trimEnd()}\n`;
    else out += k < lines.length - 1 ? `${line} ` : line;
  }
  return out;
}

/** The lines up to the next blank line. A line that starts a new structure also ends the block. */
function takeBlock(lines: string[], from: number): { lines: string[]; next: number } {
  const out: string[] = [];
  let i = from;
  while (i < lines.length && lines[i]!.trim()) {
    const t = lines[i]!.trim();
    if (out.length && /^(#{1,3}\s|\d+\.\s|@)/.test(t)) break;
    out.push(t);
    i++;
  }
  return { lines: out, next: i };
}

function parseColumns(spec: string, lineNo: number): TableColumn[] {
  const columns: TableColumn[] = [];
  for (const cell of splitCells(spec)) {
    const [header, width, align] = eachOf(cell.split(/(?<!\\):/), trim);
    const w = width === undefined || width === '' ? 1 : Number(width);
    if (!Number.isFinite(w) || w <= 0) throw new MarkupError(lineNo, `table column "${header}": the width must be a positive number`);
    if (align !== undefined && !['left', 'center', 'right', 'justify'].includes(align)) throw new MarkupError(lineNo, `table column "${header}": unknown alignment ${align}`);
    columns.push({ header: unescapeCell(header ?? ''), width: w, align: align ? (align as Align) : undefined });
  }
  return columns;
}

function parseRow(line: string, columns: number, lineNo: number): string[] {
  if (!line.startsWith('|')) throw new MarkupError(lineNo, 'a table row starts with |');
  const cells = eachOf(splitCells(line.replace(/^\|/, '').replace(/(?<!\\)\|$/, '')), unescapeCell);
  if (cells.length !== columns) throw new MarkupError(lineNo, `a table row has ${cells.length} cell(s); the table has ${columns} column(s)`);
  return cells;
}

const trim = (text: string): string => text.trim();

/**
 * `texts.map(f)`, into an array grown by push. Arrays from map and split came in more than one
 * kind, and parseMarkup's optimised code was dropped each time it met another ("wrong map").
 */
function eachOf(texts: readonly string[], f: (text: string) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) out.push(f(texts[i]!));
  return out;
}

/** Splits on unescaped |, keeping escapes for unescape() to remove. */
function splitCells(text: string): string[] {
  return eachOf(text.split(/(?<!\\)\|/), trim);
}

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
}

/**
 * A table cell's text: escapes removed, and a lone backslash before a space (or ending the cell) a
 * line break. Escaped text never has one (escapeMarkup doubles every backslash), so case-file text
 * cannot break a cell.
 */
function unescapeCell(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined || next === ' ') {
      out = `${out.trimEnd()}\n`;
      while (text[i + 1] === ' ') i++;
      continue;
    }
    out += next;
    i++;
  }
  return out;
}

/**
 * **bold** and *italic* runs; escaped markers are literal text. The text between markers and escapes
 * is taken in slices, not character by character: a paragraph built of one-character pieces is
 * slow to measure and draw (every later look at it first joins the pieces).
 */
export function parseRuns(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  let from = 0;
  for (let i = nextMark(text, 0); i < text.length; i = nextMark(text, i)) {
    buf += text.slice(from, i);
    if (text[i] === '\\') {
      // An escape: the next character as it is (a trailing lone backslash stays).
      buf += text[i + 1] ?? '\\';
      i += 2;
    } else if (text[i + 1] === '*') {
      pushRun(runs, buf, bold, italic);
      buf = '';
      bold = !bold;
      i += 2;
    } else {
      pushRun(runs, buf, bold, italic);
      buf = '';
      italic = !italic;
      i += 1;
    }
    from = i;
  }
  buf += text.slice(from);
  pushRun(runs, buf, bold, italic);
  return runs;
}

/**
 * A run, plain or emphasised. Emphasised runs and the blocks have one shape each, every key given
 * (undefined where it does not apply): blocks of several shapes made parseMarkup and the renderers
 * that read them lose their optimised code again and again over a batch (node --trace-deopt: "wrong map").
 */
function pushRun(runs: Run[], text: string, bold: boolean, italic: boolean): void {
  if (!text) return;
  runs.push(bold || italic ? { text, bold: bold || undefined, italic: italic || undefined, underline: undefined } : text);
}

/** Where the next * or \ is, at or after `from` (the text's length if none). */
const MARK = /[*\\]/g;
function nextMark(text: string, from: number): number {
  MARK.lastIndex = from;
  return MARK.exec(text)?.index ?? text.length;
}
