import { addDays, addMonths, isValidIso } from '../core/dates.js';
import type { ParameterSet } from '../law/parameters.js';
import { applyEdits, assessRaw } from './counterfactual.js';

/**
 * "Method right, a date off": the amounts the engine gives when one date of the case (or the as-of
 * date interest runs to) is moved by a few days or a month. A trainee whose figure matches one of
 * these applied the right formula to a wrong date, and earns partial credit with the difference
 * named. The alternatives are computed, never typed, so a rule fix moves them with the key.
 */

export interface NearMiss {
  /** Line id → amount (decimal string) under this variant. */
  amounts: Record<string, string>;
  /** The date that was moved: a case-file path, or "asOf". */
  path: string;
  from: string;
  to: string;
}

/** Small slips a person makes counting dates: a day or three either way, or a month. */
export const DATE_SLIPS: readonly { days?: number; months?: number }[] = [
  { days: -1 }, { days: 1 }, { days: -2 }, { days: 2 }, { days: -3 }, { days: 3 }, { months: -1 }, { months: 1 },
];

/** Dates that describe the worker, not the claim: moving them is no slip in a computation. */
const NOT_CLAIM_DATES = new Set(['worker.birthDate']);

export function datePaths(raw: unknown, prefix = ''): { path: string; value: string }[] {
  if (typeof raw === 'string') return isValidIso(raw) && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !NOT_CLAIM_DATES.has(prefix) ? [{ path: prefix, value: raw }] : [];
  if (Array.isArray(raw)) return raw.flatMap((v, i) => datePaths(v, `${prefix}[${i}]`));
  if (raw !== null && typeof raw === 'object') return Object.entries(raw).flatMap(([k, v]) => datePaths(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const slip = (date: string, s: { days?: number; months?: number }): string => (s.months ? addMonths(date, s.months) : addDays(date, s.days ?? 0));

/** Every variant of the case with one date slipped, assessed; variants the case checks reject are skipped. */
export function nearMisses(raw: unknown, asOf: string, parameters: ParameterSet): NearMiss[] {
  const out: NearMiss[] = [];
  const record = (path: string, from: string, to: string, rawVariant: unknown, asOfVariant: string) => {
    let outcome;
    try {
      outcome = assessRaw(rawVariant, asOfVariant, parameters);
    } catch {
      return; // a slipped date can fall outside a parameter's dated values: no alternative there
    }
    if (!outcome.ok) return;
    out.push({ path, from, to, amounts: Object.fromEntries(outcome.assessment.lines.map((l) => [l.id, l.amount])) });
  };
  for (const { path, value } of datePaths(raw)) {
    for (const s of DATE_SLIPS) {
      const to = slip(value, s);
      record(path, value, to, applyEdits(raw, [{ path, set: to }]), asOf);
    }
  }
  for (const s of DATE_SLIPS) {
    const to = slip(asOf, s);
    record('asOf', asOf, to, raw, to);
  }
  return out;
}
