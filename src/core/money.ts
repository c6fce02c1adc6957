import { minorExponent } from './currency.js';
import { type Ratio, formatScaled, parseDecimal, ratio, roundHalfUp } from './ratio.js';

/** An exact amount: integer minor units (centavos, cents, fils) of one currency. */
export interface Money {
  readonly currency: string;
  readonly minor: bigint;
}

export function money(currency: string, minor: bigint): Money {
  minorExponent(currency); // refuses unknown codes
  return { currency, minor };
}

/** The exact value in major units ("2500.50" USD → 250050/100). */
export function toRatio(m: Money): Ratio {
  return ratio(m.minor, 10n ** BigInt(minorExponent(m.currency)));
}

/** Parses a plain decimal in major units; more decimals than the currency has is an error, not a rounding. */
export function parseMoney(currency: string, text: string): Money {
  const exp = minorExponent(currency);
  const r = parseDecimal(text);
  const scaled = r.n * 10n ** BigInt(exp);
  if (scaled % r.d !== 0n) throw new RangeError(`${text} has more decimals than ${currency} allows (${exp})`);
  return { currency, minor: scaled / r.d };
}

/** The one rounding: an exact value to the currency's minor unit, half-up. */
export function roundToMinor(currency: string, exact: Ratio): Money {
  return { currency, minor: roundHalfUp(exact, minorExponent(currency)) };
}

export function formatAmount(m: Money): string {
  return formatScaled(m.minor, minorExponent(m.currency));
}

/** "1,234,567.89" for people; JSON and files use formatAmount. */
export function formatGrouped(m: Money): string {
  const text = formatAmount(m);
  const neg = text.startsWith('-');
  const dot = text.indexOf('.');
  const int = text.slice(neg ? 1 : 0, dot < 0 ? text.length : dot);
  let grouped = '';
  for (let i = 0; i < int.length; i++) grouped += (i > 0 && (int.length - i) % 3 === 0 ? ',' : '') + int[i];
  return `${neg ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return { currency: a.currency, minor: a.minor + b.minor };
}
