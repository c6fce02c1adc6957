import { type Money, toRatio } from '../../core/money.js';
import { type Ratio, describe, mul, parseDecimal, ratio } from '../../core/ratio.js';
import { type ComputedLine, type LineDraft, show } from '../lines.js';
import { simpleInterest } from '../interest.js';
import { decimalValue } from '../parameters.js';
import { LC_ART_111, NACAR, BSP_799, RA8042_S10, SERRANO } from './citations.js';
import type { PhContext } from './context.js';

const INTEREST_KINDS = new Set(['placement_fee_interest', 'deduction_interest', 'legal_interest']);
const WAGE_KINDS = new Set(['wage_differential', 'unpaid_overtime', 'deduction_refund', 'unexpired_portion_salaries']);

function byCurrency(lines: ComputedLine[]): Map<string, ComputedLine[]> {
  const out = new Map<string, ComputedLine[]>();
  for (const l of lines) out.set(l.money.currency, [...(out.get(l.money.currency) ?? []), l]);
  return out;
}

/** 10% of the award (Art. 111), on the rounded lines it is based on, one line per currency. */
export function attorneysFees(ctx: PhContext, lines: ComputedLine[]): LineDraft[] {
  const rateUse = ctx.p.at('ph.attorney_fees.rate', ctx.asOf, "attorney's fees");
  const baseUse = ctx.p.at('ph.attorney_fees.base', ctx.asOf, "the base of attorney's fees");
  const mode = ctx.c.computation.attorneysFeesBase ?? decimalValue(baseUse);
  const rate = parseDecimal(decimalValue(rateUse));
  const eligible = lines.filter((l) => !INTEREST_KINDS.has(l.line.kind) && (mode === 'all-awards' || WAGE_KINDS.has(l.line.kind)));
  const drafts: LineDraft[] = [];
  for (const [currency, ls] of byCurrency(eligible)) {
    const base = ls.reduce((a, l) => a + l.money.minor, 0n);
    const baseMoney: Money = { currency, minor: base };
    drafts.push({
      kind: 'attorneys_fees',
      ground: 'attorneys_fees',
      label: `Attorney's fees (${describe(rate)}% of the award)`,
      currency,
      exact: mul(toRatio(baseMoney), mul(rate, ratio(1n, 100n))),
      formula: `${describe(rate)}% × ${show(baseMoney)} (${ls.map((l) => l.line.id).join(' + ')})`,
      details: [`Base: ${mode === 'all-awards' ? 'every amount awarded except interest' : 'wages and wage-like amounts only'} (computation.attorneysFeesBase: ${mode}).`],
      basis: [LC_ART_111, SERRANO, RA8042_S10],
      parameters: [rateUse, baseUse],
      options: { attorneysFeesBase: mode },
    });
  }
  return drafts;
}

/**
 * Legal interest on the award from the date the case file gives (demand, or finality) to the
 * as-of date: 12% to 2013-06-30 and 6% from 2013-07-01 (Nacar), simple, on the principal amounts.
 */
export function legalInterest(ctx: PhContext, lines: ComputedLine[]): LineDraft[] {
  const from = ctx.c.dates.legalInterestFrom;
  if (!from || from >= ctx.asOf) return [];
  const drafts: LineDraft[] = [];
  for (const [currency, ls] of byCurrency(lines.filter((l) => !INTEREST_KINDS.has(l.line.kind)))) {
    const principal: Money = { currency, minor: ls.reduce((a, l) => a + l.money.minor, 0n) };
    const r = simpleInterest(ctx.p, 'ph.legal_interest.judgment_pa', 'ph.interest.day_basis', principal, from, ctx.asOf, 'legal interest');
    const exact: Ratio = r.exact;
    if (exact.n === 0n) continue;
    drafts.push({
      kind: 'legal_interest',
      ground: 'legal_interest',
      label: `Legal interest on the award from ${from} to ${ctx.asOf}`,
      currency,
      exact,
      formula: r.parts.join(' + '),
      details: ['Simple interest on the principal award (not on other interest), split where the legal rate changed.'],
      basis: [NACAR, BSP_799],
      parameters: r.uses,
    });
  }
  return drafts;
}

