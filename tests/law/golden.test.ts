import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assess } from '../../src/law/assess.js';
import type { ExchangeRate } from '../../src/law/types.js';
import { GROUND_IDS } from '../../src/law/types.js';
import { PARAMETERS, fixture, readFixture } from '../helpers/cases.js';

interface Entry {
  case: string;
  asOf: string;
  about: string;
  rates?: ExchangeRate[];
  expect: { statuses: Record<string, string>; lines?: Record<string, string>; totals?: Record<string, string> };
}

const index = parse(readFileSync(fixture('index.yaml'), 'utf8')) as Entry[];

describe.each(index)('golden case $case', (entry) => {
  const result = assess(readFixture(entry.case), { asOf: entry.asOf, rates: entry.rates ?? [] }, PARAMETERS);

  it('matches the hand-computed figures in index.yaml', () => {
    expect(Object.fromEntries(result.claims.map((c) => [c.ground, c.status]))).toEqual(entry.expect.statuses);
    const lines = Object.fromEntries(result.lines.map((l) => [l.id, `${l.amount} ${l.currency}`]));
    for (const [id, amount] of Object.entries(entry.expect.lines ?? {})) expect(lines[id], id).toBe(amount);
    if (entry.expect.totals) expect(Object.fromEntries(result.totals.map((t) => [t.currency, t.amount]))).toEqual(entry.expect.totals);
  });

  it('matches its golden file (run `npm run golden` after a deliberate rule change)', () => {
    const golden = JSON.parse(readFileSync(fixture(entry.case.replace(/\.ya?ml$/, '.expected.json')), 'utf8'));
    expect(JSON.parse(JSON.stringify(result))).toEqual(golden);
  });
});

describe('the bank of golden cases', () => {
  it('covers every ground as supported somewhere', () => {
    const supported = new Set(index.flatMap((e) => Object.entries(e.expect.statuses).filter(([, s]) => s === 'supported').map(([g]) => g)));
    expect([...supported].sort()).toEqual([...GROUND_IDS].sort());
  });

  it('has the demo case and at least six more', () => {
    expect(index.map((e) => e.case)).toContain('demo-romania.yaml');
    expect(index.length).toBeGreaterThanOrEqual(7);
  });
});
