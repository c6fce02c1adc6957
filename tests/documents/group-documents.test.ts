import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WorkerSummary, complainants, earliestDeadlines, groupTotals, summariseWorker } from '../../src/batch/summary.js';
import { parseMoney } from '../../src/core/money.js';
import { GROUP_DOCUMENTS, type GroupContext, buildGroupDocuments, buildGroupView, groundsOf, numberRanges } from '../../src/documents/group-view.js';
import type { Block, DocumentModel } from '../../src/documents/model.js';
import { renderDocx } from '../../src/documents/render-docx.js';
import { renderPdf } from '../../src/documents/render-pdf.js';
import { type TemplateSet, loadTemplates } from '../../src/documents/templates.js';
import { list, money } from '../../src/documents/words.js';
import { loadShippedParameters } from '../../src/io/load-parameters.js';
import { parseCase } from '../../src/io/read-case.js';
import { assess } from '../../src/law/assess.js';
import type { Assessment } from '../../src/law/types.js';
import type { CaseFile } from '../../src/schemas/case.js';
import { fixture } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const PARAMETERS = loadShippedParameters();
const demo = parseCase(readFileSync(fixture('demo-romania.yaml'), 'utf8'), 'demo-romania.yaml');

/** A co-worker of the demo case: the same facts under another name, changed as `change` says. */
function coWorker(name: string, change: (c: CaseFile) => void = () => {}): CaseFile {
  const c = structuredClone(demo);
  c.worker.name = name;
  change(c);
  return c;
}

/** Paid in full to the end of her contract, no fee, no second contract: nothing to claim. */
const nothingToClaim = (c: CaseFile): void => {
  c.fees = [];
  delete c.substitutedContract;
  c.prayer = {};
  c.harm = { abuse: [], injuries: [], expenses: [] };
  c.employment = { ...c.employment, months: [{ ...c.employment.months[1]!, month: '2025-03..2027-02', wagesReceived: '400.00', overtimeHours: '0', overtimePaid: '0' }], deductions: [] };
  c.separation = { how: 'completed', cause: 'unknown', date: '2027-02-28', forcedBy: [] };
};

/** The mason of another fixture, whose money-claims deadline (28 February 2026) has passed. */
const mason = parseCase(readFileSync(fixture('completed-underpaid-near-deadline.yaml'), 'utf8'), 'mason');

interface Group {
  ctx: GroupContext;
  workers: WorkerSummary[];
}

function group(cases: CaseFile[], failedRows = 0): Group {
  const assessments: Assessment[] = cases.map((c) => assess(c, { asOf: AS_OF }, PARAMETERS));
  const workers = cases.map((c, i) => summariseWorker(i + 2, `W-${i + 1}`, `workers/${i + 2}`, c, assessments[i]!));
  return { ctx: { title: 'Garment workers recruited for Romania', note: 'Assessed from the demo case.', asOf: AS_OF, base: cases[0]!, grounds: groundsOf(assessments), failedRows }, workers };
}

const SIX = [
  demo,
  coWorker('Ana Reyes', (c) => (c.worker.address = 'Purok 1, Poblacion, Bauang, La Union')),
  coWorker('Josefina Ibañez', (c) => (c.fees = [{ ...c.fees[0]!, amount: '140000.00', currency: 'PHP' }])),
  coWorker('Rosa Nuñez', nothingToClaim),
  mason,
  coWorker('Cristina Santos', (c) => delete c.worker.address),
  coWorker('Liza Garcia'),
];

// Loaded before the describe blocks run: they build their documents as they are collected.
const templates: TemplateSet = await loadTemplates('templates');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-group-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const textOf = (blocks: Block[]): string =>
  blocks
    .map((b) => {
      if (b.kind === 'heading') return b.text;
      if (b.kind === 'paragraph' || b.kind === 'numbered') return b.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
      if (b.kind === 'table') return [b.columns.map((c) => c.header), ...b.rows].map((r) => r.join(' | ')).join('\n');
      if (b.kind === 'signature') return [b.name, ...b.lines].join('\n');
      return '';
    })
    .join('\n');
const tables = (m: DocumentModel) => m.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const docs = (g: Group) => Object.fromEntries(buildGroupDocuments(g.ctx, g.workers, templates).map((d) => [d.name, d.model])) as Record<(typeof GROUP_DOCUMENTS)[number], DocumentModel>;

