import type { FontWeight } from '../fonts.ts';
import type { TextMeasurer } from '../measure.ts';
import type { El } from '../templates/h.ts';
import type { GlyphRun } from './display-list.ts';

/**
 * Text is outlined by @repo/print, not by satori: satori lays out the boxes only.
 *
 * Why not satori's own text (its `embedFont` outlines): it shaped every word again with HarfBuzz and
 * wrote every glyph's outline into the SVG as a fresh path string, two thirds of a poster's render
 * time; it rounds baselines to whole units (3.5 mm on a 1:10 billboard); and its widths could differ
 * from the copyfitter's. Here each line is shaped once by the same measurer (HarfBuzz) that copyfitted it,
 * so it is drawn exactly as wide as it was measured, and each glyph's outline is written once per
 * file (an SVG `<defs>` path, a PDF form XObject) and placed by a matrix.
 */

/** One line of text taken out of the element tree, drawn as a glyph run where satori put its block. */
export interface TextLine {
  text: string;
  size: number;
  weight: FontWeight;
  /** The line box's colour: a design token's screen colour. */
  colour: string;
  /** Drawn width: the measured advance. */
  width: number;
  /** Top of the line box below the top of its block, and the box's height (the text is centred in it). */
  top: number;
  height: number;
}

/**
 * Takes every text block (`text:…`, a column of line boxes built by templates/blocks.ts `textBox`)
 * out of `el`: each becomes an empty box the measured size of its lines, which satori lays out like
 * any other box. Returns the lines of each block, by the block's element. Text anywhere else is a
 * template error: text is drawn only through textBox(), which copyfits it.
 */
export function detachText(el: El, m: TextMeasurer): Map<El, TextLine[]> {
  const blocks = new Map<El, TextLine[]>();
  const visit = (node: El) => {
    const kids = childrenOf(node);
    if (node.props.text) {
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
        lines.push({ text, size: fontSize, weight: fontWeight, colour: color, width: m.shape(text, fontWeight).advance * fontSize, top, height });
        top += height;
      }
      blocks.set(node, lines);
      const style = node.props.style ?? {};
      // A block with a set width (a column) keeps it; otherwise it is as wide as its longest line.
      node.props.style = { ...style, width: style.width ?? Math.max(0, ...lines.map((l) => l.width)), height: top };
      node.props.children = [];
      return;
    }
    for (const child of kids) {
      if (typeof child === 'string') throw new Error(`text "${child}" outside a text block (box ${node.key ?? 'without a key'}): draw text with textBox()`);
      visit(child);
    }
  };
  visit(el);
  return blocks;
}

export function childrenOf(node: El): (El | string)[] {
  const kids = node.props.children;
  return Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
}

/**
 * A line of text as a glyph run (without its paint), its line box's top-left corner at (x, top): the
 * baseline follows the CSS half-leading model browsers and satori use, the glyphs are the measurer's
 * own shaping (kerning included), so the line is as wide as it was measured.
 */
export function lineRun(
  m: TextMeasurer,
  line: Pick<TextLine, 'text' | 'size' | 'weight' | 'height'>,
  x: number,
  top: number,
  box: GlyphRun['box'],
): Omit<GlyphRun, 'paint'> {
  const baseline = top + (line.height - line.size) / 2 + line.size * m.baseline(line.weight);
  return { type: 'glyphs', box, text: line.text, x, baseline, size: line.size, weight: line.weight, glyphs: m.shape(line.text, line.weight).glyphs };
}
