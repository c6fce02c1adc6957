import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The editable drafts opened by a word processor, as a paralegal opens them: LibreOffice (Debian
 * package libreoffice-writer-nogui) turns each DOCX of the demo into a PDF, and the words and the
 * page count are compared with our own PDF of the same draft. Our zip and XML tests (docx.test.ts)
 * check the file's form; only an office suite shows that it reads as a document. Skipped where
 * LibreOffice or poppler is not installed; slow (a few seconds a document).
 */
const BIN = resolve('bin/migrant-claims.js');
const has = (cmd: string, args: string[]) => spawnSync(cmd, args).error === undefined;
const ready = has('soffice', ['--version']) && has('pdftotext', ['-v']) && has('pdfinfo', ['-v']);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-office-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
/**
 * The words of a PDF as pdftotext reads them (in layout mode, where it leaves hyphens and footers
 * where they stand), counted, without the footer (it comes once a page) and without hyphens: the
 * two documents break lines in different places, so a word hyphenated at a line's end in one is
 * joined with the rest of it, and "full-unexpired-portion" reads "fullunexpiredportion" in both.
 */
function words(pdf: string): Map<string, number> {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/Page \d+ of \d+|Affiant's initials \([^)]*\): _+/g, ' ');
  const counts = new Map<string, number>();
  for (const w of text.replace(/-\s*\n\s*/g, '').replace(/-/g, '').split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The words one PDF has more (or fewer) of than the other, as "word: ours/theirs". */
function difference(ours: Map<string, number>, theirs: Map<string, number>): string[] {
  return [...new Set([...ours.keys(), ...theirs.keys()])].filter((w) => ours.get(w) !== theirs.get(w)).map((w) => `${w}: ${ours.get(w) ?? 0}/${theirs.get(w) ?? 0}`);
}

describe.skipIf(!ready)('the demo DOCX drafts in LibreOffice (skipped where it is not installed)', () => {
  it('each opens, reads as its PDF reads, and has about as many pages', { timeout: 180_000 }, () => {
    const drafts = join(dir, 'drafts');
    expect(spawnSync(process.execPath, [BIN, 'demo', '--as-of', '2026-11-23', '-o', drafts], { encoding: 'utf8' }).status).toBe(0);
    const docx = readdirSync(drafts).filter((f) => f.endsWith('.docx')).sort();
    expect(docx).toHaveLength(5);
    const office = join(dir, 'office');
    // A profile of its own: a LibreOffice the user has open would otherwise take the job and exit.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', office, ...docx.map((f) => join(drafts, f))], { encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const f of docx) {
      const ours = join(drafts, f.replace(/\.docx$/, '.pdf'));
      const theirs = join(office, f.replace(/\.docx$/, '.pdf'));
      // The same words, as often: a dropped paragraph, heading, table row or run shows. Compared
      // as counts, since the two set lines and tables in different places. Two words may differ:
      // our PDF repeats a table's header row ("Item", "Amount") on the page a table runs onto,
      // and LibreOffice's table may not run onto another page.
      const diff = difference(words(ours), words(theirs));
      expect(diff.length, `${f}: ${diff.join('; ')}`).toBeLessThanOrEqual(2);
      // The same fonts, sizes and margins; a different line breaker may move a line across a page.
      expect(Math.abs(pages(theirs) - pages(ours)), f).toBeLessThanOrEqual(1);
    }
  });
});
