/**
 * Design tokens shared by the site's CSS and the poster templates. Every colour carries its screen
 * value and the exact CMYK values printers must use, so a poster and a page show the same brand.
 */
export interface Colour {
  /** sRGB hex for screens. */
  screen: `#${string}`;
  /** Print values in percent: cyan, magenta, yellow, black. */
  cmyk: readonly [number, number, number, number];
  /** What the colour is for. */
  use: string;
}

export const colours = {
  brand: { screen: '#00507a', cmyk: [100, 45, 10, 40], use: 'Header, headings, poster background panels.' },
  accent: { screen: '#ffb81c', cmyk: [0, 30, 95, 0], use: 'Call-to-action highlights on dark backgrounds; never text on white.' },
  ink: { screen: '#1b1b1b', cmyk: [0, 0, 0, 100], use: 'Body text and QR codes: pure black (K100) in print.' },
  paper: { screen: '#ffffff', cmyk: [0, 0, 0, 0], use: 'Page and poster background.' },
  muted: { screen: '#505a5f', cmyk: [30, 15, 10, 60], use: 'Secondary text such as sources; 7:1 on paper.' },
  tint: { screen: '#e8f1f7', cmyk: [8, 2, 0, 0], use: 'Background of helpline and notice boxes.' },
  warning: { screen: '#b3261e', cmyk: [0, 90, 85, 25], use: 'The Exit this page button.' },
  focus: { screen: '#ffdd00', cmyk: [0, 5, 100, 0], use: 'Keyboard focus outline, as in GOV.UK.' },
} as const satisfies Record<string, Colour>;

export type ColourName = keyof typeof colours;

/** Type scale in rem for screens; posters scale from the same ratios. */
export const typeScale = { small: 0.875, body: 1, lead: 1.1875, h3: 1.25, h2: 1.5, h1: 2 } as const;

/** Spacing steps in rem. */
export const space = { 1: 0.25, 2: 0.5, 3: 1, 4: 1.5, 5: 2, 6: 3 } as const;

/** Font families, each with the scripts it covers; posters and pages use the same faces. */
export const fontFamily = { text: 'Noto Sans', fallbackStack: 'system-ui, sans-serif' } as const;

/** CSS custom properties for every token, for the site's stylesheet. */
export function cssCustomProperties(): string {
  const lines = [
    ...Object.entries(colours).map(([name, c]) => `  --colour-${name}: ${c.screen};`),
    ...Object.entries(typeScale).map(([name, v]) => `  --size-${name}: ${v}rem;`),
    ...Object.entries(space).map(([name, v]) => `  --space-${name}: ${v}rem;`),
    `  --font-text: '${fontFamily.text}', ${fontFamily.fallbackStack};`,
  ];
  return `:root {\n${lines.join('\n')}\n}\n`;
}

export * from './print.ts';
