import { colours } from '@repo/design';

type Cmyk = readonly [number, number, number, number];

/** Screen colour (as r,g,b) → exact CMYK of the design token, for every token. */
const tokenByRgb = new Map<string, { name: string; cmyk: Cmyk }>(
  Object.entries(colours).map(([name, c]) => [hexToRgb(c.screen).join(','), { name, cmyk: c.cmyk }]),
);
// svg-to-pdfkit's own defaults (initial fill black, white for clips) map to ink and paper.
tokenByRgb.set('0,0,0', { name: 'ink', cmyk: colours.ink.cmyk });
tokenByRgb.set('255,255,255', { name: 'paper', cmyk: colours.paper.cmyk });

/** Crop marks print on every plate: registration colour. */
export const registration: Cmyk = [100, 100, 100, 100];

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The CMYK a screen colour prints as. Only design tokens may appear on a poster: any other colour
 * (anti-aliasing, a typo in a template) fails loudly instead of being converted by guess.
 */
export function cmykFor(rgb: readonly number[], raw?: string): Cmyk {
  const token = tokenByRgb.get(rgb.join(','));
  if (!token) {
    throw new Error(`colour ${raw ?? `rgb(${rgb.join(', ')})`} is not a design token; templates may only use the colours in packages/design/src/index.ts`);
  }
  return token.cmyk;
}
