import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PosterPhoto } from '@repo/content';
import type sharpFunction from 'sharp';
import { Memo } from '../memo.ts';

/** Photos are embedded at no more than this resolution at their printed size: more only makes files heavier. */
export const maxPhotoDpi = 300;

// Loaded on first use: worker threads of a run without photos (or TIFFs) never load libvips.
let sharpModule: Promise<typeof sharpFunction> | undefined;
const loadSharp = () => {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
};

const prepared = new Memo<string, Promise<Buffer>>(200);

/**
 * The photo cropped to a box of `widthMm` × `heightMm` (real size) around its focus point, scaled to
 * at most 300 dpi there (never enlarged), upright (EXIF), flattened on white (no transparency), as
 * an RGB JPEG: what the SVG and the preview show. The PDF writer converts it to CMYK. Cached per
 * process: every language of a design and format uses the same crop.
 */
export function preparePhoto(photo: PosterPhoto, widthMm: number, heightMm: number): Promise<Buffer> {
  const key = `${photo.sha256}:${widthMm.toFixed(2)}x${heightMm.toFixed(2)}:${photo.focus.x},${photo.focus.y}`;
  return prepared.get(key, () => {
    const job = crop(photo, widthMm, heightMm);
    // A failure is reported, not remembered: the next render tries again.
    job.catch(() => prepared.delete(key));
    return job;
  });
}

/** Where the photo's crop sits: output size and the cut in the scaled photo (also used for the HTML version). */
export function photoCrop(photo: Pick<PosterPhoto, 'width' | 'height' | 'focus'>, outW: number, outH: number) {
  // Scale so the photo covers the output, then cut the output around the focus point (sharp's own
  // cover crop only knows gravities, not a point).
  const scale = Math.max(outW / photo.width, outH / photo.height);
  const scaledW = Math.max(outW, Math.ceil(photo.width * scale));
  const scaledH = Math.max(outH, Math.ceil(photo.height * scale));
  const left = Math.round(Math.min(Math.max(photo.focus.x * scaledW - outW / 2, 0), scaledW - outW));
  const top = Math.round(Math.min(Math.max(photo.focus.y * scaledH - outH / 2, 0), scaledH - outH));
  return { scaledW, scaledH, left, top };
}

async function crop(photo: PosterPhoto, widthMm: number, heightMm: number): Promise<Buffer> {
  const sharp = await loadSharp();
  // The bytes that were checked and hashed when the content was loaded, not whatever is on disk now.
  const data = readFileSync(photo.path);
  if (createHash('sha256').update(data).digest('hex') !== photo.sha256) {
    throw new Error(`content/${photo.file} changed while the print files were being rendered: run the build again`);
  }
  const upright = (await sharp(data).metadata()).autoOrient;
  if (upright.width !== photo.width || upright.height !== photo.height) {
    throw new Error(
      `content/${photo.file}: its stored rotation (EXIF orientation) reads as ${upright.width} × ${upright.height} px upright, not ${photo.width} × ${photo.height}. Fix: save the photo upright, without a rotation tag`,
    );
  }
  // Pixels per millimetre the photo has when it covers the box, capped at 300 dpi.
  const cover = Math.max(widthMm / photo.width, heightMm / photo.height);
  const perMm = Math.min(1 / cover, maxPhotoDpi / 25.4);
  const outW = Math.max(1, Math.round(widthMm * perMm));
  const outH = Math.max(1, Math.round(heightMm * perMm));
  const { scaledW, scaledH, left, top } = photoCrop(photo, outW, outH);
  return sharp(data)
    .rotate()
    .resize(scaledW, scaledH, { fit: 'fill' })
    .extract({ left, top, width: outW, height: outH })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

/** RGB JPEG (from preparePhoto) → CMYK JPEG for the PDF, with libvips' built-in CMYK profile. */
export async function photoToCmyk(jpeg: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(jpeg).toColourspace('cmyk').jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
}
