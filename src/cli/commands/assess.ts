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

export async function demoCommand(opts: AssessOptions): Promise<void> {
  await assessCommand(demoCase(), opts);
}
