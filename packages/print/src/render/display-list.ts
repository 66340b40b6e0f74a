import type { ColourName } from '@repo/design';
import type { Glyph } from 'fontkit';
import type { FontWeight } from '../fonts.ts';
import type { ShapedGlyph } from '../measure.ts';
import type { QrMatrix } from '../qr.ts';
import type { TextBox } from '../text-boxes.ts';

/**
 * The display list: what a file shows, as typed items with numbers, made once per job (render/paint.ts)
 * and drawn by two small writers: PDF operators (render/pdf-ops.ts, for the PDF/X file) and SVG
 * (render/svg.ts, for the PNG preview, social images and apps/print's TIFF). Coordinates are layout
 * units (points of the file; pixels for social images), origin at the top left, y downwards.
 */

/** How a shape is painted: a design token (its CMYK for the printing condition in print, its screen colour on screens), overprinting or knocking out. */
export interface Paint {
  colour: ColourName;
  /**
   * True for K100 (black text, QR modules, black rules): in the PDF only the black plate is painted
   * and the colours under it stay. False: the shape knocks out what is under it (white and coloured
   * text, panels, photos).
   */
  overprint: boolean;
}

/** A filled rectangle: a panel, a band, a rule. */
export interface Rect {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  paint: Paint;
}

/** One line of text as glyph outlines, exactly as the copyfitter measured and shaped it. */
export interface GlyphRun {
  type: 'glyphs';
  /** Which text box the line belongs to (text-boxes.ts). */
  box: TextBox;
  text: string;
  /** Pen position at the start of the line, on its baseline. */
  x: number;
  baseline: number;
  size: number;
  weight: FontWeight;
  /** The shaped glyphs, positions at size 1 from the start of the line (TextMeasurer.shape). */
  glyphs: readonly ShapedGlyph[];
  paint: Paint;
}

/** A QR symbol's dark modules, its top-left module at (x, y); the quiet zone around it is the box's own paper. */
export interface QrModules {
  type: 'qr';
  x: number;
  y: number;
  /** Side of one module. */
  module: number;
  matrix: QrMatrix;
  paint: Paint;
}

/** A photo, already cropped to its box (render/photo.ts), as an RGB JPEG; it always knocks out. */
export interface Photo {
  type: 'photo';
  x: number;
  y: number;
  width: number;
  height: number;
  jpeg: Buffer;
}

/** A crop mark: a hairline on the page, outside the bleed, from `from` to `to`. */
export interface CropMark {
  type: 'crop-mark';
  from: readonly [number, number];
  to: readonly [number, number];
  lineWidth: number;
}

/** The slug line: what the file is, outlined, in a box on the page above the trim (the run's coordinates are the box's). */
export interface SlugLabel {
  type: 'slug';
  x: number;
  y: number;
  width: number;
  height: number;
  run: Omit<GlyphRun, 'paint'>;
}

/** Printer's marks outside the bleed box, in the registration colour (a Separation /All in the PDF): every plate prints them. */
export type Mark = CropMark | SlugLabel;

/** What the artwork (the bleed box) is made of, in paint order. */
export type Artwork = Rect | GlyphRun | QrModules | Photo;

export type Item = Artwork | Mark;

export interface DisplayList {
  /** The artwork's size: the bleed box (the trim for social images). */
  width: number;
  height: number;
  /** The artwork, in paint order, in its own coordinates. */
  items: Artwork[];
  /** Crop marks and slug, in page (MediaBox) coordinates; none for social images or without crop marks. */
  marks: Mark[];
}

/** One glyph of a run placed on the page: the outline's id, its scale (font units → layout units) and its origin, as both writers write them. */
export interface Placement {
  id: string;
  glyph: Glyph;
  scale: string;
  x: string;
  y: string;
}

/**
 * Where each drawn glyph of a run goes. Spaces (no outline) are left out. Scales keep six decimals
 * (a glyph is placed at about 0.05 × its font units), positions hundredths of a unit (0.035 mm on a
 * 1:10 billboard).
 */
export function placements(run: Pick<GlyphRun, 'x' | 'baseline' | 'size' | 'glyphs'>): Placement[] {
  const out: Placement[] = [];
  // Every glyph of a font shares its scale: written once per run, not per glyph.
  let unit = Number.NaN;
  let scale = '';
  for (const g of run.glyphs) {
    if (g.glyph.path.commands.length === 0) continue;
    if (g.unit !== unit) {
      unit = g.unit;
      scale = fixed(run.size * unit, 6);
    }
    out.push({ id: g.id, glyph: g.glyph, scale, x: fixed(run.x + g.x * run.size, 2), y: fixed(run.baseline - g.y * run.size, 2) });
  }
  return out;
}

/**
 * A number rounded to `digits` decimals, written without trailing zeros or exponent (for PDF and SVG
 * alike): what `String(Math.round(n * 10 ** digits) / 10 ** digits)` writes, from the integer of
 * hundredths (or millionths) instead of a double's shortest form, which took a twentieth of the PDF
 * writer's time (three numbers for every glyph). test/display-list.test.ts compares the two.
 */
export function fixed(n: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(n * f);
  if (r === 0) return '0';
  if (!Number.isSafeInteger(r)) return String(r / f);
  const a = r < 0 ? -r : r;
  const whole = Math.floor(a / f);
  let fraction = a - whole * f;
  let text = String(whole);
  if (fraction !== 0) {
    let places = digits;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    text += `.${String(fraction).padStart(places, '0')}`;
  }
  return r < 0 ? `-${text}` : text;
}
