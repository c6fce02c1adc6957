import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont } from 'fontkit';

/** The PDF fonts: DejaVu Serif in four styles, and DejaVu Sans for the symbols Serif lacks. */
const FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
  // DejaVu Serif has no ✓, ✗, ☐ and other symbols; DejaVu Sans has them, and sets them instead.
  symbols: 'DejaVuSans.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

// Resolved from this module, so it works from src/, dist/ and the bundle alike.
const requireHere = createRequire(import.meta.url);
const fontPath = (file: string): string => requireHere.resolve(`dejavu-fonts-ttf/ttf/${file}`);

/**
 * The fonts, parsed once per process. pdfkit accepts a parsed fontkit font and subsets it anew for
 * each document; parsing the files for every PDF was most of a batch's time (fontkit decodes the
 * layout tables and caches glyphs on the font object, so later documents reuse that work). Words
 * are shaped once per process too: see shareLayouts.
 */
let parsed: Record<FontName, unknown> | undefined;
export function fonts(): Record<FontName, unknown> {
  parsed ??= Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, decodingOnce(openFont(readFileSync(fontPath(file))))])) as Record<FontName, unknown>;
  return parsed;
}

interface Glyph {
  _decode(): unknown;
}

/**
 * The font with each glyph's outline decoded once per process. fontkit keeps a font's glyphs but
 * decodes a glyph's outline anew each time it is asked, and the subset pdfkit embeds in every
 * document asks for every glyph it holds: across a batch's documents, a steady stream of garbage.
 * The decoded outline is only read (it would be changed only for a variable font, which DejaVu is not).
 */
function decodingOnce<F extends object>(font: F): F {
  const f = font as F & { getGlyph(id: number, characters?: number[]): Glyph | null };
  const getGlyph = f.getGlyph.bind(f);
  const once = new WeakSet<Glyph>();
  f.getGlyph = (id, characters) => {
    const glyph = getGlyph(id, characters);
    if (glyph && !once.has(glyph)) {
      once.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
  return f;
}

/** What pdfkit keeps of a font in each document (its EmbeddedFont): the parsed font, and its cache of shaped words. */
interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
}

/** Words kept per font before the cache starts again: bounded, whatever the names in a sheet of 100,000. */
const LAYOUT_CACHE_LIMIT = 50_000;
const layoutCaches = new WeakMap<object, { words: Record<string, unknown>; documents: number }>();

/**
 * Makes the document share, per font, one cache of laid-out words with every other document of
 * this process. pdfkit lays out each word once per document, scaling a fresh copy of its glyph
 * positions: across a batch's thousands of documents, that was its largest allocation, and the
 * garbage collector's work kept the other core busy. pdfkit only reads a laid-out word once it is
 * cached, so one copy can serve all documents; the pages are byte for byte the same.
 */
export function shareLayouts(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as PDFKit.PDFDocument & { _font?: EmbeddedFont };
  const font = doc.font.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const seen = new WeakSet<object>();
  (doc as { font: unknown }).font = (...args: unknown[]) => {
    font(...args);
    const embedded = doc._font;
    if (embedded?.layoutCache && !seen.has(embedded)) {
      seen.add(embedded);
      let shared = layoutCaches.get(embedded.font);
      // Counting the words is not free: done once in a hundred documents.
      if (shared && ++shared.documents % 100 === 0 && Object.keys(shared.words).length > LAYOUT_CACHE_LIMIT) shared = undefined;
      if (!shared) {
        shared = { words: Object.create(null) as Record<string, unknown>, documents: 0 };
        layoutCaches.set(embedded.font, shared);
      }
      embedded.layoutCache = shared.words;
    }
    return doc;
  };
}
