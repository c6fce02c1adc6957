import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildCase } from '../../src/interview/build-case.js';
import { currencyCode, date, money, months, wage, whole } from '../../src/interview/fields.js';
import { validateAnswers } from '../../src/interview/progress.js';
import { FACT_QUESTIONS, questionsForFields, review } from '../../src/interview/run.js';
import { TOPICS } from '../../src/interview/topics.js';
import { parseCase } from '../../src/io/read-case.js';
import { assess } from '../../src/law/assess.js';
import { ScriptedPrompter } from '../../src/prompt/scripted-prompter.js';
import { DataError } from '../../src/core/errors.js';
import type { CaseFile } from '../../src/schemas/case.js';
import { PARAMETERS, readFixture } from '../helpers/cases.js';
import { SequencePrompter, interview, readAnswers } from './helpers.js';

const asCase = (answers: Parameters<typeof buildCase>[0]): CaseFile => parseCase(stringify(buildCase(answers)), 'interview.yaml');
const totals = (c: CaseFile, asOf: string) => Object.fromEntries(assess(c, { asOf }, PARAMETERS).totals.map((t) => [t.currency, t.amount]));

/** The facts of a fixture, less what the interview does not ask (a month's note) or records more fully (consent to a deduction). */
function comparable(c: CaseFile): unknown {
  const copy = structuredClone(c) as CaseFile & { interview?: unknown };
  delete copy.interview;
  for (const m of copy.employment.months) delete m.note;
  for (const d of copy.employment.deductions) delete d.consentInWriting;
  return copy;
}

describe('full interviews from answers keyed by question name', () => {
  it('the demo case: the same facts as fixtures/cases/demo-romania.yaml, the same totals', async () => {
    const { answers, saves } = await interview(readAnswers('demo-romania.yaml'));
    const c = asCase(answers);
    expect(comparable(c)).toEqual(comparable(readFixture('demo-romania.yaml')));
    expect(totals(c, '2026-11-23')).toEqual({ USD: '13142.46', PHP: '110000.00' });
    expect(saves).toBe(Object.keys(answers).length); // saved after every single answer
  });

  it('a dismissed household worker: the same facts and totals as its fixture', async () => {
    const { answers, asked } = await interview(readAnswers('household-worker-dismissed.yaml'));
    const c = asCase(answers);
    expect(comparable(c)).toEqual(comparable(readFixture('household-worker-dismissed.yaml')));
    expect(totals(c, '2026-11-23')).toEqual({ SAR: '37950.00', PHP: '204145.68' });
    // Cause "none": no questions about notices; no second contract, no overtime.
    expect(asked.filter((n) => n.startsWith('separation.notices'))).toEqual([]);
    expect(asked.filter((n) => n.startsWith('substitutedContract.') && n !== 'substitutedContract.any')).toEqual([]);
    expect(asked.filter((n) => n.startsWith('overtime') || n === 'contract.overtimeMultiplier')).toEqual([]);
  });

  it('a completed contract: 24 months of wages in three answers, the same totals as its fixture', async () => {
    const { answers, asked } = await interview(readAnswers('completed-underpaid.yaml'));
    expect(asked.filter((n) => n.startsWith('wages.'))).toEqual(['wages.2023-02', 'wages.2023-03', 'wages.2023-04']);
    const c = asCase(answers);
    expect(c.employment.months.map((m) => m.month)).toEqual(['2023-02', '2023-03', '2023-04', '2023-05..2025-01']);
    expect(comparable(c)).toEqual(comparable(readFixture('completed-underpaid-near-deadline.yaml')));
    expect(totals(c, '2025-12-15')).toEqual({ SAR: '8348.36' });
    // Not dismissed: no due-process questions; not resigned: no "why did you leave".
    expect(asked.some((n) => n.startsWith('separation.notices') || n === 'separation.cause' || n === 'separation.forcedBy')).toBe(false);
  });

  it('due-process questions come only with a dismissal for a stated cause', async () => {
    const script = { ...readAnswers('household-worker-dismissed.yaml'), 'separation.cause': 'just', 'separation.causeDisputed': true, 'separation.notices.hearing': false };
    const { asked, answers } = await interview(script);
    expect(asked).toEqual(expect.arrayContaining(['separation.causeDisputed', 'separation.notices.chargeNotice', 'separation.notices.hearing', 'separation.notices.decisionNotice', 'separation.solelyWorkersFault']));
    expect(asCase(answers).separation.notices).toEqual({ hearing: false });
  });

  it('the second contract is asked about only if there was one', async () => {
    const { asked } = await interview({ ...readAnswers('demo-romania.yaml'), 'substitutedContract.any': false });
    expect(asked.filter((n) => n.startsWith('substitutedContract.'))).toEqual(['substitutedContract.any']);
  });
});

