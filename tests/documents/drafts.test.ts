import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { summariseWorker } from '../../src/batch/summary.js';
import { safeFileStem } from '../../src/core/file-stem.js';
import { DRAFT_DOCUMENTS, buildDrafts } from '../../src/documents/drafts.js';
import { GROUP_DOCUMENTS, buildGroupDocuments, groundsOf } from '../../src/documents/group-view.js';
import { escapeMarkup, parseMarkup } from '../../src/documents/markup.js';
import type { Block, DocumentModel } from '../../src/documents/model.js';
import { renderDocx } from '../../src/documents/render-docx.js';
import { renderPdf } from '../../src/documents/render-pdf.js';
import { loadTemplates, renderTemplate } from '../../src/documents/templates.js';
import { buildDraftView } from '../../src/documents/view.js';
import { assess } from '../../src/law/assess.js';
import { PARAMETERS, baseCase, readFixture } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const SHIPPED = 'templates';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const viewOf = (name: string) => {
  const c = readFixture(name);
  return buildDraftView(c, assess(c, { asOf: AS_OF }, PARAMETERS), PARAMETERS);
};
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
const draftsOf = async (name: string, templates = SHIPPED) => {
  const c = readFixture(name);
  return buildDrafts(c, assess(c, { asOf: AS_OF }, PARAMETERS), PARAMETERS, await loadTemplates(templates));
};

