import { type Money, addMoney, formatGrouped, parseMoney, roundToMinor, toRatio } from '../../../core/money.js';
import { ZERO, add, compare, isZero, mul, parseDecimal } from '../../../core/ratio.js';
import type { CaseFile } from '../../../schemas/case.js';
import { type LineDraft, show } from '../../lines.js';
import { NOT_YET_FILED, interestOnParts } from '../../interest.js';
import { type ParameterSet, type ParameterUse, ParameterReader, feeCapValue, listValue } from '../../parameters.js';
import type { ClaimStatus, MissingFact } from '../../types.js';
import { LC_ART_34, POEA_2002_FEES, POEA_2016_S51, POEA_GB_6_2006, RA8042_S10, RA8042_S6 } from '../citations.js';
import { type GroundResult, type PhContext, type InterestStart, claim, contractMoney, evidence, interestStart, makeContext } from '../context.js';

type Fee = CaseFile['fees'][number];

/** Fees that are placement fees in substance, whatever they were called (training, bonds, "other"). */
const PLACEMENT_LIKE = new Set(['placement_fee', 'training', 'bond', 'other']);
/** Costs the employer bears by rule, which an agency may not pass on to the worker. */
const EMPLOYER_COSTS = new Set(['processing_fee', 'airfare', 'visa']);

/**
 * The lawful cap on the date a fee was paid. A category's own rule (no fee from household workers
 * since 2006-12-16, none from seafarers) applies from its date; before that the general cap did.
 */
function capFor(ctx: PhContext, date: string): { cap: Money; use: ParameterUse; why: string } {
  const k = ctx.c.contract;
  const country = k.country.toUpperCase();
  const special =
    k.category === 'household'
      ? { id: 'ph.placement_fee.household_worker', why: 'no fee may be charged to a household service worker' }
      : k.category === 'seafarer'
        ? { id: 'ph.placement_fee.seafarer', why: 'no placement fee may be charged to a seafarer' }
        : undefined;
  const specialUse = special && ctx.p.maybeAt(special.id, date);
  // Province-level entries (CA-MB) match only a contract that names the province the same way.
  const noFee = ctx.p.maybeAt('ph.placement_fee.no_fee_destinations', date);
  const noFeeHere = noFee && listValue(noFee).includes(country);
  let use: ParameterUse;
  let why = '';
  if (special && specialUse) {
    use = specialUse;
    why = special.why;
  } else if (noFee && noFeeHere) {
    return { cap: parseMoney(k.currency, '0'), use: noFee, why: `${country} is a destination where no fee may be charged` };
  } else {
    const twkr = (country === 'TW' || country === 'KR') && ctx.p.maybeAt('ph.placement_fee.cap_taiwan_korea', date);
    use = twkr || ctx.p.at('ph.placement_fee.cap', date, 'the placement fee cap');
  }
  const v = feeCapValue(use);
  if ('fixed' in v) return { cap: parseMoney(v.fixed.currency, v.fixed.amount), use, why: `a fixed cap of ${v.fixed.currency} ${v.fixed.amount}` };
  const basic = contractMoney(ctx, k.basicMonthlySalary);
  const months = parseDecimal(v.monthsOfBasicSalary);
  return { cap: roundToMinor(basic.currency, mul(toRatio(basic), months)), use, why: why || `${v.monthsOfBasicSalary} month(s) of the basic salary ${show(basic)}` };
}

