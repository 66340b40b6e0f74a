import { Resvg } from '@resvg/resvg-js';
import type { Geometry } from '../geometry.ts';

/**
 * PNG of the trim area (what the finished poster shows, without bleed), `longSide` pixels on its long
 * side; social images at their own pixel size. resvg draws the outlined text, so no fonts are needed.
 * resvg 2.6.2 leaks memory on large renders: keep previews small, and recycle worker threads.
 */
export function svgToPng(svg: string, g: Geometry, longSide?: number): Buffer {
  const trimmed = svg.replace(
    /^<svg width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
    `<svg width="${g.trimW}" height="${g.trimH}" viewBox="${g.bleed} ${g.bleed} ${g.trimW} ${g.trimH}"`,
  );
  if (trimmed === svg && g.bleed > 0) throw new Error('unexpected SVG header from satori');
  const fitTo = longSide
    ? g.trimW >= g.trimH
      ? { mode: 'width' as const, value: longSide }
      : { mode: 'height' as const, value: longSide }
    : { mode: 'original' as const };
  return new Resvg(trimmed, { fitTo, font: { loadSystemFonts: false }, background: '#ffffff' }).render().asPng();
}
