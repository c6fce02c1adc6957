import { join } from 'node:path';
import { assess } from '../../law/assess.js';
import { readCase } from '../../io/read-case.js';
import { loadShippedParameters } from '../../io/load-parameters.js';
import { packageRoot } from '../../io/package-root.js';
import { renderAssessment } from '../../render/text.js';
import { parseAsOf, parseRate } from '../options.js';

export interface AssessOptions {
  asOf?: string;
  json?: boolean;
  currencyRate?: string[];
}

export const demoCase = (): string => join(packageRoot(), 'fixtures', 'cases', 'demo-romania.yaml');

export async function assessCommand(file: string, opts: AssessOptions): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  const rates = (opts.currencyRate ?? []).map(parseRate);
  const facts = await readCase(file);
  const result = assess(facts, { asOf, rates }, loadShippedParameters());
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : renderAssessment(result, facts, { color: process.stdout.isTTY === true }));
}

export interface DemoOptions extends AssessOptions {
  output?: string;
  drafts?: boolean;
  force?: boolean;
}

export const DEMO_DRAFTS_DIR = 'demo-drafts';

/**
 * Assesses the demo case, then writes its drafts (the document modules load only here). The
 * default folder, demo-drafts/, is the demo's own: every run brings it up to date (the quick start
 * must work on any day, and the figures change with the date). A folder named with -o is treated
 * like any output: files that differ are replaced only with --force.
 */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  await assessCommand(demoCase(), opts);
  if (opts.drafts === false) return;
  const { writeDrafts, printReport } = await import('./draft.js');
  const own = opts.output === undefined;
  const report = await writeDrafts(demoCase(), { asOf: opts.asOf, force: own || opts.force === true }, opts.output ?? DEMO_DRAFTS_DIR);
  // With --json, stdout holds the one JSON document; the note about the drafts goes to stderr.
  printReport(report, opts.json ? process.stderr : process.stdout);
}
