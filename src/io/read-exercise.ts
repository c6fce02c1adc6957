import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { DataError, MissingFileError } from '../core/errors.js';
import type { ParameterSet } from '../law/parameters.js';
import { type Outcome, assessRaw } from '../exercises/counterfactual.js';
import { type Story, StorySchema } from '../exercises/story.js';
import { packageRoot } from './package-root.js';
import { parseCase } from './read-case.js';
import { parseData, readUserFile } from './read-data.js';
import { zodProblems } from './problems.js';

/** The exercise bank shipped with the tool: exercises/<id>/story.yaml. */
export const bankDir = (): string => join(packageRoot(), 'exercises');

export interface LoadedExercise {
  storyFile: string;
  caseFile: string;
  story: Story;
  /** The case data as read, before validation: the engine is asked "as if" questions on it. */
  raw: unknown;
  outcome: Extract<Outcome, { ok: true }>;
}

/**
 * An exercise named by its id in the bank, or by the path of a trainer's story file (or of the
 * folder holding story.yaml).
 */
export function resolveStoryFile(ref: string): string {
  const candidates = [join(bankDir(), ref, 'story.yaml'), ref, join(ref, 'story.yaml')];
  const hit = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  if (!hit) throw new MissingFileError(`no exercise ${ref}: not an id in the bank (run \`migrant-claims exercise list\`) nor a story file`);
  return hit;
}

export function bankStoryFiles(): string[] {
  const dir = bankDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((id) => join(dir, id, 'story.yaml'))
    .filter((f) => existsSync(f));
}

export async function readStory(storyFile: string): Promise<Story> {
  const { data, doc, lines } = parseData(await readUserFile(storyFile), storyFile);
  const parsed = StorySchema.safeParse(data);
  if (!parsed.success) throw new DataError(zodProblems(parsed.error.issues, data, storyFile, doc, lines));
  return parsed.data;
}

/** The story, its case file (path relative to the story), validated and assessed as of the story's date. */
export async function loadExercise(ref: string, parameters: ParameterSet): Promise<LoadedExercise> {
  const storyFile = resolveStoryFile(ref);
  const story = await readStory(storyFile);
  const caseFile = resolve(dirname(storyFile), story.case);
  if (!existsSync(caseFile)) throw new MissingFileError(`${storyFile}: case: ${story.case} names no file (looked for ${caseFile})`);
  const text = await readUserFile(caseFile);
  parseCase(text, caseFile); // every problem, with line numbers, before anything else
  const { data: raw } = parseData(text, caseFile);
  const outcome = assessRaw(raw, story.asOf, parameters);
  if (!outcome.ok) throw new DataError(outcome.problems.map((p) => ({ ...p, file: caseFile })));
  return { storyFile, caseFile, story, raw, outcome };
}

/** One trainee's answer file as data, or a DataError naming it. */
export async function readAnswerData(file: string): Promise<{ data: unknown; name: string }> {
  const { data } = parseData(await readUserFile(file), file);
  return { data, name: basename(file, extname(file)) };
}
