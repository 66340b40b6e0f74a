import type { FontWeight } from '../fonts.ts';
import type { TextMeasurer } from '../measure.ts';
import type { El } from '../templates/h.ts';
import { replacePlaceholders } from './placeholders.ts';

/**
 * Text is outlined by @repo/print, not by satori: satori lays out the boxes only.
 *
 * Why not satori's own text (its `embedFont` outlines): it shaped every word again with HarfBuzz and
 * wrote every glyph's outline into the SVG as a fresh path string, two thirds of a poster's render
 * time; it rounds baselines to whole units (3.5 mm on a 1:10 billboard); and its widths could differ
 * from the copyfitter's. Here each line is shaped once by the same fontkit code that copyfitted it,
 * so it is drawn exactly as wide as it was measured, and each glyph's outline is written once per
 * file (an SVG `<defs>` path, a PDF form XObject) and placed by a matrix.
 */

/** One line of text taken out of the element tree, drawn into the SVG after satori's layout. */
export interface TextLine {
  /** The line box's key (`line:<box>:<index>`). */
  key: string;
  text: string;
  size: number;
  weight: FontWeight;
  color: string;
  /** Drawn width: the measured advance. */
  width: number;
  /** Top of the line box below the top of its block, and the box's height (the text is centred in it). */
  top: number;
  height: number;
}

/** A text block (`text:<box>`, a column of line boxes) that satori lays out as one empty box. */
export interface TextBlock {
  key: string;
  lines: TextLine[];
  /** Fill of the placeholder rect satori draws where the block goes. */
  sentinel: string;
}

/** Placeholder colours `#fd0000`…`#fdffff`: no design token starts with `#fd` (checked in the tests). */
export const textSentinelPrefix = '#fd';

/**
 * Takes every text block out of `el`: each becomes an empty box the measured size of its lines,
 * filled with a placeholder colour unique to it, so satori lays it out and draws one rect there in
 * paint order. Returns the blocks in tree order. Text anywhere else is a template error: text is
 * drawn only through textBlock(), which copyfits it.
 */
export function detachText(el: El, m: TextMeasurer): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: El) => {
    const kids = childrenOf(node);
    if (typeof node.key === 'string' && node.key.startsWith('text:')) {
      const lines: TextLine[] = [];
      let top = 0;
      for (const line of kids) {
        const style =
          typeof line === 'string' ? {} : ((line.props.style ?? {}) as { fontSize?: number; fontWeight?: FontWeight; color?: string; height?: number });
        const text = typeof line === 'string' ? line : childrenOf(line).join('');
        const { fontSize, fontWeight, color, height } = style;
        if (
          typeof line === 'string' ||
          !String(line.key).startsWith('line:') ||
          typeof fontSize !== 'number' ||
          !fontWeight ||
          !color ||
          typeof height !== 'number'
        ) {
          throw new Error(`${node.key}: "${text}" must be a line box (key line:…) with fontSize, fontWeight, color and height`);
        }
        lines.push({
          key: String(line.key),
          text,
          size: fontSize,
          weight: fontWeight,
          color,
          width: m.shape(text, fontWeight).advance * fontSize,
          top,
          height,
        });
        top += height;
      }
      if (blocks.length > 0xffff) throw new Error('more than 65536 text blocks in one file');
      const sentinel = `${textSentinelPrefix}${blocks.length.toString(16).padStart(4, '0')}`;
      blocks.push({ key: node.key, lines, sentinel });
      const style = node.props.style ?? {};
      // A block with a set width (a column) keeps it; otherwise it is as wide as its longest line.
      node.props.style = { ...style, width: style.width ?? Math.max(0, ...lines.map((l) => l.width)), height: top, backgroundColor: sentinel };
      node.props.children = [];
      return;
    }
    for (const child of kids) {
      if (typeof child === 'string') throw new Error(`text "${child}" outside a text block (box ${node.key ?? 'without a key'}): draw text with textBlock()`);
      visit(child);
    }
  };
  visit(el);
  return blocks;
}

function childrenOf(node: El): (El | string)[] {
  const kids = node.props.children;
  return Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
}

/** The glyphs one SVG uses, written once each as `<defs>` paths. */
export class GlyphDefs {
  private readonly used = new Map<string, string>();
  private readonly m: TextMeasurer;
  constructor(m: TextMeasurer) {
    this.m = m;
  }

  /** `<use>` elements drawing `text` with its baseline starting at (x, y). */
  draw(text: string, weight: FontWeight, size: number, x: number, y: number, color: string): string {
    let out = '';
    for (const g of this.m.shape(text, weight).glyphs) {
      if (!this.used.has(g.id)) this.used.set(g.id, this.m.outline(g));
      if (this.used.get(g.id) === '') continue; // a space: nothing to draw
      // Scale to 6 decimals, positions to hundredths of a unit (0.035 mm on a 1:10 billboard).
      const s = fixed(size * g.unit, 6);
      out += `<use href="#${g.id}" transform="matrix(${s} 0 0 -${s} ${fixed(x + g.x * size, 2)} ${fixed(y - g.y * size, 2)})" fill="${color}"/>`;
    }
    return out;
  }

  /** Baseline of a line of `size` centred in a box `height` tall whose top is at `top`. */
  baseline(top: number, height: number, size: number, weight: FontWeight): number {
    return top + (height - size) / 2 + size * this.m.baseline(weight);
  }

  /** The `<defs>` element (empty string when no glyph has an outline). */
  defs(): string {
    const paths = [...this.used].filter(([, d]) => d !== '').map(([id, d]) => `<path id="${id}" d="${d}"/>`);
    return paths.length ? `<defs>${paths.join('')}</defs>` : '';
  }
}

/**
 * Draws the detached blocks into satori's SVG: each placeholder rect becomes its lines' glyphs (so
 * text keeps its place in paint order), and the glyph outlines go into `<defs>`.
 */
export function paintText(svg: string, blocks: TextBlock[], m: TextMeasurer): string {
  const bySentinel = new Map(blocks.map((b) => [b.sentinel, b]));
  const defs = new GlyphDefs(m);
  const drawn = new Set<string>();
  const body = replacePlaceholders(svg, `${textSentinelPrefix}[0-9a-f]{4}`, ({ fill, x, y }) => {
    const block = bySentinel.get(fill);
    if (!block) throw new Error(`unknown text placeholder ${fill} in the SVG`);
    drawn.add(fill);
    let out = '';
    for (const l of block.lines) out += defs.draw(l.text, l.weight, l.size, x, defs.baseline(y + l.top, l.height, l.size, l.weight), l.color);
    return out;
  });
  const missing = blocks.filter((b) => !drawn.has(b.sentinel));
  if (missing.length) throw new Error(`satori did not draw the box of ${missing.map((b) => `${b.key} "${b.lines.map((l) => l.text).join(' ')}"`).join(', ')}`);
  return body.replace(/^(<svg[^>]*>)/, `$1${defs.defs()}`);
}

/** A number rounded to `digits` decimals, written without trailing zeros or exponent (scales stay above 1e-6). */
function fixed(n: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return r === 0 ? '0' : String(r);
}
