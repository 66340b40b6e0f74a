/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** The page being rendered, for components used inside MDX content. */
    page?: import('./lib/page-context.ts').PageContext;
  }
}
declare module 'virtual:design-tokens.css';
declare module 'virtual:fonts.css';
declare module 'virtual:font-preloads' {
  /** URLs of the font files every page of the site needs. */
  const urls: string[];
  export default urls;
}
declare module 'subset-font' {
  /** Keeps only the glyphs of `text` (subset-font has no types of its own). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}
