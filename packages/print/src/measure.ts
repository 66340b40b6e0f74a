import { createRequire } from 'node:module';
import type { Font, Glyph } from 'fontkit';
import type { HarfBuzz, Font as HbFont } from 'harfbuzzjs';
import { type FontSet, type FontWeight, sfntOf } from './fonts.ts';
import { Memo } from './memo.ts';

/**
 * HarfBuzz (harfbuzzjs, the HarfBuzz project's own WebAssembly build, the version satori uses)
 * shapes the words: the same glyphs at the same positions as fontkit's layout (test/measure.test.ts),
 * in a third of its time (an A4 poster's layout with every word shaped: 4.6 → 3.2 ms of CPU). fontkit
 * still reads the fonts: coverage, metrics, outlines and bounding boxes.
 */
const harfbuzz = await (createRequire(import.meta.url)('harfbuzzjs') as Promise<HarfBuzz>);
const hbFonts = new WeakMap<Font, HbFont>();
/** One buffer for every word: shaping is synchronous. */
const hbBuffer = harfbuzz.createBuffer();

function hbFontOf(font: Font): HbFont {
  let hbFont = hbFonts.get(font);
  if (!hbFont) {
    hbFont = harfbuzz.createFont(harfbuzz.createFace(harfbuzz.createBlob(sfntOf(font)), 0));
    hbFonts.set(font, hbFont);
  }
  return hbFont;
}

/** Calls `each` with every word of `text` and every space between them, in order: how a line is composed (TextMeasurer). */
function forEachWord(text: string, each: (word: string) => void): void {
  let start = 0;
  for (let end = text.indexOf(' '); end >= 0; end = text.indexOf(' ', start)) {
    if (end > start) each(text.slice(start, end));
    each(' ');
    start = end + 1;
  }
  if (start < text.length) each(text.slice(start));
}

/** One glyph of shaped text: `id` names the glyph of one font file and weight (the same in every job). */
export interface ShapedGlyph {
  id: string;
  glyph: Glyph;
  /** Font units per unit of size (1 / unitsPerEm). */
  unit: number;
  /** Pen position at size 1, from the start of the text; y upwards, as in the font. */
  x: number;
  y: number;
}

export interface ShapedText {
  glyphs: ShapedGlyph[];
  /** Advance width at size 1. */
  advance: number;
}

/**
 * Measures text the way it is drawn: each character in the first font of the fallback chain
 * that has it, runs of one font shaped together (so kerning counts). Measured widths match
 * satori's layout to within a point at 100 pt (see the copyfit tests).
 *
 * Each word (the text between two spaces) is shaped once per measurer, and every line is composed
 * of its words' glyphs and the space's: the copyfitter tries many lines of the same words at many
 * sizes, and shaping each of them whole (fontkit, in JavaScript) was most of a render's time. The
 * composition is exact for these fonts: no lookup of theirs reads a space (no kerning pair, no
 * contextual rule has one; and with no language set, every script selects the same lookups), so a
 * line shaped whole gives the same glyphs at the same positions; test/measure.test.ts checks both
 * on the fonts and on the fixture's lines.
 */
export class TextMeasurer {
  readonly fonts: FontSet;
  private readonly words = new Memo<string, ShapedText>(50_000);
  private readonly shapes = new Memo<string, ShapedText>(20_000);
  private readonly inks = new Memo<string, Ink>(20_000);
  constructor(fonts: FontSet) {
    this.fonts = fonts;
  }

  /** Width of `text` at size 1 (multiply by the font size): its words' advances and its spaces'. */
  unitWidth(text: string, weight: FontWeight): number {
    let total = 0;
    forEachWord(text, (word) => {
      total += this.word(word, weight).advance;
    });
    return total;
  }

  /**
   * The glyphs that draw `text`, with their pen positions at size 1: what the renderer outlines. Its
   * words' shaping (kerning, ligatures) placed one after the other, as unitWidth adds them up, so a
   * line is drawn exactly as wide as it was measured.
   */
  shape(text: string, weight: FontWeight): ShapedText {
    return this.shapes.get(`${weight}\u0000${text}`, () => {
      const glyphs: ShapedGlyph[] = [];
      let pen = 0;
      forEachWord(text, (word) => {
        const shaped = this.word(word, weight);
        for (const g of shaped.glyphs) glyphs.push({ ...g, x: pen + g.x });
        pen += shaped.advance;
      });
      return { glyphs, advance: pen };
    });
  }

  /** A word (or a space) shaped on its own: once per measurer. */
  private word(word: string, weight: FontWeight): ShapedText {
    return this.words.get(`${weight}\u0000${word}`, () => this.shapeWhole(word, weight));
  }

