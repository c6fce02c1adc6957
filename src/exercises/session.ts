import type { Prompter } from '../prompt/prompter.js';
import { renderFeedback, renderIntro, renderSummary } from '../render/exercise.js';
import { type Answer, parseAnswer } from './answers.js';
import { type QuestionResult, type TraineeResult, gradeQuestion, tally } from './grade.js';
import type { Key, KeyQuestion } from './key.js';

/** Said once before the first question of each skill, so the trainee knows what comes next. */
const LEAD_IN: Record<KeyQuestion['skill'], string> = {
  claims: 'First: which claims does this worker have?',
  facts: 'Now, for each claim that arises, pick the facts in the story that support it.',
  amounts: 'Now compute the amounts. Type figures like 1234.50.',
  evidence: 'What would prove the claims?',
  deadlines: 'Last: by when must the complaint be filed?',
};

/**
 * `exercise start`: tells the story, then asks each question of the key through the Prompter the
 * interview also uses; after each answer the trainee sees right or wrong, the answer, why, and the
 * legal basis. Returns the scores, by skill.
 */
export async function runSession(key: Key, prompter: Prompter, trainee = 'you'): Promise<TraineeResult> {
  prompter.say(renderIntro(key));
  const results: QuestionResult[] = [];
  let skill: KeyQuestion['skill'] | undefined;
  for (const q of key.questions) {
    if (q.skill !== skill) {
      skill = q.skill;
      prompter.say(`\n${LEAD_IN[skill]}`);
    }
    const answer = await ask(prompter, q);
    const result = gradeQuestion(q, answer);
    results.push(result);
    prompter.say(renderFeedback(q, result, answer));
  }
  const result = { trainee, questions: results, ...tally(results) };
  prompter.say(renderSummary(result));
  return result;
}

async function ask(prompter: Prompter, q: KeyQuestion): Promise<Answer> {
  const help = q.help === undefined ? {} : { help: q.help };
  if (q.kind === 'choices') {
    return prompter.checkbox({ name: q.name, message: q.message, ...help, choices: q.choices.map((c) => ({ value: c.value, label: c.label })) });
  }
  const validate = (raw: string) => {
    const p = parseAnswer(q, raw);
    return p.ok ? true : p.message;
  };
  const raw = await prompter.text({ name: q.name, message: q.message, ...help, validate });
  const parsed = parseAnswer(q, raw);
  // validate has already refused anything that does not parse
  return parsed.ok ? parsed.value : raw;
}
