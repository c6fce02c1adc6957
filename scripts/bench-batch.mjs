#!/usr/bin/env node
// The batch benchmark of issue 6 (npm run bench runs it after bench.mjs). Not a test: timings vary
// by machine; the figures are quoted in the issue notes.
//
// What it measures, in one run:
//  1. Synthetic groups. The Romania group file (fixtures/groups/romania/group.yaml) is copied to a
//     temporary folder with `workers:` pointing to a generated sheet of N workers. The rows cycle
//     through the fixture sheet's valid rows (the deliberately broken ones left out) and vary, from
//     a seeded generator (same N, same sheet): the name (and so the folder and every "I, …" of the
//     affidavit), sex, civil status, address, the fee paid and its date, the overtime hours, the
//     wages actually received and the moral damages prayed for. Every generated row is valid (the
//     bench checks: no invalid row, no failure).
//  2. With documents: the real binary, `migrant-claims batch group.yaml --as-of 2026-11-23 -o TMP
//     --force --json`, on --jobs 1 and on --jobs <cores>, each into an empty folder. Workers per
//     second is rows / wall time of the whole command (start-up, reading the sheet, every worker's
//     case.json, assessment.json, three PDFs and a DOCX written, the summaries). Peak RSS is the
//     process's maximum resident set (GNU time -v, or /proc/PID/status VmHWM polled): worker
//     threads live in the process, so it covers them all.
//  3. pdfkit alone, the floor. The same pages drawn by pdfkit with nothing of ours around it: no
//     sheet, assessment, templates, document model or layout (scripts/pdf-replay.mjs). To get "the
//     same pages", the pdfkit calls our renderer makes are recorded: every public method called on
//     a PDFDocument from outside pdfkit (text, font, fontSize, addPage, rect, fill, fillColor,
//     lineWidth, moveTo, lineTo, stroke, switchToPage, registerFont, end, …) with its arguments,
//     and the document's x, y and bottom margin at that moment (our layout sets those directly).
//     Pure measuring calls (heightOfString, widthOfString, currentLineHeight, bufferedPageRange)
//     are layout work of ours and are not replayed. Recorded: the first F workers' three PDFs,
//     rendered here; and the group summary and joint complaint of the whole group, from a batch
//     of the N workers on one job, recorded once its rows are done (bench-record-group.mjs, a
//     process of its own, so that this one has drawn no more than the F workers). A replay draws
//     each recorded document on a fresh PDFDocument with the same options and the same fonts (parsed
//     once, with the laid-out words shared across documents as pdf-fonts.ts shares them, so the
//     floor gets every saving our renderer gets). Honesty check: every replayed PDF must equal,
//     byte for byte, the PDF our renderer made (the group documents: the ones that batch wrote);
//     the bench stops if one does not.
//     The floor is a process of its own (scripts/bench-floor.mjs), started cold as the batch is:
//     it draws N workers' pages (the F recorded workers, over again if F < N) and the group
//     documents once, and its wall time, less its reading and parsing of the recording, is the
//     floor. F is N by default since 2026-11-24 (before, 100): drawing 100 workers ten times over,
//     pdfkit alone laid out few different words and kept its caches small, which made it about 5%
//     faster than on 1,000 different workers (10% held to one core; docs/speed.md). It draws them on
//     a worker thread with the young generation of our document threads (since 2026-11-24; before,
//     on its main thread with V8's default, which cost it about 7% in collecting garbage). So the
//     floor and ours draw the same pages (the page counts are shown), both from a cold start, both
//     on a thread sized alike; ours also reads the sheet, assesses, writes a DOCX, two JSON files
//     and the summaries.
//     Ratio = (our seconds with documents on one job) / (the floor's seconds).
//     pdfkit alone on all cores (since 2026-11-24): the same process on as many threads as the
//     batch's jobs, the workers and the group documents shared out as the batch shares them, run
//     after each all-cores batch. Its speed-up over pdfkit alone on one thread shows how much of
//     the cores pdfkit itself gets on the machine, against which the batch's speed-up can be read.
//     Until 2026-11-23 the floor was the F workers' PDFs alone, replayed warm in this process:
//     without the group documents' pages, node's start, pdfkit's loading and its first, cold
//     pages, all of which our figure carries. That figure is still shown, for comparison.
//     Order and figures: the machine's speed drifts over minutes, so the runs are interleaved,
//     pdfkit alone / 1 job / all cores / pdfkit alone / all cores / 1 job / pdfkit alone
//     (BENCH_DOC_ROUNDS 2), and each figure is the mean over its runs (total seconds / total
//     workers), with the fastest and slowest run shown beside it.
//     One core (since 2026-11-24; needs taskset): each round also runs one job held to a single
//     core (taskset, the core alternating by round), and pdfkit alone likewise. An unheld one-job
//     run is not "on one core": V8's compiler and garbage-collector threads run on the idle second
//     core (its CPU time is about a tenth above its wall time), and two jobs do not get that core
//     for free. "2 jobs ÷ 1 core" is the speed-up on two cores over one; "2 jobs ÷ 1 job", the
//     speed-up over an unheld one-job run, is shown as well.
//     Paired (BENCH_PAIRED pairs, 1; needs taskset and two cores): one job and pdfkit alone run at
//     the same time, each held to a core of its own, then again with the cores swapped; the ratio
//     of each pair is shown. Drift falls on both runs of a pair alike.
//  4. Compute only: the binary with --no-documents (case.json and assessment.json per worker, the
//     summaries) on sheets of 10,000 and 100,000 workers, all cores, with peak RSS.
//
// Sizes: BENCH_DOC_WORKERS (1000; BENCH_DOC_ROUNDS 2), BENCH_FLOOR_WORKERS (all the documents'
// workers; BENCH_FLOOR_ROUNDS 2 at each turn), BENCH_COMPUTE_WORKERS ("10000,100000"), BENCH_JOBS
// (the cores); BENCH_QUICK=1 for a short run (100, 40, "2000,10000").
// BENCH_KEEP=1 keeps the temporary folder. BENCH_RESULTS=FILE also writes each kind of run's
// seconds there as JSON, for scripts/bench-pool.mjs to pool several runs of the bench.
// `node scripts/bench-batch.mjs --generate N` only writes a synthetic group of N workers (group
// file and sheet) and prints the group file's path.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readHeader } from '../dist/batch/columns.js';
import { workerCase } from '../dist/batch/worker-case.js';
import { CsvReader } from '../dist/core/csv.js';
import { buildDrafts } from '../dist/documents/drafts.js';
import { renderPdf } from '../dist/documents/render-pdf.js';
import { loadTemplates } from '../dist/documents/templates.js';
import { loadShippedParameters } from '../dist/io/load-parameters.js';
import { readGroup } from '../dist/io/read-group.js';
import { assess } from '../dist/law/assess.js';
import { filed, pageCount, recording, recordingToJson, replay } from './pdf-replay.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const DOC_WORKERS = Number(process.env.BENCH_DOC_WORKERS ?? (QUICK ? 100 : 1000));
const FLOOR_WORKERS = Number(process.env.BENCH_FLOOR_WORKERS ?? (QUICK ? 40 : DOC_WORKERS));
const FLOOR_ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 2);
const DOC_ROUNDS = Number(process.env.BENCH_DOC_ROUNDS ?? (QUICK ? 1 : 2));
const PAIRED = Number(process.env.BENCH_PAIRED ?? 1);
const COMPUTE_WORKERS = (process.env.BENCH_COMPUTE_WORKERS ?? (QUICK ? '2000,10000' : '10000,100000')).split(',').filter(Boolean).map(Number);
const CORES = Number(process.env.BENCH_JOBS ?? availableParallelism());
const AS_OF = '2026-11-23';
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/migrant-claims.js');
const FLOOR_SCRIPT = join(ROOT, 'scripts/bench-floor.mjs');
const RECORD_GROUP_SCRIPT = join(ROOT, 'scripts/bench-record-group.mjs');
const FIXTURE = join(ROOT, 'fixtures/groups/romania');
/** The PDFs the batch writes per worker (src/runner/process-row.ts WORKER_FILES). */
const PDF_DRAFTS = ['complaint-affidavit', 'computation-annex', 'evidence-checklist'];

