import { type IsoDate, daysBetween } from '../core/dates.js';
import { type Money, toRatio } from '../core/money.js';
import { type Ratio, ZERO, add, describe, mul, parseDecimal, ratio } from '../core/ratio.js';
import { type ParameterReader, type ParameterUse, decimalValue } from './parameters.js';
import { show } from './lines.js';

export interface InterestResult {
  exact: Ratio;
  days: number;
  parts: string[];
  uses: ParameterUse[];
}

/**
 * Simple (non-compounded) interest on `principal` from `from` to `to`, split wherever the dated
 * rate changes: Σ principal × rate% × days ÷ day basis.
 */
export function simpleInterest(
  p: ParameterReader,
  rateId: string,
  dayBasisId: string,
  principal: Money,
  from: IsoDate,
  to: IsoDate,
  requestedBy: string,
): InterestResult {
  if (to <= from) return { exact: ZERO, days: 0, parts: [], uses: [] };
  const basisUse = p.at(dayBasisId, to, requestedBy);
  const basis = parseDecimal(decimalValue(basisUse));
  let exact = ZERO;
  const parts: string[] = [];
  const uses: ParameterUse[] = [basisUse];
  for (const seg of p.segments(rateId, from, to, requestedBy)) {
    const days = daysBetween(seg.from, seg.to);
    const rate = parseDecimal(decimalValue(seg.use));
    const term = mul(mul(toRatio(principal), mul(rate, ratio(1n, 100n))), mul(ratio(BigInt(days)), ratio(basis.d, basis.n)));
    exact = add(exact, term);
    parts.push(`${show(principal)} × ${describe(rate)}% × ${days}/${describe(basis)} (${seg.from} to ${seg.to})`);
    uses.push(seg.use);
  }
  return { exact, days: daysBetween(from, to), parts, uses };
}

/** Interest on several principals, each from its own start date (none yet where it has none) to `to`, summed. */
export function interestOnParts(
  p: ParameterReader,
  rateId: string,
  dayBasisId: string,
  parts: readonly { from: IsoDate | undefined; principal: Money }[],
  to: IsoDate,
  requestedBy: string,
): InterestResult {
  const out: InterestResult = { exact: ZERO, days: 0, parts: [], uses: [] };
  for (const part of parts) {
    if (!part.from) continue;
    const r = simpleInterest(p, rateId, dayBasisId, part.principal, part.from, to, requestedBy);
    out.exact = add(out.exact, r.exact);
    out.days = Math.max(out.days, r.days);
    out.parts.push(...r.parts);
    out.uses.push(...r.uses);
  }
  return out;
}

/** Said on a refund line when its interest runs from filing and no filing date is given yet. */
export const NOT_YET_FILED = (option: string): string =>
  `12% a year runs from the filing date (computation.${option}: filing); no filing date is given, so none has accrued yet.`;
