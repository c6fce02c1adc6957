import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/exercises/counterfactual.js';
import { checkStory } from '../../src/exercises/check.js';
import { StorySchema } from '../../src/exercises/story.js';
import { PARAMETERS } from '../helpers/cases.js';
import { bankKey } from './helpers.js';

async function checkWith(change: (story: Record<string, unknown>) => void) {
  const { loaded } = await bankKey('moral-not-exemplary');
  const story = structuredClone(loaded.story) as unknown as Record<string, unknown>;
  change(story);
  const parsed = StorySchema.parse(story);
  return checkStory(parsed, loaded.raw, loaded.outcome.assessment, PARAMETERS, 'story.yaml').map((p) => `${p.path}: ${p.message}`);
}

type Fact = { id: string; supports: string[]; from: unknown[] };

describe('exercise check: the story agrees with the engine', () => {
  it('refuses a fact tagged with a claim the engine does not support (exemplary damages here)', async () => {
    const problems = await checkWith((s) => ((s.facts as Fact[])[2]!.supports = ['moral_damages', 'exemplary_damages']));
    expect(problems).toEqual([expect.stringMatching(/^facts\[2\]\.supports\[1\]: fact called-useless is tagged as supporting exemplary_damages, but the engine finds it not supported/)]);
  });

  it('refuses a tag the fact does not bear on: taking it away changes nothing for that claim', async () => {
    const problems = await checkWith((s) => ((s.facts as Fact[])[1]!.supports = ['moral_damages', 'contractual_violation']));
    expect(problems.join('\n')).toMatch(/fact shouted-daily is tagged as supporting contractual_violation, but taking it away \(without harm\.abuse\[0\]\) changes nothing/);
  });

  it('asks for a tag the engine needs: without the fact the claim falls', async () => {
    const problems = await checkWith((s) => ((s.facts as Fact[])[0]!.supports = []));
    expect(problems.join('\n')).toMatch(/without fact told-not-to-return the engine no longer supports illegal_termination: tag the fact with it/);
    expect(problems.join('\n')).toMatch(/no fact is tagged as supporting illegal_termination/);
  });

  it('refuses an amount the engine does not compute, and a supporting fact with no place in the case file', async () => {
    const problems = await checkWith((s) => {
      s.amounts = ['legal_interest'];
      (s.facts as Fact[])[3]!.from = [];
    });
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^amounts\[0\]: the engine computes no line legal_interest/),
      expect.stringMatching(/^facts\[3\]\.from: fact september-unpaid supports a claim: say where the case file records it/),
    ]));
  });

  it('applyEdits removes array items and fields, sets values, and names a path that is not there', () => {
    const raw = { a: [1, 2, 3], b: { c: 1, d: 2 } };
    expect(applyEdits(raw, ['a[0]', 'a[2]', 'b.c', { path: 'b.e', set: 5 }])).toEqual({ a: [2], b: { d: 2, e: 5 } });
    expect(raw.a).toEqual([1, 2, 3]);
    expect(() => applyEdits(raw, ['b.zz'])).toThrow(/nothing at b\.zz/);
  });
});
