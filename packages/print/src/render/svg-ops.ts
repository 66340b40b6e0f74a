import { Memo } from '../memo.ts';
import { hexToRgb, isK100 } from './colour.ts';

type Cmyk = readonly [number, number, number, number];

/** A path defined once in `<defs>` and drawn by `<use>`: a glyph outline, as a PDF form XObject. */
export interface PdfSymbol {
  /** The SVG id, also the XObject's resource name. */
  id: string;
  /** Path operators and the fill (`f`), without colour: the colour comes from where it is used. */
  ops: string;
  bbox: [number, number, number, number];
}

export interface PdfOps {
  /** The content stream. */
  content: string;
  /** Every symbol the content draws (`/id Do`), in order of definition. */
  symbols: PdfSymbol[];
  /** Every photo the content draws (`/Im<n> Do`), as the RGB JPEG the SVG holds. */
  images: { name: string; jpeg: Buffer }[];
  /** The content switches overprint on and off (`/GSop gs`, `/GSko gs`): its resources need `overprintStates`. */
  overprint: boolean;
}

export interface SvgOpsOptions {
  /**
   * Overprint K100: before a K100 fill (black text, rules, QR modules) the content sets the ExtGState
   * `GSop` (`/OP true /op true /OPM 1`: only the black plate is painted, the colours under it stay),
   * before any other fill `GSko` (overprint off: white and coloured shapes knock out). Default: on.
   */
  overprintBlack?: boolean;
  /**
   * Paint every fill with tint 1 of this colour space resource (the registration Separation): for
   * the slug, which prints on every plate. Only ink may be drawn this way.
   */
  registration?: string;
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

const jpegDataUri = 'data:image/jpeg;base64,';

/**
 * Converts the small, flat SVG that the renderer produces for print templates (rects and filled
 * paths, optionally with a matrix transform, inside plain groups; glyph outlines defined once in
 * `<defs>` and placed by `<use>`; photos as JPEG `<image>`s cropped to their box) straight into PDF
 * content-stream operators, with every fill as DeviceCMYK (`k`) and K100 fills overprinting (see
 * `SvgOpsOptions`). Anything else (strokes, clips, masks, images, gradients, opacity) is refused
 * rather than approximated.
 *
 * Why not svg-to-pdfkit for this step: it builds a geometry model of every Bézier segment (for markers
 * and bounding boxes) and took about 300 ms per A4 poster of outlined text here; this takes a few
 * milliseconds and writes the same shapes. svg-to-pdfkit stays available as `engine: 'svg-to-pdfkit'`.
 */
export function svgToPdfOps(svg: string, cmykFor: (rgb: readonly number[], raw: string) => Cmyk, options: SvgOpsOptions = {}): PdfOps {
  const out: string[] = [];
  const symbols = new Map<string, PdfSymbol>();
  const used = new Set<string>();
  const images: PdfOps['images'] = [];
  const overprintBlack = (options.overprintBlack ?? true) && !options.registration;
  let current = '';
  // Overprint in force: false in the state the form is drawn in; what it was at each open <g>'s `q`.
  let overprinting = false;
  let overprint = false;
  const saved: boolean[] = [];
  const fills = new Map<string, { op: string; k100: boolean }>();
  const setFill = (raw: string) => {
    let fill = fills.get(raw);
    if (fill === undefined) {
      const rgb = raw === 'black' ? [0, 0, 0] : raw === 'white' ? [255, 255, 255] : /^#[0-9a-f]{6}$/i.test(raw) ? hexToRgb(raw) : undefined;
      if (!rgb) throw new Error(`unsupported fill "${raw}" in a print template`);
      const cmyk = cmykFor(rgb, raw);
      if (options.registration && !isK100(cmyk)) throw new Error(`fill "${raw}" in registration colour: only ink (K100) may become registration colour`);
      const op = options.registration ? `/${options.registration} cs 1 scn` : `${cmyk.map((v) => num(v / 100)).join(' ')} k`;
      fill = { op, k100: isK100(cmyk) };
      fills.set(raw, fill);
    }
    if (overprintBlack && fill.k100 !== overprinting) {
      out.push(fill.k100 ? '/GSop gs' : '/GSko gs');
      overprinting = fill.k100;
      overprint = true;
    }
    if (fill.op !== current) out.push(fill.op);
    current = fill.op;
  };
  const body = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  let depth = 0;
  let inDefs = false;
  while (true) {
    // Most of a poster's elements are glyph placements exactly as the text painter writes them: take
    // those with one anchored pattern and no attribute parsing (a third of this function's time).
    glyphUse.lastIndex = last;
    const quick = glyphUse.exec(body);
    if (quick && !inDefs) {
      const symbol = symbols.get(quick[1] as string);
      if (!symbol) throw new Error(`<use href="#${quick[1]}"> names no path defined before it in <defs>`);
      setFill(quick[3] as string);
      used.add(symbol.id);
      out.push(`q ${quick[2]} cm /${symbol.id} Do Q`);
      last = glyphUse.lastIndex;
      continue;
    }
    tag.lastIndex = last;
    const match = tag.exec(body);
    if (!match) break;
    if (body.slice(last, match.index).trim()) throw new Error(`unexpected text in SVG: ${body.slice(last, match.index).slice(0, 40)}`);
    last = tag.lastIndex;
    const [, closing, name, attrText = '', selfClosing] = match;
    if (name === 'defs') {
      if (inDefs === !closing) throw new Error('nested or unbalanced <defs> in SVG');
      inDefs = !closing && !selfClosing;
      continue;
    }
    if (inDefs) {
      // Definitions: paths with an id only, drawn later by <use>.
      if (name !== 'path') throw new Error(`<${name}> in <defs> is not allowed in a print template (paths only)`);
      const attrs = parseAttrs(attrText);
      assertOnly(attrs, ['id', 'd'], 'path in <defs>');
      const id = attrs.id ?? '';
      if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`<defs> path id "${id}" must be letters, digits, _ and - (it becomes a PDF name)`);
      const shape = symbolShape(attrs.d ?? '');
      if (shape) symbols.set(id, { id, ...shape });
      continue;
    }
    if (name === 'g') {
      if (closing) {
        depth--;
        out.push('Q');
        current = '';
        overprinting = saved.pop() ?? false;
      } else {
        const attrs = parseAttrs(attrText);
        assertOnly(attrs, ['transform'], 'g');
        out.push('q');
        if (!selfClosing) saved.push(overprinting);
        if (attrs.transform) out.push(matrix(attrs.transform));
        depth++;
        if (selfClosing) {
          out.push('Q');
          depth--;
        }
      }
      continue;
    }
    if (name === 'use') {
      const attrs = parseAttrs(attrText);
      assertOnly(attrs, ['href', 'transform', 'fill'], 'use');
      const symbol = symbols.get((attrs.href ?? '').replace(/^#/, ''));
      if (!symbol) throw new Error(`<use href="${attrs.href}"> names no path defined before it in <defs>`);
      setFill(attrs.fill ?? 'black');
      used.add(symbol.id);
      out.push(attrs.transform ? `q ${matrix(attrs.transform)} /${symbol.id} Do Q` : `/${symbol.id} Do`);
      continue;
    }
    if (name === 'image') {
      // A photo as render/photo.ts prepares it: a JPEG cropped to its box exactly, so no clipping.
      const attrs = parseAttrs(attrText);
      assertOnly(attrs, ['x', 'y', 'width', 'height', 'preserveAspectRatio', 'href'], 'image');
      if (!attrs.href?.startsWith(jpegDataUri) || attrs.preserveAspectRatio !== 'none') {
        throw new Error('<image> must be a JPEG data URI already cropped to its box (preserveAspectRatio="none"): a photo from render/photo.ts');
      }
      const [x, y, w, h] = [attrs.x, attrs.y, attrs.width, attrs.height].map(Number) as [number, number, number, number];
      const imageName = `Im${images.length}`;
      // A CMYK photo under overprint mode 1 would let what is beneath show through its zero channels.
      if (overprinting) {
        out.push('/GSko gs');
        overprinting = false;
      }
      images.push({ name: imageName, jpeg: Buffer.from(attrs.href.slice(jpegDataUri.length), 'base64') });
      // Image space is the unit square with y up: scale it to the box and flip it into SVG's y-down space.
      out.push(`q ${num(w)} 0 0 ${num(-h)} ${num(x)} ${num(y + h)} cm /${imageName} Do Q`);
      continue;
    }
    if (name !== 'rect' && name !== 'path') throw new Error(`<${name}> is not allowed in a print template (flat rects and paths only)`);
    const attrs = parseAttrs(attrText);
    assertOnly(attrs, name === 'rect' ? ['x', 'y', 'width', 'height', 'fill', 'transform'] : ['d', 'fill', 'transform'], name);
    const fill = attrs.fill ?? 'black';
    if (fill === 'none') continue;
    setFill(fill);
    const geometry =
      name === 'rect'
        ? `${num(Number(attrs.x ?? 0))} ${num(Number(attrs.y ?? 0))} ${num(Number(attrs.width))} ${num(Number(attrs.height))} re`
        : pathOps(attrs.d ?? '');
    if (!geometry) continue;
    if (attrs.transform) out.push(`q ${matrix(attrs.transform)}\n${geometry}\nf Q`);
    else out.push(`${geometry}\nf`);
  }
  if (depth !== 0 || inDefs) throw new Error('unbalanced <g> or <defs> in SVG');
  return { content: out.join('\n'), symbols: [...symbols.values()].filter((s) => used.has(s.id)), images, overprint };
}

/** A glyph placement as render/text.ts writes it: id, a matrix of six plain numbers, a fill. */
const glyphUse = /\s*<use href="#([\w-]+)" transform="matrix\((-?\d+(?:\.\d+)?(?: -?\d+(?:\.\d+)?){5})\)" fill="(#[0-9a-f]{6})"\/>/y;

/** A glyph's outline recurs in every file that uses it: convert its path data once per process. */
const shapes = new Memo<string, Omit<PdfSymbol, 'id'> | null>(20_000);

function symbolShape(d: string): Omit<PdfSymbol, 'id'> | null {
  return shapes.get(d, () => {
    const bbox: [number, number, number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const ops = pathOps(d, bbox);
    return ops ? { ops: `${ops}\nf`, bbox } : null;
  });
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, k, v] of text.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[k as string] = v as string;
  return attrs;
}

function assertOnly(attrs: Record<string, string>, allowed: string[], element: string) {
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key)) throw new Error(`attribute ${key}="${attrs[key]}" on <${element}> is not allowed in a print template`);
  }
}

