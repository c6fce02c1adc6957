import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, calendarSpan, dayNumber, daysBetween, fromDayNumber, isValidIso, longDate, monthRange } from '../../src/core/dates.js';

describe('civil dates', () => {
  it('counts days from the epoch', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2013-07-01') - dayNumber('2013-06-30')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('clamps month arithmetic to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });

  it("spans months and days as Serrano counted them", () => {
    expect(calendarSpan('1998-03-19', '1998-05-26')).toEqual({ months: 2, days: 7 });
    expect(calendarSpan('1998-05-26', '1999-03-19')).toEqual({ months: 9, days: 21 });
    expect(calendarSpan('2025-03-01', '2025-08-04')).toEqual({ months: 5, days: 3 });
  });

  it('rejects impossible dates', () => {
    expect(isValidIso('2025-02-29')).toBe(false);
    expect(isValidIso('2024-02-29')).toBe(true);
    expect(isValidIso('2025-13-01')).toBe(false);
  });

  it('lists month ranges and writes long dates', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(longDate('2009-03-24')).toBe('24 March 2009');
  });

  const day = fc.integer({ min: -200_000, max: 200_000 });

  it('day numbers round-trip (property)', () => {
    fc.assert(fc.property(day, (n) => dayNumber(fromDayNumber(n)) === n));
  });

  it('a span added back to its start never overshoots the end (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 5000 }), (a, len) => {
        const start = fromDayNumber(a);
        const end = fromDayNumber(a + len);
        const { months, days } = calendarSpan(start, end);
        return addMonths(start, months) <= end && daysBetween(addMonths(start, months), end) === days && days >= 0;
      }),
    );
  });
});
