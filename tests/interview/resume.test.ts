import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgress, runSession } from '../../src/cli/commands/interview.js';
import { DataError } from '../../src/core/errors.js';
import type { Answers } from '../../src/interview/question.js';
import { readCase } from '../../src/io/read-case.js';
import { ScriptedPrompter } from '../../src/prompt/scripted-prompter.js';
import { InterruptingPrompter, readAnswers } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-interview-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const script = readAnswers('demo-romania.yaml');

async function session(file: string, answers: Answers, interruptAt?: number) {
  const scripted = new ScriptedPrompter(script);
  const prompter = interruptAt ? new InterruptingPrompter(scripted, interruptAt) : scripted;
  const out = new Sink();
  const outcome = await runSession({ file, answers, prompter, interactive: false, asOf: '2026-11-23', out });
  return { outcome, out: out.text };
}

describe('nothing is lost: interrupted and resumed = uninterrupted', () => {
  let whole: string;
  beforeAll(async () => {
    const file = join(dir, 'whole.yaml');
    expect((await session(file, {})).outcome).toBe('done');
    whole = readFileSync(file, 'utf8');
  });

  it('the file is owner-only and `assess` reads it unchanged', async () => {
    const file = join(dir, 'whole.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const facts = await readCase(file);
    expect(facts.worker.name).toBe('Maria Luz Dela Cruz');
  });

  it.each([1, 2, 12, 30, 47, 64, 79])('Ctrl-C at question %i, then --resume', async (at) => {
    const file = join(dir, `paused-${at}.yaml`);
    const first = await session(file, {}, at);
    expect(first.outcome).toBe('paused');
    expect(first.out).toContain(`migrant-claims interview --resume ${file}`);
    const saved = await loadProgress(file);
    expect(Object.keys(saved)).toHaveLength(at - 1); // every answer before the interrupted one was saved
    expect((await session(file, saved)).outcome).toBe('done');
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });

  it('interrupted twice, resumed twice', async () => {
    const file = join(dir, 'twice.yaml');
    await session(file, {}, 5);
    await session(file, await loadProgress(file), 20);
    await session(file, await loadProgress(file));
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });
});

describe('a case file edited by hand between sessions', () => {
  const paused = async (name: string, edit: (text: string) => string) => {
    const file = join(dir, name);
    await session(file, {}, 70);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return file;
  };

  it('a field edited to a valid value is checked and taken into the answers', async () => {
    const file = await paused('edit-ok.yaml', (t) => t.replace('basicMonthlySalary: "400.00"', 'basicMonthlySalary: 450'));
    const out = new Sink();
    const answers = await loadProgress(file, out);
    expect(answers['contract.basicMonthlySalary']).toBe('450');
    expect(out.text).toMatch(/Changes made by hand, checked and kept: contract\.basicMonthlySalary \(line \d+\)/);
  });

  it('a field edited to a bad value is reported with file, line and field', async () => {
    const file = await paused('edit-bad.yaml', (t) => t.replace('basicMonthlySalary: "400.00"', 'basicMonthlySalary: four hundred'));
    const err = await loadProgress(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/edit-bad\.yaml:line \d+: contract\.basicMonthlySalary: expected an amount like 1,500\.00/);
  });

  it('an edit no question can take is refused, not dropped', async () => {
    const file = await paused('edit-months.yaml', (t) => t.replace('month: 2025-05..2025-07', 'month: 2025-05..2025-06'));
    const err = await loadProgress(file).catch((e: unknown) => e);
    expect((err as DataError).message).toMatch(/edit-months\.yaml:line \d+: employment\.months\[2\]\.month: edited by hand/);
  });

  it('a bad answer in the interview record is reported by question name and line', async () => {
    const file = await paused('edit-answer.yaml', (t) => t.replace('fees[0].date: 2025-01-22', 'fees[0].date: 2025-01-32'));
    const err = await loadProgress(file).catch((e: unknown) => e);
    expect((err as DataError).message).toMatch(/edit-answer\.yaml:line \d+: interview\.answers\.fees\[0\]\.date: expected a real date like 2011-03-14/);
  });

  it('a case file the interview did not write cannot be resumed', async () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(file, 'jurisdiction: PH\n');
    await expect(loadProgress(file)).rejects.toThrow(/no interview record here/);
  });
});

describe('at a terminal: review, assessment, and the missing facts asked on the spot', () => {
  it('offers the questions behind a possible claim, then shows the assessment again', async () => {
    const { SequencePrompter } = await import('./helpers.js');
    const withoutPrayer = { ...script };
    delete withoutPrayer['prayer.moralDamages.amount'];
    const p = new SequencePrompter({ review: ['finish'], 'assessment.askMissing': [true], 'prayer.moralDamages.amount': ['', '100,000'] }, new ScriptedPrompter(withoutPrayer));
    const out = new Sink();
    const file = join(dir, 'terminal.yaml');
    expect(await runSession({ file, answers: {}, prompter: p, interactive: true, asOf: '2026-11-23', out })).toBe('done');
    expect(p.asked.filter((n) => n === 'prayer.moralDamages.amount')).toHaveLength(2);
    expect(p.said.join('\n')).toMatch(/Some claims are only possible: 1 question/);
    expect(out.text).toMatch(/POSSIBLE\s+Moral damages/);
    expect(out.text.split('Assessment of the claims').length).toBe(3); // shown twice
    expect(out.text).toContain('PHP 110,000.00');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(dir, 'whole.yaml'), 'utf8'));
  });
});
