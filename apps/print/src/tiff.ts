// Opt-in CMYK TIFFs for wide-format printers (`--tiff`): the bleed box (trim + bleed) of the poster's
// display list, written as SVG by @repo/print's screen writer and rasterised by resvg at `dpi` of the
// FILE's physical size, in the design tokens' exact CMYK. Which formats get one is declared on the
// format (`wideFormat` in @repo/design's printFormats: every billboard, posters larger than A2).
//
// This file lives in apps/print, not in @repo/print's render/, on purpose: the input hash of every
// file covers @repo/print's source (codeHash), so adding it there would re-render every file of a
// run without --tiff. Its own source is hashed into the jobs that do get a TIFF (tiffHashInput).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { bleedMm, colours, type PrintFormat } from '@repo/design';
import { type DisplayList, type Geometry, listToSvg } from '@repo/print';
import type sharpFunction from 'sharp';

// resvg and sharp are @repo/print's dependencies: resolve them from there (as build.ts does for versions).
const requireFromPrint = createRequire(join(import.meta.dirname, '../../../packages/print/package.json'));
const { Resvg } = requireFromPrint('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
const sharp = requireFromPrint('sharp') as typeof sharpFunction;

export const defaultTiffDpi = 300;

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
 * Rasterises the poster's display list (its artwork is the bleed box) to exactly `tiffPixels()` and
 * writes a CMYK TIFF (Deflate, resolution = dpi per inch, no ICC profile, no date tag: the same list
 * gives the same bytes). Colours are the design tokens' exact CMYK, not a conversion: every pixel that is a
 * token's screen colour, or a blend of two tokens (anti-aliased edges), gets the token values or the
 * same blend of them; only photos (and the odd pixel where three colours meet) go through libvips'
 * generic RGB → CMYK conversion. Peak memory is about 8 bytes per pixel (resvg's RGBA pixmap and the
 * CMYK raster): run one at a time per worker and recycle the worker after it.
 */
export async function listToTiff(list: DisplayList, g: Geometry, dpi: number): Promise<{ data: Buffer; pixels: [number, number] }> {
  const [width, height] = tiffPixels(g.format, dpi);
  const sized = listToSvg(list, { width, height, stretch: true });
  const rgba = (() => {
    const image = new Resvg(sized, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: '#ffffff' }).render();
    if (image.width !== width || image.height !== height) throw new Error(`resvg rendered ${image.width} × ${image.height} px, expected ${width} × ${height}`);
    return image.pixels;
  })();
  const cmyk = await sharp(rgba, { raw: { width, height, channels: 4 }, limitInputPixels: false })
    .removeAlpha()
    .toColourspace('cmyk')
    .raw()
    .toBuffer();
  exactTokenColours(rgba, cmyk, width, photoRects(list, width / list.width, height / list.height));
  return { data: cmykTiff(cmyk, width, height, dpi), pixels: [width, height] };
}

type Cmyk = [number, number, number, number];

/** The design tokens: screen colour → CMYK in TIFF units (0 = no ink, 255 = full ink). */
const tokens = Object.values(colours).map((c) => ({
  rgb: [Number.parseInt(c.screen.slice(1, 3), 16), Number.parseInt(c.screen.slice(3, 5), 16), Number.parseInt(c.screen.slice(5, 7), 16)] as const,
  cmyk: c.cmyk.map((v) => (v * 255) / 100) as Cmyk,
}));

/** Pixel boxes of the photos in the display list: their pixels keep the generic conversion. */
function photoRects(list: DisplayList, sx: number, sy: number): [number, number, number, number][] {
  return list.items.flatMap((i) =>
    i.type === 'photo'
      ? [[Math.floor(i.x * sx), Math.floor(i.y * sy), Math.ceil((i.x + i.width) * sx), Math.ceil((i.y + i.height) * sy)] as [number, number, number, number]]
      : [],
  );
}

/**
 * The CMYK a screen colour stands for: a token's exact values, or for a blend of two tokens (what
 * anti-aliasing makes at an edge, in sRGB values) the same blend of their CMYK; undefined otherwise.
 */
function tokenCmyk(r: number, g: number, b: number): Cmyk | undefined {
  let best: { residual: number; cmyk: Cmyk } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const A = tokens[i] as (typeof tokens)[number];
    if (A.rgb[0] === r && A.rgb[1] === g && A.rgb[2] === b) return A.cmyk;
    for (let j = i + 1; j < tokens.length; j++) {
      const B = tokens[j] as (typeof tokens)[number];
      const d = [A.rgb[0] - B.rgb[0], A.rgb[1] - B.rgb[1], A.rgb[2] - B.rgb[2]];
      const p = [r - B.rgb[0], g - B.rgb[1], b - B.rgb[2]];
      const len = d[0]! * d[0]! + d[1]! * d[1]! + d[2]! * d[2]!;
      const a = Math.min(1, Math.max(0, (p[0]! * d[0]! + p[1]! * d[1]! + p[2]! * d[2]!) / len));
      const residual = Math.max(Math.abs(p[0]! - a * d[0]!), Math.abs(p[1]! - a * d[1]!), Math.abs(p[2]! - a * d[2]!));
      if (residual <= 2 && (!best || residual < best.residual)) {
        best = { residual, cmyk: A.cmyk.map((v, k) => a * v + (1 - a) * (B.cmyk[k] as number)) as Cmyk };
      }
    }
  }
  return best?.cmyk;
}

