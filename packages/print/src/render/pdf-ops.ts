import { createHash } from 'node:crypto';
import type { ColourName } from '@repo/design';
import type { Glyph } from 'fontkit';
import { qrRuns } from '../qr.ts';
import type { Cmyk } from './colour.ts';
import { type Artwork, fixed, type GlyphRun, type Paint, placements } from './display-list.ts';

/**
 * The PDF writer's half of the display list: items → content-stream operators, every fill a design
 * token's CMYK for the printing condition (DeviceCMYK `k`), K100 overprinting, glyph outlines as
 * form XObjects placed by a matrix, photos as image XObjects. The coordinates are the list's (y
 * down): the form they go into is placed by a matrix that flips nothing (pdfkit's page already maps
 * y downwards from the top-left corner).
 */

/** A glyph outline as a form XObject: drawn once per document, placed wherever the glyph occurs. */
export interface PdfGlyph {
  /** The glyph's id (`g<weight>-<font>-<glyph>`), also the XObject's resource name. */
  id: string;
  /** Path operators and the fill (`f`), without colour: the colour comes from where it is placed. */
  ops: string;
  bbox: [number, number, number, number];
  /** SHA-256 of `ops`, made with them once per process: the file ID hashes it instead of the outline itself. */
  digest: Buffer;
}

export interface PdfOps {
  /** The content stream. */
  content: string;
  /** Every glyph the content places (`/id Do`), in order of first use. */
  glyphs: PdfGlyph[];
  /** Every photo the content draws (`/Im<n> Do`), as the RGB JPEG of the list (the writer converts it to CMYK). */
  images: { name: string; jpeg: Buffer }[];
  /** The content switches overprint on and off (`/GSop gs`, `/GSko gs`): its resources need `overprintStates`. */
  overprint: boolean;
}

/**
 * The two graphics states the content switches between, by resource name. `OPM 1` (nonzero
 * overprint mode) makes the zero C, M and Y of a DeviceCMYK K100 fill leave those plates untouched;
 * with `OPM 0` they would be painted as 0 and knock the colour out after all.
 */
export const overprintStates = {
  GSop: { Type: 'ExtGState', OP: true, op: true, OPM: 1 },
  GSko: { Type: 'ExtGState', OP: false, op: false },
} as const;

/**
 * The artwork's operators. Before a fill that overprints (K100: black text, rules, QR modules) the
 * content sets `GSop`, before any other fill `GSko` (white and coloured shapes knock out); the state
 * changes only when it must. Photos always knock out: a CMYK photo under overprint mode 1 would let
 * what is beneath show through its zero channels.
 */
export function artworkOps(items: readonly Artwork[], cmyk: (token: ColourName) => Cmyk): PdfOps {
  const out: string[] = [];
  const glyphs = new Map<string, PdfGlyph>();
  const images: PdfOps['images'] = [];
  let current = '';
  let overprinting = false;
  let overprint = false;
  const fills = new Map<ColourName, string>();
  const setFill = (p: Paint) => {
    if (p.overprint !== overprinting) {
      out.push(p.overprint ? '/GSop gs' : '/GSko gs');
      overprinting = p.overprint;
      overprint = true;
    }
    let op = fills.get(p.colour);
    if (op === undefined) {
      op = `${cmyk(p.colour)
        .map((v) => num(v / 100))
        .join(' ')} k`;
      fills.set(p.colour, op);
    }
    if (op !== current) out.push(op);
    current = op;
  };
  for (const item of items) {
    switch (item.type) {
      case 'rect':
        setFill(item.paint);
        out.push(`${num(item.x)} ${num(item.y)} ${num(item.width)} ${num(item.height)} re\nf`);
        break;
      case 'glyphs':
        for (const p of placements(item)) {
          setFill(item.paint);
          if (!glyphs.has(p.id)) glyphs.set(p.id, glyphForm(p.id, p.glyph));
          out.push(`q ${p.scale} 0 0 -${p.scale} ${p.x} ${p.y} cm /${p.id} Do Q`);
        }
        break;
      case 'qr': {
        setFill(item.paint);
        const m = item.module;
        const rects = qrRuns(item.matrix).map((r) => `${num(item.x + r.col * m)} ${num(item.y + r.row * m)} ${num(r.length * m)} ${num(m)} re`);
        out.push(`${rects.join('\n')}\nf`);
        break;
      }
      case 'photo': {
        if (overprinting) {
          out.push('/GSko gs');
          overprinting = false;
        }
        const name = `Im${images.length}`;
        images.push({ name, jpeg: item.jpeg });
        // Image space is the unit square with y up: scale it to the box and flip it into the list's y-down space.
        out.push(`q ${num(item.width)} 0 0 ${num(-item.height)} ${num(item.x)} ${num(item.y + item.height)} cm /${name} Do Q`);
        break;
      }
    }
  }
  return { content: out.join('\n'), glyphs: [...glyphs.values()], images, overprint };
}