describe('monthly wages, the fast way', () => {
  const base = { ...readAnswers('completed-underpaid.yaml') };
  for (const k of Object.keys(base)) if (k.startsWith('wages.')) delete base[k];

  it('"same", "nothing until June" and "to <month>" fill the months', async () => {
    const { answers } = await interview({ ...base, 'wages.2023-02': '1,500', 'wages.2023-03': 'nothing until June', 'wages.2023-07': 'same', 'wages.2023-08': '1500 to 2025-01' });
    expect(asCase(answers).employment.months.map((m) => [m.month, m.wagesReceived])).toEqual([
      // March and April differ by their overtime (10 and 20 hours); May to July are one range.
      ['2023-02', '1500'], ['2023-03', '0'], ['2023-04', '0'], ['2023-05..2023-07', '0'], ['2023-08..2025-01', '1500'],
    ]);
  });

  it('Enter is "same as last month"', () => {
    expect(wage('2023-03', '2025-01', '1500')('')).toEqual({ ok: true, value: '1500' });
    expect(wage('2023-03', '2025-01', undefined)('')).toMatchObject({ ok: false, message: expect.stringMatching(/no earlier month/) });
  });

  it('refuses a range past the months worked, or backwards', () => {
    expect(wage('2023-03', '2023-12', '1')('1 to 2024-02')).toMatchObject({ ok: false, message: '2024-02 is after the last month worked (2023-12)' });
    expect(wage('2023-03', '2023-12', '1')('1 to 2023-01')).toMatchObject({ ok: false, message: '2023-01 is before 2023-03' });
    expect(wage('2023-11', '2024-12', '1')('nothing to March')).toEqual({ ok: true, value: '0 to 2024-03' });
    expect(wage('2023-04', '2025-01', '1')('same to January')).toEqual({ ok: true, value: '1 to 2024-01' });
    expect(wage('2023-04', '2023-12', '1')('same to January')).toEqual({ ok: false, message: 'there is no January between 2023-04 and the last month worked (2023-12)' });
  });
});

