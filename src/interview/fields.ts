import type { z } from 'zod';
import { MONTH_NAMES } from '../core/dates.js';
import { amount, currency, decimal, isoDate, monthSpec, text, wholeNumber } from '../schemas/primitives.js';

/**
 * What a paralegal types, turned into what the case file holds. Each parser accepts the forms
 * people actually type, rewrites them to the case file's form, then checks the result with the
 * case schema's own zod primitive, so a message at the prompt is the message `assess` would give.
 */
export type Parsed = { ok: true; value: string } | { ok: false; message: string };
export type Parse = (raw: string) => Parsed;

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

/** "mar", "March", "sept" → 1..12, or undefined. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i < 0 ? undefined : i + 1;
}

function check(schema: z.ZodType, value: unknown, fallback: string): Parsed {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: String(r.data) };
  return { ok: false, message: r.error.issues[0]?.message ?? fallback };
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** 2011-03-14, 2011-3-14, 14 March 2011, March 14, 2011, 14 Mar 2011. Never 03/14/2011: day and month could be read either way. */
export const date: Parse = (raw) => {
  const s = raw.trim().replace(/\s+/g, ' ');
  let iso = s;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+),? (\d{4})$/i.exec(s)) && monthNumber(m[2]!)) iso = `${m[3]}-${pad(monthNumber(m[2]!)!)}-${pad(m[1]!)}`;
  else if ((m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(s)) && monthNumber(m[1]!)) iso = `${m[3]}-${pad(monthNumber(m[1]!)!)}-${pad(m[2]!)}`;
  else if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(s)) {
    return { ok: false, message: `expected a date like 2011-03-14 or 14 March 2011 (in "${s}" the day and the month could be read either way)` };
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { ok: false, message: `expected a date like 2011-03-14 or 14 March 2011, got "${s}"` };
  return check(isoDate, iso, 'expected a date like 2011-03-14');
};

/** 1500, 1500.00, 1,500.00; a currency sign or code typed with it is refused, since the currency is asked on its own. */
export const money: Parse = (raw) => {
  const s = raw.trim();
  if (/[a-z$₱€£¥]/i.test(s)) return { ok: false, message: `expected an amount like 1,500.00 (only the number: the currency is asked next), got "${s}"` };
  return check(amount, s, 'expected an amount like 1,500.00');
};

const CURRENCY_WORDS: Record<string, string> = {
  $: 'USD', 'us$': 'USD', dollar: 'USD', dollars: 'USD', 'us dollar': 'USD', 'us dollars': 'USD',
  '₱': 'PHP', p: 'PHP', peso: 'PHP', pesos: 'PHP', 'philippine peso': 'PHP', 'philippine pesos': 'PHP',
  riyal: 'SAR', riyals: 'SAR', 'saudi riyal': 'SAR', sr: 'SAR', dirham: 'AED', dirhams: 'AED',
  'nt$': 'TWD', 'hk$': 'HKD', '€': 'EUR', euro: 'EUR', euros: 'EUR', leu: 'RON', lei: 'RON',
  ringgit: 'MYR', rm: 'MYR', 's$': 'SGD', dinar: 'KWD', yen: 'JPY', won: 'KRW', baht: 'THB',
};

/** USD, usd, US$, $, dollars, pesos, ₱, riyal… */
export const currencyCode: Parse = (raw) => {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const code = CURRENCY_WORDS[s] ?? s;
  const r = check(currency, code, 'expected a currency code like USD or PHP');
  return r.ok ? r : { ok: false, message: `expected a currency code like USD or PHP (or a word like dollars, pesos, riyals), got "${raw.trim()}"` };
};

export const number: Parse = (raw) => check(decimal, raw.trim(), 'expected a number like 8 or 1.25');

export const whole: Parse = (raw) => {
  const s = raw.trim();
  return /^\d+$/.test(s) ? check(wholeNumber, Number(s), 'expected a whole number') : { ok: false, message: `expected a whole number like 0, 1 or 24, got "${s}"` };
};

