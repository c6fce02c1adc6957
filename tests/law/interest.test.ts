import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { parseMoney } from '../../src/core/money.js';
import { compare, ratio, roundHalfUp } from '../../src/core/ratio.js';
import { simpleInterest } from '../../src/law/interest.js';
import { ParameterReader } from '../../src/law/parameters.js';
import { PARAMETERS } from '../helpers/cases.js';

const legal = (principal: string, from: string, to: string) =>
  simpleInterest(new ParameterReader(PARAMETERS), 'ph.legal_interest.judgment_pa', 'ph.interest.day_basis', parseMoney('USD', principal), from, to, 'test');

describe('simple interest over dated rates', () => {
  it('splits at the 2013-07-01 change: 12% before, 6% after (Nacar)', () => {
    // 10,000 × 12% × 365/365 (2012-07-01..2013-07-01) + 10,000 × 6% × 365/365 (2013-07-01..2014-07-01)
    const r = legal('10000', '2012-07-01', '2014-07-01');
    expect(r.parts).toHaveLength(2);
    expect(roundHalfUp(r.exact, 2)).toBe(180000n);
  });

  it('is nothing over an empty period', () => {
    expect(legal('10000', '2020-01-01', '2020-01-01').exact).toEqual(ratio(0n));
  });

  it('names the parameter and the date when no rate covers the period', () => {
    expect(() => legal('100', '1900-01-01', '1900-02-01')).toThrow(/ph\.legal_interest\.judgment_pa has no value on 1900-01-01/);
  });

  it('grows with time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 10_000_000 }), (offset, len, more, cents) => {
        const from = addDays('1990-01-01', offset);
        const principal = (cents / 100).toFixed(2);
        const a = legal(principal, from, addDays(from, len));
        const b = legal(principal, from, addDays(from, len + more));
        return compare(b.exact, a.exact) >= 0;
      }),
    );
  });
});
