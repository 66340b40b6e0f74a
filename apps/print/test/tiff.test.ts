import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { type ColourName, colours } from '@repo/design';
import { type Artwork, formatById, geometry, loadFonts, type ManifestFile, sha256, TextMeasurer } from '@repo/print';
import type sharpFunction from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildSummary, buildPrint } from '../src/build.ts';
import { listToTiff } from '../src/tiff.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sharp = createRequire(join(repoRoot, 'packages/print/package.json'))('sharp') as typeof sharpFunction;
const temp = () => mkdtempSync(join(tmpdir(), 'print-app-tiff-'));

// The print tests' fixture content (packages/print/test/fixtures/content), Greece: one wide format
// (a billboard, drawn at 1:10) and A4 (with the design's photo), TIFFs at a low dpi to stay fast.
const dpi = 30;
const contentDir = join(repoRoot, 'packages/print/test/fixtures/content');
const opts = { contentDir, countries: ['gr'], formats: ['a4', 'billboard-18-1'], workers: 2, tiff: true, tiffDpi: dpi };
// The file's size: 3560 × 2520 mm at 1:10 = 356 × 252 mm, plus 3 mm bleed each side.
const expectedPixels = [Math.round(((356 + 6) * dpi) / 25.4), Math.round(((252 + 6) * dpi) / 25.4)];

