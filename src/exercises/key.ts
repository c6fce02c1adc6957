import type { ParameterSet } from '../law/parameters.js';
import type { Assessment, Claim, GroundId, LegalBasis, Line } from '../law/types.js';
import { EVIDENCE_LABELS } from '../law/ph/context.js';
import { EVIDENCE_CODES } from '../schemas/case.js';
import { type NearMiss, nearMisses } from './near-misses.js';
import type { Level, Story, StoryFact } from './story.js';

/**
 * The answer key: a function of the case file and the engine's assessment of it, never typed by
 * hand. Each question carries its correct answer, the explanation a trainee reads after answering,
 * and its legal basis.
 */

export const SKILLS = ['claims', 'facts', 'amounts', 'evidence', 'deadlines'] as const;
export type Skill = (typeof SKILLS)[number];
export const SKILL_LABELS: Record<Skill, string> = {
  claims: 'Spotting the claims',
  facts: 'Facts that support them',
  amounts: 'Computing the amounts',
  evidence: 'Evidence to gather',
  deadlines: 'Filing deadlines',
};

export interface KeyChoice {
  value: string;
  label: string;
}

interface QuestionBase {
  /** The answer file's key. */
  name: string;
  skill: Skill;
  message: string;
  help?: string;
  /** What the trainee reads after answering: the engine's reasons, formula, figures. */
  explanation: string[];
  basis: LegalBasis[];
}

export interface ChoicesQuestion extends QuestionBase {
  kind: 'choices';
  choices: KeyChoice[];
  correct: string[];
  /** Why a wrong choice is wrong, by value: shown to a trainee who picked it. */
  wrongBecause?: Record<string, string>;
}

export interface AmountQuestion extends QuestionBase {
  kind: 'amount';
  lineId: string;
  currency: string;
  correct: string;
  /** Largest difference still right, in major units, after the answer is rounded to the minor unit. */
  tolerance: string;
  /** Engine amounts for the same line with one date slipped (partial credit), nearest slip first. */
  nearMisses: { amount: string; path: string; from: string; to: string }[];
}

export interface DateQuestion extends QuestionBase {
  kind: 'date';
  correct: string;
}

export type KeyQuestion = ChoicesQuestion | AmountQuestion | DateQuestion;

export interface Key {
  id: string;
  title: string;
  level: Level;
  practises: string[];
  asOf: string;
  story: string[];
  facts: StoryFact[];
  questions: KeyQuestion[];
}

/** Grounds whose facts the trainee is asked for: attorney's fees follow from any award, not from a fact. */
const FACTLESS: ReadonlySet<GroundId> = new Set(['attorneys_fees']);

export const isSupported = (c: Claim): boolean => c.status === 'supported';

/** The grounds the trainee must say "why" for: supported ones with facts of their own. */
export function groundsAskedWhy(a: Assessment): Claim[] {
  return a.claims.filter((c) => isSupported(c) && !FACTLESS.has(c.ground));
}

/** The lines asked: the story's list, or every line. Unknown ids are left for `check` to report. */
export function linesAsked(story: Story, a: Assessment): Line[] {
  if (!story.amounts) return a.lines;
  return story.amounts.flatMap((id) => a.lines.filter((l) => l.id === id));
}

/** The deadlines that matter: money claims always; the dismissal one only when a dismissal is claimed. */
export function deadlinesAsked(a: Assessment) {
  const dismissal = a.claims.some((c) => isSupported(c) && (c.ground === 'illegal_termination' || c.ground === 'constructive_dismissal'));
  return a.deadlines.filter((d) => d.id === 'money_claims' || dismissal);
}

const uniqueBasis = (bases: LegalBasis[]): LegalBasis[] => {
  const seen = new Set<string>();
  return bases.filter((b) => (seen.has(b.cite) ? false : (seen.add(b.cite), true)));
};

