import { csvCell as cell } from '../core/csv.js';
import type { DocumentModel } from '../documents/model.js';
import { type Score, type TraineeResult, percent } from './grade.js';
import { type Key, SKILL_LABELS, SKILLS, type Skill } from './key.js';

/**
 * The class scoreboard: a CSV for a spreadsheet, and a short document for the trainer (per trainee,
 * per question, the questions most got wrong). Both pure: results in, text or a document model out.
 */

export interface RejectedFile {
  file: string;
  problems: string[];
}

const skillsIn = (key: Key): Skill[] => SKILLS.filter((s) => key.questions.some((q) => q.skill === s));


/** A score 0..1 with two decimals ("0.67"): scores are not money, but no float text leaks out either. */
const two = (n: number): string => {
  const hundredths = Math.round(n * 100);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

export function scoreboardCsv(key: Key, results: readonly TraineeResult[]): string {
  const skills = skillsIn(key);
  const header = ['trainee', 'total_percent', ...skills.map((s) => `${s}_percent`), ...key.questions.map((q) => q.name)];
  const rows = results.map((r) => [
    r.trainee,
    String(percent(r.total)),
    ...skills.map((s) => String(percent(r.bySkill[s] ?? { score: 0, of: 0 }))),
    ...key.questions.map((q) => two(r.questions.find((x) => x.name === q.name)?.score ?? 0)),
  ]);
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

export interface QuestionStats {
  name: string;
  skill: Skill;
  right: number;
  partly: number;
  wrong: number;
  average: Score;
}

export function questionStats(key: Key, results: readonly TraineeResult[]): QuestionStats[] {
  return key.questions.map((q) => {
    const rs = results.map((r) => r.questions.find((x) => x.name === q.name)!);
    return {
      name: q.name,
      skill: q.skill,
      right: rs.filter((r) => r.verdict === 'right').length,
      partly: rs.filter((r) => r.verdict === 'partly').length,
      wrong: rs.filter((r) => r.verdict === 'wrong' || r.verdict === 'unanswered').length,
      average: { score: rs.reduce((s, r) => s + r.score, 0), of: rs.length },
    };
  });
}

/** Questions fewer than all got right, worst first (ties in key order); at most `limit`. */
export function mostMissed(key: Key, results: readonly TraineeResult[], limit = 5): QuestionStats[] {
  return questionStats(key, results)
    .filter((s) => s.right < s.average.of)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => percent(a.s.average) - percent(b.s.average) || a.i - b.i)
    .slice(0, limit)
    .map(({ s }) => s);
}

const shortAnswer = (key: Key, name: string): string => {
  const q = key.questions.find((x) => x.name === name)!;
  if (q.kind === 'amount') return `${q.currency} ${q.correct}`;
  if (q.kind === 'date') return q.correct;
  return q.correct.length ? q.correct.join(', ') : '(none)';
};

/** One word a column: the page is narrow and a 12 pt word must not break. The key below the table spells them out. */
const COLUMN_LABELS: Record<Skill, string> = { claims: 'Claims', facts: 'Facts', amounts: 'Sums', evidence: 'Proof', deadlines: 'Dates' };

export function scoreboardDocument(key: Key, results: readonly TraineeResult[], rejected: readonly RejectedFile[] = []): DocumentModel {
  const skills = skillsIn(key);
  const stats = questionStats(key, results);
  const missed = mostMissed(key, results);
  const blocks: DocumentModel['blocks'] = [
    { kind: 'heading', level: 1, text: `Scoreboard: ${key.title}` },
    {
      kind: 'paragraph',
      runs: [`Exercise ${key.id} (${key.level}), reckoned as of ${key.asOf}. ${results.length} trainee(s) graded${rejected.length ? `; ${rejected.length} answer file(s) could not be read (listed at the end)` : ''}. Amounts worked by the right method from a slipped date earn half the mark.`],
    },
    { kind: 'heading', level: 2, text: 'Per trainee' },
    {
      kind: 'table',
      columns: [{ header: 'Trainee', width: 3 }, ...skills.map((s) => ({ header: COLUMN_LABELS[s], width: 2, align: 'right' as const })), { header: 'Total', width: 2, align: 'right' }],
      rows: results.map((r) => [r.trainee, ...skills.map((s) => `${percent(r.bySkill[s]!)}%`), `${percent(r.total)}%`]),
    },
    { kind: 'paragraph', runs: [skills.map((s) => `${COLUMN_LABELS[s]}: ${SKILL_LABELS[s].toLowerCase()}`).join('; ') + '.'] },
    { kind: 'heading', level: 2, text: 'Per question' },
    {
      kind: 'table',
      columns: [
        { header: 'Question', width: 4 },
        { header: 'Right', width: 1, align: 'right' },
        { header: 'Partly', width: 1, align: 'right' },
        { header: 'Wrong', width: 1, align: 'right' },
        { header: 'Average', width: 1.3, align: 'right' },
      ],
      rows: stats.map((s) => [s.name, String(s.right), String(s.partly), String(s.wrong), `${percent(s.average)}%`]),
    },
    { kind: 'heading', level: 2, text: 'The questions most got wrong' },
  ];
  if (!missed.length) blocks.push({ kind: 'paragraph', runs: ['Every trainee answered every question right.'] });
  for (const s of missed) {
    const q = key.questions.find((x) => x.name === s.name)!;
    blocks.push({
      kind: 'numbered',
      runs: [{ text: q.message, bold: true }, ` (${s.name}): ${s.right} of ${s.average.of} right, average ${percent(s.average)}%. Answer: ${shortAnswer(key, s.name)}. ${q.explanation[0] ?? ''}`],
    });
  }
  if (rejected.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Answer files not graded' });
    for (const r of rejected) blocks.push({ kind: 'paragraph', runs: [{ text: r.file, bold: true }, `: ${r.problems.join('; ')}`] });
  }
  return { title: `Scoreboard: ${key.title}`, blocks };
}
