import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, type InputProblem } from '../core/errors.js';
import type { ParameterDef, ParameterSet } from '../law/parameters.js';
import { ParameterFileSchema } from '../schemas/parameter.js';
import { parseData } from './read-data.js';
import { zodProblems } from './problems.js';

import { packageRoot } from './package-root.js';

/** The parameter data shipped with the tool: parameters/<jurisdiction>/<name>.yaml. */
export const parametersDir = (): string => join(packageRoot(), 'parameters');

/** A validated snapshot the build writes, so a run need not parse every YAML file. */
export const snapshotFile = (): string => join(packageRoot(), 'dist', 'parameters.json');

interface Snapshot {
  files: Record<string, number>;
  parameters: ParameterDef[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((j) => readdirSync(join(dir, j)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(j, f)));
}

/**
 * The shipped parameters: from the build's snapshot when no YAML file changed since (same files,
 * same modification times), otherwise from the YAML files themselves, so a lawyer's correction
 * counts at the next run without a rebuild.
 */
export function loadShippedParameters(): ParameterSet {
  const dir = parametersDir();
  try {
    const snap = JSON.parse(readFileSync(snapshotFile(), 'utf8')) as Snapshot;
    const files = yamlFiles(dir);
    const fresh = files.length === Object.keys(snap.files).length && files.every((f) => snap.files[f] === statSync(join(dir, f)).mtimeMs);
    if (fresh) return new Map(snap.parameters.map((p) => [p.id, p]));
  } catch {
    // No snapshot (not built, or removed): read the YAML files.
  }
  return loadParameters(dir);
}

/** What the build writes to dist/parameters.json. */
export function makeSnapshot(dir: string = parametersDir()): string {
  const set = loadParameters(dir);
  const files = Object.fromEntries(yamlFiles(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
  return JSON.stringify({ files, parameters: [...set.values()] } satisfies Snapshot);
}

/**
 * Loads and validates every parameter file; a bad one is reported by file and field, like a bad
 * case file. Synchronous: it runs once, before any assessment.
 */
export function loadParameters(dir: string = parametersDir()): ParameterSet {
  const set = new Map<string, ParameterDef>();
  const problems: InputProblem[] = [];
  for (const rel of yamlFiles(dir)) {
    const [jurisdiction, name] = rel.split(/[\\/]/) as [string, string];
    const file = join(dir, rel);
    const { data, doc, lines } = parseData(readFileSync(file, 'utf8'), file);
    const parsed = ParameterFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error.issues, data, file, doc, lines));
      continue;
    }
    const expected = `${jurisdiction}.${name.replace(/\.yaml$/, '')}`;
    if (parsed.data.id !== expected) problems.push({ file, path: 'id', message: `expected ${expected}, to match the file's name` });
    set.set(parsed.data.id, parsed.data as ParameterDef);
  }
  if (problems.length) throw new DataError(problems);
  return set;
}
