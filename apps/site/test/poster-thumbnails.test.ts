// The home page's poster thumbnails (scripts/poster-thumbnails.ts) from a tiny PNG made here: which
// print file previews each design, the AVIF and WebP files, their sizes, no metadata, the same bytes
// on every run, and the cache.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posterThumbs, type ThumbSource, thumbWidth, writePosterThumbnails } from '../scripts/poster-thumbnails.ts';

const work = mkdtempSync(join(tmpdir(), 'poster-thumbs-'));
const printDir = join(work, 'print');

type File = ThumbSource & { country: string; file: string };
const file = (country: string, design: string, locale: string, format: string, kind: File['kind'], trimMm: [number, number] | null): File => ({
  country,
  design,
  locale,
  format,
  kind,
  trimMm,
  file: `${country}/${design}/${locale}/${format}.pdf`,
  preview: `${country}/${design}/${locale}/${format}.png`,
});
const files: File[] = [
  file('gr', 'warn', 'el', 'a3', 'poster', [297, 420]),
  file('gr', 'warn', 'el', 'a4', 'poster', [210, 297]),
  file('gr', 'warn', 'el', 'social-square', 'social', null),
  file('gr', 'warn', 'en', 'a4', 'poster', [210, 297]),
  file('gr', 'tall', 'el', 'billboard-18-1', 'billboard', [3560, 2520]),
  file('gr', 'tall', 'el', '50x70', 'poster', [500, 700]),
  file('md', 'other', 'ro', 'a4', 'poster', [210, 297]),
];

/** A small poster-like PNG: a brand-blue panel, an accent band (lower for a higher `n`), white below. */
async function posterPng(width: number, height: number, n = 0): Promise<Buffer> {
  const band = (h: number, colour: string) =>
    sharp({ create: { width, height: h, channels: 3, background: colour } })
      .png()
      .toBuffer();
  return sharp({ create: { width, height, channels: 4, background: '#ffffff' } })
    .composite([
      { input: await band(Math.round(height * 0.5), '#00507a'), top: 0, left: 0 },
      { input: await band(Math.round(height * 0.1), '#ffb81c'), top: Math.round(height * (0.5 + n / 20)), left: 0 },
    ])
    .png()
    .toBuffer();
}

beforeAll(async () => {
  for (const [i, f] of files.entries()) {
    mkdirSync(join(printDir, f.preview, '..'), { recursive: true });
    const [w, h] = f.trimMm ?? [1080, 1080];
    writeFileSync(join(printDir, f.preview), await posterPng(Math.round((400 * w) / h), 400, i % 6));
  }
  writeFileSync(join(printDir, 'manifest.json'), JSON.stringify({ files, zips: [], cards: [] }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (name: string, cache = name) =>
  writePosterThumbnails({ country: 'gr', printDir, siteDir: join(work, name, 'site'), cacheDir: join(work, cache, 'cache') });
const thumbsOf = (name: string) => join(work, name, 'site/print/thumbs');

describe('poster thumbnails', () => {
  it('previews each design in each language by its A4, else its first poster format, at the trim’s proportions', () => {
    const thumbs = posterThumbs(files.filter((f) => f.country === 'gr'));
    expect(thumbs.map((t) => `${t.design} ${t.locale} ${t.format} ${t.width}×${t.height}`)).toEqual([
      'warn el a4 240×339',
      'warn en a4 240×339',
      'tall el 50x70 240×336',
    ]);
    expect(thumbs[0]).toMatchObject({
      source: 'gr/warn/el/a4.png',
      avif: { src: '/print/thumbs/warn-el.avif', srcset: '/print/thumbs/warn-el.avif' },
      webp: { src: '/print/thumbs/warn-el.webp', srcset: '/print/thumbs/warn-el.webp' },
    });
    expect(posterThumbs([])).toEqual([]);
  });

  it('writes AVIF and WebP files of the intended size, without metadata, the same bytes on every run', async () => {
    expect(await run('first')).toEqual({ written: 6, encoded: 6 });
    expect(await run('second')).toEqual({ written: 6, encoded: 6 });
    const names = readdirSync(thumbsOf('first')).sort();
    expect(names).toEqual(['tall-el.avif', 'tall-el.webp', 'warn-el.avif', 'warn-el.webp', 'warn-en.avif', 'warn-en.webp']);
    for (const name of names) {
      const bytes = readFileSync(join(thumbsOf('first'), name));
      expect(bytes.equals(readFileSync(join(thumbsOf('second'), name))), `${name} differs between two runs`).toBe(true);
      const meta = await sharp(bytes).metadata();
      expect(meta.format, name).toBe(name.endsWith('.avif') ? 'heif' : 'webp');
      if (name.endsWith('.avif')) expect(meta.compression).toBe('av1');
      expect([meta.width, meta.height], name).toEqual([thumbWidth, name.startsWith('tall') ? 336 : 339]);
      expect(meta.exif ?? meta.icc ?? meta.xmp, `${name} carries metadata`).toBeUndefined();
      // Small enough for the page weight budget (first load ≤ 100 kB).
      expect(bytes.length, name).toBeLessThan(20_000);
    }
  });

  it('encodes nothing again when the previews are unchanged, and again when one changes', async () => {
    const before = readFileSync(join(thumbsOf('first'), 'warn-el.webp'));
    expect(await run('third', 'first')).toEqual({ written: 6, encoded: 0 });
    expect(readFileSync(join(thumbsOf('third'), 'warn-el.webp')).equals(before)).toBe(true);
    writeFileSync(join(printDir, 'gr/warn/el/a4.png'), await posterPng(283, 400).then((png) => sharp(png).negate({ alpha: false }).png().toBuffer()));
    expect(await run('fourth', 'first')).toEqual({ written: 6, encoded: 2 });
    expect(readFileSync(join(thumbsOf('fourth'), 'warn-el.webp')).equals(before)).toBe(false);
    // Unused cache entries are removed: six files again, not eight.
    expect(readdirSync(join(work, 'first/cache'))).toHaveLength(6);
  });

  it('writes nothing without a manifest or posters for the country', async () => {
    expect(
      await writePosterThumbnails({ country: 'gr', printDir: join(work, 'none'), siteDir: join(work, 'none-site'), cacheDir: join(work, 'none-cache') }),
    ).toEqual({
      written: 0,
      encoded: 0,
    });
    expect(await writePosterThumbnails({ country: 'bg', printDir, siteDir: join(work, 'bg-site'), cacheDir: join(work, 'bg-cache') })).toEqual({
      written: 0,
      encoded: 0,
    });
    expect(existsSync(join(work, 'none-site'))).toBe(false);
    expect(existsSync(join(work, 'bg-site'))).toBe(false);
  });
});