describe('the view: facts as a first-person sworn statement', () => {
  it('demo-romania: recruitment, contract, substitution, pay, abuse, ending and return, in order', () => {
    const v = viewOf('demo-romania.yaml');
    expect(v.facts.map((s) => s.id)).toEqual(['parties', 'recruitment', 'contract', 'substitution', 'work', 'abuse', 'ending', 'return']);
    const all = v.facts.flatMap((s) => s.paragraphs).join('\n');
    expect(all).toContain('On 22 January 2025, I paid USD 2,500.00 to the agency as a placement fee');
    expect(all).toContain('On 20 January 2025, I signed an employment contract approved by the POEA/DMW');
    expect(all).toContain('a basic salary of USD 400.00 a month');
    expect(all).toContain('On 3 March 2025, in Bacău, Romania, I was made to sign a second contract');
    expect(all).toContain('For March 2025, I was paid nothing (trial period, no pay).');
    expect(all).toContain('For May to July 2025, I received USD 235.00 each month.');
    expect(all).toContain('From April to July 2025, USD 70.00 a month was deducted from my wages');
    expect(all).toContain('On 31 July 2025, I left my work');
    expect(all).toContain('I returned to the Philippines on 4 August 2025.');
    expect(all).not.toMatch(/undefined|null|NaN|\d{4}-\d{2}-\d{2}/);
    expect(v.claims.map((c) => c.ground)).toEqual(['contractual_violation', 'constructive_dismissal', 'moral_damages', 'placement_fee_refund', 'repatriation_costs', 'attorneys_fees']);
    expect(v.totals.map((t) => `${t.amount}`)).toEqual(['PHP 110,000.00', 'USD 13,142.46']);
    expect(v.worker.initials).toBe('M.L.D.C.');
    // Over the cap and a substituted contract: the criminal route.
    expect(v.illegalRecruitment?.acts.join(' ')).toMatch(/USD 2,500\.00 on 22 January 2025 as a placement fee, when the lawful cap was USD 400\.00 .*USD 2,100\.00 more than the law allows/);
    expect(v.illegalRecruitment?.acts.join(' ')).toMatch(/approved contract was replaced on 3 March 2025/);
  });

  it('household worker: any fee is illegal, and the fee had no receipt', () => {
    const v = viewOf('household-worker-dismissed.yaml');
    const acts = v.illegalRecruitment!.acts.join('\n');
    expect(acts).toContain('no fee at all may be charged to a household service worker');
    expect(acts).toContain('No receipt was issued to me for PHP 25,000.00 paid on 22 May 2025.');
    const all = v.facts.flatMap((s) => s.paragraphs).join('\n');
    expect(all).toContain('On 2 August 2025, I was physically assaulted by the employer\'s wife');
    expect(all).toContain('On 20 August 2025, I was dismissed');
    expect(all).toContain('No cause for my dismissal was given to me.');
  });

  it('seafarer-serrano: no fee, no illegal recruitment; paid in full aboard', () => {
    const v = viewOf('seafarer-serrano.yaml');
    expect(v.illegalRecruitment).toBeNull();
    expect(v.facts.find((s) => s.id === 'recruitment')).toBeUndefined();
    expect(v.facts.flatMap((s) => s.paragraphs).join('\n')).toContain('On 26 May 1998, I was dismissed');
    expect(v.claims.map((c) => c.ground)).toContain('illegal_termination');
  });

  it('taiwan: a disputed just cause and the airfare deducted, said once', () => {
    const all = viewOf('taiwan-factory-airfare.yaml').facts.flatMap((s) => s.paragraphs).join('\n');
    expect(all).toContain('The employer claimed that I was at fault. I deny it.');
    expect(all).toContain('In April 2025, TWD 3,000.00 was deducted from my wages by the employer for airfare');
    expect(all).toContain('The cost of my journey home, TWD 3,000.00, was deducted from my wages.');
  });

  it('sparse intake: a short statement, no gaps, the missing facts in the cover note', async () => {
    const v = viewOf('sparse-intake.yaml');
    expect(v.facts.map((s) => s.id)).toEqual(['parties', 'contract', 'ending']);
    expect(v.employer).toBeNull();
    expect(v.toComplete.join(' ')).toContain('The foreign employer (name and address): none is recorded.');
    expect(v.possible.length).toBeGreaterThan(0);
    for (const d of await draftsOf('sparse-intake.yaml')) expect(textOf(d.model.blocks)).not.toMatch(/undefined|\bnull\b|\[object/);
    const note = (await draftsOf('sparse-intake.yaml')).find((d) => d.name === 'cover-note')!;
    expect(textOf(note.model.blocks)).toMatch(/Claims left out: facts still missing/);
    expect(textOf(note.model.blocks)).toMatch(/case file: /);
  });
});

describe('the markup', () => {
  it('parses headings, numbered paragraphs, tables, signatures, line breaks and styles', () => {
    const m = parseMarkup(
      ['@title T', '@initials I: __', '# Title', '', '@center **Bold** and *it* \\', 'next line', '', '1. First', 'continued', '', '@indent @right x', '', '@table-total A:3 | B:1:right', '| a | 1 |', '| total | 2 |', '', '@signature', 'NAME', 'Role', '', '@pagebreak'].join('\n'),
      'fallback',
    );
    expect(m.title).toBe('T');
    expect(m.initialsField).toBe('I: __');
    expect(m.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', runs: [{ text: 'Bold', bold: true }, ' and ', { text: 'it', italic: true }, '\nnext line'], align: 'center' },
      { kind: 'numbered', runs: ['First continued'] },
      { kind: 'paragraph', runs: ['x'], align: 'right', indent: 1 },
      { kind: 'table', columns: [{ header: 'A', width: 3 }, { header: 'B', width: 1, align: 'right' }], rows: [['a', '1'], ['total', '2']], boldLastRow: true },
      { kind: 'signature', name: 'NAME', lines: ['Role'] },
      { kind: 'pageBreak' },
    ]);
  });

  it('escaped text forges no structure', () => {
    const evil = '{{name}} | # Ñoño\n1. **x** @pagebreak \\';
    const m = parseMarkup(`${escapeMarkup(evil)}\n\n| ${escapeMarkup(evil)} |`, 't');
    expect(m.blocks).toHaveLength(2);
    expect(m.blocks[0]).toEqual({ kind: 'paragraph', runs: ['{{name}} | # Ñoño 1. **x** @pagebreak \\'] });
  });

  it('turns the page with @orientation, and breaks a cell line at a lone backslash', () => {
    const m = parseMarkup(['@orientation landscape', '', '@table Name \\ and address:3 | B', `| ${escapeMarkup('A \\ B | C')} \\ Street 1 | x \\ |`].join('\n'), 't');
    expect(m.orientation).toBe('landscape');
    expect(m.blocks).toEqual([{ kind: 'table', columns: [{ header: 'Name\nand address', width: 3 }, { header: 'B', width: 1 }], rows: [['A \\ B | C\nStreet 1', 'x\n']] }]);
    expect(parseMarkup('# T', 't').orientation).toBeUndefined();
    expect(() => parseMarkup('@orientation sideways', 't')).toThrow(/output line 1: @orientation is portrait or landscape, not sideways/);
  });

  it('a bad table row names the output line', () => {
    expect(() => parseMarkup('@table A | B\n| only one |', 't')).toThrow(/output line 2: a table row has 1 cell/);
  });
});

