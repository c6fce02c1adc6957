import { Worker } from 'node:worker_threads';
import { type BatchSetup, type RowResult, type RowTask, rowProcessor } from './process-row.js';

/** Where rows are processed: in this thread (one job), or spread over worker threads. */
export interface Pool {
  run(task: RowTask): Promise<RowResult>;
  close(): Promise<void>;
}

export async function openPool(setup: BatchSetup, jobs: number): Promise<Pool> {
  return jobs <= 1 ? inProcess(setup) : threads(setup, jobs);
}

async function inProcess(setup: BatchSetup): Promise<Pool> {
  const processRow = await rowProcessor(setup);
  return { run: processRow, close: async () => {} };
}

interface Slot {
  worker: Worker;
  pending: Map<number, { task: RowTask; resolve: (r: RowResult) => void }>;
}

/**
 * Without documents a row makes little garbage, yet each thread's young generation grows to about
 * 34 MB unasked: capped at 8 MB, a 100,000-row run takes about 40 MB less at the same speed
 * (measured). With documents the cap made rows about 10% slower, so they keep V8's default.
 */
const COMPUTE_ONLY_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** The thread script sits beside this module, in dist/runner/ or the bundle alike. */
const THREAD_URL = new URL('./batch-thread.js', import.meta.url);

async function threads(setup: BatchSetup, jobs: number): Promise<Pool> {
  let seq = 0;
  const slots: Slot[] = await Promise.all(
    Array.from({ length: jobs }, () => new Promise<Slot>((resolve, reject) => {
      const worker = new Worker(THREAD_URL, { workerData: setup, ...(setup.documents ? {} : { resourceLimits: COMPUTE_ONLY_LIMITS }) });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (msg: { ready?: true; seq?: number; result?: RowResult }) => {
        if (msg.ready) return resolve(slot);
        const p = slot.pending.get(msg.seq!);
        slot.pending.delete(msg.seq!);
        p?.resolve(msg.result!);
      });
      // A thread that dies takes only its own rows with it: each is reported as failed.
      const fail = (err: Error) => {
        for (const { task, resolve: done } of slot.pending.values()) done({ kind: 'failed', row: task.record.line, id: null, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
        slot.pending.clear();
        reject(err);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => { if (code !== 0) fail(new Error(`a batch thread stopped (exit ${code})`)); });
    })),
  );
  let alive = slots;
  return {
    run(task) {
      alive = alive.filter((s) => s.worker.threadId !== -1);
      if (!alive.length) return Promise.resolve({ kind: 'failed', row: task.record.line, id: null, message: 'every batch thread has stopped' });
      // The least busy thread takes the row.
      const slot = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const n = seq++;
      return new Promise((resolve) => {
        slot.pending.set(n, { task, resolve });
        slot.worker.postMessage({ seq: n, task });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
