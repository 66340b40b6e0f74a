// Opt-in CMYK TIFFs for wide-format printers (`--tiff`): the bleed box (trim + bleed) of the poster's
// SVG rasterised by resvg at `dpi` of the FILE's physical size, converted to CMYK by sharp, LZW.
//
// This file lives in apps/print, not in @repo/print's render/, on purpose: the input hash of every
// file covers @repo/print's source (codeHash), so adding it there would re-render every file of a
// run without --tiff. Its own source is hashed into the jobs that do get a TIFF (tiffHashInput).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bleedMm, type PrintFormat } from '@repo/design';
import type { Geometry } from '@repo/print';
import type sharpFunction from 'sharp';

// resvg and sharp are @repo/print's dependencies: resolve them from there (as build.ts does for versions).
const requireFromPrint = createRequire(join(import.meta.dirname, '../../../packages/print/package.json'));
const { Resvg } = requireFromPrint('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
const sharp = requireFromPrint('sharp') as typeof sharpFunction;

export const defaultTiffDpi = 300;

/** A2's area: posters larger than this (A1, B1, 50 × 70, city light) count as wide format. */
const a2AreaMm2 = 420 * 594;

/** Formats that get a TIFF with `--tiff`: every billboard, and posters larger than A2. */
export function isWideFormat(f: PrintFormat): boolean {
  return f.kind === 'billboard' || (f.kind === 'poster' && f.width * f.height > a2AreaMm2);
}

/** Size of the TIFF in millimetres of the file: trim ÷ scale plus 3 mm bleed each side (billboards: 1:10). */
export function tiffFileMm(f: PrintFormat): [number, number] {
  return [f.width / f.scale + 2 * bleedMm, f.height / f.scale + 2 * bleedMm];
}

/** Pixel size at `dpi`: file millimetres × dpi ÷ 25.4, rounded. */
export function tiffPixels(f: PrintFormat, dpi: number): [number, number] {
  const [w, h] = tiffFileMm(f);
  return [Math.round((w * dpi) / 25.4), Math.round((h * dpi) / 25.4)];
}

/** What the TIFF bytes depend on beyond the job: dpi, this file's source, sharp's and libvips' versions. Part of the job's input hash. */
export function tiffHashInput(dpi: number): { dpi: number; code: string; sharp: string } {
  const code = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  return { dpi, code, sharp: JSON.stringify(sharp.versions) };
}

/**
 * Rasterises satori's SVG (its canvas is the bleed box) to exactly `tiffPixels()` and writes a CMYK
 * TIFF, LZW-compressed, resolution = dpi (inch). No ICC profile, no date tag: the same SVG gives the
 * same bytes. Peak memory is about 2 × 4 bytes per pixel (resvg's RGBA pixmap and its copy in a
 * Buffer) plus sharp's pipeline: run one at a time per worker and recycle the worker after it.
 */
export async function svgToTiff(svg: string, g: Geometry, dpi: number): Promise<{ data: Buffer; pixels: [number, number] }> {
  const [width, height] = tiffPixels(g.format, dpi);
  const sized = svg.replace(/^<svg width="[^"]*" height="[^"]*"/, `<svg width="${width}" height="${height}" preserveAspectRatio="none"`);
  if (sized === svg) throw new Error('unexpected SVG header from satori');
  const rgba = (() => {
    const image = new Resvg(sized, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: '#ffffff' }).render();
    if (image.width !== width || image.height !== height) throw new Error(`resvg rendered ${image.width} × ${image.height} px, expected ${width} × ${height}`);
    return image.pixels;
  })();
  const data = await sharp(rgba, { raw: { width, height, channels: 4 }, limitInputPixels: false })
    .removeAlpha()
    .toColourspace('cmyk')
    .tiff({ compression: 'lzw', predictor: 'horizontal', xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' })
    .toBuffer();
  return { data, pixels: [width, height] };
}
