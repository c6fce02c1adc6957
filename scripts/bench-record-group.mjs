#!/usr/bin/env node
// The group documents of a whole group (the group summary, the joint complaint) as a batch draws
// them, recorded for the floor of bench-batch.mjs:
//
//   node scripts/bench-record-group.mjs GROUP.yaml ROWS AS-OF OUT-DIR RECORDING.json
//
// The batch is run here, on one job and in this thread (sameThread: with documents, one job is
// otherwise a thread of its own), and its pdfkit calls are recorded once its ROWS rows are done.
// What is recorded is checked against the PDFs that batch wrote, byte for byte. A process of its
// own, so that the bench's own measures run in a process that has not drawn a thousand workers.
// Prints, as JSON, the group documents' pages and calls, and every page the batch drew.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBatch } from '../dist/runner/run-batch.js';
import { filed, pageCount, recording, recordingToJson, replay } from './pdf-replay.mjs';

const [group, rows, asOf, out, file] = process.argv.slice(2);
let rowsDone = false;
const { docs } = await recording(
  () => runBatch({ group, output: out, jobs: 1, sameThread: true, documents: true, force: true, asOf, onProgress: (done) => (rowsDone = done >= Number(rows)) }),
  () => rowsDone,
);
const names = ['group-summary', 'joint-complaint'];
if (docs.length !== names.length) throw new Error(`expected the ${names.join(' and ')} recorded, got ${docs.length} documents`);
const recorded = [];
for (const doc of docs) {
  const bytes = await replay(doc);
  const name = names.find((n) => readFileSync(join(out, `${n}.pdf`)).equals(bytes));
  if (!name) throw new Error('a replayed group document differs from the one the batch wrote');
  recorded.push(filed(doc, name, bytes));
}
// Every page that batch drew, to set beside the floor's.
let batchPages = 0;
for (const entry of readdirSync(out, { recursive: true })) if (entry.endsWith('.pdf')) batchPages += pageCount(readFileSync(join(out, entry)));
// OUT-DIR is left to the caller: bench-batch.mjs removes it with its scratch folder at the end, as
// a removal now would slow its timed batches (bench-batch.mjs, batch()).
writeFileSync(file, recordingToJson(recorded));
const pages = recorded.reduce((s, d) => s + d.pages, 0);
const calls = recorded.reduce((s, d) => s + d.calls.length, 0);
process.stdout.write(`${JSON.stringify({ pages, calls, batchPages })}\n`);