describe('templates', () => {
  it('a worker name with template and markup syntax prints as written', async () => {
    const c = baseCase({ worker: { name: '{{name}} | # Ñoño', address: '1. Street | #2' } });
    const drafts = buildDrafts(c, assess(c, { asOf: AS_OF }, PARAMETERS), PARAMETERS, await loadTemplates(SHIPPED));
    const ca = drafts.find((d) => d.name === 'complaint-affidavit')!.model;
    const text = textOf(ca.blocks);
    expect(text).toContain('{{NAME}} | # ÑOÑO');
    expect(text).toContain('1. Street | #2');
    expect(ca.blocks.filter((b) => b.kind === 'heading' && /ÑOÑO/.test(b.text))).toEqual([]);
    expect(safeFileStem('{{name}} | # Ñoño')).toBe('name-nono');
  });

  it('every shipped template is a document of a draft set or of a batch (or a partial), and renders', async () => {
    const names = readdirSync(SHIPPED).filter((f) => f.endsWith('.hbs') && !f.startsWith('_')).map((f) => f.slice(0, -4)).sort();
    expect(names).toEqual([...DRAFT_DOCUMENTS, ...GROUP_DOCUMENTS].sort());
    const set = await loadTemplates(SHIPPED);
    const c = readFixture('demo-romania.yaml');
    const a = assess(c, { asOf: AS_OF }, PARAMETERS);
    const rendered = [
      ...buildDrafts(c, a, PARAMETERS, set),
      ...buildGroupDocuments({ title: 'Group', note: null, asOf: AS_OF, base: c, grounds: groundsOf([a]), failedRows: 0 }, [summariseWorker(2, '1', 'w', c, a)], set),
    ];
    expect(rendered.map((d) => d.name).sort()).toEqual(names);
    for (const d of rendered) {
      expect(d.model.blocks.length).toBeGreaterThan(5);
      // Nor a value as a program holds it: a law parameter reads as words ("1 month(s) of basic salary"), not JSON.
      expect(textOf(d.model.blocks)).not.toMatch(/undefined|\bnull\b|\[object|NaN|\{"|\["/);
    }
  });

  it('a missing field is an error naming the template file, the line and the field', async () => {
    const over = join(dir, 'broken');
    rmSync(over, { recursive: true, force: true });
    const set = await loadTemplates(SHIPPED);
    mkdirSync(over);
    writeFileSync(join(over, 'cover-note.hbs'), '# Note\n\nFor {{worker.name}}\n\nAt {{worker.nickname}}\n');
    const broken = await loadTemplates(SHIPPED, over);
    const v = viewOf('demo-romania.yaml');
    expect(() => renderTemplate(set, 'cover-note', v)).not.toThrow();
    let err: unknown;
    try {
      renderTemplate(broken, 'cover-note', v);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/broken\/cover-note\.hbs:line 5: nickname: no field "nickname"/);
    // A misspelt list in a block helper is caught too, not an empty section.
    writeFileSync(join(over, 'cover-note.hbs'), '# Note\n\n{{#each fatcs}}\n{{title}}\n{{/each}}\n');
    const misspelt = await loadTemplates(SHIPPED, over);
    expect(() => renderTemplate(misspelt, 'cover-note', v)).toThrow(/cover-note\.hbs:line 3: fatcs: no field "fatcs"/);
  });

  it('an override replaces a shipped template by name; the others stay', async () => {
    const over = mkdtempSync(join(dir, 'office-'));
    writeFileSync(join(over, 'evidence-checklist.hbs'), '# OUR CHECKLIST\n\n{{#each evidence}}\n## {{label}}\n\n{{/each}}\n');
    const drafts = await draftsOf('demo-romania.yaml', SHIPPED);
    const c = readFixture('demo-romania.yaml');
    const custom = buildDrafts(c, assess(c, { asOf: AS_OF }, PARAMETERS), PARAMETERS, await loadTemplates(SHIPPED, over));
    expect(textOf(custom.find((d) => d.name === 'evidence-checklist')!.model.blocks)).toMatch(/^OUR CHECKLIST/);
    expect(custom.find((d) => d.name === 'complaint-affidavit')).toEqual(drafts.find((d) => d.name === 'complaint-affidavit'));
  });

  it('the complaint-affidavit has every part a lawyer looks for', async () => {
    const ca = (await draftsOf('demo-romania.yaml')).find((d) => d.name === 'complaint-affidavit')!.model;
    const text = textOf(ca.blocks);
    for (const part of ['NATIONAL LABOR RELATIONS COMMISSION', 'REGIONAL ARBITRATION BRANCH NO.', 'Complainant,', 'Respondents, jointly and solidarily liable.', 'COMPLAINT-AFFIDAVIT', 'after being duly sworn', 'CLAIMS', 'Legal basis:', 'PRAYER', 'VERIFICATION AND CERTIFICATION AGAINST FORUM SHOPPING', 'SUBSCRIBED AND SWORN', 'competent evidence of identity', 'USD 13,142.46']) expect(text).toContain(part);
    expect(ca.initialsField).toBe("Affiant's initials (M.L.D.C.): __________");
    expect(ca.blocks.filter((b) => b.kind === 'numbered').length).toBeGreaterThan(30);
  });
});

describe('rendering', () => {
  const sample: DocumentModel = {
    title: 'Ñoño test',
    initialsField: 'Initials: ____',
    blocks: [
      { kind: 'heading', level: 1, text: 'TITLE' },
      ...Array.from({ length: 30 }, (_, i) => ({ kind: 'numbered' as const, runs: [`Paragraph ${i + 1} for José Ñoño, é and ñ.`] })),
      { kind: 'table', columns: [{ header: 'Item', width: 3 }, { header: 'Amount', width: 1, align: 'right' }], rows: Array.from({ length: 60 }, (_, i) => [`Row ${i + 1}`, `USD ${i}.00`]) },
      { kind: 'signature', name: 'JOSÉ ÑOÑO', lines: ['Affiant'] },
    ],
  };

  it('same model, same bytes (PDF and DOCX)', async () => {
    expect(Buffer.from(await renderPdf(sample)).equals(Buffer.from(await renderPdf(sample)))).toBe(true);
    expect(Buffer.from(await renderDocx(sample)).equals(Buffer.from(await renderDocx(sample)))).toBe(true);
  });

  it('every text call gives pdfkit its options in one shape (several shapes made its lookups megamorphic)', async () => {
    const shapes = new Set<string>();
    const spies = (['text', 'heightOfString'] as const).map((name) => {
      const original = PDFDocument.prototype[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(PDFDocument.prototype, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
        const options = [...args].reverse().find((a): a is object => typeof a === 'object' && a !== null);
        shapes.add(options ? Object.keys(options).join(',') : '(none)');
        return original.apply(this, args) as never;
      });
    });
    try {
      for (const d of await draftsOf('demo-romania.yaml')) await renderPdf(d.model);
      await renderPdf(sample);
      // An empty line inside a paragraph, and a numbered paragraph's number, are calls of their own.
      await renderPdf({ title: 'lines', blocks: [{ kind: 'paragraph', runs: ['first line\n\nthird line'] }, { kind: 'numbered', runs: ['one'] }] });
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect([...shapes]).toEqual(['width,align,continued,underline,lineBreak']);
  });

  it('a heading never stands alone at the foot of a page: it goes with a block kept whole, or with a table\'s header and first row', async () => {
    const pageOf = new Map<string, number>();
    const original = PDFDocument.prototype.text as (...args: unknown[]) => unknown;
    const spy = vi.spyOn(PDFDocument.prototype, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args: unknown[]) {
      if (typeof args[0] === 'string' && !pageOf.has(args[0])) pageOf.set(args[0], this.bufferedPageRange().count);
      return original.apply(this, args) as never;
    });
    const misplaced: string[] = [];
    try {
      // A filler of k lines, split freely across pages, brings the heading to every height on the page.
      for (let k = 6; k < 60; k++) {
        const filler = { kind: 'paragraph' as const, runs: [Array.from({ length: k }, (_, i) => `filler ${k}.${i}`).join('\n')] };
        for (const [name, next] of [
          ['block', { kind: 'paragraph', runs: ['Workers assessed: 42\nWith supported claims: 42\nWith none: 0\nRows that failed: 5'] }],
          ['table', { kind: 'table', columns: [{ header: 'Deadline\nof the claim', width: 1 }, { header: 'Workers', width: 1 }], rows: [['31 March 2028', 'first line\nsecond line\nthird line'], ['later', 'row']] }],
        ] as [string, Block][]) {
          pageOf.clear();
          await renderPdf({ title: 't', blocks: [filler, { kind: 'heading', level: 2, text: 'Heading' }, next] });
          const first = next.kind === 'table' ? 'Deadline' : 'Workers assessed: 42';
          if (pageOf.get('Heading') !== pageOf.get(first)) misplaced.push(`${name} after ${k} lines: heading on page ${pageOf.get('Heading')}, "${first}" on page ${pageOf.get(first)}`);
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(misplaced).toEqual([]);
  });

  it('the PDF is A4, embeds DejaVu Serif, has several pages and no modification date', async () => {
    const pdf = Buffer.from(await renderPdf(sample)).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif/);
        expect(pdf).not.toContain('/ModDate');
    const pages = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf)![1]);
    expect(pages).toBeGreaterThan(2);
  });

  it.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('pdftotext reads Page x of y, the initials and the repeated table header on every page (skipped where poppler is not installed)', async () => {
    const file = join(dir, 'sample.pdf');
    writeFileSync(file, await renderPdf(sample));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((p) => p.trim());
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('Initials: ____');
    });
    expect(text).toContain('José Ñoño, é and ñ');
    const withRows = pages.filter((p) => /Row \d+/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toMatch(/Item\s+Amount/);
  });

  it('the DOCX has numbered paragraphs, a repeating header row, A4 and 14 pt', async () => {
    const file = join(dir, 'sample.docx');
    writeFileSync(file, await renderDocx(sample));
    const unzip = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    if (unzip.error) return; // no unzip on this machine: the byte checks above still hold
    const xml = unzip.stdout;
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});
