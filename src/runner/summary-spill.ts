import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerSummary } from '../batch/summary.js';

/**
 * The workers' summaries of a batch, kept on disk rather than in memory: a line of JSON each, in
 * sheet order, in a temporary file of the output folder (owner-only, like everything there; removed
 * when the batch ends). The summary files are written from it at the end, one worker at a time, so
 * a sheet of a hundred thousand rows takes no more memory than one of a hundred.
 */
export class SummarySpill {
  private readonly fd: number;
  private buffer = '';
  private count = 0;

  /** A fixed name: what a crashed run left behind is overwritten by the next one, not piled up. */
  constructor(dir: string, readonly file = join(dir, '.summaries.jsonl.tmp')) {
    this.fd = openSync(file, 'w+', 0o600);
  }

  get size(): number {
    return this.count;
  }

  write(w: WorkerSummary): void {
    this.buffer += `${JSON.stringify(w)}\n`;
    this.count += 1;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  /** Every summary written, in the order written; may be read more than once. */
  *read(): Generator<WorkerSummary> {
    this.flush();
    const chunk = Buffer.alloc(1 << 20);
    let position = 0;
    // Bytes after the last newline read so far: kept as bytes, since a chunk may end inside a character.
    let rest = Buffer.alloc(0);
    for (;;) {
      const n = readSync(this.fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      const bytes = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      const end = bytes.lastIndexOf(10);
      if (end < 0) {
        rest = Buffer.from(bytes);
        continue;
      }
      const lines = bytes.toString('utf8', 0, end).split('\n');
      rest = Buffer.from(bytes.subarray(end + 1));
      for (const line of lines) if (line) yield JSON.parse(line) as WorkerSummary;
    }
    if (rest.length) yield JSON.parse(rest.toString('utf8')) as WorkerSummary;
  }

  remove(): void {
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (!this.buffer) return;
    const bytes = Buffer.from(this.buffer);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    this.buffer = '';
  }
}

/**
 * Puts back in order what finishes out of order: rows go to the threads in sheet order and come
 * back as each is done. Holds only the few that are ahead of one still in flight.
 */
export class InOrder<T> {
  private next = 0;
  private readonly waiting = new Map<number, T>();

  /** The item numbered `seq` (numbered from 0, none skipped) is in; returns those now due, in order. */
  put(seq: number, item: T): T[] {
    this.waiting.set(seq, item);
    const due: T[] = [];
    while (this.waiting.has(this.next)) {
      due.push(this.waiting.get(this.next)!);
      this.waiting.delete(this.next);
      this.next += 1;
    }
    return due;
  }
}
