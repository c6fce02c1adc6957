import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, dayNumber } from '../../src/core/dates.js';
import { ratio } from '../../src/core/ratio.js';
import { unexpiredPortion } from '../../src/law/ph/grounds/dismissal.js';

const THIRTY = ratio(30n);

describe('unexpired portion of the contract', () => {
  it("reproduces Serrano's 9 months 23 days", () => {
    const u = unexpiredPortion('1998-03-19', '1998-05-26', 12, 'thirty-day-months', THIRTY);
    expect(u.served).toEqual({ months: 2, days: 7 });
    expect(u.unexpired).toEqual({ months: 9, days: 23 });
    expect(u.valuedMonths).toEqual(ratio(293n, 30n));
  });

  it('counts the other ways tribunals have counted', () => {
    const at = (m: string) => unexpiredPortion('1998-03-19', '1998-05-26', 12, m, THIRTY);
    expect(at('calendar').unexpired).toEqual({ months: 9, days: 21 });
    expect(at('whole-months-down').valuedMonths).toEqual(ratio(9n));
    expect(at('whole-months-nearest').valuedMonths).toEqual(ratio(10n));
    expect(at('decimal-months').valuedMonths).toEqual(ratio(977n, 100n));
  });

  it('is zero once the term is served', () => {
    expect(unexpiredPortion('2024-01-01', '2025-02-01', 12, 'thirty-day-months', THIRTY).unexpired).toEqual({ months: 0, days: 0 });
  });

  it('served plus unexpired equals the term, in 30-day months (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2000 }), (s, term, len) => {
        const start = fromDayNumber(s);
        const end = addDays(start, len);
        const u = unexpiredPortion(start, end, term, 'thirty-day-months', THIRTY);
        const served = u.served.months * 30 + u.served.days;
        const left = u.unexpired.months * 30 + u.unexpired.days;
        expect(u.unexpired.days).toBeGreaterThanOrEqual(0);
        expect(u.unexpired.days).toBeLessThan(30);
        return served >= term * 30 ? left === 0 : served + left === term * 30;
      }),
    );
  });

  it('never grows when the worker served longer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 36 }), fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 60 }), (s, term, len, more) => {
        const start = fromDayNumber(s);
        const a = unexpiredPortion(start, fromDayNumber(dayNumber(start) + len), term, 'thirty-day-months', THIRTY);
        const b = unexpiredPortion(start, fromDayNumber(dayNumber(start) + len + more), term, 'thirty-day-months', THIRTY);
        return b.unexpired.months * 30 + b.unexpired.days <= a.unexpired.months * 30 + a.unexpired.days;
      }),
    );
  });
});
