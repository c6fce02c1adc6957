import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import type { InputProblem } from '../core/errors.js';

/** "fees[0].amount" from ["fees", 0, "amount"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)), '');
}

export function lineOf(doc: Document | undefined, lc: LineCounter | undefined, path: readonly PropertyKey[]): number | undefined {
  if (!doc || !lc) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Zod issues as problems a paralegal can act on: the field, its line, what to type. */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  doc?: Document,
  lc?: LineCounter,
): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ file, path: formatPath(path), line: lineOf(doc, lc, path), message: 'unknown field (check the spelling; `migrant-claims schema` lists the fields)' });
      }
      continue;
    }
    const missing = valueAt(data, issue.path) === undefined;
    let message = issue.message;
    if (issue.code === 'invalid_value') message = `expected one of: ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'invalid_type' && /^Invalid input/.test(message)) message = `expected ${issue.expected}`;
    if (missing) message = `is required: ${message}`;
    const p: InputProblem = { file, path: formatPath(issue.path), message };
    const line = lineOf(doc, lc, issue.path);
    if (line !== undefined) p.line = line;
    out.push(p);
  }
  return out;
}
