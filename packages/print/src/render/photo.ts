import type { PosterPhoto } from '@repo/content';
import sharp from 'sharp';

/** Photos are embedded at no more than this resolution at their printed size: more only makes files heavier. */
export const maxPhotoDpi = 300;

const prepared = new Map<string, Promise<Buffer>>();

/**
 * The photo cropped to a box of `widthMm` × `heightMm` (real size) around its focus point, scaled to
 * at most 300 dpi there (never enlarged), upright (EXIF), flattened on white (no transparency), as
 * an RGB JPEG: what the SVG and the preview show. The PDF writer converts it to CMYK. Cached per
 * process: every language of a design and format uses the same crop.
 */
export function preparePhoto(photo: PosterPhoto, widthMm: number, heightMm: number): Promise<Buffer> {
  const key = `${photo.sha256}:${widthMm.toFixed(2)}x${heightMm.toFixed(2)}:${photo.focus.x},${photo.focus.y}`;
  let job = prepared.get(key);
  if (!job) {
    if (prepared.size > 200) prepared.clear();
    job = crop(photo, widthMm, heightMm);
    prepared.set(key, job);
  }
  return job;
}

async function crop(photo: PosterPhoto, widthMm: number, heightMm: number): Promise<Buffer> {
  // Pixels per millimetre the photo has when it covers the box, capped at 300 dpi.
  const cover = Math.max(widthMm / photo.width, heightMm / photo.height);
  const perMm = Math.min(1 / cover, maxPhotoDpi / 25.4);
  const outW = Math.max(1, Math.round(widthMm * perMm));
  const outH = Math.max(1, Math.round(heightMm * perMm));
  // Scale so the photo covers the output, then cut the output around the focus point (sharp's own
  // cover crop only knows gravities, not a point).
  const scale = Math.max(outW / photo.width, outH / photo.height);
  const scaledW = Math.max(outW, Math.ceil(photo.width * scale));
  const scaledH = Math.max(outH, Math.ceil(photo.height * scale));
  const left = Math.round(Math.min(Math.max(photo.focus.x * scaledW - outW / 2, 0), scaledW - outW));
  const top = Math.round(Math.min(Math.max(photo.focus.y * scaledH - outH / 2, 0), scaledH - outH));
  return sharp(photo.path)
    .rotate()
    .resize(scaledW, scaledH, { fit: 'fill' })
    .extract({ left, top, width: outW, height: outH })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

/** RGB JPEG (from preparePhoto) → CMYK JPEG for the PDF, with libvips' built-in CMYK profile. */
export function photoToCmyk(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).toColourspace('cmyk').jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
}
