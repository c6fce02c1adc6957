#!/usr/bin/env node
// Pools several runs of the batch bench, as docs/speed.md pools them: each kind of run's seconds
// summed over every run of the bench, then the ratios taken of those sums (not the mean of each
// run's ratios). One run of the bench is too few to settle a target on a machine whose speed
// drifts by a tenth or more from one minute to the next.
//
//   BENCH_RESULTS=run-1.json node scripts/bench-batch.mjs   (and again, minutes apart)
//   node scripts/bench-pool.mjs run-1.json run-2.json …
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/bench-pool.mjs RESULTS.json… (files written by BENCH_RESULTS=FILE node scripts/bench-batch.mjs)');
  process.exit(64);
}

const KINDS = ['docs1', 'docs1Core', 'docsN', 'cold', 'coldCore', 'coldN'];
const fail = (message) => {
  console.error(`bench-pool: ${message}`);
  process.exit(1);
};
const runs = files.map((file) => {
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`${file}: ${err.code === 'ENOENT' ? 'no such file' : 'not JSON'}; expected a file written by BENCH_RESULTS=FILE node scripts/bench-batch.mjs`);
  }
  if (!r?.kinds || !r.workers) fail(`${file}: not a file written by BENCH_RESULTS=FILE node scripts/bench-batch.mjs`);
  return { file, ...r };
});
const workers = new Set(runs.map((r) => r.workers));
if (workers.size > 1) fail(`the runs have different batch sizes (${[...workers].join(', ')}): pool runs of one size`);

/** ms a worker of one kind over the given runs of the bench, or undefined if none has it. */
function msAWorker(of, kind) {
  const parts = of.map((r) => r.kinds[kind]).filter(Boolean);
  if (parts.length === 0) return undefined;
  const seconds = parts.reduce((s, k) => s + k.seconds, 0);
  const count = parts.reduce((s, k) => s + k.runs, 0) * of[0].workers;
  return (seconds / count) * 1000;
}

/** The figures docs/speed.md gives for a set of runs: ms a worker per kind, and the target ratios. */
function figures(of) {
  const ms = Object.fromEntries(KINDS.map((k) => [k, msAWorker(of, k)]));
  const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : 'n/a');
  return {
    ms: KINDS.map((k) => (ms[k] === undefined ? 'n/a' : ms[k].toFixed(1))).join(' / '),
    'held ÷ pdfkit held (≤ 1.3)': ratio(ms.docs1Core, ms.coldCore),
    '2 jobs over 1 held (≥ 1.7)': ratio(ms.docs1Core, ms.docsN),
    'free ÷ pdfkit free': ratio(ms.docs1, ms.cold),
    '2 jobs over 1 free': ratio(ms.docs1, ms.docsN),
    'pdfkit 2 threads over 1 held': ratio(ms.coldCore, ms.coldN),
    paired: of.flatMap((r) => r.paired).map((x) => x.toFixed(2)).join(', '),
    'peak RSS, largest compute-only': `${Math.round(Math.max(...of.map((r) => r.compute.at(-1)?.rss ?? 0)) / 2 ** 20)} MB`,
  };
}

console.log(`ms a worker (${KINDS.join(' / ')}), ${[...workers][0].toLocaleString('en')} workers:`);
const rows = Object.fromEntries(runs.map((r) => [r.file, figures([r])]));
rows[`pooled (${runs.length} runs)`] = figures(runs);
console.table(rows);
const paired = runs.flatMap((r) => r.paired);
if (paired.length) console.log(`paired: mean of ${paired.length} pairs ${(paired.reduce((a, b) => a + b, 0) / paired.length).toFixed(2)}`);
