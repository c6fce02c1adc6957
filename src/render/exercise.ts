import { formatGrouped, parseMoney } from '../core/money.js';
import type { Answer } from '../exercises/answers.js';
import type { QuestionResult, TraineeResult } from '../exercises/grade.js';
import { percent } from '../exercises/grade.js';
import { type Key, type KeyQuestion, SKILL_LABELS, SKILLS } from '../exercises/key.js';
import type { Story } from '../exercises/story.js';
import { citeText } from './text.js';
import { wrap } from './wrap.js';

/** Exercises as plain text: the bank, the story, the feedback after each answer, the key. */

export function renderBank(stories: readonly { story: Story }[]): string {
  const rows = stories.map(({ story }) => [story.id, story.level, story.title, story.practises.join('; ')]);
  const w0 = Math.max(2, ...rows.map((r) => r[0]!.length));
  const out = [`${'id'.padEnd(w0)}  level   title`];
  for (const [id, level, title, practises] of rows) {
    out.push(`${id!.padEnd(w0)}  ${level!.padEnd(6)}  ${title}`, wrap(`practises: ${practises}`, 96, ' '.repeat(w0 + 10)).replace(/^/, ' '.repeat(w0 + 10)));
  }
  out.push('', 'Start one with: migrant-claims exercise start <id>');
  return `${out.join('\n')}\n`;
}

/** What the trainee sees first. Not what it practises: that would give the answers away. */
export function renderIntro(key: Key): string {
  return [
    `${key.title}  (${key.level})`,
    `Everything is reckoned as of ${key.asOf}: interest runs to that date and deadlines count from it.`,
    '',
    ...key.story.flatMap((p) => [wrap(p), '']),
  ].join('\n');
}

/** The correct answer, as a person reads it. */
export function correctText(q: KeyQuestion): string {
  return answerText(q, q.correct);
}

export function answerText(q: KeyQuestion, answer: Answer | undefined): string {
  if (answer === undefined) return '(no answer)';
  switch (q.kind) {
    case 'amount':
      return `${q.currency} ${formatGrouped(parseMoney(q.currency, String(answer)))}`;
    case 'date':
      return String(answer);
    case 'choices': {
      const picked = Array.isArray(answer) ? answer : [answer];
      if (!picked.length) return '(none)';
      return picked.map((v) => `\n    - ${q.choices.find((c) => c.value === v)?.label ?? v}`).join('');
    }
  }
}

const MARK: Record<QuestionResult['verdict'], string> = { right: '✓ Right.', partly: '~ Partly right', wrong: '✗ Not right.', unanswered: '✗ Not answered.' };

/**
 * After an answer: why (the engine's reasons or formula) and the legal basis first, then the verdict
 * and the correct answer last, so they are on screen when the next question comes.
 */
export function renderFeedback(q: KeyQuestion, r: QuestionResult, answer?: Answer): string {
  const out = explanation(q);
  const picked = q.kind === 'choices' && Array.isArray(answer) ? answer : [];
  const wrongPicks = q.kind === 'choices' ? picked.filter((v) => q.wrongBecause?.[v]).map((v) => q.wrongBecause![v]!) : [];
  if (wrongPicks.length) {
    out.push('  Not so:');
    for (const w of wrongPicks) out.push(wrap(`    ${w}`, 96, '      '));
  }
  out.push('', r.verdict === 'partly' ? `${MARK.partly} (${Math.round(r.score * 100)}% of the mark).` : MARK[r.verdict]);
  if (r.note && r.verdict !== 'unanswered') out.push(wrap(`  ${r.note[0]!.toUpperCase()}${r.note.slice(1)}.`, 96, '  '));
  if (r.verdict !== 'right') out.push(`  The answer: ${correctText(q)}`);
  return `${out.join('\n')}\n`;
}

function explanation(q: KeyQuestion): string[] {
  const out = ['  Why:'];
  for (const e of q.explanation) out.push(wrap(`    ${e}`, 96, '      '));
  if (q.basis.length) {
    out.push('  Legal basis:');
    for (const b of q.basis) out.push(wrap(`    ${citeText(b)}`, 96, '      '));
  }
  return out;
}

export function renderSummary(r: TraineeResult): string {
  const out = ['', 'Your score by skill:'];
  for (const skill of SKILLS) {
    const s = r.bySkill[skill];
    if (s) out.push(`  ${SKILL_LABELS[skill].padEnd(26)} ${String(percent(s)).padStart(3)}%   (${fmt(s.score)} of ${s.of})`);
  }
  out.push(`  ${'Overall'.padEnd(26)} ${String(percent(r.total)).padStart(3)}%   (${fmt(r.total.score)} of ${r.total.of})`);
  return `${out.join('\n')}\n`;
}

/** Scores print with at most two decimals: 3.5, 2.67. */
export const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** The answer key: every question, its answer, why and the legal basis. */
export function renderKey(key: Key): string {
  const out = [`Answer key: ${key.title} (${key.id}, ${key.level}), as of ${key.asOf}`, `Practises: ${key.practises.join('; ')}`, ''];
  out.push('Facts the trainee picks from:');
  for (const f of key.facts) out.push(wrap(`  ${f.id}: ${f.text}  [supports: ${f.supports.length ? f.supports.join(', ') : 'none'}]`, 96, '      '));
  key.questions.forEach((q, i) => {
    out.push('', `${i + 1}. [${q.name}] ${q.message}`, `  Answer: ${correctText(q)}`);
    if (q.kind === 'amount' && q.tolerance !== '0') out.push(`  Accepted within ${q.currency} ${q.tolerance}.`);
    if (q.kind === 'amount' && q.nearMisses.length) out.push(`  Partial credit for ${q.nearMisses.length} figure(s) from a slipped date, e.g. ${q.nearMisses[0]!.amount} (${q.nearMisses[0]!.path} ${q.nearMisses[0]!.to} for ${q.nearMisses[0]!.from}).`);
    out.push(...explanation(q));
  });
  return `${out.join('\n')}\n`;
}
