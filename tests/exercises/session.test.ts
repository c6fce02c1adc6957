import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/exercises/session.js';
import { ScriptedPrompter } from '../../src/prompt/scripted-prompter.js';
import { DataError } from '../../src/core/errors.js';
import { bankKey, perfectAnswers } from './helpers.js';

describe('exercise start, run through the Prompter the interview uses', async () => {
  const { key } = await bankKey('absent-no-notice');

  it('tells the story, asks every question in order, explains each answer and scores by skill', async () => {
    const answers = {
      ...perfectAnswers(key),
      claims: ['contractual_violation', 'nominal_damages', 'attorneys_fees', 'repatriation_costs'],
      'amount.wage_differential': '800',
      'amount.nominal_damages': '30000.00',
    };
    const p = new ScriptedPrompter(answers);
    const result = await runSession(key, p, 'Mark');
    expect(p.asked).toEqual(key.questions.map((q) => q.name));
    const said = p.transcript.join('\n');
    expect(said).toContain('A waiter dismissed for cause, but without notice  (easy)');
    expect(said.replace(/\s+/g, ' ')).toContain('On 12 November 2025 the restaurant dismissed him on the spot.');
    expect(said).toMatch(/  Not so:\n    Repatriation costs: The termination is recorded as solely the worker.s fault[^]*~ Partly right \(75% of the mark\)\.\n  Not correct: repatriation_costs\./);
    expect(said).not.toContain('Practises:');
    expect(said).toContain('Agabon');
    expect(said).toMatch(/  Why:\n    = 10% × QAR 800\.00[^]*\n\n✓ Right\./);
    expect(said).toMatch(/Spotting the claims\s+75%/);
    expect(said).toMatch(/Computing the amounts\s+100%/);
    expect(result.bySkill.claims).toEqual({ score: 0.75, of: 1 });
    expect(result.total.of).toBe(key.questions.length);
  });

  it('a typed amount is checked as the answer file is: the prompter refuses what does not parse', async () => {
    const p = new ScriptedPrompter({ ...perfectAnswers(key), 'amount.wage_differential': 'eight hundred' });
    await expect(runSession(key, p)).rejects.toThrow(DataError);
    await expect(runSession(key, new ScriptedPrompter({ ...perfectAnswers(key), 'amount.wage_differential': 'eight hundred' }))).rejects.toThrow(
      /amount\.wage_differential: expected an amount in QAR like 1234\.50, got "eight hundred"/,
    );
  });
});
