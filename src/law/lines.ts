import { type Money, formatAmount, formatGrouped, roundToMinor, toRatio } from '../core/money.js';
import { type Ratio, describe, isNegative } from '../core/ratio.js';
import type { ParameterUse } from './parameters.js';
import type { GroundId, LegalBasis, Line } from './types.js';

/** A computation before its one rounding. */
export interface LineDraft {
  kind: string;
  ground: GroundId | 'legal_interest';
  label: string;
  currency: string;
  exact: Ratio;
  formula: string;
  details?: string[];
  basis: LegalBasis[];
  parameters?: ParameterUse[];
  options?: Record<string, string>;
}

export interface ComputedLine {
  line: Line;
  money: Money;
}

export const ROUNDING_NOTE = 'half-up to the minor unit, once, on the line total';

/** Rounds the exact value once, half-up, to the currency's minor unit. */
export function finishLine(d: LineDraft, id: string): ComputedLine {
  if (isNegative(d.exact)) throw new RangeError(`line ${id} would be negative; a rule produced a negative award`);
  const money = roundToMinor(d.currency, d.exact);
  return {
    money,
    line: {
      id,
      kind: d.kind,
      ground: d.ground,
      label: d.label,
      amount: formatAmount(money),
      currency: d.currency,
      formula: d.formula,
      details: d.details ?? [],
      rounding: ROUNDING_NOTE,
      basis: d.basis,
      parameters: dedupe(d.parameters ?? []),
      options: d.options ?? {},
    },
  };
}

function dedupe(uses: ParameterUse[]): ParameterUse[] {
  const seen = new Map<string, ParameterUse>();
  for (const u of uses) seen.set(`${u.id}@${u.from}`, u);
  return [...seen.values()];
}

/** "USD 1,234.56" for formulas and worksheets. */
export const show = (m: Money): string => `${m.currency} ${formatGrouped(m)}`;

/**
 * An intermediate exact value (an hourly rate, a prorated month) for a formula: exact when it fits
 * the currency's minor unit, otherwise six decimals marked ≈, so nobody mistakes it for a rounding
 * the rule made.
 */
export function showExact(currency: string, r: Ratio): string {
  return isExactIn(currency, r) ? show(roundToMinor(currency, r)) : `${currency} ${describe(r, 6)}`;
}

function isExactIn(currency: string, r: Ratio): boolean {
  const m = roundToMinor(currency, r);
  const back = toRatio(m);
  return back.n * r.d === r.n * back.d;
}
