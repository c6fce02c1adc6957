/**
 * Civil dates as ISO strings ("2025-03-01"), handled with integer arithmetic only: no Date, no
 * clock, no time zone. A day number counts days from 1970-01-01.
 */
export type IsoDate = string;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function parseIso(date: IsoDate): Ymd {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a date like 2011-03-14: ${date}`);
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ymd;
}

export function isValidIso(date: string): boolean {
  try {
    parseIso(date);
    return true;
  } catch {
    return false;
  }
}

export function formatIso({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const { y: y0, m, d } = parseIso(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z0: number): IsoDate {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatIso({ y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d });
}

/** Whole days from `earlier` to `later` (negative when `later` comes first). */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return dayNumber(later) - dayNumber(earlier);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Adds calendar months, clamping to the month's last day.
 * @example addMonths('2025-01-31', 1) //=> '2025-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIso(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return formatIso({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** @example addYears('2024-02-29', 3) //=> '2027-02-28' */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const minIso = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxIso = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** A span in whole calendar months and leftover days. */
export interface MonthsDays {
  months: number;
  days: number;
}

/**
 * Calendar months and remaining days from `start` to `end`: the largest m with
 * addMonths(start, m) ≤ end, then the days left over.
 * @example calendarSpan('1998-03-19', '1998-05-26') //=> { months: 2, days: 7 }  (Serrano)
 */
export function calendarSpan(start: IsoDate, end: IsoDate): MonthsDays {
  if (end < start) return { months: 0, days: 0 };
  const a = parseIso(start);
  const b = parseIso(end);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  while (months > 0 && addMonths(start, months) > end) months--;
  return { months, days: daysBetween(addMonths(start, months), end) };
}

/** "2025-03" → first and last day of that month. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  const { y, m } = parseIso(first);
  return { first, last: formatIso({ y, m, d: daysInMonth(y, m) }) };
}

/** Every "YYYY-MM" from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let cur = `${from}-01`;
  const stop = `${to}-01`;
  while (cur <= stop) {
    out.push(cur.slice(0, 7));
    cur = addMonths(cur, 1);
  }
  return out;
}

/** Days counted inclusively in a period [from, to]. */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "14 March 2011", the form used in pleadings. */
export function longDate(date: IsoDate): string {
  const { y, m, d } = parseIso(date);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "March 2025" for the month "2025-03". */
export function monthYear(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
