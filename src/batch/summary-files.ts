import { csvLine } from '../core/csv.js';
import type { InputProblem } from '../core/errors.js';
import { GROUND_IDS } from '../law/types.js';
import { type GroupTally, type WorkerSummary } from './summary.js';
import type { RowProblem } from './worker-case.js';

/**
 * The consolidated files of a batch, as text: summary.csv, summary.json and errors.csv. Pure, and
 * produced piece by piece from workers that are read one at a time (a batch reads them back from
 * disk), so a summary of a hundred thousand workers is never one string nor one array.
 */

export interface SummaryInput {
  group: { name: string; note: string | null; file: string; sheet: string };
  asOf: string;
  /** The workers in sheet order; read once. */
  workers: Iterable<WorkerSummary>;
  /** The same workers' figures, added up beforehand. */
  tally: GroupTally;
  invalid: readonly RowProblem[];
  rowsInvalid: number;
  failed: readonly FailedRowView[];
  groupProblems: readonly InputProblem[];
}

const STATUS_WORD = { supported: 'supported', possible: 'possible', not_supported: '' } as const;

/** One row per worker; a total column per currency of the group (`currencies`, from its tally). */
export function* summaryCsv(workers: Iterable<WorkerSummary>, currencies: readonly string[]): Generator<string> {
  yield csvLine(['row', 'id', 'name', 'folder', ...GROUND_IDS, ...currencies.map((c) => `total_${c}`), 'money_claims_deadline', 'illegal_dismissal_deadline', 'days_left', 'unverified_rules']);
  for (const w of workers) {
    const total = (c: string) => w.totals.find((t) => t.currency === c)?.amount ?? '0';
    const deadline = (id: string) => w.deadlines.find((d) => d.id === id)?.deadline ?? '';
    const daysLeft = w.deadlines.length ? String(Math.min(...w.deadlines.map((d) => d.daysLeft))) : '';
    yield csvLine([String(w.row), w.id, w.name, w.folder, ...GROUND_IDS.map((g) => STATUS_WORD[w.statuses[g]]), ...currencies.map(total), deadline('money_claims'), deadline('illegal_dismissal'), daysLeft, w.unverified.join('; ')]);
  }
}

export function* errorsCsv(input: Pick<SummaryInput, 'invalid' | 'failed' | 'groupProblems'>): Generator<string> {
  yield csvLine(['row', 'id', 'column', 'problem']);
  for (const p of input.groupProblems) yield csvLine(['', '', `group file${p.line ? ` line ${p.line}` : ''}: ${p.path}`, `${p.message} (fix it in the group file; it fails every row that does not give its own value)`]);
  for (const p of input.invalid) yield csvLine([String(p.row), p.id ?? '', p.column ?? '', p.message]);
  for (const f of input.failed) yield csvLine([String(f.row), f.id ?? '', '', failureText(f)]);
}

/** A row that failed for no fault of its data. */
export interface FailedRowView {
  row: number;
  id: string | null;
  message: string;
  /** The system refused to write its folder (a full disk, no permission), rather than a bug. */
  io?: boolean;
}

/** What the lawyer is told of a failed row, in the terminal and in errors.csv. */
export const failureText = (f: FailedRowView): string =>
  f.io ? `${f.message} (make room on the disk or fix the folder's permissions, then run again)` : `internal error: ${f.message} (a bug in migrant-claims, not in this row; please report it)`;

export function* summaryJson(input: SummaryInput): Generator<string> {
  const head = {
    group: input.group,
    asOf: input.asOf,
    counts: {
      rows: input.tally.assessed + input.rowsInvalid + input.failed.length,
      assessed: input.tally.assessed,
      invalid: input.rowsInvalid,
      failed: input.failed.length,
      complainants: input.tally.complainants,
    },
    totals: input.tally.totals(),
    earliestDeadlines: input.tally.earliest(),
    groupProblems: input.groupProblems,
    problems: input.invalid,
    failed: input.failed,
  };
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, -2)},\n  "workers": [`;
  let first = true;
  for (const w of input.workers) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(w)}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}