describe('validation at the prompt says what to type', () => {
  it.each([
    [date, '2011-02-30', 'expected a real date like 2011-03-14'],
    [date, '14/03/2011', 'expected a date like 2011-03-14 or 14 March 2011 (in "14/03/2011" the day and the month could be read either way)'],
    [date, 'last week', 'expected a date like 2011-03-14 or 14 March 2011, got "last week"'],
    [money, 'four hundred', 'expected an amount like 1,500.00 (only the number: the currency is asked next), got "four hundred"'],
    [money, '-5', 'expected an amount like 1,500.00 (not negative), got "-5"'],
    [money, '1,50,000', 'expected an amount like 1,500.00 (not negative), got "1,50,000"'],
    [currencyCode, 'dollers', 'expected a currency code like USD or PHP (or a word like dollars, pesos, riyals), got "dollers"'],
    [months, '2025-13', 'expected a month like 2025-03 or a range like 2025-03..2025-06'],
    [months, '2025-06..2025-03', 'the range ends before it starts'],
    [whole, 'two', 'expected a whole number like 0, 1 or 24, got "two"'],
  ])('%#: %s', (parse, raw, message) => {
    expect(parse(raw)).toEqual({ ok: false, message });
  });

  it.each([
    [date, '14 March 2011', '2011-03-14'],
    [date, 'March 14, 2011', '2011-03-14'],
    [date, '2011-3-4', '2011-03-04'],
    [money, '1,500.00', '1500.00'],
    [money, ' 1500 ', '1500'],
    [currencyCode, 'us$', 'USD'],
    [currencyCode, 'Pesos', 'PHP'],
    [currencyCode, 'sar', 'SAR'],
    [months, '2025-3 to 2025-6', '2025-03..2025-06'],
  ])('%#: accepts %s', (parse, raw, value) => {
    expect(parse(raw)).toEqual({ ok: true, value });
  });

  it('a scripted answer meets the same check and names the question', async () => {
    const script = { ...readAnswers('demo-romania.yaml'), 'contract.basicMonthlySalary': 'four hundred' };
    const err = await interview(script).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe('script: contract.basicMonthlySalary: expected an amount like 1,500.00 (only the number: the currency is asked next), got "four hundred"');
  });

  it('an answers file is checked whole before anything is asked: bad values and unknown names', () => {
    const { problems } = validateAnswers({ 'worker.name': 'A', 'fees.count': '1', 'fees[0].date': '31 Feb 2025', 'contract.salary': '400', 'separation.how': 'fired' });
    expect(problems).toEqual([
      { path: 'separation.how', message: 'expected one of: dismissed, resigned_or_fled, completed, still_employed' },
      { path: 'fees[0].date', message: 'expected a real date like 2011-03-14' },
      { path: 'contract.salary', message: expect.stringMatching(/^no such question/) },
    ]);
  });
});

describe('review and missing facts', () => {
  it('the review reopens a topic, offers the old answers, and keeps the change', async () => {
    const { answers } = await interview(readAnswers('demo-romania.yaml'));
    const p = new SequencePrompter({ review: ['contract', 'finish'], 'contract.basicMonthlySalary': ['450'] }, new ScriptedPrompter({}));
    let saved = 0;
    const after = await review(p, answers, async () => { saved++; });
    expect(after['contract.basicMonthlySalary']).toBe('450');
    expect(after['contract.position']).toBe('Sewing machine operator'); // the default offered was the old answer
    expect(saved).toBeGreaterThan(5);
    expect(p.said.join('\n')).toMatch(/4\. The approved contract\n.*Basic monthly salary in the approved contract: 400\.00/s);
  });

  it('every missing fact any fixture reports leads to a question, or is known to be one the interview does not ask', async () => {
    const { readdirSync } = await import('node:fs');
    const { fixture } = await import('../helpers/cases.js');
    const fixtures = readdirSync(fixture('.')).filter((f) => f.endsWith('.yaml') && f !== 'index.yaml');
    const { answers } = await interview(readAnswers('demo-romania.yaml'));
    const names = new Set(TOPICS.flatMap((t) => t.questions(answers).map((q) => q.name)));
    for (const f of fixtures) {
      for (const claim of assess(readFixture(f), { asOf: '2026-11-23' }, PARAMETERS).claims) {
        for (const m of claim.missingFacts) {
          const known = FACT_QUESTIONS[m.field] ?? [m.field];
          expect(known.every((n) => n.includes('[]') || names.has(n) || /^(separation|harm|contract)\./.test(n)), `${f}: ${m.field}`).toBe(true);
        }
      }
    }
  });

  it('maps the demo without a prayer to the moral-damages question', async () => {
    const script = { ...readAnswers('demo-romania.yaml') };
    delete script['prayer.moralDamages.amount'];
    const { answers } = await interview(script);
    const a = assess(asCase(answers), { asOf: '2026-11-23' }, PARAMETERS);
    const fields = a.claims.filter((c) => c.status === 'possible').flatMap((c) => c.missingFacts.map((m) => m.field));
    expect(fields).toContain('prayer.moralDamages');
    expect(questionsForFields(fields, answers)).toEqual([{ topic: expect.objectContaining({ id: 'prayer' }), names: ['prayer.moralDamages.amount'] }]);
  });
});
