import { minorExponent } from '../core/currency.js';
import { isValidIso } from '../core/dates.js';
import { DataError, type InputProblem } from '../core/errors.js';
import { formatScaled, parseDecimal, roundHalfUp } from '../core/ratio.js';
import type { AmountQuestion, Key, KeyQuestion } from './key.js';

/**
 * Answers as the grader reads them, whether typed at a terminal or written in a class's answer
 * files (YAML keyed by question name). One parser for both, so a trainee meets the same rules.
 */

/** A choices answer is the values picked; an amount is a decimal string in minor-unit precision; a date is ISO. */
export type Answer = string[] | string;
export type Answers = Readonly<Record<string, Answer>>;

export type Parsed = { ok: true; value: Answer } | { ok: false; message: string };

const AMOUNT = /^(?:([A-Za-z]{3})\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*([A-Za-z]{3}))?$/;

/** "7,560.00", "USD 7560", 7560 → "7560.00"; rounded half-up to the currency's minor unit. */
export function parseAmount(q: Pick<AmountQuestion, 'currency'>, raw: unknown): Parsed {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  const m = text === undefined ? null : AMOUNT.exec(text);
  if (!m) return { ok: false, message: `expected an amount in ${q.currency} like 1234.50, got ${JSON.stringify(raw)}` };
  const code = (m[1] ?? m[4])?.toUpperCase();
  if (code && code !== q.currency) return { ok: false, message: `this amount is in ${q.currency}, not ${code}` };
  const exp = minorExponent(q.currency);
  const minor = roundHalfUp(parseDecimal(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`), exp);
  return { ok: true, value: formatScaled(minor, exp) };
}

export function parseAnswer(q: KeyQuestion, raw: unknown): Parsed {
  switch (q.kind) {
    case 'amount':
      return parseAmount(q, raw);
    case 'date': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      return isValidIso(text) && /^\d{4}-\d{2}-\d{2}$/.test(text) ? { ok: true, value: text } : { ok: false, message: `expected a date like 2028-03-31, got ${JSON.stringify(raw)}` };
    }
    case 'choices': {
      const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const values: string[] = [];
      for (const item of list) {
        const hit = typeof item === 'string' ? q.choices.find((c) => c.value.toLowerCase() === item.trim().toLowerCase()) : undefined;
        if (!hit) return { ok: false, message: `expected a list of: ${q.choices.map((c) => c.value).join(', ')}; got ${JSON.stringify(item)}` };
        if (!values.includes(hit.value)) values.push(hit.value);
      }
      return { ok: true, value: values };
    }
  }
}

export interface AnswerFile {
  trainee: string;
  answers: Answers;
}

/**
 * One trainee's answer file, already read as data: `trainee:` (optional; the file name otherwise)
 * and one key per question. Every problem is reported at once, each with the file and question.
 */
export function readAnswers(key: Key, data: unknown, file: string, fallbackName: string): AnswerFile {
  const problems: InputProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DataError([{ file, path: '', message: 'expected answers keyed by question, like claims: [...] and amount.wage_differential: 780.00' }]);
  }
  const byName = new Map(key.questions.map((q) => [q.name, q]));
  const answers: Record<string, Answer> = {};
  let trainee = fallbackName;
  for (const [name, raw] of Object.entries(data)) {
    if (name === 'trainee') {
      if (typeof raw === 'string' && raw.trim()) trainee = raw.trim();
      else problems.push({ file, path: name, message: "expected the trainee's name" });
      continue;
    }
    const q = byName.get(name);
    if (!q) {
      problems.push({ file, path: name, message: `not a question of exercise ${key.id}; its questions are: ${[...byName.keys()].join(', ')}` });
      continue;
    }
    const parsed = parseAnswer(q, raw);
    if (parsed.ok) answers[name] = parsed.value;
    else problems.push({ file, path: name, message: parsed.message });
  }
  if (problems.length) throw new DataError(problems);
  return { trainee, answers };
}
