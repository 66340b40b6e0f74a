import { planSite } from '@repo/content';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { formatById, geometry, qrMatrix, qrPathData, quietZoneModules, renderPoster } from '../src/index.ts';
import { LayoutContext } from '../src/templates/blocks.ts';
import { fixtureContent, fonts, job, measurer } from './helpers.ts';

function decode(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data;
}

describe('QR codes', () => {
  it.each([
    ['md/youth/ru/a4', 1400],
    ['md/youth/ro/a1', 1400],
    ['gr/demand/el/social-story', 0],
  ])('%s: the rendered code decodes to the localised page on the country’s domain', async (key, side) => {
    const j = job(key);
    const r = await renderPoster(j, { fonts, measurer, ...(side ? { previewLongSide: side } : {}) });
    const url = decode(r.preview);
    expect(url).toBe(j.url);
    // The URL is a page the country's site builds, in the poster's language.
    const country = fixtureContent().countries.find((c) => c.code === j.country);
    const path = (url as string).slice(country?.siteUrl.length);
    const planned = planSite(fixtureContent(), j.country).pages.find((p) => p.path === path);
    expect(planned?.locale).toBe(j.locale);
    expect(planned?.id).toBe(fixtureContent().posters.find((d) => d.id === j.design)?.page);
  });

  it('leaves a quiet zone of 4 modules and is a tenth of the viewing distance wide', () => {
    for (const id of ['a4', 'a1', 'citylight', 'billboard-504x238', 'social-story', 'social-link']) {
      const f = formatById(id);
      const g = geometry(f, { cropMarks: true });
      const ctx = new LayoutContext(job('md/youth/ro/a4'), g, measurer, qrMatrix('https://md.victor-campaign.example/ro/cum-recruteaza-traficantii/'));
      const size = ctx.qrSize();
      // Only where the format declares one (shows.qr: not where it is read from too far, nor on link cards).
      expect(Boolean(size && ctx.qr), id).toBe(f.shows.qr);
      if (!size || !ctx.qr) continue;
      // Print: a tenth of the viewing distance; a social story: whole pixels per module.
      if (g.unitsPerRealMm) expect((size.module * ctx.qr.size) / g.unitsPerRealMm).toBeCloseTo(Math.max(20, f.viewingDistanceM * 100), 6);
      else expect(Number.isInteger(size.module)).toBe(true);
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
