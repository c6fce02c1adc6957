import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/io/load-parameters.js';
import { ParameterReader } from '../../src/law/parameters.js';
import { PARAMETERS } from '../helpers/cases.js';

describe('dated law parameters', () => {
  it('loads every file, one parameter each, for both jurisdictions', () => {
    expect(PARAMETERS.size).toBeGreaterThanOrEqual(40);
    expect([...PARAMETERS.keys()].some((k) => k.startsWith('th.'))).toBe(true);
    for (const p of PARAMETERS.values()) for (const v of p.values) expect(v.source.length).toBeGreaterThan(0);
  });

  it('reads the value in force on a date', () => {
    const p = new ParameterReader(PARAMETERS);
    expect(p.at('ph.legal_interest.judgment_pa', '2013-06-30', 't').value).toBe('12');
    expect(p.at('ph.legal_interest.judgment_pa', '2013-07-01', 't').value).toBe('6');
    expect(p.at('ph.unexpired.cap_rule_as_applied', '1998-05-26', 't').value).toBe('three-months-per-year-cap');
    expect(p.at('ph.unexpired.cap_rule_as_applied', '2020-01-01', 't').value).toBe('full-unexpired-portion');
    expect(p.at('ph.placement_fee.household_worker', '2007-01-01', 't').value).toEqual({ monthsOfBasicSalary: '0' });
  });

  it('refuses a date no value covers, naming the parameter and the date', () => {
    const p = new ParameterReader(PARAMETERS);
    expect(() => p.at('ph.placement_fee.household_worker', '2006-12-15', 'the HSW cap')).toThrow(
      'law parameter ph.placement_fee.household_worker has no value on 2006-12-15 (needed for the HSW cap)',
    );
  });

  it('remembers what was read, for citing and for warnings', () => {
    const p = new ParameterReader(PARAMETERS);
    p.at('ph.attorney_fees.rate', '2026-01-01', 't');
    expect([...p.used.values()].map((u) => u.id)).toEqual(['ph.attorney_fees.rate']);
  });

  it('reports a malformed parameter file by file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'params-'));
    mkdirSync(join(dir, 'ph'));
    writeFileSync(
      join(dir, 'ph', 'x.rate.yaml'),
      'id: ph.x.rate\ndescription: d\nunit: percent\nvalues:\n  - from: 2020-01-01\n    value: "ten"\n    source: s\n    verified: true\n  - from: 2019-01-01\n    value: "5"\n    source: s\n    verified: true\n',
    );
    expect(() => loadParameters(dir)).toThrow(/x\.rate\.yaml:line 6: values\[0\]\.value: not a percent value[\s\S]*values\[1\]\.from: overlaps/);
  });
});
