import { type IsoDate, type MonthsDays, addMonths, calendarSpan, daysBetween } from '../../../core/dates.js';
import { parseMoney, toRatio } from '../../../core/money.js';
import { type Ratio, add, compare, describe, div, mul, parseDecimal, ratio, roundHalfUp } from '../../../core/ratio.js';
import type { LineDraft } from '../../lines.js';
import { show, showExact } from '../../lines.js';
import { type ParameterUse, decimalValue, moneyValue } from '../../parameters.js';
import type { ClaimStatus, MissingFact } from '../../types.js';
import {
  AGABON, ALDOVINO, JACOB, JAKA, KING_OF_KINGS, LC_ART_292B, LC_ART_297, LC_ART_298, RA8042_S10, SAMEER, SERRANO,
} from '../citations.js';
import { type GroundResult, type PhContext, claim, contractMoney, evidence } from '../context.js';
import type { PayFindings } from './contractual-violation.js';

const AGGRAVATING_FOR_DISMISSAL = ['physical_violence', 'sexual_harassment', 'sexual_abuse', 'threats', 'humiliation', 'verbal_abuse', 'confinement', 'passport_withheld', 'food_withheld', 'overwork'];

export function illegalTermination(ctx: PhContext): GroundResult {
  const s = ctx.c.separation;
  const basis = [LC_ART_297, LC_ART_298, LC_ART_292B, RA8042_S10, SERRANO, SAMEER];
  const ev = evidence(ctx.c, ['approved_contract', 'termination_letter', 'passport_stamps', 'boarding_pass', 'messages', ...(s.quitclaim?.signed ? ['quitclaim_copy'] : [])]);
  if (s.how !== 'dismissed') {
    const why = s.how === 'resigned_or_fled' ? 'The worker left; whether she was forced out is the constructive-dismissal question.' : s.how === 'completed' ? 'The contract was completed.' : 'The worker is still employed.';
    return { claim: claim('illegal_termination', 'not_supported', { reasons: [why], basis, evidence: ev }), drafts: [] };
  }
  const reasons: string[] = [];
  const missing: MissingFact[] = [];
  let status: ClaimStatus;
  if (s.cause === 'none' || s.cause === 'unknown') {
    status = 'supported';
    reasons.push(`Dismissed${s.date ? ` on ${s.date}` : ''}${s.reasonGiven ? ` ("${s.reasonGiven}")` : ''} without a just or authorised cause shown; the employer must prove a valid cause and has not.`);
    if (s.cause === 'unknown' && !s.reasonGiven) missing.push({ field: 'separation.reasonGiven', question: 'What reason, if any, did the employer give for the dismissal?' });
  } else if (s.causeDisputed === true) {
    status = 'supported';
    reasons.push(`The employer gave ${s.cause === 'just' ? 'a just' : 'an authorised'} cause${s.reasonGiven ? ` ("${s.reasonGiven}")` : ''}, which the worker disputes; the burden of proving it is on the employer.`);
  } else if (s.causeDisputed === undefined) {
    status = 'possible';
    reasons.push(`The employer gave ${s.cause === 'just' ? 'a just' : 'an authorised'} cause${s.reasonGiven ? ` ("${s.reasonGiven}")` : ''}; whether the worker disputes it is not recorded.`);
    missing.push({ field: 'separation.causeDisputed', question: 'Does the worker deny the reason the employer gave for the dismissal?' });
  } else {
    status = 'not_supported';
    reasons.push('The worker does not dispute the cause given; the dismissal itself stands (see nominal damages for the process).');
  }
  if (s.quitclaim?.signed) reasons.push('A quitclaim was signed: it is void if not voluntary or if what was paid is unconscionably low, and will be scrutinised.');
  return { claim: claim('illegal_termination', status, { reasons, missing, basis, evidence: ev }), drafts: [] };
}

