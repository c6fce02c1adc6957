import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type FailedRowView, errorsCsv, summaryCsv, summaryJson } from '../batch/summary-files.js';
import type { GroupTally } from '../batch/summary.js';
import type { RowProblem } from '../batch/worker-case.js';
import type { SummarySpill } from './summary-spill.js';
import type { GroupDocTask } from './process-row.js';
import { GROUP_DOCUMENTS } from '../documents/group-names.js';
import type { IsoDate } from '../core/dates.js';
import type { InputProblem } from '../core/errors.js';
import type { GroupFile } from '../io/read-group.js';
import { writeLinesAtomic } from '../io/write-file.js';
import type { GroundId, LegalBasis } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';

export interface GroupOutputsInput {
  outDir: string;
  group: GroupFile;
  sheet: string;
  asOf: IsoDate;
  /** The assessed workers, in sheet order. */
  workers: Pick<SummarySpill, 'read'>;
  tally: GroupTally;
  invalid: readonly RowProblem[];
  failed: readonly FailedRowView[];
  groupProblems: readonly InputProblem[];
  rowsInvalid: number;
  documents: boolean;
  /** The first complainant's case (or the first valid worker's, when no one files): the shared facts the joint complaint tells. */
  base: CaseFile | undefined;
  grounds: Partial<Record<GroundId, { label: string; basis: LegalBasis[] }>>;
  /** Sheet rows of complainants whose shared facts are not the base's. */
  otherFacts: readonly number[];
  /** Writes one group document (the batch's pool: on a thread where the renderers are warm). */
  groupDocument: (task: GroupDocTask) => Promise<string[]>;
}

export const ERRORS_FILE = 'errors.csv';

/**
 * The consolidated outputs: summary.csv and summary.json always; errors.csv when a row failed (an
 * old one is removed when none did, so it never reports problems already fixed); the group summary
 * and the joint complaint with documents. Returns the files written, relative to the folder.
 */
export async function writeGroupOutputs(input: GroupOutputsInput): Promise<string[]> {
  const at = (f: string) => join(input.outDir, f);
  const opts = { overwrite: true } as const;
  const files: string[] = [];
  await writeLinesAtomic(at('summary.csv'), summaryCsv(input.workers.read(), input.tally.totals().map((t) => t.currency)), opts);
  files.push('summary.csv');
  await writeLinesAtomic(
    at('summary.json'),
    summaryJson({
      group: { name: input.group.name, note: input.group.note, file: basename(input.group.file), sheet: basename(input.sheet) },
      asOf: input.asOf,
      workers: input.workers.read(),
      tally: input.tally,
      invalid: input.invalid,
      rowsInvalid: input.rowsInvalid,
      failed: input.failed,
      groupProblems: input.groupProblems,
    }),
    opts,
  );
  files.push('summary.json');
  if (input.documents && input.base && input.tally.assessed) files.push(...(await writeGroupDocuments(input, input.base)));
  if (input.invalid.length || input.failed.length || input.groupProblems.length) {
    await writeLinesAtomic(at(ERRORS_FILE), errorsCsv(input), opts);
    files.push(ERRORS_FILE);
  } else {
    await rm(at(ERRORS_FILE), { force: true });
  }
  return files;
}

/**
 * Beyond this many workers the group documents are written as PDF only: no one edits a table of
 * thousands of rows by hand, and a word processor opens it slowly if at all.
 */
export const GROUP_DOCX_LIMIT = 2000;

/** The group summary and the joint complaint, side by side on the batch's threads. */
async function writeGroupDocuments(input: GroupOutputsInput, base: CaseFile): Promise<string[]> {
  // The group documents lay out every worker at once (tables, Annex A), so here they are read back whole.
  const workers = [...input.workers.read()];
  const ctx = { title: input.group.name, note: input.group.note, asOf: input.asOf, base, grounds: input.grounds, failedRows: input.rowsInvalid + input.failed.length, otherFacts: [...input.otherFacts] };
  const written = await Promise.all(GROUP_DOCUMENTS.map((name) => input.groupDocument({ name, ctx, workers, docx: workers.length <= GROUP_DOCX_LIMIT })));
  return written.flat();
}
