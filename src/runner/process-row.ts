import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CsvRecord } from '../core/csv.js';
import type { IsoDate } from '../core/dates.js';
import type { Column } from '../batch/columns.js';
import { type WorkerSummary, summariseWorker } from '../batch/summary.js';
import type { GroupContext, GroupDocument } from '../documents/group-view.js';
import { type GroupProblem, type RowProblem, workerCase } from '../batch/worker-case.js';
import type { TemplateSet } from '../documents/templates.js';
import { loadShippedParameters } from '../io/load-parameters.js';
import { packageRoot } from '../io/package-root.js';
import { pathExists, replaceFilesSync, writeFileAtomic } from '../io/write-file.js';
import { assess } from '../law/assess.js';
import type { GroundId, LegalBasis } from '../law/types.js';

/**
 * The work of a batch, the same in a worker thread and in the main thread. A row: made into a case
 * file and checked, assessed, and (unless nothing changed since the last run) its folder written:
 * the case file, the assessment, the drafts. At the end, a group document: the group summary or the
 * joint complaint, each on a thread of its own, where pdfkit and the fonts are already loaded and warm.
 */

export interface BatchSetup {
  facts: Record<string, unknown>;
  columns: Column[];
  /** How many cells the header has. */
  header: number;
  asOf: IsoDate;
  outDir: string;
  documents: boolean;
  force: boolean;
  templatesDir?: string;
  /** What else decides a row's outputs (tool version, law parameters, templates): part of its hash. */
  inputsTag: string;
}

export interface RowTask {
  record: CsvRecord;
  folder: string;
}

/** One of the group's documents, from all the assessed workers (in sheet order). */
export interface GroupDocTask {
  name: GroupDocument;
  ctx: GroupContext;
  workers: WorkerSummary[];
  /** Whether to write the DOCX beside the PDF. */
  docx: boolean;
}

/** What the main thread sends a batch thread. */
export type ThreadMessage = { seq: number; task: RowTask } | { seq: number; group: GroupDocTask };

export interface BatchWork {
  row(task: RowTask): Promise<RowResult>;
  /** Writes the document into the output folder; returns the files written (none for a joint complaint without complainants). */
  groupDocument(task: GroupDocTask): Promise<string[]>;
}

export type RowResult =
  | {
      kind: 'done';
      row: number;
      status: 'written' | 'unchanged';
      summary: WorkerSummary;
      /** With documents: the grounds the worker has, with label and basis (for the joint complaint). */
      grounds: GroundInfo[];
      /**
       * With documents: a digest of what a joint complaint would state as this worker's shared
       * facts (respondents, contract, second contract, ending). Workers whose digest differs from
       * the complaint's own are told to the lawyer.
       */
      shared?: string;
    }
  | { kind: 'invalid'; row: number; id: string | null; problems: RowProblem[]; groupProblems: GroupProblem[] }
  | {
      kind: 'failed';
      row: number;
      id: string | null;
      message: string;
      /** The system refused the row's folder (a full disk, no permission): not a bug. */
      io?: boolean;
      stack?: string;
    };

export interface GroundInfo {
  ground: GroundId;
  label: string;
  basis: LegalBasis[];
}

/** The worker's drafts, in the order a lawyer reads them, and their formats. */
export const WORKER_FILES = [
  { draft: 'complaint-affidavit', formats: ['pdf', 'docx'] },
  { draft: 'computation-annex', formats: ['pdf'] },
  { draft: 'evidence-checklist', formats: ['pdf'] },
] as const;

const DRAFTS = WORKER_FILES.map((f) => f.draft);

const HASH_FILE = '.inputs.sha256';

export function outputNames(documents: boolean): string[] {
  return ['case.json', 'assessment.json', ...(documents ? WORKER_FILES.flatMap((f) => f.formats.map((x) => `${f.draft}.${x}`)) : [])];
}

