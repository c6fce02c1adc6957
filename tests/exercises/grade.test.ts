import { describe, expect, it } from 'vitest';
import { parseAmount, readAnswers } from '../../src/exercises/answers.js';
import { gradeAnswers } from '../../src/exercises/grade.js';
import type { Key } from '../../src/exercises/key.js';
import { DataError } from '../../src/core/errors.js';
import { bankKey, perfectAnswers } from './helpers.js';


const grade = (key: Key, raw: Record<string, unknown>) => {
  const { trainee, answers } = readAnswers(key, raw, 'ana.yaml', 'ana');
  return gradeAnswers(key, trainee, answers);
};

describe('grading is a pure function of the key and the answers', async () => {
  const { key } = await bankKey('romania-garment');

  it('right answers score full marks in every skill', () => {
    const r = grade(key, { trainee: 'Ana Reyes', ...perfectAnswers(key) });
    expect(r.trainee).toBe('Ana Reyes');
    expect(r.questions.every((q) => q.verdict === 'right')).toBe(true);
    expect(r.total).toEqual({ score: key.questions.length, of: key.questions.length });
    expect(Object.keys(r.bySkill)).toEqual(['claims', 'facts', 'amounts', 'evidence', 'deadlines']);
  });

  it('wrong answers score nothing, and an unanswered question is marked so', () => {
    const r = grade(key, {
      claims: ['illegal_termination', 'nominal_damages'],
      'amount.unexpired_portion_salaries': '9999.99',
      'deadline.money_claims': '2028-08-04',
    });
    const by = Object.fromEntries(r.questions.map((q) => [q.name, q]));
    expect(by.claims).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(by.claims!.note).toMatch(/missed: contractual_violation, constructive_dismissal.*not correct: illegal_termination, nominal_damages/);
    expect(by['amount.unexpired_portion_salaries']).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(by['deadline.money_claims']).toMatchObject({ score: 0, verdict: 'wrong', note: '126 day(s) late: the claim would be lost' });
    expect(by.evidence).toMatchObject({ score: 0, verdict: 'unanswered' });
    expect(r.total.score).toBe(0);
  });

  it('partly right: some of the claims, and an amount worked from a slipped date earns half with the date named', () => {
    const unexpired = key.questions.find((q) => q.name === 'amount.unexpired_portion_salaries')!;
    if (unexpired.kind !== 'amount') throw new Error('expected an amount question');
    // The journey home taken as 1 August instead of 4 August: the engine's own figure for that slip.
    const slip = unexpired.nearMisses.find((n) => n.path === 'separation.repatriation.date' && n.to === '2025-08-01')!;
    expect(slip).toBeDefined();
    const r = grade(key, {
      claims: ['contractual_violation', 'constructive_dismissal', 'moral_damages', 'attorneys_fees'],
      'amount.unexpired_portion_salaries': slip.amount,
      'amount.wage_differential': 'USD 780',
    });
    const by = Object.fromEntries(r.questions.map((q) => [q.name, q]));
    expect(by.claims).toMatchObject({ score: 4 / 6, verdict: 'partly', note: 'missed: placement_fee_refund, repatriation_costs' });
    expect(by['amount.unexpired_portion_salaries']).toMatchObject({ score: 0.5, verdict: 'partly' });
    expect(by['amount.unexpired_portion_salaries']!.note).toBe(
      `the method is right, but ${slip.amount} USD is what it gives with the date of the journey home taken as 2025-08-01 instead of 2025-08-04`,
    );
    expect(by['amount.wage_differential']).toMatchObject({ score: 1, verdict: 'right' });
  });

  it('an exercise tolerance accepts a near figure; the default is to the cent', () => {
    const q = key.questions.find((x) => x.name === 'amount.unpaid_overtime')!;
    const off = { 'amount.unpaid_overtime': '307.70' };
    expect(grade(key, off).questions.find((x) => x.name === q.name)!.verdict).not.toBe('right');
    const lenient: Key = { ...key, questions: key.questions.map((x) => (x.kind === 'amount' ? { ...x, tolerance: '0.05' } : x)) };
    expect(grade(lenient, off).questions.find((x) => x.name === q.name)!.verdict).toBe('right');
  });

  it('amounts are read as people write them, rounded to the cent, in the right currency only', () => {
    expect(parseAmount({ currency: 'USD' }, '7,560.00')).toEqual({ ok: true, value: '7560.00' });
    expect(parseAmount({ currency: 'USD' }, 7560)).toEqual({ ok: true, value: '7560.00' });
    expect(parseAmount({ currency: 'USD' }, '307.694 USD')).toEqual({ ok: true, value: '307.69' });
    expect(parseAmount({ currency: 'KWD' }, '2445.8333')).toEqual({ ok: true, value: '2445.833' });
    expect(parseAmount({ currency: 'USD' }, 'PHP 100')).toEqual({ ok: false, message: 'this amount is in USD, not PHP' });
    expect(parseAmount({ currency: 'USD' }, 'about 7000').ok).toBe(false);
  });

  it('a malformed answer file names the file and each bad question, all at once', () => {
    let err: unknown;
    try {
      readAnswers(key, { claims: 'moral', 'amount.wage_differential': 'lots', 'why.nonsense': ['x'] }, 'ben.yaml', 'ben');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message.split('\n')).toEqual([
      expect.stringMatching(/^ben\.yaml: claims: expected a list of: contractual_violation, .*; got "moral"$/),
      'ben.yaml: amount.wage_differential: expected an amount in USD like 1234.50, got "lots"',
      expect.stringMatching(/^ben\.yaml: why\.nonsense: not a question of exercise romania-garment; its questions are: claims, why\.contractual_violation, /),
    ]);
    expect(() => readAnswers(key, ['a list'], 'c.yaml', 'c')).toThrow(/c\.yaml: expected answers keyed by question/);
  });
});
