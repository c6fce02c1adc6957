import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { opendir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { type Column, readHeader } from '../batch/columns.js';
import type { FailedRowView } from '../batch/summary-files.js';
import { type GroupDeadline, GroupTally, type WorkerSummary } from '../batch/summary.js';
import { type RowProblem, workerCase } from '../batch/worker-case.js';
import { CsvReader, type CsvRecord, CsvSyntaxError } from '../core/csv.js';
import type { IsoDate } from '../core/dates.js';
import { DataError, type InputProblem, MissingFileError, UsageError } from '../core/errors.js';
import { safeFileStem } from '../core/file-stem.js';
import { formatPath } from '../io/problems.js';
import { type GroupFile, readGroup } from '../io/read-group.js';
import { loadShippedParameters } from '../io/load-parameters.js';
import { packageRoot } from '../io/package-root.js';
import type { GroundId, LegalBasis } from '../law/types.js';
import { claimOutputDir } from './output-dir.js';
import { type Pool, openPool } from './pool.js';
import type { BatchSetup, RowResult } from './process-row.js';
import { writeGroupOutputs } from './group-outputs.js';
import { InOrder, SummarySpill } from './summary-spill.js';

/**
 * A group case from start to end: the group file and its worker sheet in, a folder per worker and
 * the consolidated outputs out. Rows stream from the sheet to the worker threads and back; each
 * row's summary goes to a temporary file and into the group's running figures, so memory stays
 * flat however long the sheet is.
 */

export interface BatchOptions {
  group: string;
  workers?: string;
  output?: string;
  jobs: number;
  documents: boolean;
  force: boolean;
  asOf: IsoDate;
  templates?: string;
  /** Called as rows finish: done so far, and the rows the sheet is expected to hold. */
  onProgress?: (done: number, expected: number) => void;
  /** One job's work in the calling thread, documents or not (for a tool that watches the rendering). */
  sameThread?: boolean;
}

export interface FailedRow extends FailedRowView {
  stack?: string;
}

export interface BatchReport {
  group: GroupFile;
  sheet: string;
  outDir: string;
  asOf: IsoDate;
  /** Rows assessed (their folders written or already up to date). */
  assessed: number;
  written: number;
  unchanged: number;
  invalid: RowProblem[];
  /** Rows that failed for no fault of their data (a bug): reported, never silent. */
  failed: FailedRow[];
  groupProblems: InputProblem[];
  rowsInvalid: number;
  totals: { currency: string; amount: string }[];
  earliest: GroupDeadline[];
  complainants: number;
  files: string[];
  staleFolders: string[];
}

/**
 * "<group file name>-batch" in the current folder; for a group file called group.yaml, its
 * folder's name instead ("romania-batch"), since every group's file may be called that.
 */
export function defaultOutDir(groupFile: string): string {
  const stem = basename(groupFile, extname(groupFile));
  const name = stem.toLowerCase() === 'group' ? basename(dirname(resolve(groupFile))) : stem;
  return `${safeFileStem(name)}-batch`;
}

export async function runBatch(opts: BatchOptions): Promise<BatchReport> {
  const group = await readGroup(opts.group);
  const sheet = opts.workers ?? group.sheet;
  if (!sheet) throw new UsageError(`${opts.group} names no worker sheet: give --workers sheet.csv, or add workers: sheet.csv to its group: block`);
  const outDir = opts.output ?? defaultOutDir(opts.group);
  await readableFile(sheet); // before any folder is made: a wrong path leaves nothing behind
  const expected = await countLines(sheet);
  await claimOutputDir(outDir, opts.force);

  const rows = readSheet(sheet);
  const first = await rows.next();
  if (first.done) throw new DataError([{ file: sheet, path: '', message: 'the sheet is empty: it needs a header row (id, worker.name, …) and a row per worker' }]);
  const { columns, problems } = readHeader(first.value.cells);
  if (problems.length) {
    throw new DataError(problems.map((p) => ({ file: sheet, path: p.column, line: first.value.line, message: `${p.position ? `column ${p.position}: ` : ''}${p.message}` })));
  }

  const setup: BatchSetup = {
    facts: group.facts,
    columns,
    header: first.value.cells.length,
    asOf: opts.asOf,
    outDir,
    documents: opts.documents,
    force: opts.force,
    ...(opts.templates ? { templatesDir: opts.templates } : {}),
    inputsTag: await inputsTag(opts),
  };
  const spill = new SummarySpill(outDir);
  let pool: Pool | undefined;
  try {
    pool = await openPool(setup, opts.jobs, opts.sameThread);
    const work = pool;
    const run = await processRows(rows, work, spill, { columns, group, expected, opts });
    if (!opts.documents) {
      // The threads' work is done: their memory is given back before the summaries are written.
      await pool.close();
      pool = undefined;
    }
    const files = await writeGroupOutputs({
      outDir,
      group,
      sheet,
      asOf: opts.asOf,
      workers: spill,
      tally: run.tally,
      invalid: run.invalid,
      failed: run.failed,
      groupProblems: run.groupProblems,
      rowsInvalid: run.invalidRows,
      documents: opts.documents,
      base: baseFacts(group, columns, setup.header, run.baseRecord),
      otherFacts: run.otherFacts,
      grounds: run.grounds,
      groupDocument: (task) => work.groupDocument(task),
    });
    return {
      group,
      sheet,
      outDir,
      asOf: opts.asOf,
      assessed: run.tally.assessed,
      written: run.written,
      unchanged: run.unchanged,
      invalid: run.invalid,
      failed: run.failed,
      groupProblems: run.groupProblems,
      rowsInvalid: run.invalidRows,
      totals: run.tally.totals(),
      earliest: run.tally.earliest(),
      complainants: run.tally.complainants,
      files,
      staleFolders: await staleFolders(outDir, run.folders),
    };
  } finally {
    spill.remove();
    await pool?.close();
  }
}

/** The base row's case (the first complainant's): the shared facts the joint complaint tells. */
function baseFacts(group: GroupFile, columns: readonly Column[], header: number, record: CsvRecord | undefined) {
  const made = record && workerCase(group.facts, columns, header, record);
  return made && made.ok ? made.facts : undefined;
}

/** Every row of the sheet through the pool; what the group outputs need, gathered on the way. */
async function processRows(
  rows: AsyncGenerator<CsvRecord>,
  pool: Pool,
  spill: SummarySpill,
  ctx: { columns: readonly Column[]; group: GroupFile; expected: number; opts: BatchOptions },
) {
  const { columns, group, expected, opts } = ctx;
  const tally = new GroupTally();
  const order = new InOrder<WorkerSummary | null>();
  const invalid: RowProblem[] = [];
  const failed: FailedRow[] = [];
  const groupProblems = new Map<string, InputProblem>();
  const grounds: Partial<Record<GroundId, { label: string; basis: LegalBasis[] }>> = {};
  const invalidRows = new Set<number>();
  let written = 0;
  let unchanged = 0;
  let done = 0;
  /**
   * The row whose facts a joint complaint states as shared: the first complainant's (a worker with
   * a supported claim), or the first valid row's when no one has one.
   */
  let baseRecord: CsvRecord | undefined;
  let baseFiles = false;
  /** Complainants' rows by the digest of the shared facts a complaint would state for them. */
  const sharedFacts = new Map<string, number[]>();
  const folders = new Set<string>();
  const ids = new Map<string, number>();

  // Summaries are tallied and spilled in sheet order, whatever order the threads finish in.
  const settle = (seq: number, summary: WorkerSummary | null) => {
    done += 1;
    opts.onProgress?.(done, expected);
    for (const w of order.put(seq, summary)) {
      if (!w) continue;
      tally.add(w);
      spill.write(w);
    }
  };
  const take = (seq: number, r: RowResult, record: CsvRecord) => {
    if (r.kind === 'done') {
      if (r.status === 'written') written += 1;
      else unchanged += 1;
      for (const g of r.grounds) grounds[g.ground] ??= { label: g.label, basis: g.basis };
      const files = r.summary.supported.length > 0;
      if (!baseRecord || (files && !baseFiles) || (files === baseFiles && record.line < baseRecord.line)) {
        baseRecord = record;
        baseFiles = files;
      }
      if (files && r.shared) sharedFacts.set(r.shared, [...(sharedFacts.get(r.shared) ?? []), r.row]);
    } else if (r.kind === 'invalid') {
      invalidRows.add(r.row);
      invalid.push(...r.problems);
      for (const p of r.groupProblems) {
        const line = group.lineOf(p.path);
        const key = `${formatPath(p.path)}\0${p.message}`;
        if (!groupProblems.has(key)) groupProblems.set(key, { file: group.file, path: formatPath(p.path), message: p.message, ...(line === undefined ? {} : { line }) });
      }
    } else {
      failed.push({ row: r.row, id: r.id, message: r.message, ...(r.io ? { io: true } : {}), ...(r.stack ? { stack: r.stack } : {}) });
    }
    settle(seq, r.kind === 'done' ? r.summary : null);
  };

  // Rows in flight are bounded, so a sheet of any length is read only as fast as it is processed.
  const limit = Math.max(4, opts.jobs * 4);
  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  for await (const record of rows) {
    const n = seq++;
    const early = precheck(record, columns, group, ids, folders);
    if (typeof early !== 'string') {
      invalidRows.add(record.line);
      invalid.push(early);
      settle(n, null);
      continue;
    }
    const p = pool.run({ record, folder: early }).then((r) => take(n, r, record));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  invalid.sort((a, b) => a.row - b.row);
  failed.sort((a, b) => a.row - b.row);
  // Complainants for whom the complaint's statement of the shared facts would not be true.
  const baseShared = [...sharedFacts].find(([, rows]) => baseRecord && rows.includes(baseRecord.line))?.[0];
  const otherFacts = [...sharedFacts].filter(([k]) => k !== baseShared).flatMap(([, rows]) => rows).sort((a, b) => a - b);
  return { tally, invalid, failed, groupProblems: [...groupProblems.values()], invalidRows: invalidRows.size, grounds, written, unchanged, baseRecord, otherFacts, folders };
}

/**
 * What the main thread can tell of a row before sending it out: a unique id, and the worker's
 * folder (the id and the name, made safe), which must not be another row's.
 */
function precheck(record: CsvRecord, columns: readonly Column[], group: GroupFile, ids: Map<string, number>, folders: Set<string>): string | RowProblem {
  const cell = (name: string) => {
    const c = columns.find((x) => x.name === name);
    return c ? (record.cells[c.index] ?? '').trim() : '';
  };
  const id = cell('id');
  if (id && ids.has(id)) return { row: record.line, id, column: 'id', message: `the id ${id} is already used on row ${ids.get(id)}: each worker needs an id of their own` };
  if (!id) return 'worker'; // the row fails its id check in the thread
  ids.set(id, record.line);
  const groupName = ((group.facts.worker ?? {}) as { name?: unknown }).name;
  const name = cell('worker.name') || (typeof groupName === 'string' ? groupName : '');
  const folder = `${safeFileStem(id)}${name ? `-${safeFileStem(name)}` : ''}`;
  if (folders.has(folder)) return { row: record.line, id, column: 'id', message: `the id ${id} gives the same folder name (${safeFileStem(id)}) as another row's id: make the ids differ in letters or digits` };
  folders.add(folder);
  return folder;
}

/** The sheet's records after the comment lines ("#…"), streamed. */
async function* readSheet(file: string): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) for (const r of reader.push(chunk as string)) if (!isComment(r)) yield r;
    for (const r of reader.end()) if (!isComment(r)) yield r;
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new DataError([{ file, path: '', line: e.line, message: e.message }]);
    throw e;
  }
}

