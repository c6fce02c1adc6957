import { isValidIso } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { isCurrency } from '../core/currency.js';
import type { ExchangeRate } from '../law/types.js';

/** Today's date on this machine: the only place the tool reads the clock. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function parseAsOf(value: string | undefined): string {
  if (value === undefined) return today();
  if (!isValidIso(value)) throw new UsageError(`--as-of expects a date like 2026-11-20, got "${value}"`);
  return value;
}

const RATE = /^([A-Za-z]{3}):([A-Za-z]{3})=(\d+(?:\.\d+)?)@(\d{4}-\d{2}-\d{2})$/;

/** "USD:PHP=58.12@2026-11-20": one US dollar was 58.12 pesos on 20 November 2026. */
export function parseRate(spec: string): ExchangeRate {
  const m = RATE.exec(spec.trim());
  if (!m) throw new UsageError(`--currency-rate expects FROM:TO=RATE@DATE, like USD:PHP=58.12@2026-11-20; got "${spec}"`);
  const [, from, to, rate, date] = m as unknown as [string, string, string, string, string];
  for (const c of [from, to]) if (!isCurrency(c.toUpperCase())) throw new UsageError(`--currency-rate: unknown currency code ${c}`);
  if (to.toUpperCase() !== 'PHP') throw new UsageError('--currency-rate converts into pesos only (TO must be PHP): awards are paid in pesos');
  if (!isValidIso(date)) throw new UsageError(`--currency-rate: ${date} is not a real date`);
  return { from: from.toUpperCase(), to: 'PHP', rate, date };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