const scratch = mkdtempSync(join(tmpdir(), 'mc-bench-batch-'));
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Synthetic sheets

/** mulberry32: small, fast and seeded, so the same N gives the same sheet. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEMALE = ['Maria Luz', 'Ana Marie', 'Rosario', 'Josefina', 'Imelda', 'Teresita', 'Corazon', 'Leonora', 'Marites', 'Evelyn', 'Gloria', 'Lourdes', 'Remedios', 'Cristina', 'Jocelyn', 'Rowena', 'Marilou', 'Analyn', 'Lilibeth', 'Marivic', 'Editha', 'Nenita', 'Rosalie', 'Jennifer', 'Maricel', 'Girlie', 'Aurora', 'Felicidad', 'Milagros', 'Dolores', 'Estrella', 'Perla', 'Zenaida', 'Luzviminda', 'Norma', 'Shirley', 'Violeta', 'Erlinda', 'Rhodora', 'Mylene', 'Jovelyn', 'Daisy', 'Ligaya', 'Susana', 'Carmelita', 'Belen', 'Ma. Cecilia', 'Niña', 'Precious', 'Rubylyn'];
const MALE = ['Jose', 'Ramon', 'Eduardo', 'Rogelio', 'Danilo', 'Renato', 'Ernesto', 'Arnel', 'Joel', 'Rolando', 'Noel', 'Reynaldo', 'Jun-jun', 'Efren', 'Mario', 'Santiago', 'Ferdinand', 'Jericho', 'Ariel', 'Rodel'];
const SURNAMES = ['Dela Cruz', 'Santos', 'Reyes', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva', 'Ramos', 'Castillo', 'Aquino', 'Navarro', 'Domingo', 'Salvador', 'Pascual', 'Manalo', 'Ocampo', 'Tolentino', 'Mercado', 'Soriano', 'Gutierrez', 'Ibañez', 'Peñaflor', 'Dizon', 'Lacson', 'Valdez', 'Sison', 'Abad', 'Cruz', 'Panganiban', 'Lopez', 'Rivera', 'Flores', 'Torres', 'Morales', 'Aguilar', 'Castro', 'Fernandez', 'Gonzales', 'Romero', 'Samonte', 'Macaraeg', 'Quiambao', 'Yap', 'Tan', 'Lim', 'Co', 'de los Santos', 'Magbanua', 'Dimaculangan', 'Pagdanganan'];
const BARANGAYS = ['San Roque', 'San Isidro', 'Poblacion', 'Santa Rita', 'Bagong Silang', 'Malabago', 'San Jose', 'Santo Niño', 'Mabini', 'Rizal'];
const TOWNS = ['Malolos, Bulacan', 'San Fernando City, La Union', 'Tarlac City, Tarlac', 'Rosario, La Union', 'Naga City, Camarines Sur', 'Calamba, Laguna', 'Agoo, La Union', 'Lingayen, Pangasinan', 'Dagupan City, Pangasinan', 'Bauang, La Union', 'Parañaque City, Metro Manila', 'Iloilo City, Iloilo'];

async function readCsv(file) {
  const reader = new CsvReader();
  return [...reader.push(readFileSync(file, 'utf8')), ...reader.end()].filter((r) => !(r.cells[0] ?? '').startsWith('#'));
}

/** The fixture sheet's valid rows (each id once), as templates for the generated ones. */
async function baseRows() {
  const group = await readGroup(join(FIXTURE, 'group.yaml'));
  const [head, ...records] = await readCsv(join(FIXTURE, 'workers.csv'));
  const { columns } = readHeader(head.cells);
  const seen = new Set();
  const rows = records.filter((r) => {
    const id = r.cells[0];
    if (seen.has(id)) return false;
    seen.add(id);
    return workerCase(group.facts, columns, head.cells.length, r).ok;
  });
  return { header: head.cells, rows: rows.map((r) => r.cells) };
}

