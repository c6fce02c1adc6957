import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from './write-file.js';

export interface Output {
  file: string;
  bytes: Uint8Array;
}

export type OutputStatus = 'written' | 'replaced' | 'unchanged';

/**
 * Writes a set of outputs that belong together (one worker's drafts, a scoreboard's CSV and PDF).
 * Every file is rendered before this is called. A file already there with the same bytes is left
 * alone; one with different bytes is replaced only with `force`, and without it nothing at all is
 * written, so a set is never half old and half new.
 */
export async function writeOutputSet(outputs: readonly Output[], opts: { force?: boolean; what: string; why?: string }): Promise<{ file: string; status: OutputStatus }[]> {
  const existing = await Promise.all(outputs.map((o) => readIfThere(o.file)));
  const differing = outputs.filter((o, i) => existing[i] && !sameBytes(existing[i]!, o.bytes));
  if (differing.length && !opts.force) {
    throw new UsageError(
      `${differing.length === 1 ? `this ${opts.what} already exists and differs` : `${differing.length} ${opts.what}s already exist and differ`}${opts.why ? ` (${opts.why})` : ''}: ${differing.map((o) => o.file).join(', ')}; nothing was written. Pass --force to replace them, or -o to write elsewhere`,
    );
  }
  const statuses: { file: string; status: OutputStatus }[] = [];
  for (const [i, o] of outputs.entries()) {
    const before = existing[i];
    if (before && sameBytes(before, o.bytes)) {
      statuses.push({ file: o.file, status: 'unchanged' });
      continue;
    }
    await writeFileAtomic(o.file, o.bytes, { overwrite: Boolean(before) });
    statuses.push({ file: o.file, status: before ? 'replaced' : 'written' });
  }
  return statuses;
}

async function readIfThere(file: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;
