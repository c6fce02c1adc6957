#!/usr/bin/env node
// Measures start-up and throughput on this machine and prints the figures (npm run bench).
// Not a test: timings vary by machine; the README and issue notes quote its output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assess } from '../dist/law/assess.js';
import { loadParameters } from '../dist/io/load-parameters.js';
import { parseCase } from '../dist/io/read-case.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const N = Number(process.env.BENCH_ASSESSMENTS ?? 100_000);
const DEMO = new URL('../fixtures/cases/demo-romania.yaml', import.meta.url);
const BIN = new URL('../bin/migrant-claims.js', import.meta.url).pathname;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of a command over RUNS runs, after one warm-up. */
function time(args, runs = RUNS) {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    ms.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  return median(ms);
}

const baseline = time(['-e', '']);
const help = time([BIN, '--help']);
const assessCli = time([BIN, 'assess', DEMO.pathname, '--as-of', '2026-11-23']);
const assessJson = time([BIN, 'assess', DEMO.pathname, '--as-of', '2026-11-23', '--json']);
const answers = new URL('../tests/interview/answers/demo-romania.yaml', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'mc-bench-'));
// Drafts render ten documents (five PDFs, five DOCX); --force so every run renders and writes them all.
const DRAFT_RUNS = 5;
const draft = time([BIN, 'draft', DEMO.pathname, '--as-of', '2026-11-23', '-o', join(scratch, 'drafts'), '--force'], DRAFT_RUNS);
const interview = time([BIN, 'interview', '--answers', answers, '-o', join(scratch, 'case.yaml'), '--force', '--as-of', '2026-11-23'], DRAFT_RUNS);
const key = time([BIN, 'exercise', 'key', 'romania-garment'], DRAFT_RUNS);
rmSync(scratch, { recursive: true, force: true });

const parameters = loadParameters();
const facts = parseCase(readFileSync(DEMO, 'utf8'), 'demo-romania.yaml');
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const t0 = performance.now();
let lines = 0;
for (let i = 0; i < N; i++) {
  lines += assess(facts, { asOf: '2026-11-23' }, parameters).lines.length;
  if (i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`migrant-claims bench (node ${process.version}, median of ${RUNS} runs)`);
console.log(`  node -e ''                      ${baseline.toFixed(1)} ms`);
console.log(`  migrant-claims --help           ${help.toFixed(1)} ms  (${(help / baseline).toFixed(2)}× node -e '', target ≤ 1.5×)`);
console.log(`  migrant-claims assess demo      ${assessCli.toFixed(1)} ms`);
console.log(`  migrant-claims assess --json    ${assessJson.toFixed(1)} ms`);
console.log(`  migrant-claims draft demo       ${draft.toFixed(1)} ms  (10 documents; median of ${DRAFT_RUNS})`);
console.log(`  interview --answers (demo)      ${interview.toFixed(1)} ms  (median of ${DRAFT_RUNS})`);
console.log(`  exercise key romania-garment    ${key.toFixed(1)} ms  (engine-made key with near misses; median of ${DRAFT_RUNS})`);
console.log(`  ${N.toLocaleString('en')} in-process assessments: ${seconds.toFixed(2)} s, ${Math.round(N / seconds).toLocaleString('en')}/s, ${lines.toLocaleString('en')} lines, peak RSS ${mb(peak)}`);
