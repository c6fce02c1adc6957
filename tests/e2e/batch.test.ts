import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';

const BIN = resolve('bin/migrant-claims.js');
const ROMANIA = resolve('fixtures/groups/romania/group.yaml');
const BERRIES = resolve('fixtures/groups/sweden-berries/group.yaml');
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const mode = (p: string) => statSync(p).mode & 0o777;
const minor = (amount: string) => BigInt(amount.replace('.', ''));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-batch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch, run as a volunteer lawyer runs it', () => {
  it('assesses the Romania group: the broken rows listed by row and column, the rest done, exit 65', () => {
    const out = join(dir, 'romania');
    const r = run(['batch', ROMANIA, '-o', out, '--no-documents', '--as-of', '2026-11-23', '--jobs', '2']);
    expect(r.code).toBe(65);
    expect(r.out).toContain('Workers assessed: 42');
    expect(r.out).toContain('row 14 (id 013), column fees[0].amount: expected an amount like 1,500.00 (not negative), got "25OO"');
    expect(r.out).toContain('row 35 (id 033), column id: the id 033 is already used on row 34');
    expect(r.out).toMatch(/5 of 47 rows failed; the other 42 were done\./);
    // Piped: no progress bar, nothing on stderr.
    expect(r.err).toBe('');

    const errors = parseCsv(readFileSync(join(out, 'errors.csv'), 'utf8'));
    expect(errors[0]!.cells).toEqual(['row', 'id', 'column', 'problem']);
    expect(errors.slice(1).map((e) => `${e.cells[0]} ${e.cells[2]}`)).toEqual(['14 fees[0].amount', '22 fees[0].date', '35 id', '41 worker.name', '46 separation.date']);
    // No worker's name in the error report: the row, the id and the column are what fix it.
    expect(readFileSync(join(out, 'errors.csv'), 'utf8')).not.toMatch(/Remedios|Editha|Susana/);

    const summary = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(summary).toHaveLength(43);
    // In sheet order, though two threads finished the rows in their own order.
    const rows = summary.slice(1).map((r) => Number(r.cells[0]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const json = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(json.counts).toEqual({ rows: 47, assessed: 42, invalid: 5, failed: 0, complainants: 42 });
    // The group totals are the sum of the workers' totals, to the cent, per currency.
    for (const t of json.totals) {
      const sum = json.workers.reduce((s: bigint, w: { totals: { currency: string; amount: string }[] }) => s + minor(w.totals.find((x) => x.currency === t.currency)?.amount ?? '0'), 0n);
      expect(sum).toBe(minor(t.amount));
    }
    expect(json.totals).toEqual([
      { currency: 'PHP', amount: expect.any(String) },
      { currency: 'USD', amount: expect.any(String) },
    ]);

    // Owner-only: the folder, each worker's folder, each file.
    expect(mode(out)).toBe(0o700);
    const folders = readdirSync(out).filter((f) => statSync(join(out, f)).isDirectory());
    expect(folders).toHaveLength(42);
    expect(folders[0]).toBe('001-maria-luz-f-dela-cruz');
    expect(mode(join(out, folders[0]!))).toBe(0o700);
    expect(mode(join(out, folders[0]!, 'case.json'))).toBe(0o600);
    expect(mode(join(out, 'summary.csv'))).toBe(0o600);
    // The workers' summaries, kept on disk during the run, are gone: only the outputs remain.
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Each worker's case.json is a case file that `assess` reads on its own.
    const single = run(['assess', join(out, folders[0]!, 'case.json'), '--as-of', '2026-11-23', '--json']);
    expect(single.code).toBe(0);
    expect(JSON.parse(single.out).totals).toEqual(json.workers[0].totals);
  });

  it('redoes only the rows whose facts changed, and says which folders are no longer in the sheet', () => {
    const out = join(dir, 'rerun');
    const sheet = join(dir, 'rerun.csv');
    writeFileSync(sheet, readFileSync(resolve('fixtures/groups/romania/workers.csv'), 'utf8'));
    expect(run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--no-documents', '--as-of', '2026-11-23']).code).toBe(65);
    const again = run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--no-documents', '--as-of', '2026-11-23']);
    expect(again.out).toContain('Workers assessed: 42 (0 written, 42 unchanged since the last run)');
    // Fix row 14 and rename worker 002: one new row, one row redone under a new folder.
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(',25OO,', ',"2,500.00",').replace('002,Ana Marie N. Santos,', '002,Ana Marie N. Santos-Reyes,'));
    const fixed = run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--no-documents', '--as-of', '2026-11-23']);
    expect(fixed.out).toContain('Workers assessed: 43 (2 written, 41 unchanged since the last run)');
    expect(fixed.out).toMatch(/1 folder from an earlier run is not in this sheet[^\n]*\n\s+002-ana-marie-n-santos\//);
    expect(fixed.out).toContain('4 of 47 rows failed');
    // --force redoes them all.
    expect(run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--no-documents', '--as-of', '2026-11-23', '--force']).out).toContain('(43 written, 0 unchanged');
  });

  it('redoes a folder whose rewriting was cut short, even when the sheet goes back to what it was', () => {
    const out = join(dir, 'cut-short');
    const sheet = join(dir, 'cut-short.csv');
    const original = readFileSync(resolve('fixtures/groups/romania/workers.csv'), 'utf8').split('\n').slice(0, 3).join('\n');
    writeFileSync(sheet, original);
    const args = ['batch', ROMANIA, '--workers', sheet, '-o', out, '--no-documents', '--as-of', '2026-11-23'];
    expect(run(args).code).toBe(0);
    const folder = join(out, '001-maria-luz-f-dela-cruz');
    const caseBefore = readFileSync(join(folder, 'case.json'), 'utf8');
    const assessmentBefore = readFileSync(join(folder, 'assessment.json'));
    // Worker 001's fee changes, and her folder's rewriting stops after case.json: its assessment
    // cannot be put in place (a folder stands in the way), as if the run had been cut short there.
    writeFileSync(sheet, original.replace('"2,650.00"', '"2,950.00"'));
    rmSync(join(folder, 'assessment.json'));
    mkdirSync(join(folder, 'assessment.json', 'in-the-way'), { recursive: true });
    const cut = run(args);
    // Not the lawyer's data and not a bug: the folder could not be written, and they are told so.
    expect(cut.code).toBe(74);
    expect(cut.out).toMatch(/row 2 \(id 001\): could not write its folder 001-maria-luz-f-dela-cruz\/: EISDIR: [^\n]*\(make room on the disk or fix the folder's permissions, then run again\)/);
    expect(cut.out).not.toContain('a bug');
    expect(readFileSync(join(out, 'errors.csv'), 'utf8')).toContain('could not write its folder 001-maria-luz-f-dela-cruz/');
    expect(readFileSync(join(folder, 'case.json'), 'utf8')).toContain('2950');
    rmSync(join(folder, 'assessment.json'), { recursive: true });
    writeFileSync(join(folder, 'assessment.json'), assessmentBefore);
    // The sheet goes back: the folder holds a case file of the changed fee, so it is redone.
    writeFileSync(sheet, original);
    expect(run(args).out).toContain('(1 written, 1 unchanged since the last run)');
    expect(readFileSync(join(folder, 'case.json'), 'utf8')).toBe(caseBefore);
  });

  it('tells the lawyer which complainants the joint complaint misstates: a row that changes a shared fact', () => {
    // Four workers; the third was hired for another position than the complaint states for all.
    const lines = readFileSync(resolve('fixtures/groups/romania/workers.csv'), 'utf8').split('\n').slice(0, 5);
    const sheet = join(dir, 'other-position.csv');
    writeFileSync(sheet, lines.map((l, i) => `${l},${i === 0 ? 'contract.position' : i === 3 ? 'Cutter' : ''}`).join('\n'));
    const out = join(dir, 'other-position');
    expect(run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--as-of', '2026-11-23']).code).toBe(0);
    const text = spawnSync('pdftotext', [join(out, 'group-summary.pdf'), '-'], { encoding: 'utf8' });
    if (text.error) return; // poppler-utils not installed: the view test covers the wording
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('1 complainant (Annex A No. 3) has respondents, contract terms, a second contract or an ending other than those the joint complaint states (complainant No. 1');
  });

  it("writes each worker's drafts and the same bytes on a second run; refuses a folder it does not own", () => {
    const sheet = join(dir, 'three.csv');
    writeFileSync(sheet, readFileSync(resolve('fixtures/groups/romania/workers.csv'), 'utf8').split('\n').slice(0, 4).join('\n'));
    const out = join(dir, 'docs');
    const r = run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--as-of', '2026-11-23', '--jobs', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('All 3 rows done.');
    const folder = join(out, '002-ana-marie-n-santos');
    expect(readdirSync(folder).sort()).toEqual(['.inputs.sha256', 'assessment.json', 'case.json', 'complaint-affidavit.docx', 'complaint-affidavit.pdf', 'computation-annex.pdf', 'evidence-checklist.pdf']);
    expect(readFileSync(join(folder, 'complaint-affidavit.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    for (const f of ['group-summary.pdf', 'group-summary.docx', 'joint-complaint.pdf', 'joint-complaint.docx']) expect(mode(join(out, f))).toBe(0o600);
    const complaint = spawnSync('pdftotext', [join(out, 'joint-complaint.pdf'), '-'], { encoding: 'utf8' });
    if (complaint.status === 0) expect(complaint.stdout).toMatch(/MARIA LUZ F\. DELA CRUZ,[\s\S]*ANA MARIE N\. SANTOS/);
    const first = readFileSync(join(folder, 'complaint-affidavit.pdf'));
    expect(run(['batch', ROMANIA, '--workers', sheet, '-o', out, '--as-of', '2026-11-23', '--force', '--jobs', '1']).code).toBe(0);
    expect(readFileSync(join(folder, 'complaint-affidavit.pdf')).equals(first)).toBe(true);

    const foreign = join(dir, 'someone-elses');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const refused = run(['batch', ROMANIA, '--workers', sheet, '-o', foreign, '--no-documents']);
    expect(refused.code).toBe(64);
    expect(refused.err).toContain('already holds files that migrant-claims batch did not write');
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });

  it('refuses bad usage and missing files before making any folder', () => {
    expect(run(['batch', ROMANIA, '--jobs', '0', '-o', join(dir, 'none')]).code).toBe(64);
    const missing = run(['batch', ROMANIA, '--workers', join(dir, 'nope.csv'), '-o', join(dir, 'none')]);
    expect(missing.code).toBe(66);
    expect(missing.err).toContain('nope.csv: no such file');
    const thai = join(dir, 'thai.yaml');
    writeFileSync(thai, readFileSync(BERRIES, 'utf8').replace('jurisdiction: PH', 'jurisdiction: TH'));
    const th = run(['batch', thai, '--workers', resolve('fixtures/groups/sweden-berries/workers.csv'), '-o', join(dir, 'none')]);
    expect(th.code).toBe(65);
    expect(th.err).toMatch(/thai\.yaml:line \d+: jurisdiction: TH: only PH \(Philippine rules\) can be assessed yet/);
    expect(readdirSync(dir)).not.toContain('none');
  });

  it('stops before any row on a bad header, naming every bad column', () => {
    const sheet = join(dir, 'bad-header.csv');
    writeFileSync(sheet, 'id,worker.nmae,fees[0].amont\n1,Ana,100\n');
    const r = run(['batch', ROMANIA, '--workers', sheet, '-o', join(dir, 'bad-header')]);
    expect(r.code).toBe(65);
    expect(r.err).toContain('2 problems');
    expect(r.err).toContain('worker.nmae: column 2: worker has no field "nmae"');
    expect(r.err).toContain('fees[0].amont: column 3:');
    expect(r.err).not.toContain('    at ');
  });

  it('marks the berry pickers’ group note on the report, and reports its broken rows (--json)', () => {
    const r = run(['batch', BERRIES, '-o', join(dir, 'berries'), '--no-documents', '--as-of', '2026-11-23', '--json']);
    expect(r.code).toBe(65);
    const report = JSON.parse(r.out);
    expect(report.note).toMatch(/Philippine rules as a stand-in/);
    expect(report.assessed).toBe(40);
    expect(report.invalid.map((p: { row: number; column: string }) => `${p.row} ${p.column}`)).toEqual(['10 fees[0].amount', '24 wages.2025-08', '38 separation.how']);
    expect(report.totals.map((t: { currency: string }) => t.currency)).toEqual(['SEK', 'THB']);
  });

  it('batch template writes a starter that runs as it is, every column documented', () => {
    const cwd = join(dir, 'starter');
    mkdirSync(cwd);
    const t = run(['batch', 'template', '-o', 'my-group'], cwd);
    expect(t.code).toBe(0);
    expect(readdirSync(join(cwd, 'my-group')).sort()).toEqual(['COLUMNS.md', 'group.yaml', 'workers.csv']);
    const guide = readFileSync(join(cwd, 'my-group', 'COLUMNS.md'), 'utf8');
    for (const column of ['`id`', '`worker.name`', '`fees[0].amount`', '`wages.2025-04`', '`separation.forcedBy`']) expect(guide).toContain(column);
    expect(run(['batch', 'template', '-o', 'my-group'], cwd).out).toContain('unchanged');
    const r = run(['batch', join('my-group', 'group.yaml'), '--no-documents', '--as-of', '2026-11-23'], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toContain('All 3 rows done.');
    expect(readdirSync(cwd).sort()).toEqual(['my-group', 'my-group-batch']);
  });
});

describe('batch on a terminal', () => {
  // `script` (util-linux) gives the command a pseudo-terminal, as a lawyer's terminal would.
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('draws a progress bar (rows done, rate, time left), then clears it for the report', () => {
    const out = join(dir, 'tty');
    const command = [process.execPath, BIN, 'batch', ROMANIA, '-o', out, '--no-documents', '--as-of', '2026-11-23', '--jobs', '2'].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(r.status).toBe(65);
    // The last bar drawn is full, and is erased before the report is written.
    expect(r.stdout).toMatch(/\[█{24}\] 47\/47 rows · [\d.]+ rows\/s · about 0 s left\r\x1b\[K/);
    expect(r.stdout).toContain('5 of 47 rows failed; the other 42 were done.');
  });
});
