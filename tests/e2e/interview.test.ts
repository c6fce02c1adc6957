import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFile } from '../interview/helpers.js';

const BIN = 'bin/migrant-claims.js';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-e2e-interview-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], extra: string[] = []) {
  const r = spawnSync(process.execPath, [...extra, BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('migrant-claims interview, run as a user runs it', () => {
  it('without a terminal it refuses (exit 64) and points to writing a case file or --answers', () => {
    const out = join(dir, 'never.yaml');
    const r = run(['interview', '-o', out]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/the interview needs a terminal/);
    expect(r.err).toMatch(/migrant-claims schema/);
    expect(r.err).toMatch(/--answers answers\.yaml/);
    expect(existsSync(out)).toBe(false);
  });

  it('--answers writes an owner-only case file that assess reads unchanged, and shows the assessment', () => {
    const out = join(dir, 'demo.yaml');
    const r = run(['interview', '--answers', answersFile('demo-romania.yaml'), '-o', out, '--as-of', '2026-11-23']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. The worker and how to reach them');
    expect(r.out).toContain('USD 13,142.46');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const assessed = run(['assess', out, '--as-of', '2026-11-23']);
    expect(assessed.code).toBe(0);
    expect(assessed.out).toContain('USD 13,142.46');
    expect(assessed.out).toContain('PHP 110,000.00');
  });

  it('never overwrites a case file unless told', () => {
    const out = join(dir, 'exists.yaml');
    writeFileSync(out, 'keep me\n');
    const r = run(['interview', '--answers', answersFile('demo-romania.yaml'), '-o', out]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/already exists: continue it with `migrant-claims interview --resume/);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
  });

  it('a bad answers file names the file, the line and the question (exit 65)', () => {
    const bad = join(dir, 'bad-answers.yaml');
    writeFileSync(bad, readFileSync(answersFile('demo-romania.yaml'), 'utf8').replace('fees[0].date: 22 January 2025', 'fees[0].date: 22/01/2025').replace('worker.sex: female', 'worker.sexe: female'));
    const r = run(['interview', '--answers', bad, '-o', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/bad-answers\.yaml:line \d+: fees\[0\]\.date: expected a date like 2011-03-14 or 14 March 2011/);
    expect(r.err).toMatch(/bad-answers\.yaml:line \d+: worker\.sexe: no such question/);
    expect(r.err).not.toMatch(/Dela Cruz/);
  });

  it('an answers file that stops short saves what it had and names the missing question; --resume with more answers finishes', () => {
    const short = join(dir, 'short-answers.yaml');
    const text = readFileSync(answersFile('demo-romania.yaml'), 'utf8');
    writeFileSync(short, text.slice(0, text.indexOf('contract.position')));
    const out = join(dir, 'short.yaml');
    const r = run(['interview', '--answers', short, '-o', out]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/short-answers\.yaml: contract\.position: no answer, and the interview cannot go on without it/);
    expect(readFileSync(out, 'utf8')).toContain('fees[0].amount: "2500.00"');
    const rest = run(['interview', '--resume', out, '--answers', answersFile('demo-romania.yaml'), '--as-of', '2026-11-23']);
    expect(rest.code).toBe(0);
    expect(rest.out).toMatch(/Resuming .* at "The approved contract"/);
    expect(rest.out).toContain('USD 13,142.46');
  });

  it("the README's answers-file example runs as shown", () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```yaml\n(# answers\.yaml: migrant-claims interview[\s\S]*?)```/.exec(readme)![1]!;
    const file = join(dir, 'readme-answers.yaml');
    writeFileSync(file, example);
    const r = run(['interview', '--answers', file, '-o', join(dir, 'readme.yaml'), '--as-of', '2026-11-23']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SUPPORTED\s+Constructive dismissal/);
  });

  it('a scripted interview never loads the terminal prompts (@inquirer)', () => {
    const trace = join(dir, 'trace.txt');
    const r = spawnSync(process.execPath, ['--import', './tests/helpers/trace-imports.mjs', BIN, 'interview', '--answers', answersFile('demo-romania.yaml'), '-o', join(dir, 'traced.yaml')], {
      encoding: 'utf8',
      env: { ...process.env, TRACE_IMPORTS_FILE: trace },
    });
    expect(r.status).toBe(0);
    const urls = readFileSync(trace, 'utf8');
    expect(urls).not.toMatch(/@inquirer/);
    expect(urls).toMatch(/dist\/bundle/);
  });
});
