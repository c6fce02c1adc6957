import { type IsoDate, addDays, addMonths, monthRange } from '../core/dates.js';
import type { CaseFile } from './case.js';

/** Views of a case file that several rules and checks need, computed one way only. */

/** When the contract term began, by the contract's own start rule (Powerhouse v. Rey: "upon arrival"). */
export function contractStart(c: CaseFile): IsoDate | undefined {
  switch (c.contract.start.rule) {
    case 'departure':
      return c.employment.departureDate ?? c.contract.start.date;
    case 'arrival':
      return c.employment.arrivalDate ?? c.contract.start.date;
    case 'date':
      return c.contract.start.date;
  }
}

/** The day the term would have ended: start plus the term in months. */
export function contractEnd(c: CaseFile): IsoDate | undefined {
  const start = contractStart(c);
  return start && addMonths(start, c.contract.termMonths);
}

/** The last day the worker was at work, for counting wages due. */
export function lastDayOfService(c: CaseFile): IsoDate | undefined {
  const s = c.separation;
  if (s.lastDayWorked) return s.lastDayWorked;
  if (s.date) return s.date;
  const end = contractEnd(c);
  return s.how === 'completed' && end ? addDays(end, -1) : undefined;
}

export function expandMonthSpec(spec: string): string[] {
  const [from, to] = spec.split('..');
  return monthRange(from!, to ?? from!);
}

/** The contract's months, first to last, as far as the dates are known. */
export function contractMonths(c: CaseFile, until?: IsoDate): { first: string; last: string } | undefined {
  const start = contractStart(c);
  const end = until ?? lastDayOfService(c) ?? (c.separation.how === 'still_employed' ? contractEnd(c) : undefined);
  if (!start || !end) return undefined;
  return { first: start.slice(0, 7), last: end.slice(0, 7) };
}
