#!/usr/bin/env node
// Rewrites fixtures/cases/<case>.expected.json from the engine, for every case in index.yaml.
// Run after a deliberate change to the rules (npm run golden), then read the diff before committing:
// the golden files are the record of what changed in every worker's figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { assess } from '../dist/law/assess.js';
import { loadParameters } from '../dist/io/load-parameters.js';
import { parseCase } from '../dist/io/read-case.js';

const dir = new URL('../fixtures/cases/', import.meta.url);
const index = parse(readFileSync(new URL('index.yaml', dir), 'utf8'));
const parameters = loadParameters();
for (const entry of index) {
  const facts = parseCase(readFileSync(new URL(entry.case, dir), 'utf8'), entry.case);
  const result = assess(facts, { asOf: entry.asOf, rates: entry.rates ?? [] }, parameters);
  const out = new URL(entry.case.replace(/\.ya?ml$/, '.expected.json'), dir);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out.pathname.split('/').slice(-2).join('/')}`);
}
