import { loadExercise } from '../../src/io/read-exercise.js';
import { type Key, makeKey } from '../../src/exercises/key.js';
import { PARAMETERS } from '../helpers/cases.js';

export const BANK = [
  'romania-garment', 'household-fee', 'seafarer-demoted', 'taiwan-airfare',
  'absent-no-notice', 'underpaid-throughout', 'near-prescription', 'moral-not-exemplary',
] as const;

export async function bankKey(id: string) {
  const loaded = await loadExercise(id, PARAMETERS);
  return { loaded, key: makeKey(loaded.story, loaded.raw, loaded.outcome.assessment, PARAMETERS) };
}

/** The key's own answers, as a trainee who got everything right would write them. */
export function perfectAnswers(key: Key): Record<string, unknown> {
  return Object.fromEntries(key.questions.map((q) => [q.name, q.correct]));
}
