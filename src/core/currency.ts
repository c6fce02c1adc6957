/**
 * ISO 4217 currencies met in overseas-work claims, with their minor-unit exponent. A code not
 * listed here is refused at the case file, so a typo ("UDS") never becomes a silent new currency.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  AED: 2, AUD: 2, BHD: 3, BND: 2, CAD: 2, CHF: 2, CNY: 2, CZK: 2, DKK: 2, EUR: 2, GBP: 2, HKD: 2,
  IDR: 2, ILS: 2, INR: 2, IQD: 3, JOD: 3, JPY: 0, KRW: 0, KWD: 3, LBP: 2, LYD: 3, MOP: 2, MYR: 2,
  NOK: 2, NZD: 2, OMR: 3, PHP: 2, PLN: 2, QAR: 2, RON: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3,
  TWD: 2, USD: 2, VND: 0, ZAR: 2,
};

export const CURRENCY_CODES: readonly string[] = Object.keys(EXPONENTS).sort();

export function isCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

export function minorExponent(code: string): number {
  const e = EXPONENTS[code];
  if (e === undefined) throw new RangeError(`unknown currency code: ${code}`);
  return e;
}