/** "PHP 110,000.00\nUSD 13,142.46" (a cell of Annex A) → the amounts, exactly, by currency. */
function amountsIn(cell: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of cell.split('\n')) {
    if (line === '–') continue;
    const [currency, figure] = line.split('\u00a0') as [string, string];
    out.set(currency, parseMoney(currency, figure.replace(/,/g, '')).minor);
  }
  return out;
}

describe('the joint complaint', () => {
  const g = group(SIX);
  const jc = docs(g)['joint-complaint'];
  const text = textOf(jc.blocks);
  const filers = complainants(g.workers);
  const annex = tables(jc).find((t) => t.columns[1]?.header === 'Complainant and address')!;

  it('the worker with nothing supported is not a complainant', () => {
    expect(g.workers.find((w) => w.name === 'Rosa Nuñez')!.supported).toEqual([]);
    expect(filers.map((w) => w.name)).toEqual(['Maria Luz Dela Cruz', 'Ana Reyes', 'Josefina Ibañez', 'Ernesto B. Gallardo', 'Cristina Santos', 'Liza Garcia']);
    expect(text).not.toMatch(/ROSA NUÑEZ|Rosa Nuñez/);
    expect(annex.rows).toHaveLength(filers.length + 1);
  });

  it('the caption names the first complainant, et al., and how many are listed in Annex A', () => {
    expect(text).toContain('MARIA LUZ DELA CRUZ, et al.\n(6 complainants, listed with their addresses in Annex A),');
    expect(text).toContain('Complainants,');
    expect(text).toContain('Respondents, jointly and solidarily liable.');
  });

  it('five complainants or fewer are all named in the caption', () => {
    const few = textOf(docs(group(SIX.slice(0, 4)))['joint-complaint'].blocks);
    expect(few).toContain('MARIA LUZ DELA CRUZ, ANA REYES and JOSEFINA IBAÑEZ\n(3 complainants, listed with their addresses in Annex A),');
    expect(few).not.toContain('et al.');
  });

  it('Annex A lists every complainant with address, causes and amounts; its total row is groupTotals over the complainants', () => {
    const [header, ...rest] = [annex.columns.map((c) => c.header), ...annex.rows];
    expect(header).toEqual(['No.', 'Complainant and address', 'Causes of action', 'Amounts claimed']);
    const rows = rest.slice(0, -1);
    const total = rest[rest.length - 1]!;
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows[0]![1]).toBe('MARIA LUZ DELA CRUZ\nPurok 3, Barangay San Isidro, San Fernando City, La Union');
    expect(rows[4]![1]).toBe('CRISTINA SANTOS\n______________________');
    expect(total[1]).toBe('Total');
    // The figure the complaint claims is the group total of its complainants, currency by currency…
    const expected = groupTotals(filers);
    expect(expected.map((t) => t.currency)).toEqual(['PHP', 'SAR', 'USD']);
    expect(total[3]).toBe(expected.map((t) => money(t.currency, t.amount).replace(' ', '\u00a0')).join('\n'));
    // …and the sum of the rows printed above it, to the cent.
    const sums = new Map<string, bigint>();
    for (const r of rows) for (const [c, minor] of amountsIn(r[3]!)) sums.set(c, (sums.get(c) ?? 0n) + minor);
    expect(sums).toEqual(amountsIn(total[3]!));
    // The worker who paid her fee in pesos claims a different refund, in pesos.
    expect(amountsIn(rows[2]![3]!).get('PHP')).not.toBe(amountsIn(rows[0]![3]!).get('PHP'));
    expect(text).toContain(`In all, the complaint claims ${list(expected.map((t) => money(t.currency, t.amount)))}.`);
  });

  it('one section per cause of action supported for someone, with its basis and the complainants it concerns', () => {
    const headings = jc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings.filter((h) => /^[IVX]+\. /.test(h))).toEqual([
      'I. Violation of the approved contract: unpaid wages, overtime and deductions',
      'II. Constructive dismissal',
      'III. Moral damages',
      'IV. Refund of placement fees and of the costs charged to the workers',
      'V. Reimbursement of the cost of the return home',
      "VI. Attorney's fees",
    ]);
    expect(text).toContain('Complainants concerned: all complainants (Nos. 1 to 6 in Annex A).');
    // The mason (No. 4) was not dismissed: the dismissal concerns the others.
    expect(text).toContain('Complainants concerned: complainants Nos. 1–3, 5 and 6 in Annex A.');
    expect(text).toContain('Legal basis: Jacob v. First Step Manpower, G.R. No. 229984, 8 July 2020;');
    expect(text).toContain('declaring that complainants Nos. 1–3, 5 and 6 in Annex A were constructively and illegally dismissed;');
    expect(annex.rows[3]![2]).toBe('I, VI');
    expect(annex.rows[0]![2]).toBe('I–VI');
  });

  it('states the shared facts in the third person plural, and no one worker’s figures', () => {
    expect(text).toContain('Complainants are 6 overseas workers recruited by respondent agency for respondent employer.');
    expect(text).toContain('On 20 January 2025, complainants each signed an employment contract approved by the POEA/DMW');
    expect(text).toContain('The contracts promised a basic salary of USD 400.00 a month');
    expect(text).toContain('On 3 March 2025, in Bacău, Romania, complainants were made to sign a second contract');
    expect(text).toContain('They left because their pay had been cut below what their approved contracts promised');
    // The fee differs between workers: no worker's fee is stated as everyone's.
    expect(text).toContain('The amounts and dates differ from one complainant to another');
    expect(text).not.toContain('2,500.00');
    // The mason left on another day: no single date for the ending.
    expect(text).toContain('Complainants left their work on dates that differ from one complainant to another');
    // No first person but the administering officer's ("signed in my presence"); no gaps.
    expect(text.replace('in my presence', '')).not.toMatch(/\bI (am|was|paid|left)\b|\bmy\b|undefined|\bnull\b|\[object|NaN/);
  });

  it('the shared dates are stated when the complainants left on the same day', () => {
    const same = textOf(docs(group([demo, coWorker('Ana Reyes')]))['joint-complaint'].blocks);
    expect(same).toContain('On 31 July 2025, complainants left their work');
    expect(same).toContain('Complainants returned to the Philippines on 4 August 2025.');
  });

  it('ends with the verification, a signature row per complainant and the jurat', () => {
    expect(text).toContain('VERIFICATION AND CERTIFICATION AGAINST FORUM SHOPPING');
    const signatures = tables(jc).find((t) => t.columns[3]?.header === 'Signature')!;
    expect(signatures.rows.map((r) => r[1])).toEqual(filers.map((w) => w.name.toLocaleUpperCase('en')));
    expect(signatures.rows[0]![2]).toBe('ID: ____________\nNo. ____________\nIssued ____________');
    expect(text).toContain('by the affiants named above, each of whom signed in my presence');
    expect(text).toContain('Doc. No. ______;');
  });

  it('one complainant: the singular throughout', () => {
    const one = textOf(docs(group([demo, coWorker('Rosa Nuñez', nothingToClaim)]))['joint-complaint'].blocks);
    expect(one).toContain('MARIA LUZ DELA CRUZ\nof Purok 3, Barangay San Isidro, San Fernando City, La Union,');
    expect(one).toContain('Complainant,');
    expect(one).not.toMatch(/Complainants|complainants|et al\./);
    expect(one).toContain('On 31 July 2025, complainant left complainant');
  });
});

