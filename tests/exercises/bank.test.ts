import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkStory } from '../../src/exercises/check.js';
import { PARAMETERS, fixture } from '../helpers/cases.js';
import { BANK, bankKey } from './helpers.js';

interface IndexEntry {
  case: string;
  asOf: string;
  expect: { statuses: Record<string, string>; lines: Record<string, string> };
}
const INDEX = parse(readFileSync(fixture('index.yaml'), 'utf8')) as IndexEntry[];

describe('the shipped exercise bank', () => {
  it('holds every exercise, and only those', () => {
    expect(readdirSync('exercises').sort()).toEqual([...BANK].sort());
  });

  it('runs from easy to hard', async () => {
    const levels = new Set(await Promise.all(BANK.map(async (id) => (await bankKey(id)).key.level)));
    expect([...levels].sort()).toEqual(['easy', 'hard', 'medium']);
  });

  it.each(BANK)('%s passes check, and its key agrees with the hand-checked figures of its case', async (id) => {
    const { loaded, key } = await bankKey(id);
    expect(checkStory(loaded.story, loaded.raw, loaded.outcome.assessment, PARAMETERS, loaded.storyFile)).toEqual([]);

    const hand = INDEX.find((e) => e.case === basename(loaded.caseFile))!;
    expect(hand, `index.yaml has ${basename(loaded.caseFile)}`).toBeDefined();
    const claims = key.questions.find((q) => q.name === 'claims')!;
    expect(claims.kind === 'choices' && [...claims.correct].sort()).toEqual(
      Object.entries(hand.expect.statuses).filter(([, s]) => s === 'supported').map(([g]) => g).sort(),
    );
    for (const q of key.questions) {
      if (q.kind !== 'amount') continue;
      const figure = hand.expect.lines[q.lineId];
      // Lines that depend on the as-of date are compared only when the exercise uses the index's date.
      if (figure === undefined || (hand.asOf !== key.asOf && /interest/.test(q.lineId))) continue;
      expect(`${q.correct} ${q.currency}`, `${id} ${q.name}`).toBe(figure);
    }
  });

  it('every key asks claims, facts, amounts, evidence and a deadline; each amount has near-miss alternatives made by the engine', async () => {
    for (const id of BANK) {
      const { key } = await bankKey(id);
      expect(new Set(key.questions.map((q) => q.skill)), id).toEqual(new Set(['claims', 'facts', 'amounts', 'evidence', 'deadlines']));
      expect(key.questions.some((q) => q.kind === 'amount' && q.nearMisses.length > 0), id).toBe(true);
    }
  });

  it('the near-prescription exercise asks for the money-claims deadline from the first month paid short', async () => {
    const { key, loaded } = await bankKey('near-prescription');
    const q = key.questions.find((x) => x.name === 'deadline.money_claims')!;
    expect(q.kind === 'date' && q.correct).toBe('2026-02-28');
    expect(loaded.outcome.assessment.deadlines[0]!.status).toBe('warning');
    expect(key.questions.find((x) => x.name === 'deadline.illegal_dismissal')).toBeUndefined();
  });
});
