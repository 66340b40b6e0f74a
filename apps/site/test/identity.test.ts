// The favicon and theme colour the site's <head> carries (src/components/Identity.astro), from the
// design tokens: a small data: URL that draws the campaign mark in the brand's colours.
import { colours, faviconDataUrl, faviconSvg, themeColour } from '@repo/design';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

describe('site identity', () => {
  it('is a small, percent-encoded data: URL of the favicon SVG', () => {
    const url = faviconDataUrl();
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url.length).toBeLessThan(300);
    // Nothing an attribute or URL parser could misread: no raw <, >, #, %, quotes or spaces.
    expect(url.slice('data:image/svg+xml,'.length)).toMatch(/^([A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(faviconSvg().replace(/"/g, "'"));
  });

  it('draws the mark in the tokens’ colours: an accent square on a brand-blue rounded square', async () => {
    const svg = decodeURIComponent(faviconDataUrl().slice('data:image/svg+xml,'.length));
    const { data, info } = await sharp(Buffer.from(svg), { density: 144 }).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return `#${[...data.subarray(i, i + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}${info.channels === 4 && data[i + 3] === 0 ? ' transparent' : ''}`;
    };
    expect([info.width, info.height]).toEqual([32, 32]);
    expect(pixel(16, 16)).toBe(colours.accent.screen);
    expect(pixel(4, 16)).toBe(colours.brand.screen);
    expect(pixel(0, 0)).toMatch(/transparent$/);
    expect(themeColour).toBe(colours.brand.screen);
  });
});