const isComment = (r: CsvRecord): boolean => (r.cells[0] ?? '').trimStart().startsWith('#');

async function readableFile(file: string): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new MissingFileError(`${file}: is a folder, not a file`);
  } catch (e) {
    if (e instanceof MissingFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new MissingFileError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code)}`);
  }
}

/** Lines in the sheet, less the header: how many rows to expect, for the progress bar. */
async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  try {
    for await (const chunk of createReadStream(file)) {
      const b = chunk as Buffer;
      for (let i = 0; i < b.length; i++) if (b[i] === 10) n += 1;
      last = b[b.length - 1] ?? last;
    }
  } catch {
    return 0; // the real read reports the problem
  }
  return Math.max(0, n + (last === 10 ? 0 : 1) - 1);
}

/** Everything besides a row's own facts that decides its outputs. */
async function inputsTag(opts: BatchOptions): Promise<string> {
  const h = createHash('sha256');
  const pkg = JSON.parse(await readFile(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  h.update(`migrant-claims ${pkg.version}\0as of ${opts.asOf}\0documents ${opts.documents}\0`);
  h.update(JSON.stringify(loadShippedParameters()));
  if (opts.documents) {
    for (const dir of [join(packageRoot(), 'templates'), ...(opts.templates ? [opts.templates] : [])]) {
      for (const f of (await readdir(dir)).filter((x) => x.endsWith('.hbs')).sort()) h.update(f).update(await readFile(join(dir, f)));
    }
  }
  return h.digest('hex');
}

/** Worker folders an earlier run wrote that this sheet no longer has (a worker removed or renamed). */
async function staleFolders(outDir: string, current: ReadonlySet<string>): Promise<string[]> {
  const stale: string[] = [];
  // Streamed: a folder of 100,000 workers is not read into one array.
  for await (const e of await opendir(outDir)) {
    if (!e.isDirectory() || current.has(e.name)) continue;
    const hashFile = join(outDir, e.name, '.inputs.sha256');
    if (await readFile(hashFile).then(() => true, () => false)) stale.push(e.name);
  }
  return stale.sort();
}

