/**
 * The document model: what a draft says and in what order, before any format. Templates
 * (Handlebars, issue 5) produce it; the PDF and DOCX renderers consume it, so both formats always
 * carry the same words. Other documents (a trainer's scoreboard, a group summary) build it directly.
 *
 * Text is plain text: renderers never interpret markup inside it.
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A run of text with emphasis. A plain string is an unemphasised run. */
export type Run = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export interface TableColumn {
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
  | { kind: 'pageBreak' };

export interface DocumentModel {
  /** The document's title, also used in its metadata (no dates, no IDs: output is reproducible). */
  title: string;
  blocks: Block[];
}
