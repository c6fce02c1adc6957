import type { Choice } from '../prompt/prompter.js';
import type { Parse } from './fields.js';

/**
 * The interview as data. A question is a name (its key in the answers and in --answers files;
 * where one case-file field holds the answer, the name is that field's path), the words asked, when
 * it applies, how a typed answer is checked, a default, and help.
 */
export type Answer = string | boolean | string[];
export type Answers = Readonly<Record<string, Answer>>;

interface Base {
  name: string;
  message: string;
  /** Plain words about this one question, shown with its topic's "why". */
  help?: string;
  /** Asked only when this is true; absent means always. */
  when?: (a: Answers) => boolean;
}

export interface TextQ extends Base {
  kind: 'text';
  parse: Parse;
  default?: (a: Answers) => string | undefined;
}
export interface ConfirmQ extends Base {
  kind: 'confirm';
  default?: boolean;
}
export interface SelectQ extends Base {
  kind: 'select';
  choices: readonly Choice[];
  default?: string;
}
export interface CheckboxQ extends Base {
  kind: 'checkbox';
  choices: readonly Choice[];
}
export type Q = TextQ | ConfirmQ | SelectQ | CheckboxQ;

export interface Topic {
  id: string;
  title: string;
  /** Why the topic is asked and what legal question it answers, in words a worker understands. */
  why: string;
  /** Every question of the topic, in order; `when` decides which are asked. Repeats depend on answers. */
  questions: (a: Answers) => Q[];
}

export const applies = (q: Q, a: Answers): boolean => q.when === undefined || q.when(a);

/** A text answer, or undefined when unanswered or skipped. */
export function str(a: Answers, name: string): string | undefined {
  const v = a[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const yes = (a: Answers, name: string): boolean => a[name] === true;

/** A count answer as a number (0 when unanswered). */
export const count = (a: Answers, name: string): number => Number(str(a, name) ?? '0');

/** `n` copies of a group of questions, indexed 0..n-1 the way the case file's lists are. */
export const repeat = (n: number, group: (i: number) => Q[]): Q[] => Array.from({ length: n }, (_, i) => group(i)).flat();
