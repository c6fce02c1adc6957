/**
 * Exact rational numbers over bigint. Every amount the law computes passes through here, so no
 * binary float ever touches money: a formula like `400 × (18 + 27/30)` stays exact until the one
 * rounding its rule names.
 */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { n: num / g, d: den / g };
}

export const ZERO = ratio(0n);
export const ONE = ratio(1n);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const sum = (xs: readonly Ratio[]): Ratio => xs.reduce(add, ZERO);
export const compare = (a: Ratio, b: Ratio): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Ratio): boolean => a.n === 0n;
export const isNegative = (a: Ratio): boolean => a.n < 0n;
export const max = (a: Ratio, b: Ratio): Ratio => (compare(a, b) >= 0 ? a : b);
export const min = (a: Ratio, b: Ratio): Ratio => (compare(a, b) <= 0 ? a : b);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal string ("1500", "1500.25", "-3.5"). Thousands separators are the schema's job. */
export function parseDecimal(text: string): Ratio {
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`not a decimal number: ${text}`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac) * (m[1] ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

export type RoundingMode = 'half-up';

/**
 * Rounds to an integer count of 10^-scale units, half away from zero ("half-up" as lawyers and
 * arbiters use it: 0.005 → 0.01). Returns the integer, e.g. minor units.
 */
export function roundHalfUp(a: Ratio, scale: number): bigint {
  const f = 10n ** BigInt(scale);
  const num = a.n * f;
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = abs / a.d;
  const r = abs % a.d;
  const rounded = r * 2n >= a.d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** Formats an integer count of 10^-scale units as a decimal string: (123456n, 2) → "1234.56". */
export function formatScaled(units: bigint, scale: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return neg ? `-${body}` : body;
}

/** A readable exact-or-approximate rendering for formulas: "27/30" stays a fraction, 2 stays 2. */
export function describe(a: Ratio, scale = 4): string {
  if (a.d === 1n) return a.n.toString();
  // Terminating decimals print exactly; others print rounded with an ≈ so nobody mistakes them.
  let d = a.d;
  for (const p of [2n, 5n]) while (d % p === 0n) d /= p;
  if (d === 1n) {
    let k = 0;
    while ((10n ** BigInt(k)) % a.d !== 0n) k++;
    return trimZeros(formatScaled(roundHalfUp(a, k), k));
  }
  return `≈${trimZeros(formatScaled(roundHalfUp(a, scale), scale))}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
