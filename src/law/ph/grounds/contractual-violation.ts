import { daysInMonth, inclusiveDays, maxIso, minIso, monthBounds, parseIso } from '../../../core/dates.js';
import { type Money, addMoney, formatGrouped, parseMoney, toRatio } from '../../../core/money.js';
import { type Ratio, ZERO, add, compare, describe, div, isZero, mul, parseDecimal, ratio, sub, sum } from '../../../core/ratio.js';
import { expandMonthSpec, lastDayOfService } from '../../../schemas/derive.js';
import { type LineDraft, show, showExact } from '../../lines.js';
import { NOT_YET_FILED, interestOnParts } from '../../interest.js';
import { decimalValue } from '../../parameters.js';
import type { MissingFact, SubFinding } from '../../types.js';
import { ALDOVINO, LC_ART_113, LC_ART_34, RA8042_S10, RA8042_S6, SERRANO } from '../citations.js';
import { type GroundResult, type PhContext, type InterestStart, claim, contractMoney, evidence, interestStart } from '../context.js';

/** One month of work as the case file records it, with what was due. */
export interface WageMonth {
  month: string;
  due: Ratio;
  received: Ratio;
  deducted: Ratio;
  shortfall: Ratio;
  proration: string;
}

export interface DeductionItem {
  month: string;
  money: Money;
  purpose: string;
  authorised: boolean | 'ask';
  why: string;
}

/** Facts about pay that other grounds reuse (diminution of pay, deduction-triggered fee refunds). */
export interface PayFindings {
  months: WageMonth[];
  deductions: DeductionItem[];
  underpaid: boolean;
  unpaidMonths: string[];
  substitution: boolean;
  unauthorisedDeductions: boolean;
}

const DAY_DIVISOR = 'ph.unexpired.day_divisor';

const PURPOSE_WORDS: Record<string, string> = {
  food_lodging: 'food and lodging',
  placement_fee: 'placement fee',
  airfare: 'airfare',
  agency_share: "the agency's share",
  bond: 'a bond',
  loan: 'loan repayment',
  insurance: 'insurance',
  union_dues: 'union dues',
  tax: 'tax',
  social_security: 'social security',
  penalty: 'a penalty',
  other: 'other',
};
const purposeWords = (p: string): string => PURPOSE_WORDS[p] ?? p.replace(/_/g, ' ');

/**
 * The salary due for a calendar month: the full basic salary for a full month served; for a
 * partial month, the days served at monthly ÷ 30 (the day divisor), never more than a month.
 */
function dueFor(ctx: PhContext, month: string, daysWorked: number | undefined, divisor: Ratio): { due: Ratio; proration: string } {
  const basic = toRatio(contractMoney(ctx, ctx.c.contract.basicMonthlySalary));
  const { first, last } = monthBounds(month);
  let days = daysWorked;
  if (days === undefined && ctx.start) {
    const end = lastDayOfService(ctx.c) ?? last;
    const from = maxIso(first, ctx.start);
    const to = minIso(last, end);
    days = to < from ? 0 : inclusiveDays(from, to);
    const { y, m } = parseIso(first);
    if (days >= daysInMonth(y, m)) return { due: basic, proration: 'full month' };
  }
  if (days === undefined || compare(ratio(BigInt(days)), divisor) >= 0) return { due: basic, proration: 'full month' };
  return { due: div(mul(basic, ratio(BigInt(days))), divisor), proration: `${days} days × monthly ÷ ${describe(divisor)}` };
}

/** Art. 113: only insurance with consent, union dues with authorisation, and deductions the law allows. */
function judgeDeduction(ctx: PhContext, purpose: string, consent: boolean | undefined): { authorised: boolean | 'ask'; why: string } {
  switch (purpose) {
    case 'tax':
    case 'social_security':
      return { authorised: true, why: 'required by law' };
    case 'insurance':
    case 'union_dues':
      return consent ? { authorised: true, why: 'allowed with written consent' } : { authorised: false, why: 'no written consent' };
    case 'food_lodging':
      if (ctx.c.contract.freeFoodAndLodging) return { authorised: false, why: 'the approved contract promised free food and lodging' };
      return consent ? { authorised: 'ask', why: 'written consent given; whether food and lodging may be charged is for the lawyer' } : { authorised: false, why: 'no written consent, and not a deduction the law allows' };
    case 'loan':
      return consent ? { authorised: 'ask', why: "repaying the worker's own loan with written consent: for the lawyer to judge" } : { authorised: false, why: 'not a deduction the law allows' };
    default:
      return { authorised: false, why: 'not a deduction the law allows (placement fees, airfare, agency shares, bonds and penalties are not)' };
  }
}