function matrix(transform: string): string {
  const m = /^matrix\(([^)]*)\)$/.exec(transform.trim());
  // Plain decimals with at most six places (what the text painter writes) go through as written.
  if (m?.[1] && /^-?\d+(?:\.\d{1,6})?(?: -?\d+(?:\.\d{1,6})?){5}$/.test(m[1])) return `${m[1]} cm`;
  const values = m?.[1]?.split(/[\s,]+/).map(Number);
  if (values?.length !== 6 || values.some(Number.isNaN)) throw new Error(`unsupported transform "${transform}"`);
  // Scale and rotation need more digits than positions: a glyph is placed at 0.05 × its font units.
  return `${values.map((v, i) => (i < 4 ? scaleNum(v) : num(v))).join(' ')} cm`;
}

/** Six decimals, for the scale part of a matrix. */
function scaleNum(n: number): string {
  const r = Math.round(n * 1e6) / 1e6;
  return r === 0 ? '0' : `${r}`;
}

/**
 * SVG path data → PDF path operators. M L H V C Q Z, absolute or relative; quadratics become cubics.
 * A hand-written scanner: the QR code alone is thousands of commands at the largest formats. With
 * `bbox`, grows it to every point and control point (a box the path surely lies in).
 */
function pathOps(d: string, bbox?: [number, number, number, number]): string {
  const grow = (px: number, py: number) => {
    if (!bbox) return;
    if (px < bbox[0]) bbox[0] = px;
    if (py < bbox[1]) bbox[1] = py;
    if (px > bbox[2]) bbox[2] = px;
    if (py > bbox[3]) bbox[3] = py;
  };
  let out = '';
  let i = 0;
  const n = d.length;
  let cmd = 0;
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  // The last number as written: absolute coordinates are copied through unformatted (PDF takes the
  // same plain decimals SVG does, as long as there is no exponent).
  let raw = '';
  let plain = true;
  // Skips separators; true when a number follows.
  const more = () => {
    while (i < n) {
      const c = d.charCodeAt(i);
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9) i++;
      else return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
    }
    return false;
  };
  const next = () => {
    if (!more()) throw new Error(`bad path data near "${d.slice(Math.max(0, i - 20), i + 20)}"`);
    const start = i;
    plain = d.charCodeAt(i) !== 43;
    i++;
    while (i < n) {
      const c = d.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 46) i++;
      else if ((c === 101 || c === 69) && i + 1 < n) {
        plain = false;
        i += d.charCodeAt(i + 1) === 45 || d.charCodeAt(i + 1) === 43 ? 2 : 1;
      } else break;
    }
    raw = d.slice(start, i);
    return Number(raw);
  };
  const pt = (value: number, rel: boolean) => (rel || !plain ? num(value) : raw);
  while (true) {
    if (!more()) {
      if (i >= n) break;
      cmd = d.charCodeAt(i++);
      if (cmd === 90 || cmd === 122) {
        out += 'h\n';
        x = sx;
        y = sy;
        continue;
      }
    } else if (cmd === 77) cmd = 76;
    else if (cmd === 109) cmd = 108;
    const rel = cmd >= 97;
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (rel ? cmd - 32 : cmd) {
      case 77: {
        // M
        x = ox + next();
        const px = pt(x, rel);
        y = oy + next();
        sx = x;
        sy = y;
        grow(x, y);
        out += `${px} ${pt(y, rel)} m\n`;
        break;
      }
      case 76: {
        // L
        x = ox + next();
        const px = pt(x, rel);
        y = oy + next();
        grow(x, y);
        out += `${px} ${pt(y, rel)} l\n`;
        break;
      }
      case 72: // H
        x = ox + next();
        grow(x, y);
        out += `${pt(x, rel)} ${num(y)} l\n`;
        break;
      case 86: // V
        y = oy + next();
        grow(x, y);
        out += `${num(x)} ${pt(y, rel)} l\n`;
        break;
      case 67: {
        // C
        const x1 = ox + next();
        const y1 = oy + next();
        const x2 = ox + next();
        const y2 = oy + next();
        x = ox + next();
        y = oy + next();
        grow(x1, y1);
        grow(x2, y2);
        grow(x, y);
        out += `${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x)} ${num(y)} c\n`;
        break;
      }
      case 81: {
        // Q: the cubic with control points two thirds of the way to the quadratic's.
        const qx = ox + next();
        const qy = oy + next();
        const ex = ox + next();
        const pex = pt(ex, rel);
        const ey = oy + next();
        grow(qx, qy);
        grow(ex, ey);
        out += `${num(x + ((qx - x) * 2) / 3)} ${num(y + ((qy - y) * 2) / 3)} ${num(ex + ((qx - ex) * 2) / 3)} ${num(ey + ((qy - ey) * 2) / 3)} ${pex} ${pt(ey, rel)} c\n`;
        x = ex;
        y = ey;
        break;
      }
      default:
        throw new Error(`path command "${String.fromCharCode(cmd)}" is not supported in print templates`);
    }
  }
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

/** Hundredths of a point: 0.0035 mm, or 0.035 mm at 1:10. */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '0' : `${r}`;
}
