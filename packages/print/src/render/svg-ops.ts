import { hexToRgb } from './colour.ts';

type Cmyk = readonly [number, number, number, number];

/**
 * Converts the small, flat SVG that satori produces for print templates (rects and filled paths,
 * optionally with a matrix transform, inside plain groups) straight into PDF content-stream
 * operators, with every fill as DeviceCMYK (`k`). Anything else (strokes, clips, masks, images,
 * gradients, opacity) is refused rather than approximated.
 *
 * Why not svg-to-pdfkit for this step: it builds a geometry model of every Bézier segment (for markers
 * and bounding boxes) and took about 300 ms per A4 poster of outlined text here; this takes a tenth of
 * that and writes the same shapes. svg-to-pdfkit stays available as `engine: 'svg-to-pdfkit'`.
 */
export function svgToPdfOps(svg: string, cmykFor: (rgb: readonly number[], raw: string) => Cmyk): string {
  const out: string[] = [];
  let current = '';
  const setFill = (raw: string) => {
    const rgb = raw === 'black' ? [0, 0, 0] : raw === 'white' ? [255, 255, 255] : /^#[0-9a-f]{6}$/i.test(raw) ? hexToRgb(raw) : undefined;
    if (!rgb) throw new Error(`unsupported fill "${raw}" in a print template`);
    const op = `${cmykFor(rgb, raw)
      .map((v) => num(v / 100))
      .join(' ')} k`;
    if (op !== current) out.push(op);
    current = op;
  };
  const body = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  let depth = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    if (body.slice(last, match.index).trim()) throw new Error(`unexpected text in SVG: ${body.slice(last, match.index).slice(0, 40)}`);
    last = tag.lastIndex;
    const [, closing, name, attrText = '', selfClosing] = match;
    if (name === 'g') {
      if (closing) {
        depth--;
        out.push('Q');
        current = '';
      } else {
        const attrs = parseAttrs(attrText);
        assertOnly(attrs, ['transform'], 'g');
        out.push('q');
        if (attrs.transform) out.push(matrix(attrs.transform));
        depth++;
        if (selfClosing) {
          out.push('Q');
          depth--;
        }
      }
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
  if (depth !== 0) throw new Error('unbalanced <g> in SVG');
  return out.join('\n');
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
  const values = m?.[1]?.split(/[\s,]+/).map(Number);
  if (values?.length !== 6 || values.some(Number.isNaN)) throw new Error(`unsupported transform "${transform}"`);
  return `${values.map(num).join(' ')} cm`;
}

/**
 * SVG path data → PDF path operators. M L H V C Q Z, absolute or relative; quadratics become cubics.
 * A hand-written scanner: outlined text makes paths of hundreds of kilobytes per poster.
 */
function pathOps(d: string): string {
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
        out += `${px} ${pt(y, rel)} m\n`;
        break;
      }
      case 76: {
        // L
        x = ox + next();
        const px = pt(x, rel);
        y = oy + next();
        out += `${px} ${pt(y, rel)} l\n`;
        break;
      }
      case 72: // H
        x = ox + next();
        out += `${pt(x, rel)} ${num(y)} l\n`;
        break;
      case 86: // V
        y = oy + next();
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
