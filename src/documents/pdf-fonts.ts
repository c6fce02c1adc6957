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
 * layout tables and caches glyphs on the font object, so later documents reuse that work).
 */
let parsed: Record<FontName, unknown> | undefined;
export function fonts(): Record<FontName, unknown> {
  parsed ??= Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, withWordCache(openFont(readFileSync(fontPath(file))))])) as Record<FontName, unknown>;
  return parsed;
}

interface Position { xAdvance: number; [k: string]: number }
interface GlyphRun { glyphs: unknown[]; positions: Position[] }
interface Shaper { layout(text: string, features?: unknown): GlyphRun }

/** Words shaped once per process, not once per document: the same words recur in every draft. */
const WORD_CACHE_LIMIT = 50_000;

/**
 * The font with its `layout` (text shaping, pdfkit's other large cost) remembered per word across
 * documents. pdfkit scales the positions it is given in place, so each caller gets fresh copies;
 * the glyphs themselves are only read.
 */
function withWordCache<F extends object>(font: F): F {
  const shaper = font as unknown as Shaper;
  const words = new Map<string, GlyphRun>();
  const cached = Object.create(font) as F & Shaper;
  cached.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return shaper.layout(text, features);
    let run = words.get(text);
    if (!run) {
      if (words.size >= WORD_CACHE_LIMIT) words.clear();
      const shaped = shaper.layout(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((p) => ({ ...p })) };
      words.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    } as GlyphRun;
  };
  return cached;
}