export function constructiveDismissal(ctx: PhContext, pay: PayFindings): GroundResult {
  const c = ctx.c;
  const s = c.separation;
  const basis = [JACOB, SERRANO, ALDOVINO, RA8042_S10];
  const ev = evidence(c, ['approved_contract', ...(c.substitutedContract ? ['substituted_contract'] : []), 'resignation_letter', 'messages', 'payslips', 'medical_records', 'police_or_embassy_report', 'coworker_statements']);
  if (s.how !== 'resigned_or_fled') {
    const why = s.how === 'dismissed' ? 'The worker was dismissed outright: see illegal termination.' : s.how === 'completed' ? 'The contract was completed.' : 'The worker is still employed.';
    return { claim: claim('constructive_dismissal', 'not_supported', { reasons: [why], basis, evidence: ev }), drafts: [] };
  }
  const factors = new Set<string>();
  const reasons: string[] = [];
  if (pay.underpaid || pay.unpaidMonths.length || s.forcedBy.includes('diminution_of_pay') || s.forcedBy.includes('non_payment')) {
    factors.add('pay');
    reasons.push('Pay was cut below the approved contract (diminution of pay).');
  }
  if (pay.substitution || s.forcedBy.includes('contract_substitution')) {
    factors.add('substitution');
    reasons.push('The approved contract was replaced by a worse one abroad.');
  }
  if (s.forcedBy.includes('demotion')) {
    factors.add('demotion');
    reasons.push('The worker was demoted or given a different job from the contract.');
  }
  const abuse = c.harm.abuse.filter((a) => AGGRAVATING_FOR_DISMISSAL.includes(a.kind));
  if (abuse.length || s.forcedBy.includes('abuse') || s.forcedBy.includes('harassment')) {
    factors.add('abuse');
    reasons.push(`The worker suffered ${abuse.length ? [...new Set(abuse.map((a) => a.kind.replace(/_/g, ' ')))].join(', ') : 'abuse or harassment'}.`);
  }
  if (s.forcedBy.includes('unbearable_conditions') || s.forcedBy.includes('other')) {
    factors.add('conditions');
    reasons.push('Working conditions were made unbearable.');
  }
  if (s.quitclaim?.signed) reasons.push('A quitclaim was signed: it is void if not voluntary or if what was paid is unconscionably low.');
  if (factors.size) {
    reasons.unshift(`The worker left${s.date ? ` on ${s.date}` : ''}${s.reasonGiven ? ` ("${s.reasonGiven}")` : ''} because staying was made impossible, unreasonable or unlikely; this counts as an illegal dismissal.`);
    return { claim: claim('constructive_dismissal', 'supported', { reasons, basis, evidence: ev }), drafts: [] };
  }
  return {
    claim: claim('constructive_dismissal', 'possible', {
      reasons: ['The worker left, but nothing recorded yet shows she was forced to: a free resignation is not a dismissal.'],
      missing: [{ field: 'separation.forcedBy', question: 'Why did the worker leave: pay cut or unpaid, demotion, a worse contract, abuse or harassment, unbearable conditions?' }],
      basis,
      evidence: ev,
    }),
    drafts: [],
  };
}

/** Valid cause, no due process: the dismissal stands but nominal damages are due (Agabon; Jaka). */
export function nominalDamages(ctx: PhContext): GroundResult {
  const s = ctx.c.separation;
  const basis = [AGABON, JAKA, KING_OF_KINGS, LC_ART_298];
  const ev = evidence(ctx.c, ['termination_letter', 'messages']);
  const notApplicable = (why: string) => ({ claim: claim('nominal_damages', 'not_supported', { reasons: [why], basis, evidence: ev }), drafts: [] });
  if (s.how !== 'dismissed') return notApplicable('Nominal damages concern a dismissal for a valid cause; the worker was not dismissed.');
  if (s.cause === 'none' || s.cause === 'unknown') return notApplicable('No valid cause was shown, so the claim is illegal dismissal, not nominal damages.');
  if (s.causeDisputed === true) return notApplicable('The worker disputes the cause, so the claim is illegal dismissal, not nominal damages.');
  if (s.causeDisputed === undefined) {
    return {
      claim: claim('nominal_damages', 'possible', {
        reasons: ['If the cause given is valid, nominal damages are due where the process was not followed.'],
        missing: [{ field: 'separation.causeDisputed', question: 'Does the worker deny the reason the employer gave for the dismissal?' }],
        basis,
        evidence: ev,
      }),
      drafts: [],
    };
  }
  const n = s.notices ?? {};
  const lapses: string[] = [];
  const missing: MissingFact[] = [];
  // Agabon, Jaka and King of Kings set standards the tribunal applies when it decides: read them as of that date.
  const date = ctx.asOf;
  if (s.cause === 'just') {
    const days = ctx.p.at('ph.due_process.explain_period_days', date, 'due process for a just cause');
    if (!n.chargeNotice) lapses.push('no first written notice stating the charge');
    if (n.hearing === false) lapses.push('no hearing or conference');
    if (n.hearing === undefined) missing.push({ field: 'separation.notices.hearing', question: 'Was the worker given a hearing or conference to answer the charge?' });
    if (!n.decisionNotice) lapses.push('no second written notice of the decision');
    const need = Number(decimalValue(days));
    if (n.chargeNotice && n.decisionNotice && daysBetween(n.chargeNotice, n.decisionNotice) < need) {
      lapses.push(`only ${daysBetween(n.chargeNotice, n.decisionNotice)} days to answer (at least ${need} calendar days)`);
    }
  } else {
    const days = ctx.p.at('ph.authorized_cause.notice_days', date, 'notice for an authorised cause');
    const need = Number(decimalValue(days));
    if (!n.chargeNotice) lapses.push('no written notice to the worker');
    if (!n.doleNotice) lapses.push('no notice to DOLE');
    for (const [who, d] of [['the worker', n.chargeNotice], ['DOLE', n.doleNotice]] as const) {
      if (d && s.date && daysBetween(d, s.date) < need) lapses.push(`notice to ${who} only ${daysBetween(d, s.date)} days before (at least ${need})`);
    }
  }
  if (!lapses.length) {
    if (missing.length) return { claim: claim('nominal_damages', 'possible', { reasons: ['The notices were given; the hearing is not recorded.'], missing, basis, evidence: ev }), drafts: [] };
    return notApplicable('The cause is not disputed and the required notices were given: the dismissal was valid in substance and in form.');
  }
  const id = s.cause === 'just' ? 'ph.nominal_damages.just_cause_no_due_process' : 'ph.nominal_damages.authorized_cause_no_due_process';
  const use = ctx.p.at(id, date, 'nominal damages');
  const v = moneyValue(use);
  const m = parseMoney(v.currency, v.amount);
  return {
    claim: claim('nominal_damages', 'supported', {
      reasons: [`Dismissed for ${s.cause === 'just' ? 'a just' : 'an authorised'} cause the worker does not dispute, but without due process: ${lapses.join('; ')}.`],
      basis,
      evidence: ev,
    }),
    drafts: [
      {
        kind: 'nominal_damages',
        ground: 'nominal_damages',
        label: `Nominal damages for dismissal without due process (${s.cause === 'just' ? 'just' : 'authorised'} cause)`,
        currency: m.currency,
        exact: toRatio(m),
        formula: `${show(m)}, the amount set in ${s.cause === 'just' ? 'Agabon' : 'Jaka'} (discretionary; tribunals vary)`,
        basis: [s.cause === 'just' ? AGABON : JAKA],
        parameters: [use],
      },
    ],
  };
}

