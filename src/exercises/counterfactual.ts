import type { InputProblem } from '../core/errors.js';
import { assess } from '../law/assess.js';
import type { ParameterSet } from '../law/parameters.js';
import type { Assessment } from '../law/types.js';
import { checkCase } from '../schemas/case-checks.js';
import { type CaseFile, CaseFileSchema } from '../schemas/case.js';
import type { CaseEdit } from './story.js';

/**
 * Assessing a case file "as if": the raw case data (as read, before validation) changed at a few
 * paths, validated again and assessed again. Both the fact-tag check and the near-miss amounts
 * ask the engine this way, so neither needs its own copy of a rule.
 */

type Key = string | number;

export function parsePath(path: string): Key[] {
  return path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

const clone = <T>(v: T): T => structuredClone(v);

/** The raw data with each edit applied: a path removed (array items too), or set to a value (a field may be added). */
export function applyEdits(raw: unknown, edits: readonly CaseEdit[]): unknown {
  const out = clone(raw);
  const REMOVED = Symbol('removed');
  for (const edit of edits) {
    const path = parsePath(typeof edit === 'string' ? edit : edit.path);
    const parent = path.slice(0, -1).reduce<unknown>((cur, k) => (cur !== null && typeof cur === 'object' ? (cur as Record<Key, unknown>)[k] : undefined), out);
    const last = path[path.length - 1]!;
    if (parent === null || typeof parent !== 'object' || (typeof edit === 'string' && !(last in parent))) throw new RangeError(`the case file has nothing at ${typeof edit === 'string' ? edit : edit.path}`);
    (parent as Record<Key, unknown>)[last] = typeof edit === 'string' ? REMOVED : edit.set;
  }
  const sweep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== REMOVED).map(sweep);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== REMOVED).map(([k, x]) => [k, sweep(x)]));
    }
    return v;
  };
  return sweep(out);
}

export type Outcome = { ok: true; caseFile: CaseFile; assessment: Assessment } | { ok: false; problems: InputProblem[] };

/** Validates raw case data (fields, then cross-field checks) and assesses it. */
export function assessRaw(raw: unknown, asOf: string, parameters: ParameterSet): Outcome {
  const parsed = CaseFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const problems = checkCase(parsed.data);
  if (problems.length) return { ok: false, problems };
  return { ok: true, caseFile: parsed.data, assessment: assess(parsed.data, { asOf }, parameters) };
}
