import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, describe as describeRatio, formatScaled, mul, parseDecimal, ratio, roundHalfUp, sub } from '../../src/core/ratio.js';

describe('exact rationals', () => {
  it('parses decimals exactly', () => {
    expect(parseDecimal('2500.50')).toEqual(ratio(250050n, 100n));
    expect(parseDecimal('0.1')).toEqual(ratio(1n, 10n));
    expect(() => parseDecimal('1e3')).toThrow(/not a decimal/);
  });

  it('keeps 0.1 + 0.2 exact', () => {
    expect(add(parseDecimal('0.1'), parseDecimal('0.2'))).toEqual(parseDecimal('0.3'));
  });

  it('rounds half away from zero, once', () => {
    expect(roundHalfUp(parseDecimal('1194.769'), 2)).toBe(119477n);
    expect(roundHalfUp(parseDecimal('0.005'), 2)).toBe(1n);
    expect(roundHalfUp(parseDecimal('0.0049999'), 2)).toBe(0n);
    expect(roundHalfUp(parseDecimal('-0.005'), 2)).toBe(-1n);
    expect(roundHalfUp(ratio(1400n * 293n, 30n), 2)).toBe(1367333n); // Serrano: 1,400 × 9 23/30
  });

  it('formats scaled integers', () => {
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(formatScaled(-123456n, 2)).toBe('-1234.56');
    expect(formatScaled(42n, 0)).toBe('42');
  });

  it('describes terminating values exactly and others with ≈', () => {
    expect(describeRatio(ratio(189n, 10n))).toBe('18.9');
    expect(describeRatio(ratio(1n, 3n))).toBe('≈0.3333');
  });

  const r = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([n, d]) => ratio(n, d));

  it('add and sub are inverse (property)', () => {
    fc.assert(fc.property(r, r, (a, b) => compare(sub(add(a, b), b), a) === 0));
  });

  it('rounding is within half a unit of the exact value (property)', () => {
    fc.assert(
      fc.property(r, (a) => {
        const rounded = ratio(roundHalfUp(a, 2), 100n);
        const diff = sub(rounded, a);
        const abs = diff.n < 0n ? ratio(-diff.n, diff.d) : diff;
        return compare(abs, ratio(1n, 200n)) <= 0;
      }),
    );
  });

  it('multiplication distributes over addition (property)', () => {
    fc.assert(fc.property(r, r, r, (a, b, c) => compare(mul(a, add(b, c)), add(mul(a, b), mul(a, c))) === 0));
  });
});