/** Where the served period ends, per computation.servedUntil (Serrano used the repatriation date). */
function servedEnd(ctx: PhContext): { date: IsoDate | undefined; note?: string } {
  const s = ctx.c.separation;
  const mode = ctx.c.computation.servedUntil;
  if (mode === 'repatriation') {
    if (s.repatriation?.date) return { date: s.repatriation.date };
    return { date: s.date, note: 'No repatriation date is recorded; the served period ends at the separation date instead.' };
  }
  if (mode === 'last-day-worked') {
    if (s.lastDayWorked) return { date: s.lastDayWorked };
    return { date: s.date, note: 'No last day worked is recorded; the served period ends at the separation date instead.' };
  }
  return { date: s.date };
}

export interface UnexpiredPortion {
  served: MonthsDays;
  unexpired: MonthsDays;
  valuedMonths: Ratio;
  /** The months figure as a formula shows it: "(9 + 23/30)", "9", "9.77". */
  factor: string;
}

/**
 * Term minus time served, in months and days, by the chosen counting method. The default follows
 * Serrano's figures: served = calendar months + days from start to end of service; unexpired = term −
 * served, borrowing a month as 30 days; odd days valued at monthly ÷ 30.
 */
export function unexpiredPortion(start: IsoDate, end: IsoDate, termMonths: number, method: string, divisor: Ratio): UnexpiredPortion {
  const served = calendarSpan(start, end);
  const d = Number(divisor.n / divisor.d);
  const servedDays = served.months * d + served.days;
  const left = Math.max(0, termMonths * d - servedDays);
  let unexpired: MonthsDays = { months: Math.floor(left / d), days: left % d };
  if (method === 'calendar') unexpired = end < addMonths(start, termMonths) ? calendarSpan(end, addMonths(start, termMonths)) : { months: 0, days: 0 };
  const exact = add(ratio(BigInt(unexpired.months)), div(ratio(BigInt(unexpired.days)), divisor));
  switch (method) {
    case 'whole-months-down':
      return { served, unexpired, valuedMonths: ratio(BigInt(unexpired.months)), factor: `${unexpired.months} (odd ${unexpired.days} days dropped)` };
    case 'whole-months-nearest': {
      const up = unexpired.days * 2 >= d ? 1 : 0;
      return { served, unexpired, valuedMonths: ratio(BigInt(unexpired.months + up)), factor: `${unexpired.months + up} (${unexpired.months} months ${unexpired.days} days to the nearest month)` };
    }
    case 'decimal-months': {
      const two = roundHalfUp(exact, 2);
      return { served, unexpired, valuedMonths: ratio(two, 100n), factor: `${describe(ratio(two, 100n))} (${unexpired.months} + ${unexpired.days}/${d} to two places)` };
    }
    default:
      return { served, unexpired, valuedMonths: exact, factor: unexpired.days ? `(${unexpired.months} + ${unexpired.days}/${d})` : `${unexpired.months}` };
  }
}

