import * as zlib from 'node:zlib';

/**
 * A minimal zip writer for our own documents (a .docx is a zip): every entry's bytes are known up
 * front, so no data descriptors, no streaming and no ZIP64 (a document over 4 GB is not a draft).
 * Deterministic: entries in the order given, every entry dated 1980-01-01 00:00 (the earliest time
 * a zip can hold), no extra fields, so the same entries give the same bytes on every run and machine.
 * Compression is node:zlib's native deflate, an order of magnitude faster than a JavaScript one,
 * at level 3: a draft affidavit's text (38 KB of XML) deflates in 0.15 ms to 5.8 KB, where zlib's
 * default level takes 0.4 ms to save another 0.5 KB.
 */
export interface ZipEntry {
  /** The path inside the zip, "/"-separated; stored as UTF-8. */
  name: string;
  data: Uint8Array | string;
  /** The same in every file written (a style sheet): compressed once per process, not once per file. */
  constant?: boolean;
}

interface Packed {
  method: number;
  body: Uint8Array;
  crc: number;
  size: number;
}

const DEFLATE_LEVEL = 3;

const packedConstants = new Map<string | Uint8Array, Packed>();

function pack(data: Uint8Array): Packed {
  const deflated = zlib.deflateRawSync(data, { level: DEFLATE_LEVEL });
  // Tiny parts (a relationship file) can come out larger deflated: those are stored.
  const [method, body] = deflated.length < data.length ? [DEFLATED, deflated] : [STORED, data];
  return { method, body, crc: crc32(data), size: data.length };
}

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
/** Version 2.0: the first to know deflate, and all we use. */
const VERSION = 20;
/** General-purpose flag bit 11: names are UTF-8, so a reader does not take them for code page 437. */
const UTF8_NAMES = 1 << 11;
const STORED = 0;
const DEFLATED = 8;

export function zip(entries: ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new Error('zip: more than 65,535 entries needs ZIP64');
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let packed = e.constant ? packedConstants.get(e.data) : undefined;
    if (!packed) {
      packed = pack(typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data);
      if (e.constant) packedConstants.set(e.data, packed);
    }
    const { method, body, crc, size } = packed;
    if (size > 0xffffffff || offset > 0xffffffff) throw new Error('zip: over 4 GB needs ZIP64');

    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    name.copy(local, 30);

    const entry = Buffer.alloc(46 + name.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(VERSION, 4); // made by: MS-DOS (upper byte 0), so no Unix permissions are implied
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(UTF8_NAMES, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: all zero (Buffer.alloc).
    entry.writeUInt32LE(offset, 42);
    name.copy(entry, 46);

    locals.push(local, body);
    central.push(entry);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((s, c) => s + c.length, 0);
  if (offset + centralSize > 0xffffffff) throw new Error('zip: over 4 GB needs ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in all
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...central, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** zlib's own crc32 arrived in Node 20.15; before that, the table-driven one below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) >>> 0 : crc32Js(data);
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), one byte at a time through a 256-entry table. */
export function crc32Js(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
