import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/migrant-claims.js');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-ex-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrant-claims exercise, run as a trainer runs it', () => {
  it('list shows the bank: id, level, title, what it practises', () => {
    const r = run(['exercise', 'list']);
    expect(r.code).toBe(0);
    expect(r.out.match(/^\S+\s+(easy|medium|hard)\s+/gm)).toHaveLength(8);
    expect(r.out).toMatch(/absent-no-notice\s+easy\s+A waiter dismissed for cause, but without notice/);
    expect(r.out).toContain('practises: telling moral from exemplary damages');
  });

  it('key prints the engine-made key and the worksheet', () => {
    const r = run(['exercise', 'key', 'near-prescription']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[deadline.money_claims]');
    expect(r.out).toContain('Answer: 2026-02-28');
    expect(r.out).toContain('2. Computation worksheet');
  });

  it('grades a class: one malformed file is reported with its question, the rest are graded and the scoreboard written', () => {
    const good = file('ana.yaml', [
      'trainee: Ana Reyes',
      'claims: [contractual_violation, attorneys_fees]',
      'why.contractual_violation: [paid-short-from-first-month, overtime-2023]',
      'amount.wage_differential: "7,200.00"',
      'evidence: [approved_contract, payslips, remittance_records, hours_diary, coworker_statements, messages]',
      'deadline.money_claims: 2026-02-28',
      '',
    ].join('\n'));
    const partly = file('ben.yaml', 'claims: [contractual_violation]\namount.wage_differential: 6900\ndeadline.money_claims: 2028-02-02\n');
    const bad = file('cruz.yaml', 'claims: [contractual_violation]\namount.wage_diferential: 7200\n');
    const r = run(['exercise', 'grade', 'near-prescription', good, partly, bad]);
    expect(r.code).toBe(65);
    expect(r.err).toContain(`${bad}: amount.wage_diferential: not a question of exercise near-prescription`);
    expect(r.out).toMatch(/Ana Reyes\s+100%/);
    expect(r.out).toMatch(/ben\s+\d+%/);
    expect(r.out).toContain('Graded 2 answer file(s); wrote scoreboard-near-prescription.csv and scoreboard-near-prescription.pdf.');
    const csv = join(dir, 'scoreboard-near-prescription.csv');
    const pdf = join(dir, 'scoreboard-near-prescription.pdf');
    expect(readFileSync(csv, 'utf8').split('\n')[1]).toMatch(/^Ana Reyes,100,/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    for (const f of [csv, pdf]) expect(statSync(f).mode & 0o777).toBe(0o600);

    const again = run(['exercise', 'grade', 'near-prescription', good]);
    expect(again.code).toBe(64);
    expect(again.err).toContain('2 scoreboard files already exist and differ');
    expect(again.err).toContain('nothing was written. Pass --force');
    expect(run(['exercise', 'grade', 'near-prescription', good, '--force']).code).toBe(0);
  });

  it('start refuses without a terminal and points to grading an answers file', () => {
    const r = run(['exercise', 'start', 'absent-no-notice']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('an exercise needs a terminal');
    expect(r.err).toContain('migrant-claims exercise grade absent-no-notice answers.yaml');
    expect(r.out).toBe('');
  });

  it('bad YAML and a missing file are reported per file too', () => {
    const broken = file('dan.yaml', 'claims: [contractual_violation\n');
    const r = run(['exercise', 'grade', 'underpaid-throughout', broken, join(dir, 'nobody.yaml'), '--out', 'class.csv']);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/dan\.yaml:line \d+: not valid YAML/);
    expect(r.err).toContain('nobody.yaml: no such file');
    expect(r.out).toBe('');
  });

  it("check accepts a trainer's own exercise (case.yaml beside story.yaml) and names a wrong tag", () => {
    const ex = join(dir, 'my-exercise');
    const story = readFileSync('exercises/absent-no-notice/story.yaml', 'utf8')
      .replace('id: absent-no-notice', 'id: my-exercise')
      .replace('case: ../../fixtures/cases/just-cause-no-due-process.yaml', 'case: case.yaml');
    mkdirSync(ex);
    writeFileSync(join(ex, 'case.yaml'), readFileSync('fixtures/cases/just-cause-no-due-process.yaml'));
    writeFileSync(join(ex, 'story.yaml'), story);
    const ok = run(['exercise', 'check', ex]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/story\.yaml: ok\. 9 questions/);
    writeFileSync(join(ex, 'story.yaml'), story.replace('    supports: []\n', '    supports: [repatriation_costs]\n'));
    const wrong = run(['exercise', 'check', join(ex, 'story.yaml')]);
    expect(wrong.code).toBe(65);
    expect(wrong.err).toMatch(/facts\[3\]\.supports\[0\]: fact own-ticket is tagged as supporting repatriation_costs, but the engine finds it not supported/);
  });

  it('an unknown exercise exits 66', () => {
    const r = run(['exercise', 'start', 'no-such-exercise']);
    expect(r.code).toBe(66);
    expect(r.err).toContain('no exercise no-such-exercise');
  });
});