/** Overwrites `cmyk` (4 bytes per pixel) with token values wherever the RGBA pixel is a token or a blend of two, outside the photos. */
function exactTokenColours(rgba: Buffer, cmyk: Buffer, width: number, photos: [number, number, number, number][]) {
  const cache = new Map<number, Cmyk | null>();
  const pixels = cmyk.length / 4;
  let lastKey = -1;
  let last: Cmyk | null = null;
  for (let i = 0; i < pixels; i++) {
    if (photos.length) {
      const x = i % width;
      const y = (i - x) / width;
      if (photos.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1)) continue;
    }
    const o = i * 4;
    const key = ((rgba[o] as number) << 16) | ((rgba[o + 1] as number) << 8) | (rgba[o + 2] as number);
    // Flat artwork: most pixels repeat the one before.
    let c: Cmyk | null | undefined = key === lastKey ? last : cache.get(key);
    if (c === undefined) {
      c = tokenCmyk(rgba[o] as number, rgba[o + 1] as number, rgba[o + 2] as number) ?? null;
      cache.set(key, c);
    }
    lastKey = key;
    last = c;
    if (c) {
      cmyk[o] = Math.round(c[0]);
      cmyk[o + 1] = Math.round(c[1]);
      cmyk[o + 2] = Math.round(c[2]);
      cmyk[o + 3] = Math.round(c[3]);
    }
  }
}

/**
 * A baseline TIFF 6.0 of 8-bit CMYK (PhotometricInterpretation 5, InkSet 1), Deflate-compressed in
 * strips of 64 rows. Written here because sharp cannot take raw pixels as CMYK (a 4-channel raw input
 * is RGBA and would be converted again), and the JavaScript TIFF encoders on npm write RGBA only, or
 * no compression.
 */
export function cmykTiff(cmyk: Buffer, width: number, height: number, dpi: number): Buffer {
  const rowsPerStrip = 64;
  const rowBytes = width * 4;
  const strips: Buffer[] = [];
  for (let y = 0; y < height; y += rowsPerStrip) {
    strips.push(deflateSync(cmyk.subarray(y * rowBytes, Math.min(height, y + rowsPerStrip) * rowBytes), { level: 6 }));
  }
  // Layout: header, IFD, the arrays the IFD points to, then the strips.
  const tags: [number, number, number[] | 'offsets' | 'counts' | 'bits' | 'xres' | 'yres'][] = [
    [256, 4, [width]], // ImageWidth (LONG)
    [257, 4, [height]], // ImageLength
    [258, 3, 'bits'], // BitsPerSample 8,8,8,8 (SHORT)
    [259, 3, [8]], // Compression: Deflate
    [262, 3, [5]], // PhotometricInterpretation: separated (CMYK)
    [273, 4, 'offsets'], // StripOffsets
    [277, 3, [4]], // SamplesPerPixel
    [278, 4, [rowsPerStrip]], // RowsPerStrip
    [279, 4, 'counts'], // StripByteCounts
    [282, 5, 'xres'], // XResolution (RATIONAL)
    [283, 5, 'yres'], // YResolution
    [284, 3, [1]], // PlanarConfiguration: chunky
    [296, 3, [2]], // ResolutionUnit: inch
    [332, 3, [1]], // InkSet: CMYK
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  let extra = 8 + ifdSize;
  const place = (bytes: number) => {
    const at = extra;
    extra += bytes + (bytes % 2);
    return at;
  };
  const bitsAt = place(8);
  const xresAt = place(8);
  const yresAt = place(8);
  const offsetsAt = strips.length > 1 ? place(4 * strips.length) : 0;
  const countsAt = strips.length > 1 ? place(4 * strips.length) : 0;
  const lastStrip = extra + strips.slice(0, -1).reduce((n, b) => n + b.length, 0);
  // Classic TIFF addresses strips with 32-bit offsets.
  if (lastStrip > 0xffffffff) throw new Error('the TIFF would pass 4 GB, beyond classic TIFF: lower --tiff-dpi');
  const head = Buffer.alloc(extra);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(tags.length, 8);
  let stripAt = extra;
  const stripOffsets = strips.map((s) => {
    const at = stripAt;
    stripAt += s.length;
    return at;
  });
  tags.forEach(([tag, type, value], i) => {
    const e = 10 + i * 12;
    head.writeUInt16LE(tag, e);
    head.writeUInt16LE(type, e + 2);
    const count = value === 'bits' ? 4 : value === 'offsets' || value === 'counts' ? strips.length : value === 'xres' || value === 'yres' ? 1 : value.length;
    head.writeUInt32LE(count, e + 4);
    if (value === 'bits') head.writeUInt32LE(bitsAt, e + 8);
    else if (value === 'xres') head.writeUInt32LE(xresAt, e + 8);
    else if (value === 'yres') head.writeUInt32LE(yresAt, e + 8);
    else if (value === 'offsets') head.writeUInt32LE(strips.length > 1 ? offsetsAt : (stripOffsets[0] as number), e + 8);
    else if (value === 'counts') head.writeUInt32LE(strips.length > 1 ? countsAt : (strips[0] as Buffer).length, e + 8);
    else if (type === 3) head.writeUInt16LE(value[0] as number, e + 8);
    else head.writeUInt32LE(value[0] as number, e + 8);
  });
  head.writeUInt32LE(0, 10 + tags.length * 12); // no next IFD
  for (let k = 0; k < 4; k++) head.writeUInt16LE(8, bitsAt + 2 * k);
  for (const at of [xresAt, yresAt]) {
    head.writeUInt32LE(Math.round(dpi * 1000), at);
    head.writeUInt32LE(1000, at + 4);
  }
  strips.forEach((s, k) => {
    if (strips.length > 1) {
      head.writeUInt32LE(stripOffsets[k] as number, offsetsAt + 4 * k);
      head.writeUInt32LE(s.length, countsAt + 4 * k);
    }
  });
  return Buffer.concat([head, ...strips]);
}
