import { colours } from '@repo/design';
import type { Glyph } from 'fontkit';
import { qrPathData } from '../qr.ts';
import { type DisplayList, fixed, placements } from './display-list.ts';

/** What part of the artwork an SVG shows and at what size (default: all of it, at its own size in layout units). */
export interface SvgView {
  /** The area shown, in the list's coordinates (e.g. the trim area for a preview). */
  view?: { x: number; y: number; width: number; height: number };
  /** The SVG's width and height (e.g. pixels for a TIFF); default: the view's. */
  width?: number;
  height?: number;
  /** Stretch the view to exactly width × height (a TIFF's pixel size, which rounds each side on its own). */
  stretch?: boolean;
}

/**
 * The screen writer of the display list: the artwork as a flat SVG (rects, glyph outlines defined
 * once in `<defs>` and placed by `<use>`, the QR modules as one path, the photo as a JPEG `<image>`),
 * every colour a design token's screen colour. What resvg rasterises into the PNG preview, social
 * images and page cards (render/png.ts) and apps/print's CMYK TIFF. Marks are outside the artwork
 * and not drawn.
 */
export function listToSvg(list: DisplayList, v: SvgView = {}): string {
  const view = v.view ?? { x: 0, y: 0, width: list.width, height: list.height };
  const defs = new Map<string, string>();
  let body = '';
  for (const item of list.items) {
    switch (item.type) {
      case 'rect':
        body += `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${colours[item.paint.colour].screen}"/>`;
        break;
      case 'glyphs': {
        const fill = colours[item.paint.colour].screen;
        for (const p of placements(item)) {
          if (!defs.has(p.id)) defs.set(p.id, outline(p.glyph));
          body += `<use href="#${p.id}" transform="matrix(${p.scale} 0 0 -${p.scale} ${p.x} ${p.y})" fill="${fill}"/>`;
        }
        break;
      }
      case 'qr':
        body += `<path fill="${colours[item.paint.colour].screen}" d="${qrPathData(item.matrix, item.x, item.y, item.module)}"/>`;
        break;
      case 'photo':
        body += `<image x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" preserveAspectRatio="none" href="data:image/jpeg;base64,${item.jpeg.toString('base64')}"/>`;
        break;
    }
  }
  const paths = [...defs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('');
  const size = `width="${num(v.width ?? view.width)}" height="${num(v.height ?? view.height)}"`;
  const box = `viewBox="${num(view.x)} ${num(view.y)} ${num(view.width)} ${num(view.height)}"${v.stretch ? ' preserveAspectRatio="none"' : ''}`;
  return `<svg ${size} ${box} xmlns="http://www.w3.org/2000/svg">${paths ? `<defs>${paths}</defs>` : ''}${body}</svg>`;
}

/** A glyph's outline as SVG path data in font units (fontkit's own writer), once per process. */
const outlines = new WeakMap<Glyph, string>();
function outline(glyph: Glyph): string {
  let d = outlines.get(glyph);
  if (d === undefined) {
    d = glyph.path.toSVG();
    outlines.set(glyph, d);
  }
  return d;
}

function num(n: number): string {
  return fixed(n, 2);
}
