import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/exercises/answers.js';
import { gradeAnswers } from '../../src/exercises/grade.js';
import { mostMissed, scoreboardCsv, scoreboardDocument } from '../../src/exercises/scoreboard.js';
import { bankKey, perfectAnswers } from './helpers.js';

describe('the class scoreboard', async () => {
  const { key } = await bankKey('underpaid-throughout');
  const grade = (name: string, raw: Record<string, unknown>) => {
    const a = readAnswers(key, raw, `${name}.yaml`, name);
    return gradeAnswers(key, a.trainee, a.answers);
  };
  const perfect = perfectAnswers(key);
  const results = [
    grade('ana', perfect),
    grade('ben', { ...perfect, 'amount.unpaid_overtime': '300.00', 'deadline.money_claims': '2028-02-02' }),
    grade('=cruz', { ...perfect, 'deadline.money_claims': '2028-01-31' }),
  ];

  it('CSV: one row per trainee, percentages by skill and each question’s score; names never run as formulas', () => {
    const lines = scoreboardCsv(key, results).trimEnd().split('\n');
    expect(lines[0]).toBe(`trainee,total_percent,claims_percent,facts_percent,amounts_percent,evidence_percent,deadlines_percent,${key.questions.map((q) => q.name).join(',')}`);
    expect(lines[1]).toMatch(/^ana,100,100,100,100,100,100,1\.00,/);
    expect(lines[2]).toMatch(/^ben,71,100,100,67,100,0,/);
    expect(lines[3]).toMatch(/^'=cruz,86,/);
  });

  it('the trainer’s document: per trainee, per question, and the questions most got wrong, worst first', () => {
    expect(mostMissed(key, results).map((s) => s.name)).toEqual(['deadline.money_claims', 'amount.unpaid_overtime']);
    const doc = scoreboardDocument(key, results, [{ file: 'dan.yaml', problems: ['claims: expected a list'] }]);
    expect(doc.title).toBe('Scoreboard: A mason who finished his contract, underpaid every month');
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables[0]!.kind === 'table' && tables[0]!.rows).toEqual([
      ['ana', '100%', '100%', '100%', '100%', '100%', '100%'],
      ['ben', '100%', '100%', '67%', '100%', '0%', '71%'],
      ['=cruz', '100%', '100%', '100%', '100%', '0%', '86%'],
    ]);
    expect(tables[1]!.kind === 'table' && tables[1]!.rows.find((r) => r[0] === 'deadline.money_claims')).toEqual(['deadline.money_claims', '1', '0', '2', '33%']);
    const numbered = doc.blocks.filter((b) => b.kind === 'numbered');
    expect(JSON.stringify(numbered[0])).toContain('Answer: 2026-02-28');
    expect(JSON.stringify(doc.blocks.at(-1))).toContain('dan.yaml');
  });
});
