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

/**
 * Assesses the demo case, then writes its drafts (the document modules load only here). A second
 * run with the same as-of date finds identical files and does nothing; on another day the drafts
 * differ and are replaced only with --force.
 */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  await assessCommand(demoCase(), opts);
  if (opts.drafts === false) return;
  const { writeDrafts, printReport } = await import('./draft.js');
  const report = await writeDrafts(demoCase(), { asOf: opts.asOf, force: opts.force }, opts.output ?? 'demo-drafts');
  // With --json, stdout holds the one JSON document; the note about the drafts goes to stderr.
  printReport(report, opts.json ? process.stderr : process.stdout);
}
