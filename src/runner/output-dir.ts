import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { pathExists, writeFileAtomic } from '../io/write-file.js';

/** The file that marks a folder as a batch's own, which later runs may bring up to date. */
export const MARKER = '.migrant-claims-batch';

/**
 * Makes the output folder the batch's own (0700). A new or empty folder is taken; one an earlier
 * batch marked is brought up to date; a folder with someone else's files is refused without
 * --force, so no file of the user's is replaced unasked.
 */
export async function claimOutputDir(dir: string, force: boolean): Promise<void> {
  if (await pathExists(dir)) {
    if (!(await stat(dir)).isDirectory()) throw new UsageError(`${dir} is a file, not a folder: choose another output folder with -o`);
    if (await pathExists(join(dir, MARKER))) return;
    const entries = await readdir(dir);
    if (entries.length && !force) {
      throw new UsageError(`${dir} already holds files that migrant-claims batch did not write: choose another folder with -o, or pass --force to write into it`);
    }
  } else {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  await writeFileAtomic(join(dir, MARKER), 'This folder is written by `migrant-claims batch`; a later run brings it up to date.\n', { overwrite: true });
}
