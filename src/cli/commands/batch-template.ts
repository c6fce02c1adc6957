import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { columnsGuide } from '../../batch/columns-guide.js';
import { packageRoot } from '../../io/package-root.js';
import { writeOutputSet } from '../../io/write-set.js';

export interface BatchTemplateOptions {
  output?: string;
  force?: boolean;
}

/** Rows of the Romania sheet the starter keeps: enough to show inheriting, overriding and clearing. */
const STARTER_ROWS = 3;

/**
 * A starter group: the Romania group file as a worked example, a worker sheet with its first rows,
 * and COLUMNS.md documenting every column. Nothing is replaced without --force.
 */
export async function batchTemplateCommand(opts: BatchTemplateOptions, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const dir = opts.output ?? 'group-template';
  const example = join(packageRoot(), 'fixtures', 'groups', 'romania');
  const group = (await readFile(join(example, 'group.yaml'), 'utf8')).replace(
    /^(#[^\n]*\n)+/,
    `# A starter group file, from the bundled Romania group (47 garment workers, one agency, one
# employer). Replace the facts with your group's: what the workers share goes here; what differs
# goes in workers.csv, one row per worker (COLUMNS.md lists every column). A filled cell overrides
# a value here, a blank cell inherits it, "-" clears it.
# Run: migrant-claims batch ${join(dir, 'group.yaml')}
`,
  );
  const sheet = (await readFile(join(example, 'workers.csv'), 'utf8')).split('\n').slice(0, STARTER_ROWS + 1).join('\n');
  const files = await writeOutputSet(
    [
      { file: join(dir, 'group.yaml'), bytes: new TextEncoder().encode(group) },
      { file: join(dir, 'workers.csv'), bytes: new TextEncoder().encode(`${sheet}\n`) },
      { file: join(dir, 'COLUMNS.md'), bytes: new TextEncoder().encode(columnsGuide()) },
    ],
    { force: opts.force === true, what: 'starter file', why: 'a starter written before, then edited' },
  );
  out.write(`A starter group in ${dir}/ (owner-only):\n`);
  for (const f of files) out.write(`  ${f.status.padEnd(9)} ${relative(dir, f.file)}\n`);
  out.write(`Edit group.yaml and workers.csv (COLUMNS.md explains every column), then run:\n  migrant-claims batch ${join(dir, 'group.yaml')}\n`);
}
