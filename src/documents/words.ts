import { type IsoDate, MONTH_NAMES, longDate, monthYear } from '../core/dates.js';
import { type Money, formatGrouped, parseMoney } from '../core/money.js';

/** How amounts, dates, months and places are written in the drafts. */

/** "USD 2,500.00" */
export const money = (currency: string, amount: string): string => moneyOf(parseMoney(currency, amount));
export const moneyOf = (m: Money): string => `${m.currency} ${formatGrouped(m)}`;

export const date = (d: IsoDate): string => longDate(d);

/** "March 2025"; a range "2025-05..2025-07" is "May to July 2025" (or with both years). */
export function months(spec: string): string {
  const [from, to] = spec.split('..') as [string, string | undefined];
  if (!to || to === from) return monthYear(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${MONTH_NAMES[Number(from.slice(5, 7)) - 1]} to ${monthYear(to)}`;
  return `${monthYear(from)} to ${monthYear(to)}`;
}

export const isRange = (spec: string): boolean => spec.includes('..') && spec.split('..')[0] !== spec.split('..')[1];

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Romania" for RO; a province code such as CA-MB keeps its code after the country's name. */
export function country(code: string): string {
  const [cc, sub] = code.toUpperCase().split('-') as [string, string | undefined];
  let name: string | undefined;
  try {
    name = REGIONS.of(cc);
  } catch {
    name = undefined;
  }
  const known = name && name !== cc ? name : code;
  return sub ? `${known} (${code.toUpperCase()})` : known;
}

/** "a, b and c" */
export function list(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Makes a phrase end a sentence: a final full stop unless it already ends with one. */
export const sentence = (text: string): string => (/[.!?]["”')]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** Upper case for captions, keeping ñ, é and the like. */
export const upper = (text: string): string => text.toLocaleUpperCase('en');

/** "M.L.D.C." from "Maria Luz Dela Cruz": the initials a worker writes on each page. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w && w[0] === w[0]!.toLocaleUpperCase('en'))
    .map((w) => `${w[0]!.toLocaleUpperCase('en')}.`)
    .join('');
}

/** An address with the country added unless the address already names it. */
export function place(address: string | undefined, countryCode: string | undefined): string | null {
  const name = countryCode ? country(countryCode) : undefined;
  const parts = [address, name && !address?.includes(name) ? name : undefined].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}