export function findPay(ctx: PhContext): PayFindings {
  const c = ctx.c;
  const divisor = parseDecimal(decimalValue(ctx.p.at(DAY_DIVISOR, ctx.asOf, 'wages due for part of a month')));
  const deductions: DeductionItem[] = [];
  for (const d of c.employment.deductions) {
    const judged = judgeDeduction(ctx, d.purpose, d.consentInWriting);
    const currency = d.currency ?? c.contract.currency;
    for (const month of expandMonthSpec(d.month)) {
      deductions.push({ month, money: parseMoney(currency, d.amount), purpose: d.purpose, ...judged });
    }
  }
  const months: WageMonth[] = [];
  for (const m of c.employment.months) {
    for (const month of expandMonthSpec(m.month)) {
      const { due, proration } = dueFor(ctx, month, m.daysWorked, divisor);
      const received = toRatio(contractMoney(ctx, m.wagesReceived));
      // Deductions the employer kept were still wages earned: count them as paid here and claim them back as deductions.
      const deducted = sum(deductions.filter((d) => d.month === month && d.money.currency === c.contract.currency).map((d) => toRatio(d.money)));
      const paid = add(received, deducted);
      const shortfall = compare(due, paid) > 0 ? sub(due, paid) : ZERO;
      months.push({ month, due, received, deducted, shortfall, proration });
    }
  }
  months.sort((a, b) => (a.month < b.month ? -1 : 1));
  const sub_ = c.substitutedContract;
  const substitution =
    !!sub_ &&
    (sub_.changes.length > 0 ||
      (sub_.basicMonthlySalary !== undefined &&
        (sub_.currency ?? c.contract.currency) === c.contract.currency &&
        compare(toRatio(parseMoney(c.contract.currency, sub_.basicMonthlySalary)), toRatio(contractMoney(ctx, c.contract.basicMonthlySalary))) < 0) ||
      sub_.position !== undefined);
  return {
    months,
    deductions,
    underpaid: months.some((m) => !isZero(m.shortfall) && !isZero(m.received)),
    unpaidMonths: months.filter((m) => isZero(m.received) && isZero(m.deducted) && !isZero(m.due)).map((m) => m.month),
    substitution,
    unauthorisedDeductions: deductions.some((d) => d.authorised === false),
  };
}

function hourlyRate(ctx: PhContext): { rate: Ratio; how: string } {
  const k = ctx.c.contract;
  if (k.hourlyRate) return { rate: toRatio(contractMoney(ctx, k.hourlyRate)), how: `contract hourly rate ${show(contractMoney(ctx, k.hourlyRate))}` };
  const basic = contractMoney(ctx, k.basicMonthlySalary);
  // Normal monthly hours = hours a day × days a week × 52 weeks ÷ 12 months (see implicit rules).
  const monthlyHours = div(mul(mul(parseDecimal(k.hoursPerDay), parseDecimal(k.daysPerWeek)), ratio(52n)), ratio(12n));
  return {
    rate: div(toRatio(basic), monthlyHours),
    how: `${show(basic)} ÷ (${k.hoursPerDay} h × ${k.daysPerWeek} days × 52 ÷ 12 = ${describe(monthlyHours)} h a month)`,
  };
}

