import type { InputProblem } from '../core/errors.js';
import type { CaseFile } from './case.js';
import { contractMonths, contractStart, expandMonthSpec } from './derive.js';

/**
 * Checks across fields that a schema cannot express: the order of dates, and wage or deduction
 * months that fall outside the contract. Returns every problem, so a paralegal fixes them in one go.
 */
export function checkCase(c: CaseFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const start = contractStart(c);
  const e = c.employment;

  if (e.departureDate && e.arrivalDate && e.arrivalDate < e.departureDate) {
    add('employment.arrivalDate', `arrival (${e.arrivalDate}) is before departure (${e.departureDate})`);
  }
  if (c.contract.start.rule === 'date' && !c.contract.start.date) {
    add('contract.start.date', 'the start rule is "date", so give the start date, like 2025-03-01');
  }
  const s = c.separation;
  if (start && s.date && s.date < start) {
    add('separation.date', `the separation (${s.date}) is before the contract started (${start})`);
  }
  if (start && s.lastDayWorked && s.lastDayWorked < start) {
    add('separation.lastDayWorked', `the last day worked (${s.lastDayWorked}) is before the contract started (${start})`);
  }
  if (s.repatriation?.date && s.date && s.repatriation.date < s.date) {
    add('separation.repatriation.date', `repatriation (${s.repatriation.date}) is before the separation (${s.date})`);
  }
  if (s.how !== 'still_employed' && s.how !== 'completed' && !s.date) {
    add('separation.date', 'give the date the worker was dismissed or left, like 2025-07-31');
  }

  // A period that ends before it starts is already reported above; every month would be outside it.
  const period = contractMonths(c);
  const range = period && period.first <= period.last ? period : undefined;
  const seen = new Map<string, number>();
  e.months.forEach((m, i) => {
    for (const month of expandMonthSpec(m.month)) {
      if (range && (month < range.first || month > range.last)) {
        add(`employment.months[${i}].month`, `${month} is outside the contract period ${range.first}..${range.last}`);
        break;
      }
      const prev = seen.get(month);
      if (prev !== undefined) {
        add(`employment.months[${i}].month`, `${month} is already given in employment.months[${prev}]`);
        break;
      }
      seen.set(month, i);
    }
  });
  e.deductions.forEach((d, i) => {
    for (const month of expandMonthSpec(d.month)) {
      if (range && (month < range.first || month > range.last)) {
        add(`employment.deductions[${i}].month`, `${month} is outside the contract period ${range.first}..${range.last}`);
        break;
      }
    }
  });
  return problems;
}