export function placementFeeRefund(ctx: PhContext, dismissedUnlawfully: boolean, unauthorisedDeductions: boolean): GroundResult {
  const c = ctx.c;
  const basis = [RA8042_S10, POEA_2016_S51, LC_ART_34, RA8042_S6, ...(c.contract.category === 'household' ? [POEA_GB_6_2006] : []), ...(c.contract.category === 'seafarer' ? [POEA_2002_FEES] : [])];
  const ev = evidence(c, ['fee_receipts', 'loan_papers', 'messages', 'dmw_licence_certification', 'approved_contract']);
  const placement = c.fees.filter(isPlacementLike);
  const employerCosts = c.fees.filter(isEmployerCost);
  if (!placement.length && !employerCosts.length) {
    return { claim: claim('placement_fee_refund', 'not_supported', { reasons: [c.fees.length ? 'Only lawful documentation costs are recorded.' : 'No fees paid are recorded (if the worker paid any fee, add it under fees, with or without a receipt).'], basis, evidence: ev }), drafts: [] };
  }
  const reasons: string[] = [];
  const missing: MissingFact[] = [];
  const drafts: LineDraft[] = [];
  const withoutReceipt = [...placement, ...employerCosts].filter((f) => !f.receipt);
  const beforeSigning = placement.filter((f) => f.date && c.contract.signedDate && f.date < c.contract.signedDate);
  if (withoutReceipt.length) reasons.push(`${withoutReceipt.length} payment(s) without a receipt: the agency must issue an official receipt for every fee.`);
  if (beforeSigning.length) reasons.push(`${beforeSigning.length} payment(s) taken before the contract was signed (${c.contract.signedDate}); fees may be taken only after signing.`);

  // The cap, fee by fee, on the date each was paid.
  const uses: ParameterUse[] = [];
  const excessBy = new Map<string, Money>();
  const paidBy = new Map<string, Money>();
  const capNotes: string[] = [];
  let needsRate = false;
  let prohibited = false;
  for (const check of checkFeeCaps(ctx)) {
    addTo(paidBy, check.paid);
    if (!check.date) {
      missing.push({ field: 'fees[].date', question: 'On what date was each fee paid?' });
      continue;
    }
    uses.push(check.use!);
    if (!check.comparable) {
      needsRate = true;
      capNotes.push(`${show(check.paid)} paid on ${check.date} cannot be compared with the cap (${check.why}, in ${check.cap!.currency}) without the exchange rate on that day.`);
      continue;
    }
    if (check.prohibited) prohibited = true;
    capNotes.push(`Cap on ${check.date}: ${check.why} = ${show(check.cap!)}.`);
    if (check.excess) addTo(excessBy, check.excess);
  }
  for (const [cur, ex] of excessBy) {
    reasons.push(
      prohibited
        ? `${show(ex)} was charged where no fee may be charged at all: a prohibited exaction and illegal recruitment (Labor Code Art. 34(a); RA 8042 s.6).`
        : `Fees of ${show(paidBy.get(cur)!)} exceed the lawful cap by ${show(ex)}: overcharging is illegal recruitment (Labor Code Art. 34(a); RA 8042 s.6).`,
    );
  }
  if (needsRate) missing.push({ field: 'fees[].currency', question: 'What was the exchange rate on the day the fee was paid (to compare it with the cap)?' });

  const fullRefund = dismissedUnlawfully || unauthorisedDeductions;
  if (fullRefund) {
    const start = interestStart(ctx, c.computation.placementFeeInterestFrom, 'ph.placement_fee_refund.interest_start', 'when interest on the placement fee starts');
    reasons.unshift(`${dismissedUnlawfully ? 'Dismissed without a valid cause' : 'Unauthorised deductions were made'}: the placement fee is reimbursed in full with 12% interest a year (RA 8042 s.10 as amended).`);
    for (const [cur, paid] of paidBy) {
      drafts.push({
        kind: 'placement_fee_refund',
        ground: 'placement_fee_refund',
        label: 'Full reimbursement of the placement fee',
        currency: cur,
        exact: toRatio(paid),
        formula: `Σ fees = ${placement.filter((f) => f.currency === cur).map((f) => `${formatGrouped(parseMoney(cur, f.amount))}${f.date ? ` (${f.date})` : ''}`).join(' + ')}`,
        details: [...capNotes, ...(start.notYetFiled ? [NOT_YET_FILED('placementFeeInterestFrom')] : [])],
        basis: [RA8042_S10],
        parameters: uses,
      });
      drafts.push(...feeInterest(ctx, paid, placement.filter((f) => f.currency === cur), start));
    }
  } else {
    for (const [cur, ex] of excessBy) {
      drafts.push({
        kind: 'placement_fee_excess_refund',
        ground: 'placement_fee_refund',
        label: 'Refund of fees above the lawful cap',
        currency: cur,
        exact: toRatio(ex),
        formula: `fees paid ${show(paidBy.get(cur)!)} − cap = ${show(ex)}`,
        details: capNotes,
        basis: [POEA_2016_S51, LC_ART_34, RA8042_S6],
        parameters: uses,
      });
    }
  }
  // Employer-side costs passed to the worker come back whatever the dismissal question.
  for (const cur of [...new Set(employerCosts.map((f) => f.currency))]) {
    const items = employerCosts.filter((f) => f.currency === cur);
    reasons.push(`${items.map((f) => f.purpose.replace(/_/g, ' ')).join(', ')} charged to the worker are the employer's costs.`);
    drafts.push({
      kind: 'employer_costs_refund',
      ground: 'placement_fee_refund',
      label: "Refund of the employer's costs charged to the worker (visa, airfare, processing)",
      currency: cur,
      exact: items.map((f) => toRatio(parseMoney(cur, f.amount))).reduce(add, ZERO),
      formula: items.map((f) => `${f.purpose.replace(/_/g, ' ')} ${show(parseMoney(cur, f.amount))}`).join(' + '),
      basis: [POEA_2016_S51, RA8042_S6],
    });
  }
  const status: ClaimStatus = drafts.length ? 'supported' : missing.length ? 'possible' : 'not_supported';
  if (!drafts.length && !missing.length) reasons.push('The fees paid were within the lawful cap, and the dismissal grounds that would bring a full refund are not made out.');
  return { claim: claim('placement_fee_refund', status, { reasons, missing, basis, evidence: ev }), drafts };
}