/**
 * A run of text painted with tint 1 of a colour space resource (the registration Separation), for
 * the slug line, which prints on every plate: no overprint switching, one colour operator.
 */
export function registrationOps(run: Pick<GlyphRun, 'x' | 'baseline' | 'size' | 'glyphs'>, colourSpace: string): PdfOps {
  const out = [`/${colourSpace} cs 1 scn`];
  const glyphs = new Map<string, PdfGlyph>();
  for (const p of placements(run)) {
    if (!glyphs.has(p.id)) glyphs.set(p.id, glyphForm(p.id, p.glyph));
    out.push(`q ${p.scale} 0 0 -${p.scale} ${p.x} ${p.y} cm /${p.id} Do Q`);
  }
  return { content: out.join('\n'), glyphs: [...glyphs.values()], images: [], overprint: false };
}

/** A glyph's outline recurs in every file that uses it: convert it once per process. */
const forms = new WeakMap<Glyph, Omit<PdfGlyph, 'id'>>();

/**
 * A glyph's outline (fontkit's path commands, font units, y up) as PDF path operators and the box
 * they lie in (every point and control point). Coordinates to hundredths of a font unit;
 * quadratic curves (TrueType outlines) become the equivalent cubics.
 */
function glyphForm(id: string, glyph: Glyph): PdfGlyph {
  let form = forms.get(glyph);
  if (!form) {
    const bbox: [number, number, number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const grow = (px: number, py: number) => {
      bbox[0] = Math.min(bbox[0], px);
      bbox[1] = Math.min(bbox[1], py);
      bbox[2] = Math.max(bbox[2], px);
      bbox[3] = Math.max(bbox[3], py);
    };
    let ops = '';
    let [x, y, sx, sy] = [0, 0, 0, 0];
    for (const { command, args } of glyph.path.commands) {
      const a = args.map(hundredths);
      switch (command) {
        case 'moveTo':
          [x, y, sx, sy] = [a[0] as number, a[1] as number, a[0] as number, a[1] as number];
          grow(x, y);
          ops += `${x} ${y} m\n`;
          break;
        case 'lineTo':
          [x, y] = [a[0] as number, a[1] as number];
          grow(x, y);
          ops += `${x} ${y} l\n`;
          break;
        case 'quadraticCurveTo': {
          // The cubic with control points two thirds of the way to the quadratic's.
          const [qx, qy, ex, ey] = a as [number, number, number, number];
          grow(qx, qy);
          grow(ex, ey);
          ops += `${num(x + ((qx - x) * 2) / 3)} ${num(y + ((qy - y) * 2) / 3)} ${num(ex + ((qx - ex) * 2) / 3)} ${num(ey + ((qy - ey) * 2) / 3)} ${ex} ${ey} c\n`;
          [x, y] = [ex, ey];
          break;
        }
        case 'bezierCurveTo': {
          const [x1, y1, x2, y2, ex, ey] = a as [number, number, number, number, number, number];
          grow(x1, y1);
          grow(x2, y2);
          grow(ex, ey);
          ops += `${x1} ${y1} ${x2} ${y2} ${ex} ${ey} c\n`;
          [x, y] = [ex, ey];
          break;
        }
        case 'closePath':
          ops += 'h\n';
          [x, y] = [sx, sy];
          break;
        default:
          throw new Error(`glyph ${id}: path command ${command} is not supported`);
      }
    }
    form = { ops: `${ops}f`, bbox, digest: createHash('sha256').update(`${ops}f`).digest() };
    forms.set(glyph, form);
  }
  return { id, ...form };
}

/** A number to hundredths, as a number (-0 becomes 0). */
function hundredths(n: number): number {
  return Math.round(n * 100) / 100 || 0;
}

/** Hundredths of a point: 0.0035 mm, or 0.035 mm at 1:10. */
function num(n: number): string {
  return fixed(n, 2);
}