describe('names as written', () => {
  it('a name with template and markup syntax prints as written, in the caption, Annex A and the summary', () => {
    const evil = '{{name}} | # Ñoño \\ *x*';
    const g = group([coWorker(evil), coWorker('Ana Reyes')]);
    const d = docs(g);
    const text = textOf(d['joint-complaint'].blocks);
    expect(text).toContain(`${evil.toLocaleUpperCase('en')} and ANA REYES\n(2 complainants`);
    const annex = tables(d['joint-complaint']).find((t) => t.columns[1]?.header === 'Complainant and address')!;
    expect(annex.rows[0]![1]).toBe(`${evil.toLocaleUpperCase('en')}\nPurok 3, Barangay San Isidro, San Fernando City, La Union`);
    const table = tables(d['group-summary']).find((t) => t.columns[0]?.header === 'Row')!;
    expect(table.rows[0]![2]).toBe(evil);
  });
});

describe('the group summary', () => {
  const g = group(SIX, 2);
  const summary = docs(g)['group-summary'];
  const text = textOf(summary.blocks);

  it('is landscape, titled with the group, dated, with the note', () => {
    expect(summary.orientation).toBe('landscape');
    expect(summary.title).toBe('Group summary: Garment workers recruited for Romania');
    expect(text).toContain('Group summary as of 23 November 2026');
    expect(text).toContain('Note: Assessed from the demo case.');
  });

  it('says which complainants have shared facts other than those the joint complaint states, by Annex A number', () => {
    const same = textOf(docs(g)['group-summary'].blocks);
    expect(same).not.toContain('other than those the joint complaint states');
    // Rows 3 and 6 (Ana Reyes and the mason) told another story in the sheet.
    const other = textOf(docs({ ...g, ctx: { ...g.ctx, otherFacts: [3, 6] } })['group-summary'].blocks);
    const filers = g.workers.filter((w) => w.supported.length);
    const nos = [3, 6].map((row) => filers.findIndex((w) => w.row === row) + 1);
    expect(other).toContain(`2 complainants (Annex A Nos. ${nos[0]} and ${nos[1]}) have respondents, contract terms, a second contract or an ending other than those the joint complaint states (complainant No. 1's)`);
  });

  it('puts the earliest deadline first, and says loudly that it has passed', () => {
    const deadlines = tables(summary)[0]!;
    expect(deadlines.columns.map((c) => c.header)).toEqual(['Deadline', 'Status', 'Claim', 'Workers']);
    const first = earliestDeadlines(g.workers, 1)[0]!;
    expect(first.name).toBe('Ernesto B. Gallardo');
    expect(deadlines.rows[0]).toEqual(['28 February 2026', `PASSED ${-first.daysLeft} days ago`, 'money claims (wages, deductions, fees)', 'Ernesto B. Gallardo (W-5)']);
    // Workers sharing a deadline share a line.
    expect(deadlines.rows[1]).toEqual(['31 March 2028', '494 days left', 'money claims (wages, deductions, fees)', '5 workers: Maria Luz Dela Cruz, Ana Reyes and 3 others']);
    const loud = summary.blocks.find((b) => b.kind === 'paragraph' && textOf([b]).includes('HAS PASSED'))!;
    expect(textOf([loud])).toBe('⚠ 1 DEADLINE HAS PASSED, for 1 worker: those claims may have prescribed. See about interruption (a demand, an earlier filing) at once.');
    expect((loud as { runs: unknown[] }).runs).toEqual([{ text: textOf([loud]), bold: true }]);
    expect(summary.blocks.indexOf(loud)).toBeLessThan(summary.blocks.indexOf(deadlines));
  });

  it('gives the totals per currency, the counts and the failed rows', () => {
    const totals = tables(summary)[1]!;
    expect(totals.rows).toEqual(groupTotals(g.workers).map((t) => [t.currency, money(t.currency, t.amount), money(t.currency, t.amount)]));
    expect(text).toContain('Workers assessed: 7\nWith supported claims, named in the joint complaint: 6\nWith no supported claim: 1\nRows of the worker sheet that failed validation: 2');
    expect(text).toContain('⚠ Rows of the worker sheet that failed validation: 2.');
  });

  it('has a workers × claims table: only grounds someone has, marks, totals per currency', () => {
    const table = tables(summary).find((t) => t.columns[0]?.header === 'Row')!;
    expect(table.columns.map((c) => c.header)).toEqual(['Row', 'ID', 'Name', 'CV', 'CD', 'MD', 'PF', 'RC', 'AF', 'PHP', 'SAR', 'USD']);
    expect(table.rows).toHaveLength(g.workers.length);
    expect(table.rows[0]).toEqual(['2', 'W-1', 'Maria Luz Dela Cruz', '✓', '✓', '✓', '✓', '✓', '✓', '110,000.00', '–', '13,142.46']);
    expect(table.rows[3]!.slice(2, 9)).toEqual(['Rosa Nuñez', '–', '–', '–', '–', '?', '–']);
    expect(table.rows[4]!.slice(2)).toEqual(['Ernesto B. Gallardo', '✓', '–', '–', '–', '–', '✓', '–', '8,348.36', '–']);
    // Each currency's column sums to the group's total in the totals table, to the cent.
    groupTotals(g.workers).forEach((t, k) => {
      const sum = table.rows.reduce((s, r) => (r[9 + k] === '–' ? s : s + parseMoney(t.currency, r[9 + k]!.replace(/,/g, '')).minor), 0n);
      expect(sum).toBe(parseMoney(t.currency, t.amount).minor);
    });
    const key = tables(summary).find((t) => t.columns[0]?.header === 'Column')!;
    expect(key.rows[0]).toEqual(['CV', 'Contractual violation (wages, overtime, deductions, contract substitution)', '6', '0']);
    expect(text).toContain('Not supported for any worker: Illegal termination; Exemplary damages; Actual damages; Nominal damages (valid cause, no due process).');
  });

  it('with more than four currencies, a worker\'s amounts are one line per currency in one column', async () => {
    const fee = (currency: string) => (c: CaseFile) => (c.fees = [{ ...c.fees[0]!, amount: '3000.00', currency }]);
    const many = group([demo, coWorker('A', fee('EUR')), coWorker('B', fee('RON')), coWorker('C', fee('GBP'))]);
    const d = docs(many)['group-summary'];
    const table = tables(d).find((t) => t.columns[0]?.header === 'Row')!;
    expect(table.columns[table.columns.length - 1]!.header).toBe('Totals');
    expect(table.rows[1]![table.columns.length - 1]).toMatch(/^EUR\u00a0[\d,.]+\nPHP\u00a0110,000\.00\nUSD\u00a0[\d,.]+$/);
    expect((await renderPdf(d)).length).toBeGreaterThan(1000);
  });

  it('ends with the unverified rules, the union over the workers', () => {
    const unverified = tables(summary)[tables(summary).length - 1]!;
    const union = [...new Set(g.workers.flatMap((w) => w.unverified))].sort();
    expect(union.length).toBeGreaterThan(3);
    expect(unverified.rows.map((r) => r[0])).toEqual(union);
    expect(unverified.rows.every((r) => r[1] === 'UNVERIFIED')).toBe(true);
    expect(unverified.rows.find((r) => r[0] === 'ph.unexpired.day_divisor')![2]).toBe('every worker');
  });

  it('lists what to complete, including the complainant without an address', () => {
    expect(text).toContain('No address is recorded for 1 complainant (Annex A No. 5)');
  });

  it('with no supported claim at all: the summary only, no joint complaint', () => {
    const none = group([coWorker('Rosa Nuñez', nothingToClaim)]);
    expect(buildGroupDocuments(none.ctx, none.workers, templates).map((d) => d.name)).toEqual(['group-summary']);
  });
});

