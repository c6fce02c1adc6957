import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture } from '../helpers/cases.js';

const BIN = resolve('bin/migrant-claims.js');
let dir: string;

function run(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: cwd ?? dir, env: { ...process.env, ...env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function caseFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const demoText = () => readFileSync(fixture('demo-romania.yaml'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrant-claims, run as a user runs it', () => {
  it('demo prints the claims, the worksheet, totals, deadlines and warnings', () => {
    const r = run(['demo', '--as-of', '2026-11-23', '-o', join(dir, 'demo-drafts')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Drafts in .*demo-drafts\/ \(owner-only\): 10 written/);
    for (const heading of ['1. Claims', '2. Computation worksheet', '3. Totals per currency', '4. Deadlines', '5. Warnings']) expect(r.out).toContain(heading);
    expect(r.out).toContain('USD 13,142.46');
    expect(r.out).toContain('PHP 110,000.00');
    expect(r.out).toMatch(/SUPPORTED\s+Constructive dismissal/);
    expect(r.out).toContain('UNVERIFIED');
    expect(r.err).toBe('');
  });

  it("demo brings its own demo-drafts/ up to date on any day, while -o folders keep the --force rule", () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mc-demo-'));
    try {
      expect(run(['demo', '--as-of', '2026-11-23'], {}, cwd).out).toMatch(/Drafts in demo-drafts\/ \(owner-only\): 10 written/);
      expect(run(['demo', '--as-of', '2026-11-23'], {}, cwd).out).toContain('all up to date, nothing to do');
      const later = run(['demo', '--as-of', '2026-12-01'], {}, cwd);
      expect(later.code).toBe(0);
      expect(later.out).toMatch(/replaced\s+maria-luz-dela-cruz-computation-annex\.pdf/);
      expect(run(['demo', '--as-of', '2026-11-23', '-o', 'mine'], {}, cwd).code).toBe(0);
      const refused = run(['demo', '--as-of', '2026-12-01', '-o', 'mine'], {}, cwd);
      expect(refused.code).toBe(64);
      expect(refused.err).toContain('nothing was written. Pass --force');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('--json is one document with the documented keys', () => {
    const r = run(['assess', fixture('demo-romania.yaml'), '--as-of', '2026-11-23', '--json', '--currency-rate', 'USD:PHP=58.12@2026-11-20']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(Object.keys(a)).toEqual(['asOf', 'jurisdiction', 'claims', 'lines', 'totals', 'deadlines', 'warnings']);
    const usd = a.totals.find((t: { currency: string }) => t.currency === 'USD');
    expect(usd.indicative).toMatchObject({ currency: 'PHP', amount: '763839.78', rate: '58.12', rateDate: '2026-11-20' });
    expect(usd.indicative.note).toMatch(/Indicative only/);
    expect(a.totals.find((t: { currency: string }) => t.currency === 'PHP').indicative).toBeUndefined();
  });

  it('reads JSON case files too', () => {
    const fromYaml = run(['assess', fixture('demo-romania.yaml'), '--as-of', '2026-11-23', '--json']).out;
    const asJson = caseFile('demo.json', JSON.stringify(parseYaml(demoText()), null, 2));
    expect(run(['assess', asJson, '--as-of', '2026-11-23', '--json']).out).toBe(fromYaml);
  });

  it('schema prints a JSON Schema made from the case-file schema', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.$schema).toMatch(/json-schema/);
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['jurisdiction', 'worker', 'contract', 'separation', 'computation']));
  });

  it('rules lists every parameter on a date, with its source and verified flag', () => {
    const r = run(['rules', '--as-of', '2013-06-30', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; value: unknown; verified: boolean | null; source: string | null }[];
    expect(rows.find((x) => x.id === 'ph.legal_interest.judgment_pa')).toMatchObject({ value: '12', verified: true });
    expect(rows.find((x) => x.id === 'ph.placement_fee_refund.interest_start')).toMatchObject({ verified: false });
    const text = run(['rules', '--as-of', '1950-01-01', '--jurisdiction', 'PH']).out;
    expect(text).toContain('no value on this date');
    expect(text).toContain('[UNVERIFIED]');
  });

  describe('bad input: one line per problem, the file, the field, what was expected', () => {
    it('a missing file exits 66', () => {
      const r = run(['assess', join(dir, 'nope.yaml')]);
      expect(r.code).toBe(66);
      expect(r.err).toMatch(/nope\.yaml: no such file/);
      expect(r.err).not.toMatch(/at .*\.js:\d+/);
    });

    it('invalid YAML exits 65 with the line', () => {
      const r = run(['assess', caseFile('broken.yaml', 'jurisdiction: PH\nworker: [unclosed\n')]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/broken\.yaml:line \d+: not valid YAML/);
    });

    it('invalid JSON exits 65', () => {
      const r = run(['assess', caseFile('broken.json', '{"jurisdiction": "PH",\n "worker": }')]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/broken\.json:line 2: not valid JSON/);
    });

    it('reports every field problem at once, with paths and lines', () => {
      const text = demoText()
        .replace('basicMonthlySalary: 400.00', 'basicMonthlySalary: four hundred')
        .replace('currency: USD\n    date: 2025-01-22', 'currency: UDS\n    date: 2025-01-22')
        .replace('amount: 2500.00', 'amount: -2500')
        .replace('termMonths: 24', 'termMonths: 24\n  salry: 1');
      const r = run(['assess', caseFile('many.yaml', text)]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/4 problems/);
      expect(r.err).toMatch(/many\.yaml:line \d+: contract\.basicMonthlySalary: expected an amount like 1,500\.00/);
      expect(r.err).toMatch(/fees\[0\]\.currency: expected a known ISO currency code/);
      expect(r.err).toMatch(/fees\[0\]\.amount: expected an amount like 1,500\.00 \(not negative\)/);
      expect(r.err).toMatch(/contract\.salry: unknown field/);
      expect(r.err).not.toMatch(/Dela Cruz/); // no personal data in errors
    });

    it('a separation before the start and a wage month outside the contract', () => {
      const text = demoText().replace('- month: 2025-05..2025-07', '- month: 2026-05..2026-07').replace('- month: 2025-04..2025-07', '- month: 2025-04..2025-06');
      const r = run(['assess', caseFile('dates.yaml', text)]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/employment\.months\[2\]\.month: 2026-05 is outside the contract period/);
      // A separation before the start is the one problem: every month would be "outside" a period that ends before it starts.
      const early = run(['assess', caseFile('early.yaml', demoText().replace('date: 2025-07-31', 'date: 2025-02-15'))]);
      expect(early.code).toBe(65);
      expect(early.err).toMatch(/separation\.date: the separation \(2025-02-15\) is before the contract started \(2025-03-01\)/);
      expect(early.err).not.toMatch(/is outside the contract period/);
    });

    it('a wrong type names the field', () => {
      const r = run(['assess', caseFile('type.yaml', demoText().replace('receipt: true', 'receipt: maybe'))]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/fees\[0\]\.receipt: expected true or false/);
    });

    it('bad usage exits 64', () => {
      expect(run(['assess']).code).toBe(64);
      expect(run(['frobnicate']).code).toBe(64);
      const r = run(['assess', fixture('demo-romania.yaml'), '--as-of', '2026-02-30']);
      expect(r.code).toBe(64);
      expect(r.err).toMatch(/--as-of expects a date/);
      expect(run(['assess', fixture('demo-romania.yaml'), '--currency-rate', 'USD=58']).code).toBe(64);
    });

    it('shows a stack trace only with --debug', () => {
      const bad = caseFile('debug.yaml', demoText().replace('termMonths: 24', 'termMonths: -1'));
      expect(run(['assess', bad]).err).not.toMatch(/\n\s+at /);
      expect(run(['assess', bad, '--debug']).err).toMatch(/\n\s+at /);
    });
  });

  it('--help and assess load no heavy modules', () => {
    const trace = join(dir, 'trace.txt');
    /** The code of every file the run loaded (the CLI is bundled, so modules are told apart by content). */
    const loaded = (args: string[]) => {
      rmSync(trace, { force: true });
      const r = spawnSync(process.execPath, ['--import', './tests/helpers/trace-imports.mjs', BIN, ...args], { encoding: 'utf8', env: { ...process.env, TRACE_IMPORTS_FILE: trace } });
      expect(r.status).toBe(0);
      const files = [...new Set(readFileSync(trace, 'utf8').split('\n').filter((u) => u.startsWith('file:')))];
      return files.map((u) => readFileSync(new URL(u), 'utf8')).join('\n');
    };
    const help = loaded(['--help']);
    expect(help).toContain('showHelpAfterError'); // commander is there
    for (const heavy of ['ZodError', 'YAMLParseError', 'PDFDocument', 'Handlebars']) expect(help).not.toContain(heavy);
    expect(help.length).toBeLessThan(250_000);
    const assess = loaded(['assess', fixture('demo-romania.yaml'), '--as-of', '2026-11-23']);
    expect(assess).toContain('ZodError');
    // PDFDocument: pdfkit; fontkit: its font engine; Handlebars; the WordprocessingML namespace: our DOCX writer.
    const renderers = ['PDFDocument', 'Handlebars', 'fontkit', 'wordprocessingml/2006/main'];
    for (const heavy of renderers) expect(assess).not.toContain(heavy);
    // The markers are real: draft loads every one of them.
    const draft = loaded(['draft', fixture('demo-romania.yaml'), '--as-of', '2026-11-23', '-o', join(dir, 'traced')]);
    for (const heavy of renderers) expect(draft).toContain(heavy);
  });

  describe('draft', () => {
    const demo = fixture('demo-romania.yaml');
    const bytesIn = (d: string) => Object.fromEntries(readdirSync(d).sort().map((f) => [f, readFileSync(join(d, f))]));

    it('writes the four documents and the cover note, PDF and DOCX, owner-only, the same bytes from two processes', () => {
      const a = join(dir, 'drafts-a');
      const b = join(dir, 'drafts-b');
      expect(run(['draft', demo, '--as-of', '2026-11-23', '-o', a]).code).toBe(0);
      expect(run(['draft', demo, '--as-of', '2026-11-23', '-o', b]).code).toBe(0);
      const files = readdirSync(a).sort();
      expect(files).toEqual(
        ['complaint-affidavit', 'computation-annex', 'cover-note', 'evidence-checklist', 'illegal-recruitment'].flatMap((d) => [`maria-luz-dela-cruz-${d}.docx`, `maria-luz-dela-cruz-${d}.pdf`]),
      );
      for (const f of files) expect(statSync(join(a, f)).mode & 0o777).toBe(0o600);
      expect(statSync(a).mode & 0o777).toBe(0o700);
      const [x, y] = [bytesIn(a), bytesIn(b)];
      for (const f of files) expect(x[f]!.equals(y[f]!), f).toBe(true);
    });

    it('a second run: identical files are left alone; different ones are refused without --force', () => {
      const out = join(dir, 'drafts-again');
      expect(run(['draft', demo, '--as-of', '2026-11-23', '-o', out, '--format', 'pdf']).code).toBe(0);
      const same = run(['draft', demo, '--as-of', '2026-11-23', '-o', out, '--format', 'pdf']);
      expect(same.code).toBe(0);
      expect(same.out).toContain('all up to date, nothing to do');
      const before = bytesIn(out);
      const later = run(['draft', demo, '--as-of', '2026-12-01', '-o', out, '--format', 'pdf']);
      expect(later.code).toBe(64);
      expect(later.err).toMatch(/already exist and differ .*nothing was written\. Pass --force/);
      const after = bytesIn(out);
      for (const f of Object.keys(before)) expect(after[f]!.equals(before[f]!)).toBe(true);
      const forced = run(['draft', demo, '--as-of', '2026-12-01', '-o', out, '--format', 'pdf', '--force']);
      expect(forced.code).toBe(0);
      expect(forced.out).toMatch(/replaced\s+maria-luz-dela-cruz-complaint-affidavit\.pdf/);
    });

    it('--templates overrides a template by name; a broken one names the file, line and field', () => {
      const over = join(dir, 'office-templates');
      mkdirSync(over, { recursive: true });
      writeFileSync(join(over, 'cover-note.hbs'), '# OUR NOTE\n\nFor {{worker.name}}, {{worker.nickname}}\n');
      const r = run(['draft', demo, '--as-of', '2026-11-23', '-o', join(dir, 'drafts-broken'), '--templates', over]);
      expect(r.code).toBe(65);
      expect(r.err).toMatch(/office-templates\/cover-note\.hbs:line 3: nickname: no field "nickname"/);
      expect(r.err).not.toMatch(/Dela Cruz/);
      writeFileSync(join(over, 'cover-note.hbs'), '# OUR NOTE\n\nFor {{worker.name}}\n');
      const ok = run(['draft', demo, '--as-of', '2026-11-23', '-o', join(dir, 'drafts-office'), '--templates', over, '--format', 'pdf']);
      expect(ok.code).toBe(0);
      const txt = spawnSync('pdftotext', [join(dir, 'drafts-office', 'maria-luz-dela-cruz-cover-note.pdf'), '-'], { encoding: 'utf8' });
      if (!txt.error) expect(txt.stdout).toContain('OUR NOTE');
      expect(run(['draft', demo, '--templates', join(dir, 'nowhere')]).code).toBe(66);
      expect(run(['draft', demo, '--format', 'odt']).code).toBe(64);
    });

    it.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('pdftotext finds the key sections of the demo affidavit (skipped where poppler is not installed)', () => {
      const out = join(dir, 'drafts-a', 'maria-luz-dela-cruz-complaint-affidavit.pdf');
      const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      for (const part of ['NATIONAL LABOR RELATIONS COMMISSION', 'COMPLAINT-AFFIDAVIT', 'MARIA LUZ DELA CRUZ', 'CLAIMS', 'PRAYER', 'VERIFICATION AND CERTIFICATION AGAINST FORUM SHOPPING', 'SUBSCRIBED AND SWORN', 'USD 13,142.46', 'Bacău']) expect(text).toContain(part);
      expect(text).toMatch(/Page 1 of \d+/);
    });
  });
});
