#!/usr/bin/env node
// pdfkit alone in a process of its own: the floor of bench-batch.mjs, started cold as a batch is.
//
//   node scripts/bench-floor.mjs WORKERS.ndjson GROUP.json COUNT [THREADS]
//
// WORKERS.ndjson (written by bench-batch.mjs) holds the pdfkit calls our renderer made for the first
// n workers' PDFs, a line a worker; GROUP.json (bench-record-group.mjs) those for the group
// documents of the whole group. This draws the pages a batch of COUNT workers draws: the n
// workers' documents (over again if n < COUNT), COUNT workers' worth, then the group documents
// once. Each document of the first pass and the group documents are checked, byte for byte (by
// digest), against what our renderer made. Prints, as JSON, the seconds spent reading and parsing
// the recording and checking digests: the bench takes them from the process's wall time, which is
// otherwise pdfkit's alone (node starting, pdfkit and the fonts loading, the pages drawn).
//
// THREADS (1 unless given) shares the pages out as a batch's --jobs does: every THREADS-th worker
// to each thread, and the group documents one to a thread. Each thread loads pdfkit and the fonts
// itself, as each of a batch's threads does (and reads the recording, which is not timed). This is
// pdfkit alone on all cores: how much of the cores pdfkit itself gets on this machine.
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
  const [workersFile, groupFile, count, threads = '1'] = process.argv.slice(2);
  const n = Number(threads);
  const reports = await Promise.all(Array.from({ length: n }, (_, k) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: [workersFile, groupFile, Number(count), k, n], resourceLimits: DOCUMENT_LIMITS });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  // The threads read the recording side by side: its wall time is the slowest thread's, its CPU all of theirs.
  const aside = reports.map((r) => r.loadSeconds + r.checkSeconds);
  process.stdout.write(`${JSON.stringify({
    loadSeconds: Math.max(...reports.map((r) => r.loadSeconds)),
    checkSeconds: Math.max(...reports.map((r) => r.checkSeconds)),
    cpuAsideSeconds: aside.reduce((a, b) => a + b, 0),
    pages: reports.reduce((s, r) => s + r.pages, 0),
  })}\n`);
} else {
  parentPort.postMessage(await draw(...workerData));
}

/** Thread `k` of `n`: every n-th worker from the k-th, and every n-th group document, as a batch's threads share them. */
async function draw(workersFile, groupFile, count, k, n) {
  const t0 = performance.now();
  // A worker's calls are parsed only when it is drawn, and that time is set aside with the reading.
  // Parsed all at once, a recording of 1,000 different workers held 264 MB of JSON as objects: a
  // heap three times a batch's, which the collector marked again and again. (The parsed calls are
  // garbage once drawn: a little young-generation work the floor did not have before.)
  const workers = readFileSync(workersFile, 'utf8').split('\n');
  const group = recordingFromJson(readFileSync(groupFile, 'utf8'));
  let loadSeconds = (performance.now() - t0) / 1000;

  let checkSeconds = 0;
  let pages = 0;
  const check = (doc, bytes) => {
    const t = performance.now();
    if (digest(bytes) !== doc.sha256) throw new Error(`a replayed document differs from ours (${doc.name})`);
    checkSeconds += (performance.now() - t) / 1000;
  };
  for (let i = k; i < count; i += n) {
    const t = performance.now();
    const docs = recordingFromJson(workers[i % workers.length]);
    loadSeconds += (performance.now() - t) / 1000;
    for (const doc of docs) {
      const bytes = await replay(doc);
      if (i < workers.length) check(doc, bytes);
      pages += doc.pages;
    }
  }
  for (const doc of group.filter((_, j) => j % n === k)) {
    check(doc, await replay(doc));
    pages += doc.pages;
  }
  return { loadSeconds, checkSeconds, pages };
}
