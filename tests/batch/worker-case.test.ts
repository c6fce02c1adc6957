import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/batch/columns.js';
import { workerCase } from '../../src/batch/worker-case.js';
import { parseCsv } from '../../src/core/csv.js';
import { parseGroup } from '../../src/io/read-group.js';
import { assess } from '../../src/law/assess.js';
import { PARAMETERS, readFixture } from '../helpers/cases.js';

const ROMANIA = fileURLToPath(new URL('../../fixtures/groups/romania/group.yaml', import.meta.url));
const group = parseGroup(readFileSync(ROMANIA, 'utf8'), ROMANIA);

/** One worker from a two-line sheet: a header and a row. */
function worker(header: string, row: string, facts = group.facts) {
  const [h, r] = parseCsv(`${header}\n${row}\n`);
  const { columns, problems } = readHeader(h!.cells);
  expect(problems).toEqual([]);
  return workerCase(facts, columns, h!.cells.length, r!);
}

describe('a row of the worker sheet becomes a case file', () => {
  it("gives the demo worker's own case: the group's facts with her name, address and overtime", () => {
    const w = worker(
      'id,worker.name,worker.address,worker.sex,worker.civilStatus,overtime.2025-03,overtime.2025-04',
      '001,Maria Luz Dela Cruz,"Purok 3, Barangay San Isidro, San Fernando City, La Union",female,single,40,40',
    );
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    const demo = readFixture('demo-romania.yaml');
    const a = assess(w.facts, { asOf: '2026-11-23' }, PARAMETERS);
    // The same totals as the single demo case, to the cent.
    expect(a.totals.map((t) => `${t.currency} ${t.amount}`)).toEqual(assess(demo, { asOf: '2026-11-23' }, PARAMETERS).totals.map((t) => `${t.currency} ${t.amount}`));
    expect(a.totals.map((t) => `${t.currency} ${t.amount}`)).toEqual(['PHP 110000.00', 'USD 13142.46']);
  });

  it('inherits a blank cell, overrides a filled one, and clears with "-"', () => {
    const w = worker('id,worker.name,fees[0].amount,fees[0].date,prayer.moralDamages.amount,substitutedContract.place', '7,Ana Cruz,"2,350.00",,50000,-');
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.facts.fees[0]).toMatchObject({ amount: '2350.00', currency: 'USD', date: '2025-01-22' });
    expect(w.facts.prayer.moralDamages).toEqual({ amount: '50000', currency: 'PHP' });
    expect(w.facts.substitutedContract?.place).toBeUndefined();
  });

  it('reads yes/no, whole numbers and lists as people type them', () => {
    const w = worker('id,worker.name,fees[0].receipt,contract.termMonths,separation.forcedBy', '8,Ana Cruz,no,12,threats_missing_is_wrong; abuse');
    expect(w.ok).toBe(false);
    const ok = worker('id,worker.name,fees[0].receipt,contract.termMonths,separation.forcedBy', '8,Ana Cruz,No,12, abuse ;harassment');
    expect(ok.ok && ok.facts.fees[0]!.receipt).toBe(false);
    expect(ok.ok && ok.facts.contract.termMonths).toBe(12);
    expect(ok.ok && ok.facts.separation.forcedBy).toEqual(['abuse', 'harassment']);
  });

  it("splits the group's month range where a row changes one month, and removes a month with \"-\"", () => {
    const w = worker('id,worker.name,wages.2025-05,wages.2025-07,separation.date,employment.deductions[0].month', '9,Ana Cruz,200.00,-,2025-06-30,2025-04..2025-06');
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.facts.employment.months.map((m) => `${m.month} ${m.wagesReceived}`)).toEqual(['2025-03 0', '2025-04 235.00', '2025-05 200.00', '2025-06 235.00']);
  });

  it('reports each bad cell by row and column, with what was expected and what was typed', () => {
    const w = worker('id,worker.name,fees[0].amount,fees[0].date,fees[0].receipt', '10,Ana Cruz,25OO,31/01/2025,maybe');
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.problems).toEqual([
      { row: 2, id: '10', column: 'fees[0].receipt', message: 'expected yes or no, got "maybe"' },
      { row: 2, id: '10', column: 'fees[0].amount', message: 'expected an amount like 1,500.00 (not negative), got "25OO"' },
      { row: 2, id: '10', column: 'fees[0].date', message: 'expected a real date like 2011-03-14, got "31/01/2025"' },
    ]);
    const w2 = worker('id,worker.name,fees[0].amount,fees[0].date', '10,Ana Cruz,25OO,31/01/2025');
    expect(!w2.ok && w2.problems.map((p) => `${p.column}: ${p.message}`)).toEqual([
      'fees[0].amount: expected an amount like 1,500.00 (not negative), got "25OO"',
      'fees[0].date: expected a real date like 2011-03-14, got "31/01/2025"',
    ]);
  });

  it('lays a missing value at the row when the sheet has the column, and at the group file when it has not', () => {
    const blank = worker('id,worker.name', '11,');
    expect(!blank.ok && blank.problems[0]).toMatchObject({ column: 'worker.name', message: expect.stringContaining('the cell is empty and the group file gives no worker.name') });
    const { contract: _c, ...noContract } = group.facts;
    const w = worker('id,worker.name', '12,Ana Cruz', noContract);
    expect(!w.ok && w.problems).toEqual([]);
    expect(!w.ok && w.groupProblems.map((p) => p.path.join('.'))).toContain('contract');
  });

  it('gives a cross-field problem (a separation before the start) to the row whose dates cause it, once', () => {
    const w = worker('id,worker.name,separation.date,separation.repatriation.date', '13,Ana Cruz,2025-02-15,2025-02-18');
    expect(!w.ok && w.problems.map((p) => `${p.column}: ${p.message}`)).toEqual(['separation.date: the separation (2025-02-15) is before the contract started (2025-03-01)']);
  });

  it("an entry the row adds (a second fee) must be complete in the row", () => {
    const w = worker('id,worker.name,fees[1].amount,fees[1].currency', '14,Ana Cruz,100.00,USD');
    expect(!w.ok && w.problems.map((p) => p.column)).toEqual(['fees[1].receipt']);
    const ok = worker('id,worker.name,fees[1].amount,fees[1].currency,fees[1].receipt,fees[1].purpose', '14,Ana Cruz,100.00,USD,yes,medical');
    expect(ok.ok && ok.facts.fees.map((f) => f.purpose)).toEqual(['placement_fee', 'medical']);
  });
});

describe('the header', () => {
  it('reports every unknown or misspelt column at once, with the spreadsheet position', () => {
    const { problems } = readHeader(['id', 'worker.nmae', 'fees[0]', 'wages.2025-13', 'jurisdiction', 'Worker.name', '', 'id']);
    expect(problems.map((p) => `${p.position} ${p.column}: ${p.message}`)).toEqual([
      expect.stringMatching(/^2 worker\.nmae: worker has no field "nmae"; its fields: name, address/),
      expect.stringMatching(/^3 fees\[0\]: fees\[0\] is a group of fields: use one column per field, like fees\[0\]\.amount/),
      '4 wages.2025-13: a month column is wages.2025-04 or wages.2025-04..2025-07: a year and a month 01 to 12',
      '5 jurisdiction: jurisdiction is set in the group file, for every worker',
      expect.stringMatching(/^6 Worker\.name: the case file has no field "Worker" \(did you mean worker\?\)/),
      '7 (column 7): the header cell is empty: name the column, or delete it',
      '8 id: the same column as column 1',
    ]);
  });

  it('needs an id column', () => {
    expect(readHeader(['worker.name']).problems.map((p) => p.message)).toEqual(['the sheet needs an id column: a number or code for each worker, unique in the sheet']);
  });
});
