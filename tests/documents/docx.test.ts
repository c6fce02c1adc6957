import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/documents/model.js';
import { renderDocx } from '../../src/documents/render-docx.js';
import { crc32, crc32Js, zip } from '../../src/documents/zip.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-docx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasUnzip = spawnSync('unzip', ['-v']).error === undefined;
const hasPython = spawnSync('python3', ['-c', 'import xml.dom.minidom']).status === 0;

interface Read {
  name: string;
  data: Buffer;
  method: number;
  time: number;
  date: number;
}

/** Reads a zip the way a strict reader would: from the central directory, checking every CRC and both headers. */
function readZip(bytes: Uint8Array): Read[] {
  const buf = Buffer.from(bytes);
  const end = buf.length - 22;
  expect(buf.readUInt32LE(end)).toBe(0x06054b50);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  expect(p + buf.readUInt32LE(end + 12)).toBe(end);
  const out: Read[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const [time, date, crc, size, length, nameLength] = [buf.readUInt16LE(p + 12), buf.readUInt16LE(p + 14), buf.readUInt32LE(p + 16), buf.readUInt32LE(p + 20), buf.readUInt32LE(p + 24), buf.readUInt16LE(p + 28)];
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const local = buf.readUInt32LE(p + 42);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    expect(buf.readUInt32LE(local + 14)).toBe(crc);
    expect(buf.subarray(local + 30, local + 30 + nameLength).toString('utf8')).toBe(name);
    const start = local + 30 + nameLength + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(length);
    expect(crc32Js(data)).toBe(crc);
    out.push({ name, data, method, time, date });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const part = (docx: Uint8Array, name: string): string => readZip(docx).find((e) => e.name === name)!.data.toString('utf8');

/**
 * Well-formed XML, checked strictly: tags nest and close, attribute values are quoted and escaped,
 * text holds no raw "<" or stray "&", and only characters XML 1.0 allows.
 */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\n?/, '');
  expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const TEXT = /^(?:[^<&>]|&(?:amp|lt|gt|quot|apos);)*$/;
  const open: string[] = [];
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = TOKEN.exec(body))) {
    last = TOKEN.lastIndex;
    if (m[5] !== undefined) {
      expect(m[5], 'text').toMatch(TEXT);
      continue;
    }
    for (const value of m[3]!.matchAll(/="([^"]*)"/g)) expect(value[1], 'attribute').toMatch(TEXT);
    if (m[1]) expect(open.pop(), `</${m[2]}>`).toBe(m[2]);
    else if (!m[4]) open.push(m[2]!);
  }
  expect(last, 'parsed to the end').toBe(body.length);
  expect(open).toEqual([]);
}

/** A real parser's opinion as well, where Python is installed. */
function expectParses(docx: Uint8Array): void {
  if (!hasPython) return;
  const file = join(dir, 'parse.docx');
  writeFileSync(file, docx);
  const r = spawnSync('python3', ['-c', 'import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist(): m.parseString(z.read(n))', file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of document.xml's paragraphs as a reader sees it: w:t contents unescaped, w:br a newline, w:tab a tab. */
function textOf(documentXml: string): string[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.indexOf('<w:sectPr>'));
  return [...body.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : t[0] === '<w:tab/>' ? '\t' : t[1]!.replace(/&(\w+);/g, (_, e: string) => XML_ENTITIES[e]!)))
      .join(''),
  );
}

/** What XML 1.0 can carry of a text (and a carriage return goes too: a parser would make it a newline). */
const xmlText = (s: string): string =>
  [...s]
    .filter((c) => {
      const cp = c.codePointAt(0)!;
      return cp === 0x9 || cp === 0xa || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    })
    .join('');

const AWKWARD = ['a < b && c > d', 'quotes "double" and \'single\'', 'ctrl\u0000\u0001\u0008\u000B\u000C\u001F\u007F end', '  leading and trailing  ', 'Ñoño, José, ñ, ß', 'emoji 👩🏽‍⚖️ 🇵🇭', 'lone \uD800 and \uDC00 halves', 'tab\there and\r\nCRLF', '&amp; already escaped', ']]> and <![CDATA[', '\uFFFE\uFFFF'];

const awkward: DocumentModel = {
  title: 'Title with <angle> & "quotes" \u0001',
  initialsField: 'Initials <&> "x" \u0002: ____',
  blocks: [
    { kind: 'heading', level: 1, text: AWKWARD[0]! },
    { kind: 'heading', level: 2, text: AWKWARD[1]!, align: 'right' },
    { kind: 'heading', level: 3, text: AWKWARD[2]! },
    ...AWKWARD.map((t) => ({ kind: 'paragraph' as const, runs: [t, { text: t, bold: true, italic: true, underline: true }] })),
    { kind: 'numbered', runs: [AWKWARD[3]!] },
    { kind: 'pageBreak' },
    { kind: 'table', columns: [{ header: AWKWARD[4]!, width: 1 }, { header: 'x\ny', width: 2, align: 'center' }], rows: [AWKWARD.slice(5, 7), ['', AWKWARD[7]!]], boldLastRow: true },
    { kind: 'signature', name: AWKWARD[8]!, lines: [AWKWARD[9]!, AWKWARD[10]!], align: 'left' },
  ],
};

