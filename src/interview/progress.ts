import type { InputProblem } from '../core/errors.js';
import { type Answer, type Answers, type Q, type Topic, applies } from './question.js';
import { TOPICS } from './topics.js';

/** Where the interview stands: which questions apply now, which is next, which answers count. */

export function applicable(topic: Topic, a: Answers): Q[] {
  return topic.questions(a).filter((q) => applies(q, a));
}

export interface Next {
  topic: Topic;
  question: Q;
}

/** The first question that applies and has no answer yet; undefined when the interview is complete. */
export function firstUnanswered(a: Answers, topics: readonly Topic[] = TOPICS): Next | undefined {
  for (const topic of topics) {
    const question = applicable(topic, a).find((q) => a[q.name] === undefined);
    if (question) return { topic, question };
  }
  return undefined;
}

/** The answers to questions that apply now: what the case file is built from. */
export function liveAnswers(a: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const topic of TOPICS) for (const q of applicable(topic, a)) if (a[q.name] !== undefined) out[q.name] = a[q.name]!;
  return out;
}

/** Every question any answer could be for, whether it applies now or not (first one of each name). */
export function knownQuestions(a: Answers): Map<string, { topic: Topic; question: Q }> {
  const out = new Map<string, { topic: Topic; question: Q }>();
  for (const topic of TOPICS) {
    for (const q of topic.questions(a)) {
      const seen = out.get(q.name);
      // Two questions may share a name (one required, one optional, by branch): prefer the one that applies.
      if (!seen || (!applies(seen.question, a) && applies(q, a))) out.set(q.name, { topic, question: q });
    }
  }
  return out;
}

/** Answers in interview order, those that no longer apply after them: the same answers always give the same file. */
export function orderAnswers(a: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const name of knownQuestions(a).keys()) if (a[name] !== undefined) out[name] = a[name]!;
  for (const [name, v] of Object.entries(a)) if (out[name] === undefined) out[name] = v;
  return out;
}

/** Checks one stored or scripted answer as the prompt would; returns the canonical value or a message. */
export function checkAnswer(q: Q, value: unknown): { ok: true; value: Answer } | { ok: false; message: string } {
  switch (q.kind) {
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, message: 'expected a single value (text, a number or a date)' };
      const r = q.parse(String(value));
      return r.ok ? { ok: true, value: r.value } : r;
    }
    case 'confirm':
      if (typeof value === 'boolean') return { ok: true, value };
      if (typeof value === 'string' && /^(y|yes|true)$/i.test(value.trim())) return { ok: true, value: true };
      if (typeof value === 'string' && /^(n|no|false)$/i.test(value.trim())) return { ok: true, value: false };
      return { ok: false, message: 'expected yes or no' };
    case 'select': {
      const hit = choiceOf(q, value);
      return hit !== undefined ? { ok: true, value: hit } : { ok: false, message: `expected one of: ${q.choices.map((c) => c.value || '""').join(', ')}` };
    }
    case 'checkbox': {
      const list = value === null ? [] : Array.isArray(value) ? value : [value];
      const values = list.map((v) => choiceOf(q, v));
      if (values.some((v) => v === undefined)) return { ok: false, message: `expected a list of: ${q.choices.map((c) => c.value).join(', ')}` };
      return { ok: true, value: values as string[] };
    }
  }
}

/** A choice by its value or its label, in any case, as a person might write it in an answers file. */
function choiceOf(q: { choices: readonly { value: string; label: string }[] }, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const given = raw.trim().toLowerCase();
  return q.choices.find((c) => c.value.toLowerCase() === given || c.label.toLowerCase() === given)?.value;
}

/**
 * Re-validates saved answers (a hand edit between sessions): every problem at once, each named by
 * question. Answers to questions that do not apply now are checked too, and kept.
 */
export function validateAnswers(raw: Readonly<Record<string, unknown>>): { answers: Record<string, Answer>; problems: InputProblem[] } {
  const answers: Record<string, Answer> = {};
  const problems: InputProblem[] = [];
  // Counts and choices decide which questions exist, so settle them a round at a time.
  let pending = Object.entries(raw);
  for (let settled = -1; pending.length && settled !== 0; ) {
    settled = 0;
    const known = knownQuestions(answers);
    const next: [string, unknown][] = [];
    for (const [name, value] of pending) {
      const q = known.get(name)?.question;
      if (!q) {
        next.push([name, value]);
        continue;
      }
      settled++;
      const r = checkAnswer(q, value);
      if (r.ok) answers[name] = r.value;
      else problems.push({ path: name, message: r.message });
    }
    pending = next;
  }
  for (const [name] of pending) problems.push({ path: name, message: 'no such question in the interview (check the spelling; the README lists the question names)' });
  return { answers, problems };
}
