import { DataError } from '../core/errors.js';
import { type CaseFile, CaseFileSchema } from '../schemas/case.js';
import { checkCase } from '../schemas/case-checks.js';
import { parseData, readUserFile } from './read-data.js';
import { lineOf, zodProblems } from './problems.js';

/** Validates a case file's text: every problem at once, each with its field path and line. */
export function parseCase(text: string, file: string): CaseFile {
  const { data, doc, lines } = parseData(text, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DataError([{ file, path: '', message: 'expected a case file: fields like jurisdiction, worker, contract, separation' }]);
  }
  const parsed = CaseFileSchema.safeParse(data);
  if (!parsed.success) throw new DataError(zodProblems(parsed.error.issues, data, file, doc, lines));
  const problems = checkCase(parsed.data).map((p) => {
    const path = p.path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const line = lineOf(doc, lines, path);
    return { ...p, file, ...(line === undefined ? {} : { line }) };
  });
  if (problems.length) throw new DataError(problems);
  return parsed.data;
}

export async function readCase(file: string): Promise<CaseFile> {
  return parseCase(await readUserFile(file), file);
}
