import { ParameterNotCoveredError } from '../core/errors.js';
import { type IsoDate, addDays } from '../core/dates.js';

/** A fee cap: a multiple of the approved contract's basic monthly salary, or a fixed sum. */
export type FeeCapValue = { monthsOfBasicSalary: string } | { fixed: { amount: string; currency: string } };
export type MoneyValue = { amount: string; currency: string };
export type ParameterValue = string | string[] | MoneyValue | FeeCapValue;

export interface DatedValue {
  from: IsoDate;
  to?: IsoDate;
  value: ParameterValue;
  source: string;
  url?: string;
  verified: boolean;
  note?: string;
}

export interface ParameterDef {
  id: string;
  description: string;
  unit: string;
  values: DatedValue[];
}

/** All parameters of all jurisdictions, by id. Loaded once by a shell, passed into the pure core. */
export type ParameterSet = ReadonlyMap<string, ParameterDef>;

/** What a computation records about each parameter it used. */
export interface ParameterUse {
  id: string;
  value: ParameterValue;
  from: IsoDate;
  to?: IsoDate;
  source: string;
  verified: boolean;
  note?: string;
}

export function valueOn(def: ParameterDef, date: IsoDate): DatedValue | undefined {
  return def.values.find((v) => v.from <= date && (v.to === undefined || date <= v.to));
}

function use(def: ParameterDef, v: DatedValue): ParameterUse {
  const u: ParameterUse = { id: def.id, value: v.value, from: v.from, source: v.source, verified: v.verified };
  if (v.to !== undefined) u.to = v.to;
  if (v.note !== undefined) u.note = v.note;
  return u;
}

/**
 * Reads parameters as of dates and remembers every value read, so each line can cite the dated
 * values it used and the assessment can warn about the unverified ones.
 */
export class ParameterReader {
  readonly used = new Map<string, ParameterUse>();

  constructor(private readonly set: ParameterSet) {}

  private def(id: string, date: IsoDate, requestedBy: string): ParameterDef {
    const def = this.set.get(id);
    if (!def) throw new ParameterNotCoveredError(id, date, requestedBy);
    return def;
  }

  /** The value in force on `date`; an error naming the parameter and the date when none is. */
  at(id: string, date: IsoDate, requestedBy: string): ParameterUse {
    const def = this.def(id, date, requestedBy);
    const v = valueOn(def, date);
    if (!v) throw new ParameterNotCoveredError(id, date, requestedBy);
    const u = use(def, v);
    this.used.set(`${id}@${v.from}`, u);
    return u;
  }

  /** Like `at`, but a date no value covers is an answer (undefined), not an error. */
  maybeAt(id: string, date: IsoDate): ParameterUse | undefined {
    const def = this.set.get(id);
    const v = def && valueOn(def, date);
    if (!def || !v) return undefined;
    const u = use(def, v);
    this.used.set(`${id}@${v.from}`, u);
    return u;
  }

  /**
   * Splits [from, to) into the periods of each dated value, for rates that changed over time
   * (legal interest: 12% to 2013-06-30, 6% from 2013-07-01). A gap is an error at its first day.
   */
  segments(id: string, from: IsoDate, to: IsoDate, requestedBy: string): { from: IsoDate; to: IsoDate; use: ParameterUse }[] {
    const out: { from: IsoDate; to: IsoDate; use: ParameterUse }[] = [];
    let cursor = from;
    while (cursor < to) {
      const u = this.at(id, cursor, requestedBy);
      const end = u.to === undefined || addDays(u.to, 1) > to ? to : addDays(u.to, 1);
      out.push({ from: cursor, to: end, use: u });
      cursor = end;
    }
    return out;
  }
}

export function decimalValue(u: ParameterUse): string {
  if (typeof u.value !== 'string') throw new TypeError(`parameter ${u.id} is not a number`);
  return u.value;
}

export function moneyValue(u: ParameterUse): MoneyValue {
  const v = u.value;
  if (typeof v !== 'object' || Array.isArray(v) || !('amount' in v)) throw new TypeError(`parameter ${u.id} is not an amount`);
  return v;
}

export function feeCapValue(u: ParameterUse): FeeCapValue {
  const v = u.value;
  if (typeof v !== 'object' || Array.isArray(v) || !('monthsOfBasicSalary' in v || 'fixed' in v)) {
    throw new TypeError(`parameter ${u.id} is not a fee cap`);
  }
  return v;
}

export function listValue(u: ParameterUse): string[] {
  if (!Array.isArray(u.value)) throw new TypeError(`parameter ${u.id} is not a list`);
  return u.value;
}

/** A one-line rendering for worksheets and `rules`. */
export function describeValue(v: ParameterValue, unit: string): string {
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string') {
    const suffix: Record<string, string> = { 'percent-per-year': '% a year', percent: '%', years: ' years', days: ' days' };
    return `${v}${suffix[unit] ?? ''}`;
  }
  if ('monthsOfBasicSalary' in v) return `${v.monthsOfBasicSalary} month(s) of basic salary`;
  if ('fixed' in v) return `${v.fixed.currency} ${v.fixed.amount}`;
  return `${v.currency} ${v.amount}`;
}
