import { randomBytes } from 'node:crypto';
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
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, are flushed,
 * then renamed over it, so a crash or Ctrl-C never leaves half a case file. Survivors' data: the
 * file is created owner-only (0600) and its folder, if we make it, 0700.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  if (!opts.overwrite && (await pathExists(file))) {
    throw new UsageError(`${file} already exists; pass --force to replace it`);
  }
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The temporary name is random, but it never reaches the output: only the final name does.
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    if (opts.durable !== false) await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, file);
    // rename keeps the temporary file's 0600; chmod covers a umask that masked nothing off.
    await chmod(file, 0o600);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Writes a file too large to hold as one string (a summary of a hundred thousand workers), piece by
 * piece, with the same guarantees as writeFileAtomic: whole or absent, owner-only.
 */
export async function writeLinesAtomic(file: string, pieces: Iterable<string>, opts: WriteOptions = {}): Promise<void> {
  if (!opts.overwrite && (await pathExists(file))) {
    throw new UsageError(`${file} already exists; pass --force to replace it`);
  }
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
    if (opts.durable !== false) await handle.sync();
    await handle.close();
    await rename(temp, file);
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
