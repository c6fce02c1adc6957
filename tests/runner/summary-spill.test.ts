import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerSummary } from '../../src/batch/summary.js';
import { InOrder, SummarySpill } from '../../src/runner/summary-spill.js';
import { GROUND_IDS } from '../../src/law/types.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'mc-spill-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const worker = (row: number, name: string): WorkerSummary => ({
  row,
  id: String(row),
  name,
  address: `${name}, Barangay Santo Niño`,
  folder: `${row}-w`,
  statuses: Object.fromEntries(GROUND_IDS.map((g) => [g, 'possible'])) as WorkerSummary['statuses'],
  supported: [],
  totals: [{ currency: 'PHP', amount: `${row}.50` }],
  deadlines: [],
  unverified: ['some.rule'],
});

describe('the summaries spilled to disk', () => {
  it('read back exactly as written, in order, across chunk boundaries and multi-byte names', () => {
    const dir = scratch();
    const spill = new SummarySpill(dir);
    // ñ, ă and long names make lines of every length, so 1 MiB chunks end inside lines and characters.
    const written = Array.from({ length: 6000 }, (_, i) => worker(i + 2, `${'Peñaflor Ștefănescu '.repeat(1 + (i % 9))}${i}`));
    for (const w of written) spill.write(w);
    expect(spill.size).toBe(written.length);
    expect([...spill.read()]).toEqual(written);
    expect([...spill.read()]).toHaveLength(written.length); // a second reading, for the group documents
    expect(statSync(spill.file).mode & 0o777).toBe(0o600);
    spill.remove();
    expect(() => statSync(spill.file)).toThrow();
  });

  it('reads nothing when no worker was assessed', () => {
    const spill = new SummarySpill(scratch());
    expect([...spill.read()]).toEqual([]);
    spill.remove();
  });
});

describe('rows put back in sheet order', () => {
  it('come out 0, 1, 2, … whatever order they finish in, each once (random orders)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }).chain((n) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n })), (finished) => {
        const order = new InOrder<number>();
        const out = finished.flatMap((seq) => order.put(seq, seq));
        expect(out).toEqual(Array.from({ length: finished.length }, (_, i) => i));
      }),
    );
  });
});
