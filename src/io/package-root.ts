import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder holding the tool's package.json, wherever this module was built to (dist/ or the
 * bundle): the shipped parameters and the demo case are found from there.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'parameters'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the migrant-claims package folder');
    dir = up;
  }
  root = dir;
  return dir;
}
