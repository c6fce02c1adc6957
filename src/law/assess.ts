import { formatAmount, roundToMinor, toRatio } from '../core/money.js';
import { mul, parseDecimal } from '../core/ratio.js';
import type { CaseFile } from '../schemas/case.js';
import { type ParameterSet, ParameterReader } from './parameters.js';
import { assessPh } from './ph/assess.js';
import { PIS_NLRC } from './ph/citations.js';
import type { AssessOptions, Assessment, Total } from './types.js';

/**
 * Each jurisdiction plugs in here with its own rules and its own parameters (ids prefixed with its
 * code). Adding Thailand means adding `th/` and a line below; the Philippine rules are not touched.
 */
const JURISDICTIONS = {
  PH: assessPh,
} as const;

/**
 * The pure core: a validated case file, an as-of date and the law's parameters in; the assessment
 * out. No clock, no files.
 */
export function assess(c: CaseFile, options: AssessOptions, parameters: ParameterSet): Assessment {
  const p = new ParameterReader(parameters);
  const outcome = JURISDICTIONS[c.jurisdiction](c, options.asOf, p);
  const totals: Total[] = [];
  const currencies = [...new Set(outcome.lines.map((l) => l.money.currency))].sort();
  for (const currency of currencies) {
    const minor = outcome.lines.filter((l) => l.money.currency === currency).reduce((a, l) => a + l.money.minor, 0n);
    const total: Total = { currency, amount: formatAmount({ currency, minor }) };
    const rate = options.rates?.find((r) => r.from === currency && r.to === 'PHP');
    if (rate && currency !== 'PHP') {
      const php = roundToMinor('PHP', mul(toRatio({ currency, minor }), parseDecimal(rate.rate)));
      total.indicative = {
        currency: 'PHP',
        amount: formatAmount(php),
        rate: rate.rate,
        rateDate: rate.date,
        note: `Indicative only, at ${rate.rate} on ${rate.date}: awards are paid in pesos at the rate on the date of payment (${PIS_NLRC.cite}).`,
      };
    }
    totals.push(total);
  }
  return {
    asOf: options.asOf,
    jurisdiction: c.jurisdiction,
    claims: outcome.claims,
    lines: outcome.lines.map((l) => l.line),
    totals,
    deadlines: outcome.deadlines,
    warnings: outcome.warnings,
  };
}
