import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, dayNumber } from '../../src/core/dates.js';
import { parseMoney } from '../../src/core/money.js';
import { assess } from '../../src/law/assess.js';
import { GROUND_IDS } from '../../src/law/types.js';
import { CaseFileSchema } from '../../src/schemas/case.js';
import { checkCase } from '../../src/schemas/case-checks.js';
import { PARAMETERS } from '../helpers/cases.js';

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);

/** Random but valid cases: any separation, wages, deductions, fees, harm and prayers. */
const caseArb = fc
  .record({
    startDay: fc.integer({ min: dayNumber('2005-01-01'), max: dayNumber('2025-06-01') }),
    term: fc.integer({ min: 3, max: 36 }),
    servedDays: fc.integer({ min: 0, max: 1200 }),
    how: fc.constantFrom('dismissed', 'resigned_or_fled', 'completed', 'still_employed'),
    cause: fc.constantFrom('none', 'just', 'authorised', 'unknown'),
    causeDisputed: fc.option(fc.boolean(), { nil: undefined }),
    salary: cents(500_000),
    currency: fc.constantFrom('USD', 'SAR', 'TWD', 'PHP'),
    category: fc.constantFrom('general', 'household', 'seafarer'),
    paid: fc.array(cents(500_000), { maxLength: 6 }),
    ot: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }),
    deduction: fc.option(cents(20_000), { nil: undefined }),
    fee: fc.option(cents(1_000_000), { nil: undefined }),
    repatriationPaid: fc.option(cents(100_000), { nil: undefined }),
    abuse: fc.subarray(['threats', 'physical_violence', 'humiliation', 'passport_withheld'] as const),
    moral: fc.option(cents(20_000_000), { nil: undefined }),
    legalFrom: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
    counting: fc.constantFrom('thirty-day-months', 'calendar', 'whole-months-down', 'whole-months-nearest', 'decimal-months'),
    capRegime: fc.constantFrom('current-law', 'as-applied'),
  })
  .map((r) => {
    const start = fromDayNumber(r.startDay);
    const end = addDays(start, r.servedDays);
    const sepDate = r.how === 'completed' ? addMonths(start, r.term) : end;
    const lastMonth = (r.how === 'still_employed' ? addMonths(start, r.term) : sepDate).slice(0, 7);
    const months = r.paid
      .map((p, i) => ({ month: addMonths(`${start.slice(0, 7)}-01`, i).slice(0, 7), wagesReceived: p, overtimeHours: String(r.ot[i] ?? 0) }))
      .filter((m) => m.month <= lastMonth);
    return CaseFileSchema.parse({
      jurisdiction: 'PH',
      worker: { name: 'W' },
      fees: r.fee ? [{ amount: r.fee, currency: r.currency, date: start, purpose: 'placement_fee', receipt: true }] : [],
      contract: { position: 'P', country: 'SA', category: r.category, currency: r.currency, basicMonthlySalary: r.salary, overtimeMultiplier: '1.25', start: { rule: 'date', date: start }, termMonths: r.term },
      employment: { months, deductions: r.deduction && months[0] ? [{ month: months[0].month, amount: r.deduction, purpose: 'agency_share' }] : [] },
      separation: {
        how: r.how,
        ...(r.how === 'still_employed' ? {} : { date: sepDate }),
        cause: r.cause,
        ...(r.causeDisputed === undefined ? {} : { causeDisputed: r.causeDisputed }),
        ...(r.repatriationPaid ? { repatriation: { date: sepDate, paidBy: 'worker', cost: { amount: r.repatriationPaid, currency: 'USD' } } } : {}),
      },
      harm: { abuse: r.abuse.map((kind) => ({ kind })) },
      prayer: r.moral ? { moralDamages: { amount: r.moral, currency: 'PHP' } } : {},
      dates: r.legalFrom === undefined ? {} : { legalInterestFrom: addDays('2000-01-01', r.legalFrom) },
      computation: { unexpiredCounting: r.counting, capRegime: r.capRegime },
    });
  })
  .filter((c) => checkCase(c).length === 0);

describe('assessments (properties over random cases)', () => {
  it('line amounts sum to the totals, per currency, and nothing is negative', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c, { asOf: '2026-11-23' }, PARAMETERS);
        expect(a.claims.map((cl) => cl.ground)).toEqual([...GROUND_IDS]);
        const sums = new Map<string, bigint>();
        for (const l of a.lines) {
          const m = parseMoney(l.currency, l.amount);
          expect(m.minor >= 0n).toBe(true);
          expect(l.basis.length).toBeGreaterThan(0);
          expect(l.formula.length).toBeGreaterThan(0);
          sums.set(l.currency, (sums.get(l.currency) ?? 0n) + m.minor);
        }
        expect(a.totals.map((t) => t.currency).sort()).toEqual([...sums.keys()].sort());
        for (const t of a.totals) expect(parseMoney(t.currency, t.amount).minor).toBe(sums.get(t.currency));
        expect(new Set(a.lines.map((l) => l.id)).size).toBe(a.lines.length);
      }),
      { numRuns: 300 },
    );
  });

  it('every claim line id points to a line, and every line to a claim or to legal interest', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c, { asOf: '2026-11-23' }, PARAMETERS);
        const ids = new Set(a.lines.map((l) => l.id));
        const claimed = new Set(a.claims.flatMap((cl) => cl.lines));
        for (const id of claimed) expect(ids.has(id)).toBe(true);
        for (const l of a.lines) expect(claimed.has(l.id) || l.ground === 'legal_interest').toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the same facts and date give the same assessment', () => {
    fc.assert(
      fc.property(caseArb, (c) => JSON.stringify(assess(c, { asOf: '2026-11-23' }, PARAMETERS)) === JSON.stringify(assess(structuredClone(c), { asOf: '2026-11-23' }, PARAMETERS))),
      { numRuns: 50 },
    );
  });
});
