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
