#!/usr/bin/env node
// pdfkit alone in a process of its own: the floor of bench-batch.mjs, started cold as a batch is.
//
//   node scripts/bench-floor.mjs WORKERS.json GROUP.json COUNT
//
// WORKERS.json (written by bench-batch.mjs) holds the pdfkit calls our renderer made for the first
// n workers' PDFs, GROUP.json (bench-record-group.mjs) those for the group documents of the whole
// group. This draws the pages a batch of COUNT workers draws: the n workers' documents over and
// over, COUNT workers' worth, then the group documents once. Each document of the first pass and
// the group documents are checked, byte for byte (by digest), against what our renderer made.
// Prints, as JSON, the seconds spent reading the recording and checking digests: the bench takes
// them from the process's wall time, which is otherwise pdfkit's alone (node starting, pdfkit and
// the fonts loading, the pages drawn).
//
// The pages are drawn on a worker thread with the resource limits of a batch's document threads
// (src/runner/pool.ts DOCUMENT_LIMITS: a young generation of 96 MB), as our pages are: that size
// is a saving our pipeline gets, so the floor gets it too. Until 2026-11-24 the floor drew on the
// main thread, with V8's default young generation, and its garbage collector took about 7% more
// of its time (scripts/bench-floor.mjs on 300 workers, three runs each way: 64.3 s against 59.8 s).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DOCUMENT_LIMITS } from '../dist/runner/pool.js';
import { digest, recordingFromJson, replay } from './pdf-replay.mjs';

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), { workerData: process.argv.slice(2), resourceLimits: DOCUMENT_LIMITS });
  worker.on('message', (report) => process.stdout.write(`${JSON.stringify(report)}\n`));
  worker.on('error', (e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  parentPort.postMessage(await draw(...workerData));
}

async function draw(workersFile, groupFile, count) {
  const t0 = performance.now();
  const workers = recordingFromJson(readFileSync(workersFile, 'utf8'));
  const group = recordingFromJson(readFileSync(groupFile, 'utf8'));
  const loadSeconds = (performance.now() - t0) / 1000;

  let checkSeconds = 0;
  let pages = 0;
  const check = (doc, bytes) => {
    const t = performance.now();
    if (digest(bytes) !== doc.sha256) throw new Error(`a replayed document differs from ours (${doc.name})`);
    checkSeconds += (performance.now() - t) / 1000;
  };
  const total = Number(count);
  for (let i = 0; i < total; i++) {
    for (const doc of workers[i % workers.length]) {
      const bytes = await replay(doc);
      if (i < workers.length) check(doc, bytes);
      pages += doc.pages;
    }
  }
  for (const doc of group) {
    check(doc, await replay(doc));
    pages += doc.pages;
  }
  return { loadSeconds, checkSeconds, pages };
}
