import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryCsv, summaryJson } from '../../src/batch/summary-files.js';
import { GroupTally, type WorkerSummary, earliestDeadlines, groupTotals, summariseWorker } from '../../src/batch/summary.js';
import { parseCsv } from '../../src/core/csv.js';
import { minorExponent } from '../../src/core/currency.js';
import { formatAmount } from '../../src/core/money.js';
import { assess } from '../../src/law/assess.js';
import { GROUND_IDS } from '../../src/law/types.js';
import { PARAMETERS, readFixture } from '../helpers/cases.js';

const CURRENCIES = ['USD', 'PHP', 'SAR', 'KWD', 'JPY', 'THB', 'SEK'];

/** A worker with random totals in random currencies (minor units as big as a real award can be). */
const arbWorker = (row: number) =>
  fc.uniqueArray(fc.constantFrom(...CURRENCIES), { maxLength: 4 }).chain((currencies) =>
    fc.tuple(...currencies.map((c) => fc.bigInt({ min: 0n, max: 10n ** 12n }).map((minor) => ({ currency: c, amount: formatAmount({ currency: c, minor }) })))).map(
      (totals): WorkerSummary => ({
        row,
        id: String(row),
        name: `Worker ${row}`,
        address: null,
        folder: `w${row}`,
        statuses: Object.fromEntries(GROUND_IDS.map((g) => [g, 'supported'])) as WorkerSummary['statuses'],
        supported: [...GROUND_IDS],
        totals,
        deadlines: [],
        unverified: [],
      }),
    ),
  );
const arbGroup = fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbWorker(i + 2))));

/** A decimal in major units as exact minor units, read digit by digit: no Money code involved. */
const minorOf = (currency: string, amount: string): bigint => {
  const [i, f = ''] = amount.split('.');
  return BigInt(i! + f.padEnd(minorExponent(currency), '0'));
};

describe('the group totals prove their sums', () => {
  it('equal, per currency and to the cent, the sum of the workers’ totals (random groups)', () => {
    fc.assert(
      fc.property(arbGroup, (workers) => {
        const expected = new Map<string, bigint>();
        for (const w of workers) for (const t of w.totals) expected.set(t.currency, (expected.get(t.currency) ?? 0n) + minorOf(t.currency, t.amount));
        const totals = groupTotals(workers);
        expect(totals.map((t) => t.currency)).toEqual([...expected.keys()].sort());
        for (const t of totals) expect(minorOf(t.currency, t.amount)).toBe(expected.get(t.currency));
      }),
    );
  });

  it('summary.csv columns add up to summary.json totals (random groups)', () => {
    fc.assert(
      fc.property(arbGroup, (workers) => {
        const tally = new GroupTally();
        for (const w of workers) tally.add(w);
        const csv = parseCsv([...summaryCsv(workers, tally.totals().map((t) => t.currency))].join(''));
        const json = JSON.parse([...summaryJson({ group: { name: 'g', note: null, file: 'g.yaml', sheet: 's.csv' }, asOf: '2026-11-23', workers, tally, invalid: [], rowsInvalid: 0, failed: [], groupProblems: [] })].join(''));
        const header = csv[0]!.cells;
        for (const t of json.totals as { currency: string; amount: string }[]) {
          const col = header.indexOf(`total_${t.currency}`);
          const sum = csv.slice(1).reduce((s, r) => s + minorOf(t.currency, r.cells[col]!), 0n);
          expect(sum).toBe(minorOf(t.currency, t.amount));
        }
        expect(json.workers).toHaveLength(workers.length);
        expect(json.counts.assessed).toBe(workers.length);
      }),
    );
  });
});

describe('a worker’s summary', () => {
  it('keeps the statuses, totals, deadlines and unverified rules of the assessment', () => {
    const facts = readFixture('demo-romania.yaml');
    const a = assess(facts, { asOf: '2026-11-23' }, PARAMETERS);
    const s = summariseWorker(2, '001', '001-maria', facts, a);
    expect(s.totals).toEqual([{ currency: 'PHP', amount: '110000.00' }, { currency: 'USD', amount: '13142.46' }]);
    expect(s.statuses.constructive_dismissal).toBe('supported');
    expect(s.supported).toContain('placement_fee_refund');
    expect(s.deadlines.map((d) => d.id)).toEqual(a.deadlines.map((d) => d.id));
    expect(s.unverified.length).toBeGreaterThan(0);
  });

  it('puts the earliest deadline of the group first', () => {
    const facts = readFixture('demo-romania.yaml');
    const a = assess(facts, { asOf: '2026-11-23' }, PARAMETERS);
    const late = summariseWorker(2, 'A', 'a', facts, a);
    const early = { ...summariseWorker(3, 'B', 'b', facts, a), deadlines: [{ id: 'money_claims' as const, label: 'Money claims', deadline: '2027-01-05', daysLeft: 43, status: 'warning' as const }] };
    expect(earliestDeadlines([late, early])[0]).toMatchObject({ id: 'B', deadline: '2027-01-05' });
  });
});

describe('the running tally a batch keeps instead of its workers', () => {
  /** Deadlines from a few dates, so ties (broken by sheet row) are common. */
  const arbDeadlines = fc.array(
    fc.record({ day: fc.integer({ min: 1, max: 4 }), id: fc.constantFrom('money_claims' as const, 'illegal_dismissal' as const) }).map((d) => ({
      id: d.id,
      label: d.id === 'money_claims' ? 'Money claims' : 'Illegal dismissal',
      deadline: `2027-01-0${d.day}`,
      daysLeft: 38 + d.day,
      status: 'warning' as const,
    })),
    { maxLength: 2 },
  );
  const arbWorkers = arbGroup.chain((workers) =>
    fc.tuple(...workers.map((w) => fc.tuple(arbDeadlines, fc.boolean()).map(([deadlines, files]) => ({ ...w, deadlines, supported: files ? w.supported : [] })))),
  );

  it('gives, row by row, the same totals, earliest deadlines and complainants as the whole list (random groups)', () => {
    fc.assert(
      fc.property(arbWorkers, fc.integer({ min: 1, max: 6 }), (workers, keep) => {
        const tally = new GroupTally(keep);
        for (const w of workers) tally.add(w);
        expect(tally.totals()).toEqual(groupTotals(workers));
        expect(tally.earliest()).toEqual(earliestDeadlines(workers, keep));
        expect(tally.complainants).toBe(workers.filter((w) => w.supported.length).length);
        expect(tally.assessed).toBe(workers.length);
      }),
    );
  });
});
