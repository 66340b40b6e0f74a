import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256 } from '@repo/print';
import type sharpFunction from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildSummary, buildPrint, type ManifestFile } from '../src/build.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sharp = createRequire(join(repoRoot, 'packages/print/package.json'))('sharp') as typeof sharpFunction;
const temp = () => mkdtempSync(join(tmpdir(), 'print-app-tiff-'));

// Slovenia, one wide format (a billboard, drawn at 1:10) and A4, TIFFs at a low dpi to stay fast.
const dpi = 30;
const opts = { contentDir: join(repoRoot, 'content'), countries: ['si'], formats: ['a4', 'billboard-18-1'], workers: 2, tiff: true, tiffDpi: dpi };
const billboard = 'si/destination-demand/sl/billboard-18-1';
// The file's size: 3560 × 2520 mm at 1:10 = 356 × 252 mm, plus 3 mm bleed each side.
const expectedPixels = [Math.round(((356 + 6) * dpi) / 25.4), Math.round(((252 + 6) * dpi) / 25.4)];

describe('apps/print: --tiff', () => {
  let outDir: string;
  let first: BuildSummary;
  const entry = (s: BuildSummary, file: string) => s.manifest.files.find((f) => f.file === file) as ManifestFile;
  beforeAll(async () => {
    outDir = temp();
    first = await buildPrint({ ...opts, outDir });
  });

  it('writes a CMYK TIFF of trim + bleed at the dpi for wide formats, listed in the manifest', async () => {
    expect(first.tiffs).toBe(2);
    const tif = readFileSync(join(outDir, `${billboard}.tif`));
    const meta = await sharp(tif).metadata();
    expect(meta).toMatchObject({ format: 'tiff', space: 'cmyk', channels: 4, density: dpi, width: expectedPixels[0], height: expectedPixels[1] });
    expect(entry(first, `${billboard}.pdf`).tiff).toEqual({ file: `${billboard}.tif`, dpi, pixels: expectedPixels, bytes: tif.length, sha256: sha256(tif) });
  });

  it('gives a non-wide format (A4) no TIFF, and keeps TIFFs out of the ZIP', () => {
    expect(existsSync(join(outDir, 'si/destination-demand/sl/a4.tif'))).toBe(false);
    expect(entry(first, 'si/destination-demand/sl/a4.pdf').tiff).toBeUndefined();
    expect(first.manifest.zips[0]?.files).toBe(4);
    expect(readFileSync(join(outDir, 'si/victor-print-si.zip')).includes('.tif')).toBe(false);
  });

  it('renders byte-identical TIFFs twice, skips them when unchanged, and re-renders when --tiff is toggled', async () => {
    const other = await buildPrint({ ...opts, outDir: temp(), workers: 1 });
    expect(entry(other, `${billboard}.pdf`).tiff?.sha256).toBe(entry(first, `${billboard}.pdf`).tiff?.sha256);

    const again = await buildPrint({ ...opts, outDir });
    expect([again.rendered, again.skipped]).toEqual([0, 4]);

    const plain = await buildPrint({ ...opts, tiff: false, outDir });
    // Only the wide formats depend on --tiff: A4's input hash is the same with and without it.
    expect([plain.rendered, plain.skipped]).toEqual([2, 2]);
    expect(entry(plain, `${billboard}.pdf`).tiff).toBeUndefined();
    expect(existsSync(join(outDir, `${billboard}.tif`))).toBe(false);
    expect(entry(plain, `${billboard}.pdf`).sha256).toBe(entry(first, `${billboard}.pdf`).sha256);
  });
});
