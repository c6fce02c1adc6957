import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, formatAmount, formatGrouped, parseMoney } from '../../src/core/money.js';

describe('money in minor units', () => {
  it('parses major units into exact minor units', () => {
    expect(parseMoney('USD', '2500.5')).toEqual({ currency: 'USD', minor: 250050n });
    expect(parseMoney('KWD', '1.234')).toEqual({ currency: 'KWD', minor: 1234n });
    expect(parseMoney('JPY', '1500')).toEqual({ currency: 'JPY', minor: 1500n });
  });

  it('refuses more decimals than the currency has, instead of rounding silently', () => {
    expect(() => parseMoney('USD', '1.005')).toThrow(/more decimals/);
    expect(() => parseMoney('XXX', '1')).toThrow(/unknown currency/);
  });

  it('never adds across currencies', () => {
    expect(() => addMoney(parseMoney('USD', '1'), parseMoney('PHP', '1'))).toThrow(/cannot add/);
  });

  it('formats for people and for files', () => {
    expect(formatGrouped(parseMoney('PHP', '1234567.8'))).toBe('1,234,567.80');
    expect(formatAmount(parseMoney('USD', '0.07'))).toBe('0.07');
  });

  it('groups thousands without changing the amount (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom('USD', 'JPY', 'KWD'), (minor, currency) => {
        const m = { currency, minor };
        const grouped = formatGrouped(m);
        return grouped.replace(/,/g, '') === formatAmount(m) && !/^-?,|,,|,\./.test(grouped) && /^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(grouped);
      }),
    );
  });

  it('round-trips any cent amount through text (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (minor) => parseMoney('USD', formatAmount({ currency: 'USD', minor })).minor === minor),
    );
  });
});
