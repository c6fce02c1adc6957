import { z } from 'zod';
import { CURRENCY_CODES, isCurrency } from '../core/currency.js';
import { isValidIso } from '../core/dates.js';

/**
 * Field types shared by every input file. Messages say what to type, because the person reading
 * them is a paralegal fixing a case file, not a developer.
 */

const AMOUNT_TEXT = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;

/**
 * A non-negative amount in major units: 1500, "1500.00" or "1,500.00". Becomes a plain decimal
 * string; numbers are accepted only where they are exact (whole, or with few enough digits that
 * the shortest decimal form is what was typed).
 */
export const amount = z
  .union([z.string(), z.number()], { error: 'expected an amount like 1,500.00' })
  .transform((v, ctx) => {
    const text = typeof v === 'number' ? numberText(v) : v.trim();
    if (text === undefined || !AMOUNT_TEXT.test(text)) {
      ctx.addIssue({ code: 'custom', message: `expected an amount like 1,500.00 (not negative), got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return text.replace(/,/g, '');
  });

function numberText(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  const s = String(n);
  // More than 15 significant digits may not be what was typed: ask for a string instead.
  return /e/i.test(s) || s.replace(/[.-]/g, '').replace(/^0+/, '').length > 15 ? undefined : s;
}

/** A non-negative decimal that is not money: hours, days, a multiplier. */
export const decimal = z
  .union([z.string(), z.number()], { error: 'expected a number like 8 or 1.25' })
  .transform((v, ctx) => {
    const text = typeof v === 'number' ? numberText(v) : v.trim();
    if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `expected a number like 8 or 1.25 (not negative), got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return text;
  });

export const currency = z
  .string({ error: 'expected a currency code like USD or PHP' })
  .transform((s) => s.trim().toUpperCase())
  .refine(isCurrency, { message: `expected a known ISO currency code (${CURRENCY_CODES.join(', ')})` });

export const isoDate = z
  .string({ error: 'expected a date like 2011-03-14' })
  .refine(isValidIso, { message: 'expected a real date like 2011-03-14' });

/** "2025-03", or a range of months "2025-03..2025-06" (inclusive). */
export const monthSpec = z
  .string({ error: 'expected a month like 2025-03 or a range like 2025-03..2025-06' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])(\.\.\d{4}-(0[1-9]|1[0-2]))?$/, 'expected a month like 2025-03 or a range like 2025-03..2025-06')
  .refine((s) => { const [a, b] = s.split('..'); return b === undefined || a! <= b; }, 'the range ends before it starts');

export const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');

export const wholeNumber = z.number({ error: 'expected a whole number' }).int('expected a whole number').nonnegative('must not be negative');

export const moneyAmount = z.strictObject({ amount, currency });
