/**
 * The document model: what a draft says and in what order, before any format. Templates
 * (Handlebars, issue 5) produce it; the PDF and DOCX renderers consume it, so both formats always
 * carry the same words. Other documents (a trainer's scoreboard, a group summary) build it directly.
 *
 * Text is plain text: renderers never interpret markup inside it. A "\n" inside a paragraph's run is
 * a line break within the paragraph (caption lines, addresses).
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A run of text with emphasis. A plain string is an unemphasised run. */
export type Run = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export interface TableColumn {
  /** May hold "\n" line breaks, as cells may. */
  header: string;
  /** Relative width: columns share the text width in proportion. */
  width: number;
  align?: Align;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; align?: Align }
  | { kind: 'paragraph'; runs: Run[]; align?: Align; indent?: number }
  /** A paragraph numbered in sequence with the document's other numbered paragraphs (1., 2., …). */
  | { kind: 'numbered'; runs: Run[] }
  /** Header row repeats on every page the table spans; a row never splits across pages. */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; boldLastRow?: boolean }
  | { kind: 'pageBreak' }
  /**
   * A place to sign: a line, the signer's name under it, then titles or details (one per line).
   * Kept together on one page.
   */
  | { kind: 'signature'; name: string; lines: string[]; align?: 'left' | 'right' };

export interface DocumentModel {
  /** The document's title, also used in its metadata (no dates, no IDs: output is reproducible). */
  title: string;
  /**
   * Printed at the foot of every page beside "Page x of y": a field for the affiant's initials,
   * e.g. "Initials of the affiant (M.L.D.C.): ________". Absent: no initials field.
   */
  initialsField?: string;
  /**
   * Absent: portrait, as pleadings are. Landscape is for wide tables a lawyer reads, not for filing
   * (a group summary's workers × claims table).
   */
  orientation?: 'portrait' | 'landscape';
  blocks: Block[];
}

/**
 * How a paragraph is aligned when its block does not say: justified, as pleadings are, except a
 * paragraph with line breaks (an address, a list of figures), which is set left so that no line
 * before a break is stretched.
 */
export function paragraphAlign(b: Extract<Block, { kind: 'paragraph' }>): Align {
  return b.align ?? (b.runs.some(hasLineBreak) ? 'left' : 'justify');
}

export const runText = (r: Run): string => (typeof r === 'string' ? r : r.text);
export const hasLineBreak = (r: Run): boolean => runText(r).includes('\n');
