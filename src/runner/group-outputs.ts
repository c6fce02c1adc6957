import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorsCsv, summaryCsv, summaryJson } from '../batch/summary-files.js';
import type { GroupTally } from '../batch/summary.js';
import type { RowProblem } from '../batch/worker-case.js';
import type { SummarySpill } from './summary-spill.js';
import type { IsoDate } from '../core/dates.js';
import type { InputProblem } from '../core/errors.js';
import type { GroupFile } from '../io/read-group.js';
import { packageRoot } from '../io/package-root.js';
import { writeFileAtomic, writeLinesAtomic } from '../io/write-file.js';
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
  failed: readonly { row: number; id: string | null; message: string }[];
  groupProblems: readonly InputProblem[];
  rowsInvalid: number;
  documents: boolean;
  /** The first valid worker's case: the shared facts the joint complaint tells. */
  base: CaseFile | undefined;
  grounds: Partial<Record<GroundId, { label: string; basis: LegalBasis[] }>>;
  templatesDir?: string;
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
 * Beyond this many workers the group documents are written as PDF only: the DOCX library holds a
 * whole table in memory (a 10,000-row table took 1.6 GB), and no one edits such a table by hand.
 */
export const GROUP_DOCX_LIMIT = 2000;

async function writeGroupDocuments(input: GroupOutputsInput, base: CaseFile): Promise<string[]> {
  const [{ buildGroupDocuments }, { loadTemplates }, { renderPdf }, { renderDocx }] = await Promise.all([
    import('../documents/group-view.js'),
    import('../documents/templates.js'),
    import('../documents/render-pdf.js'),
    import('../documents/render-docx.js'),
  ]);
  const templates = await loadTemplates(join(packageRoot(), 'templates'), input.templatesDir);
  // The group documents lay out every worker at once (tables, Annex A), so here they are read back whole.
  const workers = [...input.workers.read()];
  const docs = buildGroupDocuments(
    { title: input.group.name, note: input.group.note, asOf: input.asOf, base, grounds: input.grounds, failedRows: input.rowsInvalid + input.failed.length },
    workers,
    templates,
  );
  const files: string[] = [];
  for (const d of docs) {
    await writeFileAtomic(join(input.outDir, `${d.name}.pdf`), await renderPdf(d.model), { overwrite: true });
    files.push(`${d.name}.pdf`);
    if (workers.length <= GROUP_DOCX_LIMIT) {
      await writeFileAtomic(join(input.outDir, `${d.name}.docx`), await renderDocx(d.model), { overwrite: true });
      files.push(`${d.name}.docx`);
    }
  }
  return files;
}
