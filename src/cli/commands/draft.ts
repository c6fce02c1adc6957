import { join, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { safeFileStem } from '../../core/file-stem.js';
import { buildDrafts } from '../../documents/drafts.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { loadTemplates } from '../../documents/templates.js';
import { type OutputStatus, writeOutputSet } from '../../io/write-set.js';
import { loadShippedParameters } from '../../io/load-parameters.js';
import { packageRoot } from '../../io/package-root.js';
import { readCase } from '../../io/read-case.js';
import { assess } from '../../law/assess.js';
import { parseAsOf } from '../options.js';

export interface DraftOptions {
  output?: string;
  format?: string;
  templates?: string;
  asOf?: string;
  force?: boolean;
}

const FORMATS = { pdf: renderPdf, docx: renderDocx } as const;
type Format = keyof typeof FORMATS;

export const DEFAULT_DRAFTS_DIR = 'drafts';

function parseFormats(spec: string): Format[] {
  const list = spec.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!(f in FORMATS)) throw new UsageError(`--format expects pdf, docx or both (pdf,docx); got "${f}"`);
  if (!list.length) throw new UsageError('--format expects pdf, docx or both (pdf,docx)');
  return [...new Set(list)] as Format[];
}

/** What happened to each output file. */
export interface DraftReport {
  dir: string;
  files: { file: string; status: OutputStatus }[];
}

export async function draftCommand(file: string, opts: DraftOptions, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const report = await writeDrafts(file, opts, opts.output ?? DEFAULT_DRAFTS_DIR);
  printReport(report, out);
}

/**
 * Renders every draft in memory, then writes them. An existing file with the same bytes is left
 * alone (nothing to do); one with different bytes is replaced only with --force, and without it
 * nothing at all is written, so a set is never half old and half new.
 */
export async function writeDrafts(file: string, opts: DraftOptions, dir: string): Promise<DraftReport> {
  const asOf = parseAsOf(opts.asOf);
  const formats = parseFormats(opts.format ?? 'pdf,docx');
  const facts = await readCase(file);
  const parameters = loadShippedParameters();
  const templates = await loadTemplates(join(packageRoot(), 'templates'), opts.templates);
  const assessment = assess(facts, { asOf }, parameters);
  const stem = safeFileStem(facts.worker.name);
  const outputs: { file: string; bytes: Uint8Array }[] = [];
  for (const draft of buildDrafts(facts, assessment, parameters, templates)) {
    for (const format of formats) outputs.push({ file: join(dir, `${stem}-${draft.name}.${format}`), bytes: await FORMATS[format](draft.model) });
  }
  const files = await writeOutputSet(outputs, { force: opts.force === true, what: 'draft', why: 'another as-of date, case file or template' });
  return { dir, files };
}

export function printReport(report: DraftReport, out: NodeJS.WriteStream): void {
  const changed = report.files.filter((f) => f.status !== 'unchanged');
  out.write(`Drafts in ${report.dir}/ (owner-only): ${changed.length ? `${changed.length} written` : 'all up to date, nothing to do'}\n`);
  for (const f of report.files) out.write(`  ${f.status.padEnd(9)} ${relative(report.dir, f.file)}\n`);
}