describe('rendering the group documents', () => {
  const g = group(SIX);

  it('same view, same bytes: PDF and DOCX rendered twice are identical', async () => {
    for (const d of buildGroupDocuments(g.ctx, g.workers, templates)) {
      const again = buildGroupDocuments(g.ctx, g.workers, templates).find((x) => x.name === d.name)!.model;
      expect(Buffer.from(await renderPdf(d.model)).equals(Buffer.from(await renderPdf(again)))).toBe(true);
      expect(Buffer.from(await renderDocx(d.model)).equals(Buffer.from(await renderDocx(again)))).toBe(true);
    }
  });

  it('the summary PDF and DOCX are landscape A4', async () => {
    const summary = docs(g)['group-summary'];
    expect(Buffer.from(await renderPdf(summary)).toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const file = join(dir, 'summary.docx');
    writeFileSync(file, await renderDocx(summary));
    const unzip = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.stdout).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('the marks print (from the symbols font), and the table header repeats on each page', async () => {
    const many = group(Array.from({ length: 40 }, (_, i) => coWorker(`Worker ${i + 1}`)));
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, await renderPdf(docs(many)['group-summary']));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Worker 1 +✓ +✓ +✓ +✓ +✓ +✓ +110,000\.00 +13,142\.46/);
    const pages = text.split('\f').filter((p) => /Worker \d+ /.test(p));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toMatch(/Row +ID +Name +CV +CD/);
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  });
});

describe('pieces of the view', () => {
  it('numbers in runs', () => {
    expect(numberRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7 and 8');
    expect(numberRanges([4])).toBe('4');
  });

  it('a long irregular list of complainants points to Annex A instead', () => {
    // Every other complainant is a mason who was not dismissed.
    const cases = Array.from({ length: 40 }, (_, i) => (i % 2 ? mason : coWorker(`Worker ${i}`)));
    const g = group(cases);
    const v = buildGroupView(g.ctx, g.workers);
    const dismissal = v.causes.find((c) => c.ground === 'constructive_dismissal')!;
    expect(dismissal.who).toBe(`the 20 complainants marked ${dismissal.numeral} in Annex A`);
  });
});
