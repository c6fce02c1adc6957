/**
 * CSV as spreadsheets write it (RFC 4180): quoted cells with "" for a quote and line breaks inside
 * quotes; CRLF or LF; a byte-order mark; comma or, as spreadsheets in many locales save, semicolon.
 * Incremental, so a sheet of any size is read in chunks with flat memory.
 */

export interface CsvRecord {
  /** The line the record starts on (1-based), which is the row a spreadsheet shows. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export class CsvReader {
  private delimiter: string | undefined;
  private cell = '';
  private cells: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote was just read: either the closing one or the first of "". */
  private quoteSeen = false;
  private cellWasQuoted = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private pendingCR = false;

  private carry = '';

  /** The records completed by this chunk. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = this.carry + chunk;
    this.carry = '';
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.delimiter === undefined) {
      const header = firstDataLine(text);
      if (header === undefined) {
        this.carry = text; // wait for the header line to be complete
        return out;
      }
      this.delimiter = pickDelimiter(header);
    }
    for (let i = 0; i < text.length; i++) this.step(text[i]!, out);
    return out;
  }

  /** The last record, if the text did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.carry) {
      const text = this.carry;
      this.carry = '';
      this.delimiter ??= pickDelimiter(text.split(/\r?\n/).find((l) => !l.startsWith('#')) ?? '');
      for (let i = 0; i < text.length; i++) this.step(text[i]!, out);
    }
    if (this.quoted && !this.quoteSeen) throw new CsvSyntaxError(this.recordLine, `a quoted cell opened on line ${this.recordLine} is never closed (a " is missing)`);
    if (this.cell !== '' || this.cells.length || this.cellWasQuoted) this.finishRecord(out);
    return out;
  }

  private step(ch: string, out: CsvRecord[]): void {
    if (this.pendingCR) {
      this.pendingCR = false;
      if (ch === '\n') return;
    }
    if (this.quoted) {
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === '"') {
          this.cell += '"';
          return;
        }
        this.quoted = false; // that quote closed the cell; this character is read below
      } else {
        if (ch === '"') this.quoteSeen = true;
        else {
          if (ch === '\n' || ch === '\r') this.line += 1;
          if (ch === '\r') {
            this.pendingCR = true;
            this.cell += '\n';
            return;
          }
          this.cell += ch;
        }
        return;
      }
    }
    if (ch === this.delimiter) {
      this.cells.push(this.cell);
      this.cell = '';
      this.cellWasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      this.finishRecord(out);
      this.line += 1;
      this.recordLine = this.line;
      if (ch === '\r') this.pendingCR = true;
    } else if (ch === '"' && this.cell === '' && !this.cellWasQuoted) {
      this.quoted = true;
      this.cellWasQuoted = true;
    } else {
      this.cell += ch;
    }
  }

  private finishRecord(out: CsvRecord[]): void {
    this.cells.push(this.cell);
    const cells = this.cells;
    this.cells = [];
    this.cell = '';
    this.cellWasQuoted = false;
    // A blank line is no record.
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: this.recordLine, cells });
    this.recordLine = this.line + 1;
  }
}

/** The first complete line that is not a comment ("#…"), if the text has one yet. */
function firstDataLine(text: string): string | undefined {
  let from = 0;
  for (;;) {
    const nl = text.slice(from).search(/[\r\n]/);
    if (nl < 0) return undefined;
    const line = text.slice(from, from + nl);
    if (!line.startsWith('#') && line.trim()) return line;
    from += nl + 1;
  }
}

/** A header with semicolons and no commas is a spreadsheet saved with ";" (where "," is the decimal mark). */
const pickDelimiter = (header: string): string => (!header.includes(',') && header.includes(';') ? ';' : ',');

/** Every record of a whole text: tests and small files. */
export function parseCsv(text: string): CsvRecord[] {
  const r = new CsvReader();
  return [...r.push(text), ...r.end()];
}

/** One cell for a spreadsheet: quoted when needed, and never run as a formula (=, +, -, @). */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\n`;
