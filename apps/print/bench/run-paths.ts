// An alternative SVG for the preview, measured by the benchmark beside the kit's own (render/svg.ts):
// every glyph run as one <path>, each glyph's outline placed in JavaScript (absolute coordinates to
// hundredths), instead of one <path> per glyph outline in <defs> placed by a <use> per glyph. What
// resvg would parse and fill if <use> were its cost.
import { colours } from '@repo/design';
import { type DisplayList, fixed, type GlyphRun, listToSvg, qrPathData, type SvgView } from '@repo/print';

/** The run's glyph outlines as one path's data, in the list's coordinates. */
function runPathData(run: GlyphRun): string {
  let d = '';
  for (const g of run.glyphs) {
    const commands = g.glyph.path.commands;
    if (!commands.length) continue;
    const scale = run.size * g.unit;
    const ox = run.x + g.x * run.size;
    const oy = run.baseline - g.y * run.size;
    const point = (x: number, y: number) => `${fixed(ox + x * scale, 2)} ${fixed(oy - y * scale, 2)}`;
    for (const { command, args: a } of commands) {
      const [x0, y0, x1, y1, x2, y2] = a as [number, number, number, number, number, number];
      if (command === 'moveTo') d += `M${point(x0, y0)}`;
      else if (command === 'lineTo') d += `L${point(x0, y0)}`;
      else if (command === 'quadraticCurveTo') d += `Q${point(x0, y0)} ${point(x1, y1)}`;
      else if (command === 'bezierCurveTo') d += `C${point(x0, y0)} ${point(x1, y1)} ${point(x2, y2)}`;
      else if (command === 'closePath') d += 'Z';
    }
  }
  return d;
}

/** The artwork as the kit's SVG writer draws it, but each glyph run one path. */
export function listToSvgRunPaths(list: DisplayList, v: SvgView): string {
  const view = v.view ?? { x: 0, y: 0, width: list.width, height: list.height };
  let body = '';
  for (const item of list.items) {
    const num = (n: number) => fixed(n, 2);
    if (item.type === 'rect')
      body += `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${colours[item.paint.colour].screen}"/>`;
    else if (item.type === 'glyphs') {
      const d = runPathData(item);
      if (d) body += `<path fill="${colours[item.paint.colour].screen}" d="${d}"/>`;
    } else if (item.type === 'qr') body += `<path fill="${colours[item.paint.colour].screen}" d="${qrPathData(item.matrix, item.x, item.y, item.module)}"/>`;
    else if (item.type === 'photo') {
      // The photo as the kit writes it (its data URL is the same bytes).
      const own = listToSvg({ ...list, items: [item] }, v);
      body += own.slice(own.indexOf('<image'), own.indexOf('</svg>'));
    }
  }
  const size = `width="${fixed(v.width ?? view.width, 2)}" height="${fixed(v.height ?? view.height, 2)}"`;
  return `<svg ${size} viewBox="${fixed(view.x, 2)} ${fixed(view.y, 2)} ${fixed(view.width, 2)} ${fixed(view.height, 2)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}
