import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFilesSync } from '../../src/io/write-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'mc-write-'));
  dirs.push(d);
  return d;
};
const mode = (p: string) => statSync(p).mode & 0o777;

describe('replaceFilesSync (a batch worker folder)', () => {
  const files = [
    ['case.json', '{}\n'],
    ['complaint.pdf', new Uint8Array([37, 80, 68, 70])],
    ['.inputs.sha256', 'abc\n'],
  ] as const;

  it('writes every file whole, owner-only, in a folder of its own, with no temporary file left', () => {
    const dir = join(scratch(), '0001-worker');
    replaceFilesSync(dir, files, { durable: false });
    expect(readdirSync(dir).sort()).toEqual(['.inputs.sha256', 'case.json', 'complaint.pdf']);
    expect(readFileSync(join(dir, 'case.json'), 'utf8')).toBe('{}\n');
    expect([...readFileSync(join(dir, 'complaint.pdf'))]).toEqual([37, 80, 68, 70]);
    expect(mode(dir)).toBe(0o700);
    for (const [name] of files) expect(mode(join(dir, name))).toBe(0o600);
  });

  it('makes files 0600 under a umask that masks the owner bits, and replaces those already there', () => {
    const dir = join(scratch(), '0002-worker');
    replaceFilesSync(dir, [['case.json', 'old\n']]);
    // 0600 made under umask 0277 is 0400: the mode must be set after the file is made.
    const before = process.umask(0o277);
    try {
      replaceFilesSync(dir, files);
    } finally {
      process.umask(before);
    }
    expect(readFileSync(join(dir, 'case.json'), 'utf8')).toBe('{}\n');
    for (const [name] of files) expect(mode(join(dir, name))).toBe(0o600);
  });
});
