/**
 * Boxes the layout leaves for the renderer to fill after satori (text blocks, the QR symbol, the
 * photo): each has a fill colour of its own that no design token uses, so satori draws it as one
 * rect in paint order, which the renderer finds and replaces with the real drawing.
 */
export interface PlaceholderBox {
  fill: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `fill` is a regular-expression source for the placeholder colours, e.g. `#fd[0-9a-f]{4}`. */
const rects = (fill: string) => new RegExp(`<rect ([^>]*?)fill="(${fill})"([^>]*)/>`, 'g');

function box(fill: string, attrText: string): PlaceholderBox {
  const attrs = Object.fromEntries([...attrText.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], Number(a[2])]));
  return { fill, x: attrs.x ?? 0, y: attrs.y ?? 0, width: attrs.width ?? 0, height: attrs.height ?? 0 };
}

/** The placeholder rects whose fill matches `fill`, in paint order. */
export function placeholderBoxes(svg: string, fill: string): PlaceholderBox[] {
  return [...svg.matchAll(rects(fill))].map((m) => box(m[2] as string, `${m[1]} ${m[3]}`));
}

/** `svg` with each placeholder rect whose fill matches `fill` replaced by `draw(box)`. */
export function replacePlaceholders(svg: string, fill: string, draw: (box: PlaceholderBox) => string): string {
  return svg.replace(rects(fill), (_all, before: string, found: string, after: string) => draw(box(found, `${before} ${after}`)));
}
