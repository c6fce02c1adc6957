import { Worker } from 'node:worker_threads';
import { type BatchSetup, type GroupDocTask, type RowResult, type RowTask, type ThreadMessage, batchWork } from './process-row.js';

/** Where a batch's work is done: in this thread (one job), or spread over worker threads. */
export interface Pool {
  run(task: RowTask): Promise<RowResult>;
  /** A group document, on the least busy thread: two asked at once are written side by side. */
  groupDocument(task: GroupDocTask): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Without documents one job works in this thread: its rows make little garbage (see the limits
 * below). With documents every job is a thread, one job too, for the young generation a thread can
 * be given (DOCUMENT_LIMITS) and this thread cannot: on one job, 300 workers took 2.7 s of
 * collecting in this thread and 1.1 s in a thread (--trace-gc). `sameThread` keeps one job's work
 * here whatever it is (the bench records pdfkit's calls in this thread).
 */
export async function openPool(setup: BatchSetup, jobs: number, sameThread = false): Promise<Pool> {
  return jobs <= 1 && (sameThread || !setup.documents) ? inProcess(setup) : threads(setup, jobs);
}

async function inProcess(setup: BatchSetup): Promise<Pool> {
  const work = await batchWork(setup);
  return { run: work.row, groupDocument: work.groupDocument, close: async () => {} };
}

/** What a thread owes: a row's result, or a group document's files. */
type Pending =
  | { kind: 'row'; task: RowTask; resolve: (r: RowResult) => void }
  | { kind: 'group'; resolve: (files: string[]) => void; reject: (e: Error) => void };

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { ready?: true; seq?: number; result?: RowResult; files?: string[]; error?: { message: string; stack?: string } };

/**
 * Each thread's young generation (where V8 puts new objects), sized for its work (measured):
 * - without documents a row makes little garbage, yet the young generation grows to about 34 MB
 *   unasked: capped at 8 MB, a 100,000-row run takes about 40 MB less at the same speed;
 * - with documents a row makes a great deal (pdfkit), and much of it lives through one or two
 *   collections of a small young generation, to be copied and then marked: at 96 MB, twice V8's
 *   default, rows are about 5% faster on two cores, for about 100 MB more.
 */
const COMPUTE_ONLY_LIMITS = { maxYoungGenerationSizeMb: 8 };
/** Exported for the batch bench, whose pdfkit-alone floor draws its pages on a thread sized alike. */
export const DOCUMENT_LIMITS = { maxYoungGenerationSizeMb: 96 };

/** The thread script sits beside this module, in dist/runner/ or the bundle alike. */
const THREAD_URL = new URL('./batch-thread.js', import.meta.url);

async function threads(setup: BatchSetup, jobs: number): Promise<Pool> {
  let seq = 0;
  const slots: Slot[] = await Promise.all(
    Array.from({ length: jobs }, () => new Promise<Slot>((resolve, reject) => {
      const worker = new Worker(THREAD_URL, { workerData: setup, resourceLimits: setup.documents ? DOCUMENT_LIMITS : COMPUTE_ONLY_LIMITS });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (msg: Reply) => {
        if (msg.ready) return resolve(slot);
        const p = slot.pending.get(msg.seq!);
        slot.pending.delete(msg.seq!);
        if (p?.kind === 'row') p.resolve(msg.result!);
        else if (p && msg.error) p.reject(Object.assign(new Error(msg.error.message), { stack: msg.error.stack }));
        else p?.resolve(msg.files!);
      });
      // A thread that dies takes only its own work with it: each row is reported as failed.
      const fail = (err: Error) => {
        for (const p of slot.pending.values()) {
          if (p.kind === 'row') p.resolve({ kind: 'failed', row: p.task.record.line, id: null, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
          else p.reject(err);
        }
        slot.pending.clear();
        reject(err);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => { if (code !== 0) fail(new Error(`a batch thread stopped (exit ${code})`)); });
    })),
  );
  let alive = slots;
  /** The least busy thread still running, or none. */
  const pick = (): Slot | undefined => {
    alive = alive.filter((s) => s.worker.threadId !== -1);
    return alive.length ? alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : undefined;
  };
  const send = (slot: Slot, pending: Pending, msg: ThreadMessage) => {
    slot.pending.set(msg.seq, pending);
    slot.worker.postMessage(msg);
  };
  return {
    run(task) {
      const slot = pick();
      if (!slot) return Promise.resolve({ kind: 'failed', row: task.record.line, id: null, message: 'every batch thread has stopped' });
      return new Promise((resolve) => send(slot, { kind: 'row', task, resolve }, { seq: seq++, task }));
    },
    groupDocument(group) {
      const slot = pick();
      if (!slot) return Promise.reject(new Error('every batch thread has stopped'));
      return new Promise((resolve, reject) => send(slot, { kind: 'group', resolve, reject }, { seq: seq++, group }));
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