/** Salaries for the unexpired portion: RA 8042 s.10 as amended, with the cap clause void (Serrano; Sameer). */
export function unexpiredSalaries(ctx: PhContext, ground: 'illegal_termination' | 'constructive_dismissal'): { drafts: LineDraft[]; missing: MissingFact[] } {
  const c = ctx.c;
  const k = c.contract;
  const opt = c.computation;
  const missing: MissingFact[] = [];
  if (!ctx.start) {
    missing.push({ field: k.start.rule === 'arrival' ? 'employment.arrivalDate' : k.start.rule === 'departure' ? 'employment.departureDate' : 'contract.start.date', question: `On what date did the contract start (${k.start.rule === 'date' ? 'its start date' : `the ${k.start.rule} date`})?` });
  }
  const end = servedEnd(ctx);
  if (!end.date) missing.push({ field: 'separation.date', question: 'On what date was the worker dismissed or forced to leave?' });
  if (!ctx.start || !end.date) return { drafts: [], missing };

  const divUse = ctx.p.at('ph.unexpired.day_divisor', ctx.asOf, 'unexpired-portion days');
  const baseUse = ctx.p.at('ph.unexpired.salary_base', ctx.asOf, 'unexpired-portion salary base');
  const ruleUse = ctx.p.at('ph.unexpired.rule_current', ctx.asOf, 'unexpired-portion rule');
  const divisor = parseDecimal(decimalValue(divUse));
  const u = unexpiredPortion(ctx.start, end.date, k.termMonths, opt.unexpiredCounting, divisor);
  if (u.unexpired.months === 0 && u.unexpired.days === 0) return { drafts: [], missing };

  const basic = contractMoney(ctx, k.basicMonthlySalary);
  let base = toRatio(basic);
  let baseText = `basic monthly salary ${show(basic)}`;
  if (opt.salaryBase === 'basic-plus-fixed' && k.fixedMonthlyBenefits) {
    const fixed = contractMoney(ctx, k.fixedMonthlyBenefits);
    base = add(base, toRatio(fixed));
    baseText = `basic ${show(basic)} + guaranteed fixed benefits ${show(fixed)}`;
  }
  let exact = mul(base, u.valuedMonths);
  let formula = `${showExact(k.currency, base)} × ${u.factor} months`;
  const params: ParameterUse[] = [divUse, baseUse, ruleUse];
  const details = [
    `Contract: ${k.termMonths} months from ${ctx.start} (start rule: ${k.start.rule}).`,
    `Served: ${u.served.months} months ${u.served.days} days, to ${end.date} (computation.servedUntil: ${opt.servedUntil}).`,
    `Unexpired: ${u.unexpired.months} months ${u.unexpired.days} days (computation.unexpiredCounting: ${opt.unexpiredCounting}).`,
    `Salary base: ${baseText} (computation.salaryBase: ${opt.salaryBase}); fixed overtime and leave pay are not owed for time not worked (Serrano).`,
  ];
  if (end.note) details.push(end.note);
  if (opt.capRegime === 'as-applied' && c.separation.date) {
    const capUse = ctx.p.at('ph.unexpired.cap_rule_as_applied', c.separation.date, 'the cap clause as tribunals applied it');
    params.push(capUse);
    if (capUse.value === 'three-months-per-year-cap' && k.termMonths >= 12) {
      const unexpiredDays = BigInt(u.unexpired.months) * divisor.n / divisor.d + BigInt(u.unexpired.days);
      const yearDays = 12n * divisor.n / divisor.d;
      const years = (unexpiredDays + yearDays - 1n) / yearDays;
      const capped = mul(base, ratio(3n * years));
      details.push(`Cap regime as applied on ${c.separation.date}: 3 months for every year of the unexpired term (${years} year(s), any part counting as a year) = ${showExact(k.currency, capped)}; the lesser amount is taken. The clause was later held void (Serrano; Sameer).`);
      if (compare(capped, exact) < 0) {
        exact = capped;
        formula = `min(${formula}, ${showExact(k.currency, base)} × 3 × ${years}) = cap`;
      }
    } else {
      details.push(`Cap regime as applied on ${c.separation.date}: ${capUse.value === 'three-months-per-year-cap' ? 'contracts under one year were never capped' : 'no cap in force on that date'}; full unexpired portion.`);
    }
  }
  return {
    drafts: [
      {
        kind: 'unexpired_portion_salaries',
        ground,
        label: 'Salaries for the unexpired portion of the contract',
        currency: k.currency,
        exact,
        formula,
        details,
        basis: [RA8042_S10, SERRANO, SAMEER, ALDOVINO],
        parameters: params,
        options: { unexpiredCounting: opt.unexpiredCounting, servedUntil: opt.servedUntil, salaryBase: opt.salaryBase, capRegime: opt.capRegime },
      },
    ],
    missing,
  };
}
