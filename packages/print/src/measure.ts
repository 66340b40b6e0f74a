import type { Font, Glyph, GlyphPosition } from 'fontkit';
import type { FontSet, FontWeight } from './fonts.ts';
import { Memo } from './memo.ts';

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
 * that has it, runs of one font laid out together (so kerning counts). Measured widths match
 * satori's layout to within a point at 100 pt (see the copyfit tests).
 */
export class TextMeasurer {
  readonly fonts: FontSet;
  private readonly widths = new Memo<string, number>(50_000);
  private readonly shapes = new Memo<string, ShapedText>(20_000);
  private readonly outlines = new Memo<string, string>(20_000);
  constructor(fonts: FontSet) {
    this.fonts = fonts;
  }

  /** Width of `text` at size 1 (multiply by the font size). */
  unitWidth(text: string, weight: FontWeight): number {
    return this.widths.get(`${weight}\u0000${text}`, () => {
      let total = 0;
      for (const { font, text: run } of this.runs(text, weight)) total += font.layout(run).advanceWidth / font.unitsPerEm;
      return total;
    });
  }

  /**
   * The glyphs that draw `text`, with their pen positions at size 1: what the renderer outlines. The
   * same runs and shaping (kerning, ligatures) as unitWidth, so a line is drawn exactly as wide as
   * it was measured.
   */
  shape(text: string, weight: FontWeight): ShapedText {
    return this.shapes.get(`${weight}\u0000${text}`, () => this.shapeUncached(text, weight));
  }

  /** A glyph's outline: SVG path data in font units, y up ('' for a space). */
  outline(g: ShapedGlyph): string {
    return this.outlines.get(g.id, () => g.glyph.path.toSVG());
  }

  private shapeUncached(text: string, weight: FontWeight): ShapedText {
    const glyphs: ShapedGlyph[] = [];
    let pen = 0;
    for (const { font, fontIndex, text: run } of this.runs(text, weight)) {
      const laid = font.layout(run);
      const unit = 1 / font.unitsPerEm;
      laid.glyphs.forEach((glyph, i) => {
        const p = laid.positions[i] as GlyphPosition;
        glyphs.push({ id: `g${weight}-${fontIndex}-${glyph.id}`, glyph, unit, x: pen + p.xOffset * unit, y: p.yOffset * unit });
        pen += p.xAdvance * unit;
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
}

/** A piece of text between break opportunities: spaces, and after a hyphen, dash or slash. */
interface Piece {
  text: string;
  /** Joined to the previous piece by a space (true) or directly (after a hyphen). */
  spaced: boolean;
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const word of text.trim().split(/ +/)) {
    const parts = word.match(/[^-\u2010\u2013\u2014/]+[-\u2010\u2013\u2014/]*|[-\u2010\u2013\u2014/]+/g) ?? [word];
    parts.forEach((p, i) => {
      out.push({ text: p, spaced: i === 0 && out.length > 0 });
    });
  }
  return out;
}

/** Greedy line breaking at `width` (size 1 units). Returns undefined when a single piece is wider than the box. */
function breakLines(ps: Piece[], width: number, weight: FontWeight, m: TextMeasurer): string[] | undefined {
  const space = m.unitWidth(' ', weight);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const p of ps) {
    const w = m.unitWidth(p.text, weight);
    if (w > width) return undefined;
    const joined = line === '' ? w : lineWidth + (p.spaced ? space : 0) + w;
    if (line !== '' && joined > width) {
      lines.push(line);
      line = p.text;
      lineWidth = w;
    } else {
      line = line === '' ? p.text : `${line}${p.spaced ? ' ' : ''}${p.text}`;
      lineWidth = joined;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface FitRequest {
  text: string;
  weight: FontWeight;
  /** Box width in layout units (pt or px). */
  width: number;
  /** Box height available for the text. */
  height: number;
  /** Largest and smallest font sizes, in layout units. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** At most this many lines, whatever the height. */
  maxLines?: number;
  /** Even out line lengths (for headlines) once the size is found. */
  balance?: boolean;
}

export interface FitResult {
  size: number;
  lines: string[];
  /** Widest line, measured. */
  width: number;
  /** lines × size × lineHeight. */
  height: number;
}

export type FitFailure = { reason: string };

/**
 * Finds the largest size between max and min at which `text` fits the box: every line no wider than
 * the box (no word may overflow sideways: there is no hyphenation), all lines within its height.
 * Sizes step down by 2 % from the maximum, the minimum is always tried last.
 */
export function fitText(req: FitRequest, m: TextMeasurer): FitResult | FitFailure {
  const ps = pieces(req.text);
  const sizes: number[] = [];
  for (let s = req.maxSize; s > req.minSize; s *= 0.98) sizes.push(round(s));
  sizes.push(round(req.minSize));
  let reason = '';
  for (const size of sizes) {
    const lines = breakLines(ps, req.width / size, req.weight, m);
    if (!lines) {
      const widest = ps.reduce((a, p) => (m.unitWidth(p.text, req.weight) > m.unitWidth(a.text, req.weight) ? p : a));
      reason = `the word "${widest.text}" is ${round(m.width(widest.text, req.weight, size))} wide at ${size}, the box only ${round(req.width)}`;
      continue;
    }
    const maxLines = Math.min(req.maxLines ?? Number.POSITIVE_INFINITY, Math.floor((req.height + 0.01) / (size * req.lineHeight)));
    if (lines.length > maxLines) {
      reason = `at the minimum size ${size} it needs ${lines.length} lines, the box holds ${Math.max(0, maxLines)} (${round(req.width)} × ${round(req.height)})`;
      continue;
    }
    const final = req.balance && lines.length > 1 ? balance(ps, lines.length, req.width / size, req.weight, m) : lines;
    const width = Math.max(...final.map((l) => m.width(l, req.weight, size)));
    return { size, lines: final, width, height: final.length * size * req.lineHeight };
  }
  return { reason };
}

/** The narrowest width that still breaks into `count` lines, so lines come out of similar length. */
function balance(ps: Piece[], count: number, width: number, weight: FontWeight, m: TextMeasurer): string[] {
  let lo = width * 0.5;
  let hi = width;
  let best = breakLines(ps, hi, weight, m) as string[];
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    const lines = breakLines(ps, mid, weight, m);
    if (lines && lines.length <= count) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}
