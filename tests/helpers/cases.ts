import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadParameters } from '../../src/io/load-parameters.js';
import { parseCase } from '../../src/io/read-case.js';
import type { CaseFile, CaseFileInput } from '../../src/schemas/case.js';
import { CaseFileSchema } from '../../src/schemas/case.js';

export const PARAMETERS = loadParameters();

export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/cases/${name}`, import.meta.url));

export function readFixture(name: string): CaseFile {
  return parseCase(readFileSync(fixture(name), 'utf8'), name);
}

/** A small valid case to vary in tests: a worker dismissed without cause after two months. */
export function baseCase(overrides: Partial<CaseFileInput> = {}): CaseFile {
  return CaseFileSchema.parse({
    jurisdiction: 'PH',
    worker: { name: 'Test Worker' },
    contract: {
      position: 'Factory worker',
      country: 'TW',
      currency: 'USD',
      basicMonthlySalary: '500.00',
      start: { rule: 'date', date: '2024-01-01' },
      termMonths: 12,
    },
    separation: { how: 'dismissed', date: '2024-03-01', cause: 'none' },
    ...overrides,
  });
}
