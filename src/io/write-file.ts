import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fstatSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { chmod, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';

export interface WriteOptions {
  /** Replace a file that is already there. Without it an existing file is an error, never lost. */
  overwrite?: boolean;
  /**
   * Flush to the disk before the rename (default). A batch writing thousands of files turns it off:
   * the rename still makes each file whole or absent, and a row cut short is redone (its hash is
   * written last).
   */
  durable?: boolean;
}

/**
 * A temporary file's name tag: random once per thread, then counted. Files are opened 'wx' (never
 * over one already there), so the tag need only make a clash unlikely; asking the system for
 * random bytes for each of a batch's files cost a fifth of its writing time.
 */
const TEMP_PREFIX = randomBytes(6).toString('hex');
let tempCount = 0;
const tempTag = (): string => `${TEMP_PREFIX}${(tempCount++).toString(36)}`;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, are flushed,
 * then renamed over it, so a crash or Ctrl-C never leaves half a case file. Survivors' data: the
 * file is created owner-only (0600) and its folder, if we make it, 0700.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  await writeLinesAtomic(file, [data], opts);
}

/**
 * Writes files into one folder, each as writeFileAtomic writes one (a temporary file renamed over
 * the target: whole or absent; owner-only, the folder made 0700), replacing any already there.
 * Synchronous, and the folder is made once: for a batch's rows, on threads that have nothing else
 * to do meanwhile. Done asynchronously, file by file, the round trips through Node's thread pool
 * (mkdir, open, write, close, rename, chmod for each of a worker's seven files) cost more than the
 * writing, and the batch threads stood idle waiting on them.
 */
export function replaceFilesSync(dir: string, files: readonly (readonly [name: string, data: string | Uint8Array])[], opts: Pick<WriteOptions, 'durable'> = {}): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The mode a file is made with is masked by the umask (and a folder's default ACL): the first
  // file shows what they make of 0600, and only if it is not 0600 is each file's mode set (a
  // metadata write per file, on a batch's thousands).
  let setMode: boolean | undefined;
  for (const [name, data] of files) {
    const file = join(dir, name);
    const temp = join(dir, `.${name}.${tempTag()}.tmp`);
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
      setMode ??= (fstatSync(fd).mode & 0o777) !== 0o600;
      if (setMode) fchmodSync(fd, 0o600);
      if (opts.durable !== false) fsyncSync(fd);
      closeSync(fd);
      renameSync(temp, file);
    } catch (e) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(temp, { force: true });
      throw e;
    }
  }
}

/**
 * Writes a file too large to hold as one string (a summary of a hundred thousand workers), piece by
 * piece, with the same guarantees as writeFileAtomic: whole or absent, owner-only.
 */
export async function writeLinesAtomic(file: string, pieces: Iterable<string | Uint8Array>, opts: WriteOptions = {}): Promise<void> {
  if (!opts.overwrite && (await pathExists(file))) {
    throw new UsageError(`${file} already exists; pass --force to replace it`);
  }
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The temporary name is random, but it never reaches the output: only the final name does.
  const temp = join(dir, `.${basename(file)}.${tempTag()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    // Small pieces are gathered into writes of about a megabyte.
    let buffer = '';
    for (const piece of pieces) {
      if (typeof piece !== 'string') {
        if (buffer) await handle.writeFile(buffer);
        buffer = '';
        await handle.writeFile(piece);
        continue;
      }
      buffer += piece;
      if (buffer.length >= 1 << 20) {
        await handle.writeFile(buffer);
        buffer = '';
      }
    }
    if (buffer) await handle.writeFile(buffer);
    if (opts.durable !== false) await handle.sync();
    await handle.close();
    await rename(temp, file);
    // rename keeps the temporary file's 0600; chmod covers a umask that masked nothing off.
    await chmod(file, 0o600);
  } catch (e) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw e;
  }
}

/** Whether anything (a file, a folder, a link) stands at this path. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