/** One placement-like fee measured against the cap in force on the day it was paid. */
export interface FeeCapCheck {
  fee: Fee;
  paid: Money;
  /** The day the cap is read on: the fee's date, else the contract's signing, else its start. */
  date: string | undefined;
  cap?: Money;
  why?: string;
  use?: ParameterUse;
  /** false when the cap is in another currency and no rate for the day is known. */
  comparable: boolean;
  /** The cap is zero: no fee may be charged at all. */
  prohibited: boolean;
  /** How much the fee exceeds the cap, when it does. */
  excess?: Money;
}

/** Every placement-like fee against its cap: the one place the cap comparison is made. */
export function checkFeeCaps(ctx: PhContext): FeeCapCheck[] {
  const c = ctx.c;
  return c.fees.filter(isPlacementLike).map((fee) => {
    const paid = parseMoney(fee.currency, fee.amount);
    const date = fee.date ?? c.contract.signedDate ?? ctx.start;
    if (!date) return { fee, paid, date, comparable: false, prohibited: false };
    const found = capFor(ctx, date);
    // A zero cap is zero in every currency: no exchange rate is needed to see the whole fee is unlawful.
    const cap = isZero(toRatio(found.cap)) ? { currency: paid.currency, minor: 0n } : found.cap;
    const base = { fee, paid, date, cap, why: found.why, use: found.use };
    if (cap.currency !== paid.currency) return { ...base, comparable: false, prohibited: false };
    const excess = compare(toRatio(paid), toRatio(cap)) > 0 ? { currency: paid.currency, minor: paid.minor - cap.minor } : undefined;
    return { ...base, comparable: true, prohibited: isZero(toRatio(cap)), ...(excess ? { excess } : {}) };
  });
}

/** The same checks for a caller outside the rules (the drafts' illegal-recruitment findings). */
export function feeCapChecks(c: CaseFile, asOf: string, parameters: ParameterSet): FeeCapCheck[] {
  return checkFeeCaps(makeContext(c, asOf, new ParameterReader(parameters)));
}

export const isPlacementLike = (f: Fee): boolean => PLACEMENT_LIKE.has(f.purpose);
export const isEmployerCost = (f: Fee): boolean => EMPLOYER_COSTS.has(f.purpose);

function feeInterest(ctx: PhContext, paid: Money, fees: Fee[], start: InterestStart<'payment' | 'separation' | 'filing'>): LineDraft[] {
  const { mode, use: startUse } = start;
  const starts: { from: string | undefined; principal: Money }[] =
    mode === 'payment'
      ? fees.map((f) => ({ from: f.date, principal: parseMoney(f.currency, f.amount) }))
      : [{ from: mode === 'filing' ? ctx.c.dates.filing : ctx.c.separation.date, principal: paid }];
  const { exact, parts, uses } = interestOnParts(ctx.p, 'ph.placement_fee_refund.interest_pa', 'ph.interest.day_basis', starts, ctx.asOf, 'interest on the placement fee');
  if (isZero(exact)) return [];
  return [
    {
      kind: 'placement_fee_interest',
      ground: 'placement_fee_refund',
      label: `Interest on the placement fee, 12% a year simple, to ${ctx.asOf}`,
      currency: paid.currency,
      exact,
      formula: parts.join(' + '),
      details: [`Interest runs from ${mode === 'payment' ? 'each payment' : mode === 'filing' ? 'the filing date' : 'the separation date'} (computation.placementFeeInterestFrom: ${mode}).`],
      basis: [RA8042_S10],
      parameters: [startUse, ...uses],
      options: { placementFeeInterestFrom: mode },
    },
  ];
}


/** Adds an amount to its currency's running sum. */
function addTo(sums: Map<string, Money>, m: Money): void {
  const prev = sums.get(m.currency);
  sums.set(m.currency, prev ? addMoney(prev, m) : m);
}