describe('apps/print: --tiff', () => {
  let outDir: string;
  let first: BuildSummary;
  const entry = (s: BuildSummary, format: string) => s.manifest.files.find((f) => f.locale === 'el' && f.format === format) as ManifestFile;
  beforeAll(async () => {
    outDir = temp();
    first = await buildPrint({ ...opts, outDir });
  });

  it('writes a CMYK TIFF of trim + bleed at the dpi for wide formats, listed in the manifest', async () => {
    expect(first.tiffs).toBe(2);
    const listed = entry(first, 'billboard-18-1').tiff;
    if (!listed) throw new Error('no TIFF in the manifest');
    const tif = readFileSync(join(outDir, listed.file));
    const meta = await sharp(tif).metadata();
    expect(meta).toMatchObject({ format: 'tiff', space: 'cmyk', channels: 4, density: dpi, width: expectedPixels[0], height: expectedPixels[1] });
    expect(listed).toMatchObject({ dpi, pixels: expectedPixels, bytes: tif.length, sha256: sha256(tif) });
    expect(formatById('billboard-18-1').wideFormat).toBe(true);
  });

  it('gives a format that is not wide (A4) no TIFF', () => {
    expect(formatById('a4').wideFormat).toBe(false);
    expect(entry(first, 'a4').tiff).toBeUndefined();
    expect(existsSync(join(outDir, entry(first, 'a4').file.replace(/\.pdf$/, '.tif')))).toBe(false);
  });

  it('puts the TIFF into the country’s ZIP under its download name, beside its PDF', () => {
    const zip = first.manifest.zips.find((z) => z.country === 'gr');
    if (!zip) throw new Error('no ZIP for gr');
    const entries = execFileSync('unzip', ['-Z1', join(outDir, zip.file)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const billboard = entry(first, 'billboard-18-1');
    expect(entries).toEqual(expect.arrayContaining([billboard.name, billboard.tiff?.name]));
    // The billboards' TIFFs (both languages), no other.
    const tiffs = first.manifest.files.flatMap((f) => (f.tiff ? [f.tiff.name] : []));
    expect(tiffs).toHaveLength(2);
    expect(entries.filter((n) => n.endsWith('.tif')).sort()).toEqual(tiffs.sort());
  });

  it('renders byte-identical TIFFs twice, skips them when unchanged, and re-renders when --tiff is toggled', async () => {
    const other = await buildPrint({ ...opts, outDir: temp(), workers: 1 });
    expect(entry(other, 'billboard-18-1').tiff?.sha256).toBe(entry(first, 'billboard-18-1').tiff?.sha256);

    const again = await buildPrint({ ...opts, outDir });
    expect([again.rendered, again.skipped]).toEqual([0, 4]);

    const plain = await buildPrint({ ...opts, tiff: false, outDir });
    // Only the wide formats depend on --tiff: A4's input hash is the same with and without it.
    expect([plain.rendered, plain.skipped]).toEqual([2, 2]);
    expect(entry(plain, 'billboard-18-1').tiff).toBeUndefined();
    expect(existsSync(join(outDir, entry(first, 'billboard-18-1').tiff?.file as string))).toBe(false);
    expect(entry(plain, 'billboard-18-1').sha256).toBe(entry(first, 'billboard-18-1').sha256);
  });
});

/** The pixels of a TIFF written by cmykTiff: its Deflate strips inflated (no library reads CMYK TIFF values back unconverted). */
function tiffPixelsOf(tif: Buffer): { width: number; data: Buffer } {
  const entries = new Map<number, { type: number; count: number; value: number }>();
  const ifd = tif.readUInt32LE(4);
  for (let i = 0; i < tif.readUInt16LE(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const type = tif.readUInt16LE(e + 2);
    entries.set(tif.readUInt16LE(e), { type, count: tif.readUInt32LE(e + 4), value: type === 3 ? tif.readUInt16LE(e + 8) : tif.readUInt32LE(e + 8) });
  }
  const at = (tag: number) => entries.get(tag) as { type: number; count: number; value: number };
  expect([at(262).value, at(277).value, at(259).value, at(332).value]).toEqual([5, 4, 8, 1]);
  const n = at(273).count;
  const list = (tag: number) => (n === 1 ? [at(tag).value] : Array.from({ length: n }, (_, k) => tif.readUInt32LE(at(tag).value + 4 * k)));
  const offsets = list(273);
  const counts = list(279);
  return { width: at(256).value, data: Buffer.concat(offsets.map((o, k) => inflateSync(tif.subarray(o, o + (counts[k] as number))))) };
}

describe('apps/print: TIFF colours', () => {
  it('are the design tokens’ exact CMYK in flat areas, K-only at the edges of ink on paper, generic only in photos', async () => {
    const g = geometry(formatById('a1'), { cropMarks: false });
    const [W, H] = [g.canvasW, g.canvasH];
    // A photo close to the "warning" token's red: it must keep the generic conversion, not become the token.
    const red = await sharp({ create: { width: 64, height: 64, channels: 3, background: colours.warning.screen } })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .toBuffer();
    const paint = (colour: ColourName) => ({ colour, overprint: colour === 'ink' });
    const m = new TextMeasurer(loadFonts());
    const items: Artwork[] = [
      { type: 'rect', x: 0, y: 0, width: W, height: H, paint: paint('paper') },
      { type: 'rect', x: 0, y: 0, width: W / 2, height: H / 2, paint: paint('brand') },
      // A large "V" in ink: diagonal edges, anti-aliased on paper.
      {
        type: 'glyphs',
        box: 'headline',
        text: 'V',
        x: W * 0.55,
        baseline: H * 0.45,
        size: H * 0.4,
        weight: 800,
        glyphs: m.shape('V', 800).glyphs,
        paint: paint('ink'),
      },
      { type: 'rect', x: W * 0.5, y: H * 0.6, width: W * 0.2, height: H * 0.3, paint: paint('warning') },
      { type: 'photo', x: W * 0.75, y: H * 0.6, width: W * 0.2, height: H * 0.3, jpeg: red },
    ];
    const { data, pixels } = await listToTiff({ width: W, height: H, items, marks: [] }, g, 30); // sharp reports density only above 25.4 dpi
    const { width, data: px } = tiffPixelsOf(data);
    expect(width).toBe(pixels[0]);
    const at = (fx: number, fy: number) => [
      ...px.subarray((Math.floor(fy * pixels[1]) * width + Math.floor(fx * width)) * 4, (Math.floor(fy * pixels[1]) * width + Math.floor(fx * width)) * 4 + 4),
    ];
    const exact = (c: readonly number[]) => c.map((v) => Math.round((v * 255) / 100));
    expect(at(0.25, 0.25)).toEqual(exact(colours.brand.cmyk));
    expect(at(0.25, 0.75)).toEqual([0, 0, 0, 0]); // paper
    expect(at(0.6, 0.75)).toEqual(exact(colours.warning.cmyk));
    const photo = at(0.85, 0.75);
    expect(photo).not.toEqual(exact(colours.warning.cmyk));
    expect(Math.min(photo[1] as number, photo[2] as number), 'the red photo is magenta and yellow ink').toBeGreaterThan(150);
    // Every pixel of the "V" and its anti-aliased diagonal edges is black ink only: K100 inside, partial K at the edges.
    let full = 0;
    let partial = 0;
    for (let i = 0; i < px.length; i += 4) {
      const x = (i / 4) % width;
      if (x < width * 0.52 || i / 4 / width > pixels[1] * 0.5) continue;
      expect([px[i], px[i + 1], px[i + 2]]).toEqual([0, 0, 0]);
      if (px[i + 3] === 255) full++;
      else if ((px[i + 3] as number) > 0) partial++;
    }
    expect(full).toBeGreaterThan(100);
    expect(partial).toBeGreaterThan(10);
    // sharp (libvips) reads the file as CMYK at the dpi.
    expect(await sharp(data).metadata()).toMatchObject({ space: 'cmyk', channels: 4, density: 30, width: pixels[0], height: pixels[1] });
  });
});
