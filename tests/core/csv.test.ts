import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, csvLine, parseCsv } from '../../src/core/csv.js';

describe('reading CSV as spreadsheets save it', () => {
  it('reads quoted cells, doubled quotes, and line breaks inside quotes, with each record on its first line', () => {
    const text = 'id,worker.address,note\n1,"Purok 3, San Isidro","she said ""no"""\n2,"line one\nline two",x\n3,plain,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['id', 'worker.address', 'note'] },
      { line: 2, cells: ['1', 'Purok 3, San Isidro', 'she said "no"'] },
      { line: 3, cells: ['2', 'line one\nline two', 'x'] },
      { line: 5, cells: ['3', 'plain', ''] },
    ]);
  });

  it('takes CRLF, a byte-order mark, blank lines and a last line without a break', () => {
    expect(parseCsv('\uFEFFid,a\r\n1,x\r\n\r\n2,y')).toEqual([
      { line: 1, cells: ['id', 'a'] },
      { line: 2, cells: ['1', 'x'] },
      { line: 4, cells: ['2', 'y'] },
    ]);
  });

  it('reads a sheet saved with semicolons, where the comma is the decimal mark', () => {
    expect(parseCsv('id;fees[0].amount\n1;2500,00\n').map((r) => r.cells)).toEqual([['id', 'fees[0].amount'], ['1', '2500,00']]);
  });

  it('decides the delimiter on the header, not on comment lines above it', () => {
    expect(parseCsv('# notes; see COLUMNS.md\nid,a\n1,x;y\n').map((r) => r.cells)).toEqual([['# notes; see COLUMNS.md'], ['id', 'a'], ['1', 'x;y']]);
  });

  it('names the line of a quote that is never closed', () => {
    const r = new CsvReader();
    r.push('id,a\n1,"open\n2,b\n');
    let error: unknown;
    try {
      r.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(2);
  });

  it('gives the same records however the text is cut into chunks (the sheet is streamed)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', '', ' x '));
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        const text = [['id', 'value'], ...rows.map((r, i) => [`${i + 1}`, r[1]!])].map((r) => csvLine(r).replace(/\n$/, crlf ? '\r\n' : '\n')).join('');
        const whole = parseCsv(text);
        const reader = new CsvReader();
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const p of points) {
          pieces.push(text.slice(from, p));
          from = p;
        }
        pieces.push(text.slice(from));
        const chunked = [...pieces.flatMap((p) => reader.push(p)), ...reader.end()];
        expect(chunked).toEqual(whole);
        // And the cells come back as written (a formula-like cell is written with a leading ').
        expect(whole.slice(1).map((r) => r.cells[1])).toEqual(rows.map((r) => (/^[=+\-@\t\r]/.test(r[1]!) ? `'${r[1]}` : r[1])));
      }),
    );
  });
});

describe('writing CSV cells', () => {
  it('quotes what needs quoting and never lets a spreadsheet run a cell as a formula', () => {
    expect(csvLine(['a', 'b,c', 'say "x"', '=SUM(A1)', '-3'])).toBe('a,"b,c","say ""x""",\'=SUM(A1),\'-3\n');
  });
});
