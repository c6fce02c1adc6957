import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { EXIT, UsageError } from '../../core/errors.js';
import { progressLine, renderBatch } from '../../render/batch.js';
import { runBatch } from '../../runner/run-batch.js';
import { parseAsOf } from '../options.js';

export interface BatchCommandOptions {
  workers?: string;
  output?: string;
  jobs?: string;
  documents?: boolean;
  json?: boolean;
  force?: boolean;
  asOf?: string;
  templates?: string;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs expects a whole number of 1 or more, got "${value}"`);
  return Number(value);
}

export async function batchCommand(groupFile: string, opts: BatchCommandOptions): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  const jobs = parseJobs(opts.jobs);
  const documents = opts.documents !== false;
  // The bar goes to a terminal only: piped or --json output stays clean.
  const tty = process.stderr.isTTY === true && !opts.json;
  const started = performance.now();
  let lastDraw = 0;
  const report = await runBatch({
    group: groupFile,
    ...(opts.workers ? { workers: opts.workers } : {}),
    ...(opts.output ? { output: opts.output } : {}),
    jobs,
    documents,
    force: opts.force === true,
    asOf,
    ...(opts.templates ? { templates: opts.templates } : {}),
    ...(tty
      ? {
          onProgress: (done: number, expected: number) => {
            const now = performance.now();
            if (now - lastDraw < 100 && done < expected) return;
            lastDraw = now;
            process.stderr.write(`\r\x1b[K${progressLine(done, expected, (now - started) / 1000)}`);
          },
        }
      : {}),
  });
  if (tty) process.stderr.write('\r\x1b[K');

  const view = {
    groupName: report.group.name,
    note: report.group.note,
    groupFile: basename(report.group.file),
    sheet: basename(report.sheet),
    outDir: report.outDir,
    asOf,
    jobs,
    documents,
    assessed: report.assessed,
    written: report.written,
    unchanged: report.unchanged,
    complainants: report.complainants,
    rowsInvalid: report.rowsInvalid,
    failed: report.failed,
    invalid: report.invalid,
    groupProblems: report.groupProblems,
    totals: report.totals,
    earliest: report.earliest,
    files: report.files,
    staleFolders: report.staleFolders,
  };
  if (opts.json) {
    const { failed, ...rest } = view;
    process.stdout.write(`${JSON.stringify({ ...rest, failed: failed.map(({ row, id, message, io }) => ({ row, id, message, ...(io ? { io } : {}) })) }, null, 2)}\n`);
  } else {
    process.stdout.write(renderBatch(view, { color: process.stdout.isTTY === true }));
  }
  if (process.argv.includes('--debug')) for (const f of report.failed) if (f.stack) process.stderr.write(`row ${f.row}: ${f.stack}\n`);
  // A bug outranks a disk that refused a folder, which outranks bad rows.
  process.exitCode = report.failed.some((f) => !f.io) ? EXIT.software : report.failed.length ? EXIT.ioError : report.rowsInvalid || report.groupProblems.length ? EXIT.data : EXIT.ok;
}