export function contractualViolation(ctx: PhContext, pay: PayFindings): GroundResult {
  const c = ctx.c;
  const cur = c.contract.currency;
  const drafts: LineDraft[] = [];
  const findings: SubFinding[] = [];
  const missing: MissingFact[] = [];
  const basic = contractMoney(ctx, c.contract.basicMonthlySalary);

  // Wage differential and non-payment: approved contract salary against what was paid, month by month.
  const short = pay.months.filter((m) => !isZero(m.shortfall));
  const underpaidMonths = short.filter((m) => !isZero(m.received) || !isZero(m.deducted));
  findings.push(
    underpaidMonths.length
      ? { id: 'underpayment', status: 'supported', reasons: [`Paid less than the contract's ${show(basic)} a month in ${underpaidMonths.length} month(s): ${underpaidMonths.map((m) => m.month).join(', ')}.`] }
      : { id: 'underpayment', status: pay.months.length ? 'not_supported' : 'possible', reasons: [pay.months.length ? 'Every month recorded was paid in full.' : 'No wages are recorded month by month yet.'] },
  );
  findings.push(
    pay.unpaidMonths.length
      ? { id: 'non_payment', status: 'supported', reasons: [`Nothing paid for ${pay.unpaidMonths.join(', ')}.`] }
      : { id: 'non_payment', status: pay.months.length ? 'not_supported' : 'possible', reasons: [pay.months.length ? 'No month went wholly unpaid.' : 'No wages are recorded month by month yet.'] },
  );
  if (!pay.months.length) missing.push({ field: 'employment.months', question: 'How much was the worker actually paid each month (month by month)?' });
  if (short.length) {
    const sub_ = c.substitutedContract;
    const details = short.map(
      (m) =>
        `${m.month}: due ${showExact(cur, m.due)} (${m.proration}) − received ${showExact(cur, m.received)}${isZero(m.deducted) ? '' : ` − deducted ${showExact(cur, m.deducted)} (claimed back separately)`} = ${showExact(cur, m.shortfall)}`,
    );
    if (sub_?.basicMonthlySalary) details.unshift(`The substituted contract's ${show(parseMoney(sub_.currency ?? cur, sub_.basicMonthlySalary))} does not replace the approved ${show(basic)}: substitution is void against the worker.`);
    drafts.push({
      kind: 'wage_differential',
      ground: 'contractual_violation',
      label: 'Unpaid wages and wage differential (approved contract salary − amount paid)',
      currency: cur,
      exact: sum(short.map((m) => m.shortfall)),
      formula: `Σ over ${short.length} month(s) of (due − paid) = ${short.map((m) => showExact(cur, m.shortfall).replace(`${cur} `, '')).join(' + ')}`,
      details,
      basis: [RA8042_S10, ...(pay.substitution ? [LC_ART_34, ALDOVINO] : [])],
    });
  }

  // Overtime: only hours actually worked, at the contract's rate (Serrano).
  const otMonths = c.employment.months.filter((m) => compare(parseDecimal(m.overtimeHours), ZERO) > 0);
  if (otMonths.length) {
    const mult = c.contract.overtimeMultiplier;
    if (!mult && !c.contract.hourlyRate) {
      findings.push({ id: 'unpaid_overtime', status: 'possible', reasons: ['Overtime hours are recorded, but not the contract\'s overtime rate.'] });
      missing.push({ field: 'contract.overtimeMultiplier', question: 'What overtime rate does the approved contract set (e.g. 1.25 or 2 times the hourly wage)?' });
    } else {
      const { rate, how } = hourlyRate(ctx);
      const m = parseDecimal(mult ?? '1');
      const otRate = mul(rate, m);
      let exact = ZERO;
      let hours = ZERO;
      const details: string[] = [`Hourly wage: ${how} = ${showExact(cur, rate)}; overtime rate × ${describe(m)} = ${showExact(cur, otRate)}`];
      for (const om of otMonths) {
        const h = parseDecimal(om.overtimeHours);
        const paid = toRatio(contractMoney(ctx, om.overtimePaid));
        const owed = sub(mul(h, otRate), paid);
        if (compare(owed, ZERO) <= 0) continue;
        hours = add(hours, h);
        exact = add(exact, owed);
        details.push(`${om.month}: ${om.overtimeHours} h × ${showExact(cur, otRate)}${isZero(paid) ? '' : ` − paid ${showExact(cur, paid)}`} = ${showExact(cur, owed)}`);
      }
      if (!isZero(exact)) {
        findings.push({ id: 'unpaid_overtime', status: 'supported', reasons: [`${describe(hours)} overtime hours worked and not paid at the contract rate.`] });
        drafts.push({
          kind: 'unpaid_overtime',
          ground: 'contractual_violation',
          label: 'Unpaid overtime (hours actually worked × contract overtime rate)',
          currency: cur,
          exact,
          formula: `${describe(hours)} h × ${showExact(cur, otRate)} (hourly ${showExact(cur, rate)} × ${describe(m)})${otMonths.some((o) => o.overtimePaid !== '0') ? ' − overtime pay received' : ''}`,
          details,
          basis: [RA8042_S10, SERRANO],
        });
      } else findings.push({ id: 'unpaid_overtime', status: 'not_supported', reasons: ['The overtime recorded was paid.'] });
    }
  } else findings.push({ id: 'unpaid_overtime', status: 'not_supported', reasons: ['No overtime hours are recorded.'] });

  // Unauthorised deductions: refunded with 12% a year (RA 8042 s.10 as amended by RA 10022).
  const bad = pay.deductions.filter((d) => d.authorised === false);
  const ask = pay.deductions.filter((d) => d.authorised === 'ask');
  if (bad.length) {
    findings.push({ id: 'unauthorised_deductions', status: 'supported', reasons: [...new Set(bad.map((d) => `Deducted for ${purposeWords(d.purpose)}: ${d.why}.`))] });
    const start = interestStart(ctx, c.computation.deductionInterestFrom, 'ph.deductions_refund.interest_start', 'when interest on deductions starts');
    for (const currency of [...new Set(bad.map((d) => d.money.currency))]) {
      const items = bad.filter((d) => d.money.currency === currency);
      const total = sum(items.map((d) => toRatio(d.money)));
      drafts.push({
        kind: 'deduction_refund',
        ground: 'contractual_violation',
        label: 'Refund of unauthorised deductions',
        currency,
        exact: total,
        formula: `Σ ${items.length} deduction(s) = ${items.map((d) => formatGrouped(d.money)).join(' + ')}`,
        details: [
          ...items.map((d) => `${d.month}: ${purposeWords(d.purpose)} ${show(d.money)} (${d.why})`),
          ...(start.notYetFiled ? [NOT_YET_FILED('deductionInterestFrom')] : []),
        ],
        basis: [RA8042_S10, LC_ART_113],
      });
      drafts.push(...deductionInterest(ctx, currency, items, start));
    }
  } else if (ask.length) {
    findings.push({ id: 'unauthorised_deductions', status: 'possible', reasons: ask.map((d) => `${d.month}, ${purposeWords(d.purpose)}: ${d.why}.`) });
  } else {
    findings.push({ id: 'unauthorised_deductions', status: 'not_supported', reasons: [pay.deductions.length ? 'Every deduction recorded is one the law allows.' : 'No deductions are recorded.'] });
  }

  // Contract substitution: a prohibited practice whatever was paid (Labor Code Art. 34(i); RA 8042 s.6(i)).
  const sub_ = c.substitutedContract;
  if (sub_) {
    const changes = [...sub_.changes];
    if (sub_.basicMonthlySalary) changes.unshift(`basic salary ${show(parseMoney(sub_.currency ?? cur, sub_.basicMonthlySalary))} instead of ${show(basic)}`);
    if (sub_.position) changes.unshift(`position "${sub_.position}" instead of "${c.contract.position}"`);
    findings.push(
      pay.substitution
        ? { id: 'contract_substitution', status: 'supported', reasons: [`A second contract${sub_.place ? ` signed in ${sub_.place}` : ''}${sub_.signedDate ? ` on ${sub_.signedDate}` : ''} changed the approved terms: ${changes.join('; ')}.`] }
        : { id: 'contract_substitution', status: 'possible', reasons: ['A second contract was signed, but what it changed is not recorded.'] },
    );
    if (!pay.substitution) missing.push({ field: 'substitutedContract.changes', question: 'What did the second contract change (salary, position, hours, employer, deductions)?' });
  } else findings.push({ id: 'contract_substitution', status: 'not_supported', reasons: ['No second contract is recorded.'] });

  const statuses = findings.map((f) => f.status);
  const status = statuses.includes('supported') ? 'supported' : statuses.includes('possible') ? 'possible' : 'not_supported';
  const reasons = [...new Set(findings.filter((f) => f.status !== 'not_supported').flatMap((f) => f.reasons))];
  return {
    claim: claim('contractual_violation', status, {
      reasons: reasons.length ? reasons : ['The wages, overtime and deductions recorded show no breach of the approved contract.'],
      missing,
      findings,
      evidence: evidence(c, ['approved_contract', ...(sub_ ? ['substituted_contract'] : []), 'payslips', 'remittance_records', ...(otMonths.length ? ['hours_diary'] : []), 'coworker_statements', 'messages']),
      basis: [RA8042_S10, LC_ART_113, LC_ART_34, RA8042_S6],
    }),
    drafts,
  };
}

function deductionInterest(ctx: PhContext, currency: string, items: DeductionItem[], start: InterestStart<'deduction' | 'filing'>): LineDraft[] {
  const { mode, use: startUse } = start;
  const parts =
    mode === 'filing'
      ? [{ from: ctx.c.dates.filing, principal: items.map((d) => d.money).reduce(addMoney) }]
      : items.map((d) => ({ from: monthBounds(d.month).last, principal: d.money }));
  const { exact, parts: steps, uses } = interestOnParts(ctx.p, 'ph.deductions_refund.interest_pa', 'ph.interest.day_basis', parts, ctx.asOf, 'interest on unauthorised deductions');
  if (isZero(exact)) return [];
  return [
    {
      kind: 'deduction_interest',
      ground: 'contractual_violation',
      label: `Interest on unauthorised deductions, simple, to ${ctx.asOf}`,
      currency,
      exact,
      formula: steps.join(' + '),
      details: [`Interest runs from ${mode === 'filing' ? 'the filing date' : 'the end of each month deducted'} (computation.deductionInterestFrom: ${mode}).`],
      basis: [RA8042_S10],
      parameters: [startUse, ...uses],
      options: { deductionInterestFrom: mode },
    },
  ];
}