/** A sheet row as a spreadsheet saves it (csvLine of core/csv.ts guards cells like "-" for outputs; a sheet's "-" must stay). */
const csvLine = (cells) => `${cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;
const money = (minor) => `${Math.floor(minor / 100).toLocaleString('en')}.${String(minor % 100).padStart(2, '0')}`;
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function writeSheet(base, n, file) {
  const col = Object.fromEntries(base.header.map((h, i) => [h, i]));
  const rnd = random(0x5eed + n);
  let text = csvLine(base.header);
  for (let i = 0; i < n; i++) {
    const r = [...base.rows[i % base.rows.length]];
    const male = rnd() < 0.2;
    r[col.id] = String(i + 1).padStart(6, '0');
    r[col['worker.name']] = `${pick(rnd, male ? MALE : FEMALE)} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}. ${pick(rnd, SURNAMES)}`;
    r[col['worker.sex']] = male ? 'male' : 'female';
    r[col['worker.civilStatus']] = pick(rnd, ['single', 'married', 'widowed']);
    r[col['worker.address']] = `Purok ${1 + Math.floor(rnd() * 9)}, Barangay ${pick(rnd, BARANGAYS)}, ${pick(rnd, TOWNS)}`;
    r[col['fees[0].amount']] = money(200_000 + Math.floor(rnd() * 101) * 1_000 + (rnd() < 0.3 ? Math.floor(rnd() * 100) : 0));
    r[col['fees[0].date']] = `2025-01-${String(10 + Math.floor(rnd() * 19)).padStart(2, '0')}`;
    r[col['overtime.2025-03']] = String(pick(rnd, [32, 36, 40, 44, 48]));
    r[col['overtime.2025-04']] = String(pick(rnd, [32, 36, 40, 44, 48]));
    // Rows that end early keep their shape (separation, cleared July, deductions); the others may
    // have been paid a different amount from April.
    if (!r[col['separation.date']] && rnd() < 0.3) r[col['wages.2025-04..2025-07']] = money(20_000 + Math.floor(rnd() * 13) * 500);
    r[col['prayer.moralDamages.amount']] = pick(rnd, ['', '', '50000', '100000', '150000']);
    text += csvLine(r);
  }
  writeFileSync(file, text);
}

/** The group file beside its sheet, pointing to it. */
function writeGroup(n) {
  const sheet = `workers-${n}.csv`;
  const group = join(scratch, `group-${n}.yaml`);
  const text = readFileSync(join(FIXTURE, 'group.yaml'), 'utf8').replace(/^(\s+workers:).*$/m, `$1 ${sheet}`);
  if (!text.includes(`workers: ${sheet}`)) throw new Error('the fixture group file has no workers: line to point to the sheet');
  writeFileSync(group, text);
  writeSheet(BASE, n, join(scratch, sheet));
  return { group, sheet: join(scratch, sheet) };
}

// ---------------------------------------------------------------------------------------------
// 2 and 4. The real binary, timed, with its peak RSS

/** CPU seconds the whole machine has spent busy (all processes), from /proc/stat; NaN elsewhere. */
function machineBusy() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100; // user nice system irq softirq steal, in USER_HZ
  } catch {
    return NaN;
  }
}

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((f) => existsSync(f));

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((f) => existsSync(f));

/**
 * A node script run and timed, with its CPU and peak RSS; rejects if it exits other than 0. With
 * `core`, the process (and its threads) may run on that core only (taskset).
 */
function runNode(script, args, core) {
  return new Promise((resolve, reject) => {
    const node = [...(core === undefined ? [] : [TASKSET, '-c', String(core)]), process.execPath, script, ...args];
    const cmd = GNU_TIME ? [GNU_TIME, '-v', ...node] : node;
    const t0 = performance.now();
    const busy0 = machineBusy();
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let hwm = 0;
    let cpu = NaN;
    // Without GNU time: the kernel's high-water mark of the process, read until it exits.
    const poll = GNU_TIME ? undefined : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]) * 1024);
      } catch {}
    }, 20);
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      if (m) hwm = Number(m[1]) * 1024;
      const user = /User time \(seconds\): ([\d.]+)/.exec(err);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
      if (user && sys) cpu = Number(user[1]) + Number(sys[1]);
      const stderr = err.replace(/(^|\n)\tCommand being timed:[\s\S]*$/, '');
      if (code !== 0) return reject(new Error(`${script.replace(ROOT, '')} ${args.join(' ')} exited ${code}:\n${stderr.slice(0, 2000)}`));
      resolve({ seconds, cpu, others: (machineBusy() - busy0 - cpu) / seconds, rss: hwm, out, stderr });
    });
  });
}

/**
 * A batch into a folder of its own. With documents its folder stays until the bench ends (the
 * scratch folder is removed then): a folder removed here would make the next batch slower on a
 * file system such as this machine's. Its disk is ext4 without a journal, and there, while an
 * inode freed in the last minute or more (up to six if its table block is unwritten) sits in the
 * bitmap, the kernel steps over it, one at a time, each time it makes a file
 * (fs/ext4/ialloc.c, recently_deleted). Removing a batch's 8,000 files and starting the next
 * within that time cost the next one 4 to 7 s of system time on 1,000 workers, most of it on two
 * jobs, where both threads step over the same inodes (perf record: 80% of the kernel's samples in
 * recently_deleted and the cache lookups it makes). That is the bench's doing, not the batch's: a
 * lawyer's batch does not follow the removal of thousands of files. Compute-only runs come last,
 * after every timed run with documents, and their far larger outputs are removed as they end.
 */
let batches = 0;
async function batch(g, jobs, documents, core) {
  const out = join(scratch, `out-${++batches}-${jobs}-${documents ? 'docs' : 'compute'}`);
  const args = ['batch', g.group, '--as-of', AS_OF, '-o', out, '--force', '--json', '--jobs', String(jobs), ...(documents ? [] : ['--no-documents'])];
  const r = await runNode(BIN, args, core);
  if (!documents) rmSync(out, { recursive: true, force: true });
  const report = JSON.parse(r.out);
  if (report.rowsInvalid || report.failed.length) throw new Error(`migrant-claims ${args.join(' ')}: ${report.rowsInvalid} invalid, ${report.failed.length} failed rows\n${r.stderr.slice(0, 2000)}`);
  return { ...r, rows: report.assessed, perSecond: report.assessed / r.seconds };
}

// ---------------------------------------------------------------------------------------------
// 3. pdfkit alone: record our renderer's pdfkit calls, replay them on fresh documents

/** The recorded workers' documents, replayed and checked; a warm round, in this process. */
async function floor(g, n) {
  const group = await readGroup(g.group);
  const [head, ...records] = await readCsv(g.sheet);
  const { columns } = readHeader(head.cells);
  const parameters = loadShippedParameters();
  const templates = await loadTemplates(join(ROOT, 'templates'));
  const workers = [];
  for (const record of records.slice(0, n)) {
    const made = workerCase(group.facts, columns, head.cells.length, record);
    if (!made.ok) throw new Error(`row ${record.line} of the generated sheet is invalid`);
    const drafts = buildDrafts(made.facts, assess(made.facts, { asOf: AS_OF }, parameters), parameters, templates);
    const docs = [];
    for (const name of PDF_DRAFTS) {
      const { result, docs: recorded } = await recording(() => renderPdf(drafts.find((d) => d.name === name).model));
      if (recorded.length !== 1) throw new Error(`expected one PDF document per draft, recorded ${recorded.length}`);
      docs.push({ name, model: drafts.find((d) => d.name === name).model, ours: Buffer.from(result), ...recorded[0] });
    }
    workers.push(docs);
  }
  // The honesty check: pdfkit alone makes exactly our pages, byte for byte.
  let pages = 0;
  for (const docs of workers) {
    for (const d of docs) {
      const bytes = await replay(d);
      if (!bytes.equals(d.ours)) throw new Error(`the replayed ${d.name} differs from ours (pages: ${pageCount(bytes)} replayed, ${pageCount(d.ours)} ours)`);
      d.filed = filed(d, d.name, bytes);
      pages += d.filed.pages;
    }
  }
  const calls = workers.flat().reduce((s, d) => s + d.calls.length, 0);
  for (const docs of workers) for (const d of docs) d.ours = undefined;
  // A round: every recorded worker replayed (pdfkit alone), then rendered by our renderer from
  // the same document models (layout and pdfkit). The first pass above warmed the fonts' caches,
  // as a batch's first rows warm ours.
  const round = async () => {
    const t0 = performance.now();
    const busy0 = machineBusy();
    const c0 = process.cpuUsage();
    for (const docs of workers) for (const d of docs) await replay(d);
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    const others = (machineBusy() - busy0 - cpu) / seconds;
    const t1 = performance.now();
    for (const docs of workers) for (const d of docs) await renderPdf(d.model);
    return { seconds, cpu, others, oursSeconds: (performance.now() - t1) / 1000 };
  };
  return { workers: workers.length, pages, calls, round, recorded: workers };
}

/** The group documents of the whole group, recorded by a batch in a process of its own (bench-record-group.mjs). */
async function groupFloor(g, rows, file) {
  const r = await runNode(RECORD_GROUP_SCRIPT, [g.group, String(rows), AS_OF, join(scratch, 'out-record'), file]);
  return JSON.parse(r.out);
}

/**
 * pdfkit alone as a batch runs: a process of its own, started cold, drawing the pages of `count`
 * workers and the group documents (bench-floor.mjs). Its wall time less the reading of the
 * recording and the checking of digests.
 */
async function coldFloor(workersFile, groupFile, count, core, threads = 1) {
  const r = await runNode(FLOOR_SCRIPT, [workersFile, groupFile, String(count), String(threads)], core);
  const report = JSON.parse(r.out);
  // Reading the recording and checking digests: the slowest thread's from wall time, every thread's from CPU time.
  return { ...r, seconds: r.seconds - report.loadSeconds - report.checkSeconds, cpu: r.cpu - report.cpuAsideSeconds, pages: report.pages };
}

// ---------------------------------------------------------------------------------------------

const mb = (b) => (b ? `${Math.round(b / 1024 / 1024)} MB` : 'n/a');
const rate = (x) => `${x.toFixed(x < 100 ? 1 : 0)}/s`;

const BASE = await baseRows();
if (process.argv[2] === '--generate') {
  console.log(writeGroup(Number(process.argv[3] ?? 1000)).group);
  process.exit(0);
}
const started = performance.now();
log(`bench-batch: scratch ${scratch}; documents on ${DOC_WORKERS} workers, floor on ${FLOOR_WORKERS}, compute only on ${COMPUTE_WORKERS.join(', ')}; ${CORES} cores`);

/**
 * A set of timed runs taken together: their seconds and CPU summed (so the figure is their mean
 * per worker), the slowest and fastest per worker, the most other processes used.
 */
function pooled(runs, count) {
  const sum = (k) => runs.reduce((s, r) => s + r[k], 0);
  const n = runs.length * count;
  const per = runs.map((r) => r.seconds / count);
  return { runs: runs.length, n, seconds: sum('seconds'), cpu: sum('cpu'), others: Math.max(...runs.map((r) => r.others)), rss: Math.max(0, ...runs.map((r) => r.rss ?? 0)), perSecond: n / sum('seconds'), fastest: Math.min(...per), slowest: Math.max(...per) };
}

const results = { floorRounds: [], coldRounds: [], coldNRounds: [], docs1: [], docsN: [], paired: [], docs1Core: [], coldCore: [] };
try {
  const docsGroup = writeGroup(DOC_WORKERS);
  log('  pdfkit alone (record, check)…');
  const f = await floor(docsGroup, Math.min(FLOOR_WORKERS, DOC_WORKERS));
  results.floor = f;
  log(`  pdfkit alone, the group documents (a batch of ${DOC_WORKERS} workers on 1 job, recorded at its end)…`);
  const groupFile = join(scratch, 'recording-group.json');
  results.groupFloor = await groupFloor(docsGroup, DOC_WORKERS, groupFile);
  // A line a worker, so that pdfkit alone parses a worker's calls only when it draws them (bench-floor.mjs).
  const workersFile = join(scratch, 'recording-workers.ndjson');
  writeFileSync(workersFile, f.recorded.map((docs) => recordingToJson(docs.map((d) => d.filed))).join('\n'));
  const floorRounds = async () => {
    log(`  pdfkit alone, a process of its own (${DOC_WORKERS} workers' pages and the group documents)…`);
    results.coldRounds.push(await coldFloor(workersFile, groupFile, DOC_WORKERS));
    log(`  pdfkit alone, in this process, ${FLOOR_ROUNDS} warm round(s) of ${f.workers} workers…`);
    for (let i = 0; i < FLOOR_ROUNDS; i++) results.floorRounds.push(await f.round());
  };
  const docs = async (jobs) => {
    log(`  with documents, --jobs ${jobs} (${DOC_WORKERS} workers)…`);
    results[jobs === 1 ? 'docs1' : 'docsN'].push(await batch(docsGroup, jobs, true));
    // pdfkit alone on as many threads, next to it: how much of the cores pdfkit itself can use.
    if (jobs > 1) {
      log(`  pdfkit alone, a process of its own, ${jobs} threads…`);
      results.coldNRounds.push(await coldFloor(workersFile, groupFile, DOC_WORKERS, undefined, jobs));
    }
  };
  // One job and pdfkit alone, each held to one core: the runs "on one core".
  const oneCore = async (core) => {
    if (!TASKSET || CORES < 2) return;
    log(`  with documents, --jobs 1 on core ${core} only (${DOC_WORKERS} workers)…`);
    results.docs1Core.push(await batch(docsGroup, 1, true, core));
    log(`  pdfkit alone, a process of its own, on core ${core} only…`);
    results.coldCore.push(await coldFloor(workersFile, groupFile, DOC_WORKERS, core));
  };
  // The machine's speed drifts by a tenth to a quarter from one minute to the next (the same code
  // measured minutes apart), more than the differences measured here. So the runs are interleaved:
  // pdfkit alone, 1 job, all cores, pdfkit alone, all cores, 1 job, pdfkit alone. Each kind of run
  // is then centred on the same moment, and a drift in time affects all alike.
  await floorRounds();
  for (let r = 0; r < DOC_ROUNDS; r++) {
    if (r % 2 === 0) {
      await docs(1);
      await oneCore(r % 2);
      await docs(CORES);
    } else {
      await docs(CORES);
      await oneCore(r % 2);
      await docs(1);
    }
    await floorRounds();
  }
  // Paired: one job and pdfkit alone at the same moment, each on a core of its own, then the cores
  // swapped. A drift in the machine's speed then falls on both alike; but each process also has
  // one core for its garbage collector's threads as well as its own, which costs the one that
  // makes more garbage more.
  if (TASKSET && CORES >= 2) {
    for (let i = 0; i < PAIRED; i++) {
      for (const [ours, alone] of [[0, 1], [1, 0]]) {
        log(`  paired: 1 job on core ${ours} and pdfkit alone on core ${alone}, at the same time…`);
        const [docs1, cold] = await Promise.all([batch(docsGroup, 1, true, ours), coldFloor(workersFile, groupFile, DOC_WORKERS, alone)]);
        results.paired.push(docs1.seconds / cold.seconds);
      }
    }
  }
  results.compute = [];
  for (const n of COMPUTE_WORKERS) {
    const g = n === DOC_WORKERS ? docsGroup : writeGroup(n);
    log(`  compute only, --jobs ${CORES} (${n} workers)…`);
    results.compute.push({ n, ...(await batch(g, CORES, false)) });
    rmSync(g.sheet, { force: true });
  }
} finally {
  if (process.env.BENCH_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
}

const f = { ...results.floor, ...pooled(results.floorRounds, results.floor.workers) };
const cold = { ...pooled(results.coldRounds, DOC_WORKERS), pages: results.coldRounds[0].pages };
const coldN = results.coldNRounds.length ? pooled(results.coldNRounds, DOC_WORKERS) : undefined;
const oursPdf = f.n / results.floorRounds.reduce((s, r) => s + r.oursSeconds, 0);
const docs1 = pooled(results.docs1, DOC_WORKERS);
const docsN = pooled(results.docsN, DOC_WORKERS);
const ratio = cold.perSecond / docs1.perSecond;
const cpuRatio = docs1.cpu / docs1.n / (cold.cpu / cold.n);
const warmRatio = f.perSecond / docs1.perSecond;
const speedup = docsN.perSecond / docs1.perSecond;
const docs1Core = results.docs1Core.length ? pooled(results.docs1Core, DOC_WORKERS) : undefined;
const coldCore = results.coldCore.length ? pooled(results.coldCore, DOC_WORKERS) : undefined;
const speedupCore = docs1Core ? docsN.perSecond / docs1Core.perSecond : undefined;
const busy = (r) => (Number.isFinite(r.others) ? Math.max(0, r.others).toFixed(2) : 'n/a');
const msCpu = (r, n) => (Number.isFinite(r.cpu) ? `${((r.cpu / n) * 1000).toFixed(r.cpu / n < 0.01 ? 2 : 0)} ms` : 'n/a');
const ms = (s) => `${(s * 1000).toFixed(1)}`;
const spread = (r) => `${r.runs} run${r.runs > 1 ? 's' : ''}: ${ms(r.fastest)}–${ms(r.slowest)} ms a worker`;
/** A row for pooled runs of the whole group: rate, mean wall time, CPU a worker, peak RSS, others. */
const timed = (label, r, note) => [label, DOC_WORKERS.toLocaleString('en'), rate(r.perSecond), `${(r.seconds / r.runs).toFixed(1)} s`, msCpu(r, r.n), mb(r.rss), busy(r), note];
const rows = [
  timed('with documents, 1 job', docs1, `${ratio.toFixed(2)}× pdfkit alone (CPU: ${cpuRatio.toFixed(2)}×; target ≤ 1.3×); ${spread(docs1)}`),
  ...(docs1Core ? [timed('with documents, 1 job, 1 core', docs1Core, `${(cold.perSecond / docs1Core.perSecond).toFixed(2)}× pdfkit alone; ${coldCore ? `${(coldCore.perSecond / docs1Core.perSecond).toFixed(2)}× pdfkit alone on 1 core; ` : ''}${spread(docs1Core)}`)] : []),
  timed(`with documents, ${CORES} jobs`, docsN, `${speedupCore ? `${speedupCore.toFixed(2)}× 1 core (target ≥ 1.7× on 2 cores than on 1); ` : ''}${speedup.toFixed(2)}× 1 job; ${spread(docsN)}`),
  timed('pdfkit alone (floor), a process', cold, `${cold.pages.toLocaleString('en')} pages (the batch: ${results.groupFloor.batchPages.toLocaleString('en')}), ${results.groupFloor.pages} of them the group documents'; ${spread(cold)}`),
  ...(coldCore ? [timed('pdfkit alone, a process, 1 core', coldCore, spread(coldCore))] : []),
  ...(coldN ? [timed(`pdfkit alone, ${CORES} threads`, coldN, `${coldCore ? `${(coldN.perSecond / coldCore.perSecond).toFixed(2)}× pdfkit alone on 1 core (ours: ${speedupCore.toFixed(2)}×); ` : ''}${(coldN.perSecond / cold.perSecond).toFixed(2)}× pdfkit alone on 1 thread (ours: ${speedup.toFixed(2)}× 1 job); ${spread(coldN)}`)] : []),
  ...(results.paired.length ? [['1 job ÷ pdfkit alone, paired', DOC_WORKERS.toLocaleString('en'), '', '', '', '', '', `${results.paired.map((x) => x.toFixed(2)).join(', ')}: at the same time, a core each (cores swapped)`]] : []),
  ['pdfkit alone, warm, worker pages', f.workers.toLocaleString('en'), rate(f.perSecond), `${(f.seconds / f.runs).toFixed(1)} s`, msCpu(f, f.n), '', busy(f), `${f.pages.toLocaleString('en')} pages, ${f.calls.toLocaleString('en')} calls; 1 job is ${warmRatio.toFixed(2)}× this (the measure before 2026-11-23); ${f.runs} rounds: ${ms(f.fastest)}–${ms(f.slowest)} ms a worker`],
  ['our PDF renderer, 1 core', f.workers.toLocaleString('en'), rate(oursPdf), '', '', '', '', `${(f.perSecond / oursPdf).toFixed(2)}× pdfkit alone (same models: our layout + pdfkit)`],
  ...results.compute.map((c) => [`compute only, ${CORES} jobs`, c.n.toLocaleString('en'), rate(c.perSecond), `${c.seconds.toFixed(1)} s`, msCpu(c, c.rows), mb(c.rss), busy(c), c.n >= 100_000 ? 'target < 300 MB peak RSS' : '']),
];
// Seconds and runs per kind, not ratios: pooled runs of the bench sum seconds (bench-pool.mjs).
if (process.env.BENCH_RESULTS) {
  const kind = (r) => (r ? { runs: r.runs, seconds: r.seconds, cpu: r.cpu, others: r.others } : undefined);
  writeFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({
    node: process.version, cores: CORES, workers: DOC_WORKERS, floorWorkers: f.workers,
    kinds: { docs1: kind(docs1), docs1Core: kind(docs1Core), docsN: kind(docsN), cold: kind(cold), coldCore: kind(coldCore), coldN: kind(coldN) },
    paired: results.paired,
    compute: results.compute.map((c) => ({ workers: c.n, seconds: c.seconds, rss: c.rss })),
  }, null, 2)}\n`);
}
const head = ['', 'workers', 'workers/s', 'wall', 'CPU/worker', 'peak RSS', 'others', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `  ${r.map((c, i) => (i === 0 || i === head.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()}`;
console.log(`migrant-claims batch bench (node ${process.version}, ${CORES} cores, as of ${AS_OF}; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`  others: cores' worth of CPU other processes used during the run (from /proc/stat); above ~0.2 the wall-clock`);
console.log(`  figures, the ${CORES}-job speed-up most, understate this code on an idle machine (CPU per worker is less affected).`);
