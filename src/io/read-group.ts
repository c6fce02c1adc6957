import { dirname, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { DataError, type InputProblem } from '../core/errors.js';
import { CaseFileSchema } from '../schemas/case.js';
import { text } from '../schemas/primitives.js';
import { lineOf, zodProblems, formatPath } from './problems.js';
import { parseData, readUserFile } from './read-data.js';

/**
 * A group file: the facts a group of workers share (the respondents, the approved contract, the
 * substituted contract, the timeline, computation options), written as a case file without the
 * worker, plus a `group:` block naming the group and its worker sheet.
 */
const GroupBlock = z.strictObject({
  name: text,
  workers: text.optional().describe('the worker sheet (CSV), relative to this file'),
  note: text.optional().describe('shown on the group summary, e.g. which rules were applied'),
});

export interface GroupFile {
  file: string;
  name: string;
  note: string | null;
  /** The sheet the group file names, resolved against the group file's folder. */
  sheet: string | null;
  /** The shared facts: a case file's fields, every one optional here (rows complete them). */
  facts: Record<string, unknown>;
  /** The line in the group file of a field path, for problems the rows cannot fix. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export function parseGroup(source: string, file: string): GroupFile {
  const { data, doc, lines } = parseData(source, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DataError([{ file, path: '', message: 'expected a group file: a group: block (name, workers) and the shared facts (respondents, contract, …)' }]);
  }
  const { group, ...facts } = data as Record<string, unknown>;
  const problems: InputProblem[] = [];
  const parsed = GroupBlock.safeParse(group);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error.issues, group, file, doc, lines).map((p) => ({ ...p, path: p.path ? `group.${p.path}` : 'group' })));
  }
  if (facts.jurisdiction !== undefined && facts.jurisdiction !== 'PH') {
    problems.push(
      at(doc, lines, file, ['jurisdiction'], `${String(facts.jurisdiction)}: only PH (Philippine rules) can be assessed yet. For workers from elsewhere, PH rules can stand in for practice (say so in group.note, as fixtures/groups/sweden-berries does); not for filing`),
    );
  }
  const known = Object.keys((CaseFileSchema as unknown as { shape: Record<string, unknown> }).shape);
  for (const key of Object.keys(facts)) {
    if (!known.includes(key)) problems.push(at(doc, lines, file, [key], 'unknown field (check the spelling; `migrant-claims schema` lists the fields)'));
  }
  if (problems.length) throw new DataError(problems);
  const g = parsed.data!;
  return {
    file,
    name: g.name,
    note: g.note ?? null,
    sheet: g.workers ? resolve(dirname(file), g.workers) : null,
    facts,
    lineOf: (path) => lineOf(doc, lines, path),
  };
}

function at(doc: Document, lines: LineCounter, file: string, path: string[], message: string): InputProblem {
  const line = lineOf(doc, lines, path);
  return { file, path: formatPath(path), message, ...(line === undefined ? {} : { line }) };
}

export async function readGroup(file: string): Promise<GroupFile> {
  return parseGroup(await readUserFile(file), file);
}