export const words: Parse = (raw) => check(text, raw, 'expected text');

/** "2025-03", "2025-03..2025-06", "2025-03 to 2025-06", "2025-3 - 2025-6". */
export const months: Parse = (raw) => {
  const s = raw.trim().replace(/\s*(?:\.\.|to|until|through|-|–)\s*(?=\d{4}-)/i, '..').replace(/(\d{4})-(\d)(?!\d)/g, '$1-0$2');
  return check(monthSpec, s, 'expected a month like 2025-03 or a range like 2025-03..2025-06');
};

/** Enter skips the question: the field is left out of the case file. */
export const optional = (parse: Parse): Parse => (raw) => (raw.trim() === '' ? { ok: true, value: '' } : parse(raw));

/** Adds a check that needs the other answers (a month inside the period worked…). */
export const also = (parse: Parse, extra: (value: string) => string | undefined): Parse => (raw) => {
  const r = parse(raw);
  if (!r.ok || r.value === '') return r;
  const message = extra(r.value);
  return message ? { ok: false, message } : r;
};

export interface WageEntry {
  amount: string;
  /** The last month this amount covers (the month asked, unless a range was typed). */
  until: string;
}

/**
 * One month's wages, the fast way: "235" (this month), Enter or "same" (as last month),
 * "nothing" or "0", "235 to 2025-07" or "nothing until June" (every month up to that one).
 * The canonical answer is "AMOUNT" or "AMOUNT to YYYY-MM".
 */
export function wage(month: string, lastMonth: string, previous: string | undefined): Parse {
  return (raw) => {
    let s = raw.trim().toLowerCase();
    let until = month;
    const range = /^(.*?)\s+(?:to|until|till|through|thru|-)\s+(.+)$/.exec(s);
    if (range) {
      const end = resolveMonth(range[2]!.trim(), month, lastMonth);
      if (typeof end !== 'string') return { ok: false, message: end.message };
      if (end < month) return { ok: false, message: `${end} is before ${month}` };
      if (end > lastMonth) return { ok: false, message: `${end} is after the last month worked (${lastMonth})` };
      until = end;
      s = range[1]!.trim();
    }
    let value: string;
    if (s === '' || s === 'same' || s === 'same as last month' || s === 'same as before') {
      if (previous === undefined) return { ok: false, message: 'there is no earlier month to copy: type the amount received, like 1,500.00, or "nothing"' };
      value = previous;
    } else if (s === 'nothing' || s === 'none' || s === 'unpaid' || s === 'not paid') value = '0';
    else {
      const r = money(s);
      if (!r.ok) return { ok: false, message: `${r.message}; or "same", "nothing", "235 to 2025-07"` };
      value = r.value;
    }
    return { ok: true, value: until === month ? value : `${value} to ${until}` };
  };
}

export function readWage(canonical: string, month: string): WageEntry {
  const [amountText, until] = canonical.split(' to ');
  return { amount: amountText!, until: until ?? month };
}

/** "2025-07", "July", "jul 2025" → YYYY-MM. A month name alone is the next one of that name, as people say "until June". */
function resolveMonth(word: string, from: string, last: string): string | { message: string } {
  const exact = months(word);
  if (exact.ok && !exact.value.includes('..')) return exact.value;
  const m = /^([a-z.]+)(?:\s+(\d{4}))?$/.exec(word);
  const n = m && monthNumber(m[1]!);
  if (!n) return { message: `expected a month like 2025-07 or July after "to", got "${word}"` };
  if (m![2]) return `${m![2]}-${pad(n)}`;
  const y = Number(from.slice(0, 4));
  const next = `${n >= Number(from.slice(5)) ? y : y + 1}-${pad(n)}`;
  if (next > last) return { message: `there is no ${MONTHS[n - 1]!.replace(/^./, (c) => c.toUpperCase())} between ${from} and the last month worked (${last})` };
  return next;
}