  /** `text` shaped as one: its runs of one font each shaped by HarfBuzz. What a word is; test/measure.test.ts compares lines shaped so with shape()'s. */
  shapeWhole(text: string, weight: FontWeight): ShapedText {
    const glyphs: ShapedGlyph[] = [];
    let pen = 0;
    for (const { font, fontIndex, text: run } of this.runs(text, weight)) {
      hbBuffer.clearContents();
      hbBuffer.addText(run);
      hbBuffer.guessSegmentProperties();
      harfbuzz.shape(hbFontOf(font), hbBuffer);
      const infos = hbBuffer.getGlyphInfos();
      const positions = hbBuffer.getGlyphPositions();
      const unit = 1 / font.unitsPerEm;
      infos.forEach(({ codepoint: id }, i) => {
        const p = positions[i] as (typeof positions)[number];
        glyphs.push({ id: `g${weight}-${fontIndex}-${id}`, glyph: font.getGlyph(id), unit, x: pen + p.x_offset * unit, y: p.y_offset * unit });
        pen += p.x_advance * unit;
      });
    }
    return { glyphs, advance: pen };
  }

  /** Baseline below the top of a line box of height = font size (CSS line-height 1), at size 1: the half-leading model browsers and satori use. */
  baseline(weight: FontWeight): number {
    const font = (this.fonts.faces.get(weight) as Font[])[0] as Font;
    const ascent = font.ascent / font.unitsPerEm;
    const descent = -font.descent / font.unitsPerEm;
    return (1 - ascent - descent) / 2 + ascent;
  }

  /** `text` split into runs each drawn by one font: the first font of the fallback chain that has the character. */
  private runs(text: string, weight: FontWeight): { font: Font; fontIndex: number; text: string }[] {
    const chain = this.fonts.faces.get(weight) as Font[];
    const out: { font: Font; fontIndex: number; text: string }[] = [];
    let run = '';
    let runIndex = -1;
    const flush = () => {
      if (run) out.push({ font: chain[runIndex] as Font, fontIndex: runIndex, text: run });
      run = '';
    };
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      // A character no font has is reported by the glyph check; measure it as the first font's .notdef.
      const index = Math.max(
        0,
        chain.findIndex((f) => f.hasGlyphForCodePoint(cp)),
      );
      if (index !== runIndex) {
        flush();
        runIndex = index;
      }
      run += char;
    }
    flush();
    return out;
  }

  width(text: string, weight: FontWeight, size: number): number {
    return this.unitWidth(text, weight) * size;
  }

  /**
   * Where the ink of `text` is, at size 1: the union of its glyphs' bounding boxes (from the font's
   * glyph data, so the ring of Å, the circumflex of Î, the comma of Ș and the tails of g, p, у count)
   * placed as shaped. x from the pen start; y up from the baseline (`top` above it is positive,
   * `bottom` below it negative). Not the font's ascender and descender, which no line may reach or
   * which accents exceed. All zero for text without ink (spaces).
   */
  ink(text: string, weight: FontWeight): Ink {
    return this.inks.get(`${weight}\u0000${text}`, () => {
      let ink: Ink | undefined;
      for (const g of this.shape(text, weight).glyphs) {
        const b = g.glyph.bbox;
        if (!(b.maxX > b.minX) || !(b.maxY > b.minY)) continue;
        const box = { left: g.x + b.minX * g.unit, right: g.x + b.maxX * g.unit, top: g.y + b.maxY * g.unit, bottom: g.y + b.minY * g.unit };
        ink = ink
          ? {
              left: Math.min(ink.left, box.left),
              right: Math.max(ink.right, box.right),
              top: Math.max(ink.top, box.top),
              bottom: Math.min(ink.bottom, box.bottom),
            }
          : box;
      }
      return ink ?? { left: 0, right: 0, top: 0, bottom: 0 };
    });
  }

  /** Height of the capitals (OS/2 sCapHeight) of the first font of the chain, at size 1: what legibility rules measure. */
  capHeight(weight: FontWeight): number {
    const font = (this.fonts.faces.get(weight) as Font[])[0] as Font;
    return font.capHeight / font.unitsPerEm;
  }
}

/** Ink bounds of a text at size 1: x from the pen start, y up from the baseline. */
export interface Ink {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Line breaking and copyfitting (UAX #14, unbreakable addresses and numbers, balanced headlines): typeset.ts.
export { type FitFailure, type FitRequest, type FitResult, fitText } from './typeset.ts';
