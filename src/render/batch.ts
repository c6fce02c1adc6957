import { Chalk } from 'chalk';
import { type FailedRowView, failureText } from '../batch/summary-files.js';
import type { GroupDeadline } from '../batch/summary.js';
import type { RowProblem } from '../batch/worker-case.js';
import type { InputProblem } from '../core/errors.js';
import { formatGrouped, parseMoney } from '../core/money.js';

/** What a batch run reports in the terminal, as text (the command decides colour and stream). */
export interface BatchView {
  groupName: string;
  note: string | null;
  groupFile: string;
  sheet: string;
  outDir: string;
  asOf: string;
  jobs: number;
  documents: boolean;
  assessed: number;
  written: number;
  unchanged: number;
  complainants: number;
  rowsInvalid: number;
  failed: FailedRowView[];
  invalid: RowProblem[];
  groupProblems: InputProblem[];
  totals: { currency: string; amount: string }[];
  earliest: GroupDeadline[];
  files: string[];
  staleFolders: string[];
}

/** Problems listed in the terminal before the rest are left to errors.csv. */
const SHOWN = 25;

export function renderBatch(v: BatchView, opts: { color: boolean }): string {
  const k = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  out.push(k.bold(`Batch: ${v.groupName}`));
  out.push(`Group file ${v.groupFile} · sheet ${v.sheet} · as of ${v.asOf} · ${v.jobs} job${v.jobs === 1 ? '' : 's'}${v.documents ? '' : ' · no documents'}`);
  if (v.note) out.push(k.yellow(`Note: ${v.note}`));

  const first = v.earliest[0];
  if (first) {
    const text = `Earliest deadline: ${first.deadline}, ${first.label.toLowerCase()} of worker ${first.id} (row ${first.row}; ${first.daysLeft < 0 ? `passed ${-first.daysLeft} days ago` : `${first.daysLeft} days left`})`;
    out.push('', first.status === 'past' ? k.bgRed.white.bold(` ${text} `) : first.status === 'ok' ? k.bold(text) : k.yellow.bold(text));
  }
  out.push('');
  out.push(`Workers assessed: ${v.assessed} (${v.written} written, ${v.unchanged} unchanged since the last run) · with supported claims: ${v.complainants}`);
  out.push(`Totals: ${v.totals.length ? v.totals.map((t) => k.bold(`${t.currency} ${formatGrouped(parseMoney(t.currency, t.amount))}`)).join(' · ') : 'none'} (per currency, never added across)`);

  out.push('', `Outputs in ${v.outDir}/ (owner-only):`);
  out.push(`  ${v.files.join(', ')}`);
  if (v.assessed) out.push(`  a folder per worker (id-name/): case.json, assessment.json${v.documents ? ', complaint-affidavit.pdf and .docx, computation-annex.pdf, evidence-checklist.pdf' : ''}`);
  if (v.staleFolders.length) {
    out.push('', k.yellow(`${v.staleFolders.length} folder${v.staleFolders.length === 1 ? '' : 's'} from an earlier run ${v.staleFolders.length === 1 ? 'is' : 'are'} not in this sheet (a worker removed, or an id or name changed); delete ${v.staleFolders.length === 1 ? 'it' : 'them'} if no longer needed:`));
    for (const f of v.staleFolders.slice(0, SHOWN)) out.push(`  ${f}/`);
    if (v.staleFolders.length > SHOWN) out.push(`  … and ${v.staleFolders.length - SHOWN} more`);
  }

  if (v.groupProblems.length) {
    out.push('', k.red.bold(`The group file has ${v.groupProblems.length} problem${v.groupProblems.length === 1 ? '' : 's'} (each fails every row that does not give its own value):`));
    for (const p of v.groupProblems) out.push(`  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.path}: ${p.message}`);
  }
  const problemLines = [
    ...v.invalid.map((p) => `  row ${p.row}${p.id ? ` (id ${p.id})` : ''}${p.column ? `, column ${p.column}` : ''}: ${p.message}`),
    ...v.failed.map((f) => `  row ${f.row}${f.id ? ` (id ${f.id})` : ''}: ${failureText(f)}`),
  ];
  if (problemLines.length) {
    out.push('', k.red.bold(`Problems in the sheet (also in ${v.outDir}/errors.csv):`));
    out.push(...problemLines.slice(0, SHOWN));
    if (problemLines.length > SHOWN) out.push(`  … and ${problemLines.length - SHOWN} more in errors.csv`);
  }
  const bad = v.rowsInvalid + v.failed.length;
  const rows = v.assessed + bad;
  out.push('');
  const fix = v.groupProblems.length ? 'Fix the group file and the rows named above' : 'Fix the rows named above';
  if (bad) out.push(k.red.bold(`${bad} of ${rows} row${rows === 1 ? '' : 's'} failed; ${v.assessed ? `the other ${v.assessed} ${v.assessed === 1 ? 'was' : 'were'} done` : 'none was done'}. ${fix} and run again: only changed rows are redone.`));
  else if (v.groupProblems.length) out.push(k.red.bold('The group file needs fixing (above).'));
  else out.push(k.green(`All ${rows} row${rows === 1 ? '' : 's'} done.`));
  out.push(k.dim('Drafts for a lawyer to review, not legal advice.'), '');
  return out.join('\n');
}

/** One progress line: rows done, rate, time left; the total is an estimate (a quoted cell can span lines). */
export function progressLine(done: number, expected: number, seconds: number, width = 24): string {
  const total = Math.max(expected, done);
  const filled = total ? Math.round((done / total) * width) : 0;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.max(0, Math.ceil((total - done) / rate)) : undefined;
  const eta = left === undefined ? '' : ` · about ${left >= 90 ? `${Math.round(left / 60)} min` : `${left} s`} left`;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} rows · ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} rows/s${eta}`;
}
