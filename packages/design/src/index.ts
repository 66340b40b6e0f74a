import type { PrintingConditionId } from './print.ts';

/**
 * Design tokens shared by the site's CSS and the poster templates. Every colour carries its screen
 * value and the exact CMYK values printers must use, so a poster and a page show the same brand.
 */
export interface Colour {
  /** sRGB hex for screens. */
  screen: `#${string}`;
  /** Print values in percent: cyan, magenta, yellow, black, for the printing condition `coloursCondition`. */
  cmyk: readonly [number, number, number, number];
  /**
   * The same colour's print values for other printing conditions (packages/design/src/print.ts
   * `printingConditions`), e.g. `{ FOGRA47: [...] }`: only values measured or converted reproducibly.
   */
  cmykIn?: Partial<Record<PrintingConditionId, readonly [number, number, number, number]>>;
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

/** The printing condition the tokens' `cmyk` values were made for (coated offset, FOGRA39). */
export const coloursCondition: PrintingConditionId = 'FOGRA39';

/**
 * A token's CMYK for a printing condition: `cmyk` for `coloursCondition`, else its `cmykIn` entry.
 * A token without values for the condition is an error naming the token, the condition and the fix:
 * the kit never converts brand colours by guess.
 */
export function tokenCmyk(name: ColourName, condition: PrintingConditionId): readonly [number, number, number, number] {
  const c: Colour = colours[name];
  const values = condition === coloursCondition ? c.cmyk : c.cmykIn?.[condition];
  if (!values) {
    throw new Error(
      `colour token "${name}" has no CMYK values for the printing condition ${condition} (its cmyk values are for ${coloursCondition}). ` +
        `Fix: add measured ${condition} values as cmykIn: { ${condition}: [c, m, y, k] } to "${name}" in packages/design/src/index.ts, ` +
        `or set printing.condition to ${coloursCondition} in content/campaign.yaml.`,
    );
  }
  return values;
}

/** Type scale in rem for screens; posters scale from the same ratios. */
export const typeScale = { small: 0.875, body: 1, lead: 1.1875, h3: 1.25, h2: 1.5, h1: 2 } as const;

/** Spacing steps in rem. */
export const space = { 1: 0.25, 2: 0.5, 3: 1, 4: 1.5, 5: 2, 6: 3 } as const;

/** Font families, each with the scripts it covers; posters and pages use the same faces. */
export const fontFamily = { text: 'Noto Sans', fallbackStack: 'system-ui, sans-serif' } as const;

// The one place that knows the text face's files and names: apps/site/src/lib/fonts.ts subsets them
// for each site, packages/print/src/fonts.ts registers them with satori.

/** The npm package the text face comes from: one file per subset (script) and weight. */
export const fontPackage = '@fontsource/noto-sans';

/**
 * The subsets of the scripts the campaign's languages are written in, in order of preference where
 * their ranges overlap. Posters register exactly these.
 */
export const fontSubsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const;
export type FontSubset = (typeof fontSubsets)[number];

/**
 * Pages fall back on these last: combining accents and letters none of the subsets above has
 * (U+0300, U+0303, U+0309, U+0323, U+1EA0–U+1EF1). A site keeps one only when its text uses one.
 */
export const pageOnlyFontSubsets = ['vietnamese'] as const;

/** A subset file inside fontPackage, e.g. `files/noto-sans-latin-ext-700-normal.woff2`. */
export function fontSubsetFile(subset: string, weight: number, format: 'woff' | 'woff2'): string {
  return `files/noto-sans-${subset}-${weight}-normal.${format}`;
}

/**
 * A family name per subset file (`Noto Sans latin-ext`), for renderers that keep one font per family
 * and weight: satori, given every subset as "Noto Sans", draws ș ț, Cyrillic and Greek as empty boxes.
 */
export function fontSubsetFamily(subset: string): string {
  return `${fontFamily.text} ${subset}`;
}

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

/** The browser's UI colour for `<meta name="theme-color">`: the brand's screen colour. */
export const themeColour = colours.brand.screen;

/**
 * The site's favicon, drawn from the campaign mark (packages/print/src/templates/blocks.ts: an accent
 * square on the brand-blue panel): a brand-blue rounded square with the accent square in its middle.
 * Tokens' screen colours only; a 16-unit grid, so the square sits on whole pixels at 16 and 32 px.
 */
export function faviconSvg(): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">`,
    `<rect width="16" height="16" rx="3" fill="${colours.brand.screen}"/>`,
    `<path fill="${colours.accent.screen}" d="M5 5h6v6H5z"/>`,
    `</svg>`,
  ].join('');
}

/**
 * An SVG as a `data:` URL for an attribute (no extra request): double quotes become single, and
 * only what a URL cannot carry as is is percent-encoded (`<`, `>`, `#`, `%`, spaces, quotes…).
 */
export function svgDataUrl(svg: string): string {
  const encoded = svg.replace(/"/g, "'").replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) => encodeURIComponent(c));
  return `data:image/svg+xml,${encoded}`;
}

/** The favicon as a `data:` URL for `<link rel="icon">`. */
export function faviconDataUrl(): string {
  return svgDataUrl(faviconSvg());
}

export * from './print.ts';