export function makeKey(story: Story, raw: unknown, a: Assessment, parameters: ParameterSet): Key {
  const questions: KeyQuestion[] = [];
  const supported = a.claims.filter(isSupported);

  questions.push({
    kind: 'choices',
    name: 'claims',
    skill: 'claims',
    message: 'Which claims arise from this story? (select all that apply)',
    help: 'A claim arises when the facts support it. Leave out a claim the facts do not reach, even if the worker would like it.',
    choices: a.claims.map((c) => ({ value: c.ground, label: c.label })),
    correct: supported.map((c) => c.ground),
    explanation: supported.map((c) => `${c.label}: ${c.reasons.join(' ')}`),
    wrongBecause: Object.fromEntries(a.claims.filter((c) => !isSupported(c)).map((c) => [c.ground, `${c.label}: ${c.reasons.join(' ')}`])),
    basis: uniqueBasis(supported.flatMap((c) => c.basis)),
  });

  for (const c of groundsAskedWhy(a)) {
    const facts = story.facts.filter((f) => f.supports.includes(c.ground));
    questions.push({
      kind: 'choices',
      name: `why.${c.ground}`,
      skill: 'facts',
      message: `${c.label}: which facts support it? (select all that apply)`,
      choices: story.facts.map((f) => ({ value: f.id, label: f.text })),
      correct: facts.map((f) => f.id),
      explanation: c.reasons,
      basis: c.basis,
    });
  }

  const slips = nearMisses(raw, story.asOf, parameters);
  for (const line of linesAsked(story, a)) questions.push(amountQuestion(line, story, slips));

  const evidence = new Map<string, { label: string; held: boolean }>();
  for (const c of supported) for (const e of c.evidence) evidence.set(e.code, { label: e.item, held: e.held });
  questions.push({
    kind: 'choices',
    name: 'evidence',
    skill: 'evidence',
    message: 'Which documents and statements would prove these claims? (select all that apply)',
    help: 'Think of each claim in turn: what would show the tribunal that it happened?',
    choices: EVIDENCE_CODES.map((code) => ({ value: code, label: EVIDENCE_LABELS[code] ?? code })),
    correct: EVIDENCE_CODES.filter((code) => evidence.has(code)),
    explanation: [
      ...supported.filter((c) => c.evidence.length).map((c) => `${c.label}: ${c.evidence.map((e) => `${e.held ? '✓' : '✗'} ${e.item}`).join('; ')}`),
      '✓ the worker already holds it; ✗ still to gather.',
    ],
    basis: [],
  });

  for (const d of deadlinesAsked(a)) {
    questions.push({
      kind: 'date',
      name: `deadline.${d.id}`,
      skill: 'deadlines',
      message: `${d.label[0]!.toUpperCase()}${d.label.slice(1)}: by what date must the complaint be filed? (YYYY-MM-DD)`,
      correct: d.deadline,
      explanation: [`${d.years} years, running ${d.runsFromReason} (${d.runsFrom}).`, d.message],
      basis: d.basis,
    });
  }

  return { id: story.id, title: story.title, level: story.level, practises: story.practises, asOf: story.asOf, story: story.story, facts: story.facts, questions };
}

function amountQuestion(line: Line, story: Story, slips: readonly NearMiss[]): AmountQuestion {
  const seen = new Set([line.amount]);
  const near: AmountQuestion['nearMisses'] = [];
  for (const s of slips) {
    const amount = s.amounts[line.id];
    if (amount === undefined || seen.has(amount)) continue;
    seen.add(amount);
    near.push({ amount, path: s.path, from: s.from, to: s.to });
  }
  return {
    kind: 'amount',
    name: `amount.${line.id}`,
    skill: 'amounts',
    lineId: line.id,
    currency: line.currency,
    message: `${line.label}: how much, in ${line.currency}?`,
    help: 'A tribunal awards each amount on its own line, with its formula. Work it out from the story and the contract, and type figures like 1234.50.',
    correct: line.amount,
    tolerance: story.tolerance ?? '0',
    nearMisses: near,
    explanation: [`= ${line.formula}`, ...line.details],
    basis: line.basis,
  };
}
