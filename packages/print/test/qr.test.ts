import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { planSite } from '@repo/content';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { formatById, geometry, qrMatrix, qrPathData, quietZoneModules, renderPoster } from '../src/index.ts';
import { LayoutContext } from '../src/templates/blocks.ts';
import { fonts, job, measurer, realContent, repoRoot } from './helpers.ts';

function decode(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data;
}

describe('QR codes', () => {
  it.each([
    ['md/origin-youth/ru/a4', 1400],
    ['gr/destination-demand/el/billboard-18-1', 2000],
  ])('%s: the rendered code decodes to the localised page on the country’s domain', async (key, side) => {
    const j = job(key);
    const r = await renderPoster(j, { fonts, measurer, previewLongSide: side });
    const url = decode(r.preview);
    expect(url).toBe(j.url);
    // The URL is a page the country's site builds, in the poster's language.
    const country = realContent().countries.find((c) => c.code === j.country);
    const path = (url as string).slice(country?.siteUrl.length);
    const planned = planSite(realContent(), j.country).pages.find((p) => p.path === path);
    expect(planned?.locale).toBe(j.locale);
    // And, when the site has been built, the page exists in it.
    const built = join(repoRoot, 'apps/site/dist', j.country, path, 'index.html');
    if (existsSync(join(repoRoot, 'apps/site/dist', j.country))) expect(existsSync(built)).toBe(true);
  });

  it('leaves a quiet zone of 4 modules and is a tenth of the viewing distance wide', () => {
    for (const id of ['a4', 'a1', 'citylight', 'billboard-504x238']) {
      const f = formatById(id);
      const g = geometry(f, { cropMarks: true });
      const ctx = new LayoutContext(
        job(`md/origin-youth/ro/${id}`),
        g,
        measurer,
        qrMatrix('https://md.victor-campaign.example/ro/cum-recruteaza-traficantii/'),
      );
      const size = ctx.qrSize();
      if (!size || !ctx.qr || !g.unitsPerRealMm) throw new Error('no QR');
      const symbolMm = (size.module * ctx.qr.size) / g.unitsPerRealMm;
      expect(symbolMm).toBeCloseTo(Math.max(20, f.viewingDistanceM * 100), 6);
      expect(size.outer).toBeCloseTo((ctx.qr.size + 2 * quietZoneModules) * size.module, 6);
    }
  });

  it('draws modules as one path of rectangles (no nested image)', () => {
    const qr = qrMatrix('https://example.org/');
    const d = qrPathData(qr, 10, 20, 2);
    expect(d).toMatch(/^M10 20H/);
    expect(d).not.toMatch(/[^MHVZ\d. -]/);
    const dark = qr.dark.flat().filter(Boolean).length;
    // Every dark module is covered by exactly one run: the run widths add up to the dark count.
    const width = [...d.matchAll(/M([\d.]+) [\d.]+H([\d.]+)/g)].reduce((sum, m) => sum + (Number(m[2]) - Number(m[1])) / 2, 0);
    expect(width).toBe(dark);
  });
});
