import { expandMonthSpec } from '../schemas/derive.js';
import { readWage } from './fields.js';
import { liveAnswers } from './progress.js';
import { type Answer, type Answers, count, str, yes } from './question.js';
import { monthsWorked } from './topics.js';

/**
 * The one way answers become a case file: a pure function of the answers. A question named by a
 * case-file path puts its answer there; the few that are not (counts, yes/no gates, the month-by-month
 * wages, overtime stretches, the kinds of abuse) are turned into fields below. Skipped answers ("")
 * leave the field out. The result is plain data, in the case file's field order, that `assess` reads.
 */
export function buildCase(all: Answers): Record<string, unknown> {
  const a = liveAnswers(all);
  const tree: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(a)) {
    if (GATES.some((g) => g.test(name))) continue;
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    // "No paper signed" is the usual case: the file says nothing rather than `quitclaim: { signed: false }`.
    if (name === 'separation.quitclaim.signed' && value === false) continue;
    setPath(tree, name, convert(name, value));
  }
  const abuseKinds = Array.isArray(a['harm.abuse.kinds']) ? a['harm.abuse.kinds'] : [];
  if (abuseKinds.length) {
    const details = (((tree.harm as Record<string, unknown> | undefined)?.abuse as Record<string, unknown>[] | undefined) ?? []);
    setPath(tree, 'harm.abuse', abuseKinds.map((kind, i) => ({ kind, ...(details[i] ?? {}) })));
  }
  const months = monthRows(a);
  if (months.length) setPath(tree, 'employment.months', months);
  return ordered(tree);
}

/** Questions that steer the interview but are not themselves case-file fields. */
const GATES = [/\.any$/, /\.count$/, /^work\./, /^wages\./, /^overtime/, /^harm\.abuse\.kinds$/];

function convert(name: string, value: Answer): unknown {
  if (name === 'contract.termMonths') return Number(value);
  if (name === 'substitutedContract.changes' && typeof value === 'string') return value.split(';').map((s) => s.trim()).filter(Boolean);
  return value;
}

interface Row {
  wagesReceived: string;
  overtimeHours: string;
  overtimePaid: string;
}

/** Month-by-month wages with overtime folded in; runs of identical months become one range. */
function monthRows(a: Answers): Record<string, unknown>[] {
  const rows = new Map<string, Row>();
  const all = monthsWorked(a);
  for (let i = 0; i < all.length; i++) {
    const given = str(a, `wages.${all[i]!}`);
    if (given === undefined) break;
    const entry = readWage(given, all[i]!);
    for (; i < all.length && all[i]! <= entry.until; i++) rows.set(all[i]!, { wagesReceived: entry.amount, overtimeHours: '0', overtimePaid: '0' });
    i--;
  }
  if (yes(a, 'work.overtime')) {
    for (let i = 0; i < count(a, 'overtime.count'); i++) {
      const spec = str(a, `overtime[${i}].months`);
      const hours = str(a, `overtime[${i}].hours`);
      if (!spec || !hours) continue;
      for (const m of expandMonthSpec(spec)) {
        const row = rows.get(m);
        if (row) rows.set(m, { ...row, overtimeHours: hours, overtimePaid: str(a, `overtime[${i}].paid`) ?? '0' });
      }
    }
  }
  const out: Record<string, unknown>[] = [];
  let run: { from: string; to: string; row: Row } | undefined;
  const flush = () => {
    if (!run) return;
    const { from, to, row } = run;
    out.push({
      month: from === to ? from : `${from}..${to}`,
      wagesReceived: row.wagesReceived,
      ...(row.overtimeHours === '0' ? {} : { overtimeHours: row.overtimeHours }),
      ...(row.overtimePaid === '0' ? {} : { overtimePaid: row.overtimePaid }),
    });
  };
  for (const [month, row] of rows) {
    if (run && sameRow(run.row, row)) run.to = month;
    else {
      flush();
      run = { from: month, to: month, row };
    }
  }
  flush();
  return out;
}

const sameRow = (x: Row, y: Row) => x.wagesReceived === y.wagesReceived && x.overtimeHours === y.overtimeHours && x.overtimePaid === y.overtimePaid;

/** "fees[0].amount" → ["fees", 0, "amount"]. */
export function pathKeys(name: string): (string | number)[] {
  return name.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

function setPath(tree: Record<string, unknown>, name: string, value: unknown): void {
  const keys = pathKeys(name);
  let cur: Record<string | number, unknown> = tree;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      cur[k] = value;
      return;
    }
    cur[k] ??= typeof keys[i + 1] === 'number' ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  });
}

const ORDER = ['jurisdiction', 'worker', 'respondents', 'fees', 'contract', 'substitutedContract', 'employment', 'separation', 'harm', 'evidence', 'prayer', 'dates'];
const EMPLOYMENT_ORDER = ['departureDate', 'arrivalDate', 'months', 'deductions'];

function ordered(tree: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { jurisdiction: 'PH' };
  for (const k of ORDER) if (tree[k] !== undefined) out[k] = tree[k];
  const e = out.employment as Record<string, unknown> | undefined;
  if (e) out.employment = Object.fromEntries(EMPLOYMENT_ORDER.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
  return out;
}