export async function batchWork(setup: BatchSetup): Promise<BatchWork> {
  const parameters = loadShippedParameters();
  let templates: TemplateSet | undefined;
  let renderers: Awaited<ReturnType<typeof loadRenderers>> | undefined;
  if (setup.documents) {
    renderers = await loadRenderers();
    templates = await renderers.loadTemplates(join(packageRoot(), 'templates'), setup.templatesDir);
  }
  const names = outputNames(setup.documents);

  const groupDocument = async ({ name, ctx, workers, docx }: GroupDocTask): Promise<string[]> => {
    if (!renderers || !templates) throw new Error('group documents asked of a batch without documents');
    const files: string[] = [];
    for (const d of renderers.buildGroupDocuments(ctx, workers, templates, [name])) {
      await writeFileAtomic(join(setup.outDir, `${d.name}.pdf`), await renderers.pdf(d.model), { overwrite: true });
      files.push(`${d.name}.pdf`);
      if (docx) {
        await writeFileAtomic(join(setup.outDir, `${d.name}.docx`), await renderers.docx(d.model), { overwrite: true });
        files.push(`${d.name}.docx`);
      }
    }
    return files;
  };

  const processRow = async ({ record, folder }: RowTask): Promise<RowResult> => {
    const row = record.line;
    let id: string | null = null;
    try {
      const made = workerCase(setup.facts, setup.columns, setup.header, record);
      id = made.id;
      if (!made.ok) return { kind: 'invalid', row, id: made.id, problems: made.problems, groupProblems: made.groupProblems };
      const facts = made.facts;
      const assessment = assess(facts, { asOf: setup.asOf }, parameters);
      const summary = summariseWorker(row, made.id, folder, facts, assessment);
      // Labels and bases are for the group documents: without them, not sent back row after row.
      const grounds = renderers ? assessment.claims.filter((c) => c.status !== 'not_supported').map((c) => ({ ground: c.ground, label: c.label, basis: c.basis })) : [];
      const done = { kind: 'done', row, summary, grounds, ...(renderers ? { shared: sharedDigest(renderers.buildGroupFacts(facts, 2, false)) } : {}) } as const;

      const dir = join(setup.outDir, folder);
      const caseJson = `${JSON.stringify(facts, null, 2)}\n`;
      const hash = createHash('sha256').update(setup.inputsTag).update('\0').update(caseJson).digest('hex');
      if (!setup.force && (await unchanged(dir, hash, names))) return { ...done, status: 'unchanged' };

      const files: [string, string | Uint8Array][] = [
        ['case.json', caseJson],
        ['assessment.json', `${JSON.stringify({ row, id: made.id, assessment }, null, 2)}\n`],
      ];
      if (renderers && templates) {
        const drafts = renderers.buildDrafts(facts, assessment, parameters, templates, DRAFTS);
        for (const f of WORKER_FILES) {
          const draft = drafts.find((d) => d.name === f.draft)!;
          for (const format of f.formats) files.push([`${f.draft}.${format}`, await renderers[format](draft.model)]);
        }
      }
      // The hash goes last, and an earlier run's goes first: a folder whose writing was cut short
      // (a crash, Ctrl-C, a full disk) has none, so the next run redoes it, even if the sheet has
      // gone back to the facts that earlier hash was of.
      files.push([HASH_FILE, `${hash}\n`]);
      rmSync(join(dir, HASH_FILE), { force: true });
      replaceFilesSync(dir, files, { durable: false });
      return { ...done, status: 'written' };
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { exitCode?: number };
      if (typeof err.syscall === 'string') return { kind: 'failed', row, id, io: true, message: `could not write its folder ${folder}/: ${err.message}` };
      return { kind: 'failed', row, id, message: err.message, ...(err.exitCode === undefined && err.stack ? { stack: err.stack } : {}) };
    }
  };
  return { row: processRow, groupDocument };
}

/** The shared facts as a joint complaint words them (dates of the ending aside: it says when they differ). */
const sharedDigest = (sections: readonly { paragraphs: readonly string[] }[]): string =>
  createHash('sha256').update(JSON.stringify(sections)).digest('base64url').slice(0, 22);

async function unchanged(dir: string, hash: string, names: readonly string[]): Promise<boolean> {
  try {
    if ((await readFile(join(dir, HASH_FILE), 'utf8')).trim() !== hash) return false;
  } catch {
    return false;
  }
  for (const n of names) if (!(await pathExists(join(dir, n)))) return false;
  return true;
}

/** pdfkit, docx and handlebars load only when documents are asked for. */
async function loadRenderers() {
  const [{ renderPdf }, { renderDocx }, { buildDrafts }, { loadTemplates }, { buildGroupDocuments }, { buildGroupFacts }] = await Promise.all([
    import('../documents/render-pdf.js'),
    import('../documents/render-docx.js'),
    import('../documents/drafts.js'),
    import('../documents/templates.js'),
    import('../documents/group-view.js'),
    import('../documents/group-facts.js'),
  ]);
  return { pdf: renderPdf, docx: renderDocx, buildDrafts, loadTemplates, buildGroupDocuments, buildGroupFacts };
}
