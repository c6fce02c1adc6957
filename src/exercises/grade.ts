import { daysBetween } from '../core/dates.js';
import { compare, parseDecimal, sub } from '../core/ratio.js';
import type { Answer, Answers } from './answers.js';
import { type AmountQuestion, type ChoicesQuestion, type DateQuestion, type Key, type KeyQuestion, SKILLS, type Skill } from './key.js';

/**
 * Grading is a pure function: the key and one trainee's answers in, a score per question with the
 * correct answer and what went wrong out. The terminal session and the class grader both call it.
 */

export type Verdict = 'right' | 'partly' | 'wrong' | 'unanswered';

/** Credit for an amount worked by the right method from a slipped date. */
export const NEAR_MISS_CREDIT = 0.5;

export interface QuestionResult {
  name: string;
  skill: Skill;
  /** 0..1 */
  score: number;
  verdict: Verdict;
  /** What went wrong, in a sentence (missed or extra choices, the date that was off). */
  note?: string;
}

export interface Score {
  score: number;
  of: number;
}

export interface TraineeResult {
  trainee: string;
  questions: QuestionResult[];
  bySkill: Partial<Record<Skill, Score>>;
  total: Score;
}

const verdictOf = (score: number): Verdict => (score >= 1 ? 'right' : score > 0 ? 'partly' : 'wrong');

export function gradeQuestion(q: KeyQuestion, answer: Answer | undefined): QuestionResult {
  const base = { name: q.name, skill: q.skill };
  if (answer === undefined) return { ...base, score: 0, verdict: 'unanswered', note: 'not answered' };
  switch (q.kind) {
    case 'choices':
      return { ...base, ...gradeChoices(q, Array.isArray(answer) ? answer : [answer]) };
    case 'amount':
      return { ...base, ...gradeAmount(q, String(answer)) };
    case 'date':
      return { ...base, ...gradeDate(q, String(answer)) };
  }
}

/** Right picks over everything picked or due (the Jaccard index): guessing every box scores low. */
function gradeChoices(q: ChoicesQuestion, given: readonly string[]): Omit<QuestionResult, 'name' | 'skill'> {
  const due = new Set(q.correct);
  const hits = given.filter((v) => due.has(v));
  const extra = given.filter((v) => !due.has(v));
  const missed = q.correct.filter((v) => !given.includes(v));
  const union = hits.length + extra.length + missed.length;
  const score = union === 0 ? 1 : hits.length / union;
  const parts = [missed.length ? `missed: ${missed.join(', ')}` : '', extra.length ? `not correct: ${extra.join(', ')}` : ''].filter(Boolean);
  return { score, verdict: verdictOf(score), ...(parts.length ? { note: parts.join('; ') } : {}) };
}

const within = (a: string, b: string, tolerance: string): boolean => {
  const d = sub(parseDecimal(a), parseDecimal(b));
  const abs = d.n < 0n ? { n: -d.n, d: d.d } : d;
  return compare(abs, parseDecimal(tolerance)) <= 0;
};

export const DATE_NAMES: Record<string, string> = {
  asOf: 'the date interest runs to',
  'separation.date': 'the date of the dismissal or of leaving',
  'separation.lastDayWorked': 'the last day worked',
  'separation.repatriation.date': 'the date of the journey home',
  'employment.departureDate': 'the departure date',
  'employment.arrivalDate': 'the arrival date',
  'contract.signedDate': 'the date the contract was signed',
  'contract.start.date': 'the date the contract term began',
  'dates.filing': 'the filing date',
  'dates.demand': 'the date of the written demand',
  'dates.legalInterestFrom': 'the date legal interest runs from',
};

export function dateName(path: string): string {
  if (DATE_NAMES[path]) return DATE_NAMES[path];
  if (/^fees\[\d+\]\.date$/.test(path)) return 'the date a fee was paid';
  return path;
}

function gradeAmount(q: AmountQuestion, given: string): Omit<QuestionResult, 'name' | 'skill'> {
  if (within(given, q.correct, q.tolerance)) return { score: 1, verdict: 'right' };
  const near = q.nearMisses.find((n) => within(given, n.amount, q.tolerance));
  if (near) {
    return {
      score: NEAR_MISS_CREDIT,
      verdict: 'partly',
      note: `the method is right, but ${near.amount} ${q.currency} is what it gives with ${dateName(near.path)} taken as ${near.to} instead of ${near.from}`,
    };
  }
  return { score: 0, verdict: 'wrong' };
}

function gradeDate(q: DateQuestion, given: string): Omit<QuestionResult, 'name' | 'skill'> {
  if (given === q.correct) return { score: 1, verdict: 'right' };
  const off = daysBetween(q.correct, given);
  return { score: 0, verdict: 'wrong', note: `${Math.abs(off)} day(s) ${off > 0 ? 'late: the claim would be lost' : 'early'}` };
}

export function gradeAnswers(key: Key, trainee: string, answers: Answers): TraineeResult {
  const questions = key.questions.map((q) => gradeQuestion(q, answers[q.name]));
  return { trainee, questions, ...tally(questions) };
}

/** Scores per skill and overall, in the order skills are taught. */
export function tally(results: readonly QuestionResult[]): Pick<TraineeResult, 'bySkill' | 'total'> {
  const bySkill: Partial<Record<Skill, Score>> = {};
  for (const skill of SKILLS) {
    const mine = results.filter((r) => r.skill === skill);
    if (mine.length) bySkill[skill] = { score: mine.reduce((s, r) => s + r.score, 0), of: mine.length };
  }
  return { bySkill, total: { score: results.reduce((s, r) => s + r.score, 0), of: results.length } };
}

export const percent = (s: Score): number => (s.of === 0 ? 0 : Math.round((s.score / s.of) * 100));
