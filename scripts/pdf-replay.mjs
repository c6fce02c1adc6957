// pdfkit alone: the calls our renderer makes on a PDFDocument, recorded, and replayed on fresh
// documents with nothing of ours around them. The floor the batch bench (bench-batch.mjs) measures
// our pipeline against; bench-floor.mjs replays a recording in a process of its own.
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { fonts, shareLayouts } from '../dist/documents/pdf-fonts.js';

/** Methods that only measure: our layout's questions to pdfkit, not drawing. */
const QUERIES = new Set(['heightOfString', 'widthOfString', 'currentLineHeight', 'bufferedPageRange', 'boundsOfString']);

/** Plain data copied (pdfkit copies text options, but our later calls must not reach back), objects such as fonts by reference. */
function copy(v) {
  if (Array.isArray(v)) return v.map(copy);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

/**
 * Runs `render` with every outside call on a PDFDocument recorded; returns each document's calls.
 * With `when`, only documents begun while it answers true are recorded.
 */
export async function recording(render, when = () => true) {
  const proto = PDFDocument.prototype;
  const originals = new Map();
  const docs = new Map();
  /** Documents whose constructor has returned: the calls it makes itself (addPage, font, …) are pdfkit's own. */
  const built = new WeakSet();
  /** Documents begun while `when` said no. */
  const skipped = new WeakSet();
  let depth = 0;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (name === 'constructor' || name.startsWith('_') || typeof d.value !== 'function') continue;
    originals.set(name, d.value);
    proto[name] = function (...args) {
      if (depth === 0 && !built.has(this) && !skipped.has(this) && !/at new PDFDocument/.test(new Error().stack)) (when() ? built : skipped).add(this);
      if (depth === 0 && built.has(this) && !QUERIES.has(name)) {
        if (!docs.has(this)) docs.set(this, { options: copy(this.options), calls: [] });
        docs.get(this).calls.push({ name, args: args.map(copy), x: this.x, y: this.y, bottom: this.page?.margins.bottom });
      }
      depth += 1;
      try {
        return d.value.apply(this, args);
      } finally {
        depth -= 1;
      }
    };
  }
  try {
    const result = await render();
    return { result, docs: [...docs.values()] };
  } finally {
    for (const [name, fn] of originals) proto[name] = fn;
  }
}

/** Draws a recorded document on a fresh PDFDocument; resolves to its bytes. */
export function replay({ options, calls }) {
  const pdf = new PDFDocument(options);
  // The same sharing of laid-out words across documents as our renderer has (pdf-fonts.ts).
  shareLayouts(pdf);
  const chunks = [];
  pdf.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  for (const c of calls) {
    pdf.x = c.x;
    pdf.y = c.y;
    if (c.bottom !== undefined) pdf.page.margins.bottom = c.bottom;
    pdf[c.name](...c.args);
  }
  return done.then(() => Buffer.concat(chunks));
}

export const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A recorded document as another process reads it: its calls, and what their replay must give. */
export const filed = ({ options, calls }, name, bytes) => ({ name, options, calls, pages: pageCount(bytes), sha256: digest(bytes) });

export const pageCount = (bytes) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(bytes.toString('latin1'))?.[1] ?? NaN);

/**
 * Recorded documents as JSON, for a process of their own. The parsed fonts our renderer hands
 * pdfkit (pdf-fonts.ts) go by name, and the other process takes its own; dates go as their time; anything else that is
 * not plain data stops the bench rather than replay something else.
 */
export function recordingToJson(docs) {
  const names = new Map(Object.entries(fonts()).map(([name, font]) => [font, name]));
  return JSON.stringify(docs, function (key, v) {
    // A Date has turned itself into a string before it gets here: its holder still has it.
    if (this[key] instanceof Date) return { $date: this[key].getTime() };
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) {
      if (names.has(v)) return { $font: names.get(v) };
      throw new Error(`a recorded pdfkit call has an argument that is not plain data (${key}: ${v.constructor?.name})`);
    }
    return v;
  });
}

export function recordingFromJson(text) {
  const parsed = fonts();
  return JSON.parse(text, (_, v) => {
    if (v && typeof v === 'object' && typeof v.$font === 'string') return parsed[v.$font];
    if (v && typeof v === 'object' && typeof v.$date === 'number') return new Date(v.$date);
    return v;
  });
}