/** Any character at all, with the ones the writer treats specially drawn often enough to meet each other. */
const TRICKY = fc.oneof(fc.constantFrom('\n', '\t', '\r', ' ', '&', '<', '>', '"', "'", ';', '\u0000', '\u001F', '\uD83D', '\uDE00', '😀', 'ñ', '\uFFFE'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

describe('the zip writer', () => {
  const entries = [
    { name: 'a.txt', data: 'hello '.repeat(200) },
    { name: 'tiny', data: 'x' },
    { name: 'empty', data: new Uint8Array(0) },
    { name: 'dir/ñandú 😀.xml', data: new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)) },
  ];

  it('CRC-32: the check value, and the same as zlib', () => {
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(new Uint8Array(0))).toBe(0);
    const data = Buffer.from('Ñoño 😀 '.repeat(1000));
    expect(crc32(data)).toBe(crc32Js(data));
  });

  it('entries come back in order with their bytes, dated 1980-01-01 00:00; deflated only where it saves space', () => {
    const read = readZip(zip(entries));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((e, i) => expect(e.data.equals(Buffer.from(entries[i]!.data))).toBe(true));
    expect(read.map((e) => e.method)).toEqual([8, 0, 0, 8]);
    for (const e of read) expect([e.time, e.date]).toEqual([0, (1 << 5) | 1]);
  });

  it('same entries, same bytes', () => {
    expect(Buffer.from(zip(entries)).equals(Buffer.from(zip(entries)))).toBe(true);
  });

  it.skipIf(!hasUnzip)('unzip -t finds no errors, and lists the UTF-8 name (skipped where unzip is not installed)', () => {
    const file = join(dir, 'entries.zip');
    writeFileSync(file, zip(entries));
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No errors detected');
    expect(spawnSync('unzip', ['-l', file], { encoding: 'utf8' }).stdout).toContain('1980-01-01 00:00');
  });
});

describe('the DOCX', () => {
  it('same model, same bytes, whatever the text', async () => {
    expect(Buffer.from(await renderDocx(awkward)).equals(Buffer.from(await renderDocx(awkward)))).toBe(true);
  });

  it.skipIf(!hasUnzip)('unzip -t reads it without errors (skipped where unzip is not installed)', async () => {
    const file = join(dir, 'awkward.docx');
    writeFileSync(file, await renderDocx(awkward));
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('every part is well-formed XML, however awkward the text', async () => {
    const docx = await renderDocx(awkward);
    const parts = readZip(docx);
    expect(parts.map((p) => p.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml', 'word/footer1.xml']);
    for (const p of parts) expectWellFormed(p.data.toString('utf8'));
    expectParses(docx);
  });

  it('the text survives: escaped, forbidden characters dropped, spaces kept, line breaks and tabs real', async () => {
    const docx = await renderDocx(awkward);
    const xml = part(docx, 'word/document.xml');
    const paragraphs = textOf(xml);
    for (const t of AWKWARD) expect(paragraphs).toContain(xmlText(t) + xmlText(t));
    expect(paragraphs).toContain('  leading and trailing  ');
    expect(paragraphs).toContain('emoji 👩🏽‍⚖️ 🇵🇭emoji 👩🏽‍⚖️ 🇵🇭');
    expect(xml).toContain('<w:t xml:space="preserve">  leading and trailing  </w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">tab</w:t><w:tab/><w:t xml:space="preserve">here and</w:t><w:br/><w:t xml:space="preserve">CRLF</w:t>');
    expect(xml).toContain('<w:b/><w:bCs/><w:i/><w:iCs/><w:u w:val="single"/>');
    expect(part(docx, 'docProps/core.xml')).toContain('<dc:title>Title with &lt;angle&gt; &amp; &quot;quotes&quot; </dc:title>');
    expect(part(docx, 'word/footer1.xml')).toContain('Initials &lt;&amp;&gt; &quot;x&quot; : ____');
  });

  it('any text round-trips through document.xml (less what XML cannot carry)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: TRICKY, maxLength: 40 }), fc.boolean(), async (text, bold) => {
        const xml = part(await renderDocx({ title: text, blocks: [{ kind: 'numbered', runs: [{ text, bold }, 'end'] }] }), 'word/document.xml');
        expectWellFormed(xml);
        expect(textOf(xml)).toEqual([`${xmlText(text)}end`]);
      }),
      { numRuns: 200 },
    );
  });

  it('no dates, one numbering definition, headings Word can navigate by, Page x of y in the footer', async () => {
    const docx = await renderDocx(awkward);
    expect(part(docx, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
    expect(part(docx, 'word/numbering.xml')).toContain('<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/>');
    const styles = part(docx, 'word/styles.xml');
    for (const level of [1, 2, 3]) expect(styles).toContain(`<w:name w:val="heading ${level}"/>`);
    expect(styles).toContain('<w:outlineLvl w:val="2"/>');
    expect(styles).toContain('<w:spacing w:after="420" w:line="240" w:lineRule="auto"/>');
    const footer = part(docx, 'word/footer1.xml');
    expect(footer).toMatch(/<w:tab w:val="right" w:pos="8306"\/>/);
    expect(footer).toMatch(/Page <\/w:t>.* PAGE .* of <\/w:t>.* NUMPAGES /);
    const xml = part(docx, 'word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/><w:jc w:val="right"/>');
    expect(xml).toContain('<w:pageBreakBefore/><w:spacing w:after="0"/>');
    // The signature on the left: its block is indented from the right.
    expect(xml).toContain('<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="840" w:after="0"/><w:ind w:right="3698"/><w:jc w:val="center"/>');
    expect(xml).toContain('<w:gridCol w:w="2769"/><w:gridCol w:w="5537"/>');
  });
});
