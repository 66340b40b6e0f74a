// Small AVIF and WebP previews of a country's posters for its site (src/components/PosterPreviews.astro),
// made with sharp from apps/print's PNG previews (800 px long side, trim area).
//
// One thumbnail per design and language: the A4 poster, else the design's first poster format.
// `posterThumbs()` says which and where (the component renders from it during `astro build`);
// `writePosterThumbnails()` makes the files afterwards, into the built site's /print/thumbs/
// (scripts/build-sites.ts calls it right after it copies the country's print files).
//
// Deterministic: the same PNG gives the same bytes (no metadata, fixed encoder settings; the
// reproducibility check compares builds byte for byte). Each encoded file is cached by the SHA-256 of
// its source PNG, its size, the encoder settings and sharp's/libvips' versions, so a rebuild with
// unchanged posters encodes nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestFile } from '@repo/print/manifest';
import type sharpFunction from 'sharp';

/** Width of a thumbnail in CSS pixels; its height follows the poster's trim proportions. */
export const thumbWidth = 240;

/**
 * Pixel densities written. 1× only: at 2× an A4 thumbnail is about 27 kB as AVIF (11 kB at 1×), and a
 * site with three designs would then spend most of a page's 100 kB first-load budget on them. The
 * thumbnails show at most 240 CSS pixels wide, and about 140 on a 320 px phone (two columns), where
 * 240 pixels already serve a 1.7× screen. Add 2 here to write `@2x` files and `2x` srcset entries.
 */
export const thumbDensities: readonly number[] = [1];

/** Folder under the site's /print/ (a poster design of this id would collide: writePosterThumbnails refuses). */
export const thumbFolder = 'thumbs';

/**
 * Encoder settings, part of every cached file's key. Low efforts: on the 53 A4 previews of the sample
 * content, AVIF effort 4 took 171 ms of CPU a thumbnail and effort 2 takes 33 ms (quality 50 → 52
 * keeps the PSNR within 0.6 dB; 10.1 → 10.6 kB on average); WebP effort 6 → 5 takes 16 ms instead of
 * 24 ms for 0.7 % more bytes (14.0 → 14.1 kB). Every country's thumbnails are encoded on a cold
 * build: 10 CPU-seconds of the sites stage then, under 3 now.
 */
const encoders = {
  avif: { quality: 52, effort: 2, chromaSubsampling: '4:2:0' },
  webp: { quality: 60, effort: 5, smartSubsample: true },
} as const;

type Format = keyof typeof encoders;

/** The print file fields the thumbnails need (a subset of the manifest's). */
export type ThumbSource = Pick<ManifestFile, 'design' | 'locale' | 'format' | 'kind' | 'preview' | 'trimMm'>;

export interface PosterThumb {
  design: string;
  locale: string;
  /** The print file it previews, e.g. `a4`. */
  format: string;
  /** Its PNG preview, relative to the print folder (`<cc>/<design>/<locale>/a4.png`). */
  source: string;
  /** Size of the 1× image in pixels (CSS pixels on the page). */
  width: number;
  height: number;
  /** Addresses on the site, by format: `srcset` with density descriptors, and the 1× file. */
  avif: { src: string; srcset: string };
  webp: { src: string; srcset: string };
  /** Every file to write: name under /print/thumbs/, format, pixel size. */
  outputs: { name: string; format: Format; width: number; height: number }[];
}

/** The print file that previews `design` in `locale`: its A4 poster, else its first poster format. */
function previewOf(files: ThumbSource[], design: string, locale: string): ThumbSource | undefined {
  const posters = files.filter((f) => f.design === design && f.locale === locale && f.kind === 'poster' && f.trimMm);
  return posters.find((f) => f.format === 'a4') ?? posters[0];
}

/**
 * One thumbnail per design and language of a country's print files (manifest order), with its
 * addresses and pixel sizes. Pure: the component and the writer both call it, so they agree.
 */
export function posterThumbs(files: ThumbSource[]): PosterThumb[] {
  const seen = new Set<string>();
  const thumbs: PosterThumb[] = [];
  for (const f of files) {
    const key = `${f.design}/${f.locale}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = previewOf(files, f.design, f.locale);
    if (!file?.trimMm) continue;
    const [trimW, trimH] = file.trimMm;
    const width = thumbWidth;
    const height = Math.round((width * trimH) / trimW);
    const base = `${file.design}-${file.locale}`;
    const outputs = thumbDensities.flatMap((d) =>
      (['avif', 'webp'] as const).map((format) => ({ name: `${base}${d === 1 ? '' : `@${d}x`}.${format}`, format, width: width * d, height: height * d })),
    );
    const href = (name: string) => `/print/${thumbFolder}/${name}`;
    const set = (format: Format) => {
      const own = outputs.filter((o) => o.format === format);
      return {
        src: href(own[0]?.name as string),
        srcset: own.map((o, i) => (own.length === 1 ? href(o.name) : `${href(o.name)} ${thumbDensities[i]}x`)).join(', '),
      };
    };
    thumbs.push({
      design: file.design,
      locale: file.locale,
      format: file.format,
      source: file.preview,
      width,
      height,
      avif: set('avif'),
      webp: set('webp'),
      outputs,
    });
  }
  return thumbs;
}

let sharpModule: Promise<typeof sharpFunction> | undefined;
/** sharp, loaded on first use only (the site's components import this module too). */
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));

/** One thumbnail file from a PNG: resized to exactly its size (the trim's proportions), no metadata. */
export async function encodeThumb(png: Buffer, format: Format, width: number, height: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const image = sharp(png, { failOn: 'error' })
    .flatten({ background: '#ffffff' })
    .resize(width, height, { fit: 'cover', position: 'top', kernel: 'lanczos3' })
    .toColourspace('srgb');
  return format === 'avif' ? image.avif(encoders.avif).toBuffer() : image.webp(encoders.webp).toBuffer();
}

export interface ThumbnailOptions {
  /** Country code: only its files in the manifest. */
  country: string;
  /** apps/print's output folder, with manifest.json. */
  printDir: string;
  /** The built site (its /print/ is `<siteDir>/print/`). */
  siteDir: string;
  /** Where encoded files are kept between builds; files this run does not use are removed. */
  cacheDir: string;
}

/**
 * Writes the country's poster thumbnails into `<siteDir>/print/thumbs/`. Does nothing when there is
 * no manifest or no poster for the country. Returns how many files it wrote and how many it encoded
 * (the rest came from the cache).
 */
export async function writePosterThumbnails(options: ThumbnailOptions): Promise<{ written: number; encoded: number }> {
  const manifestPath = join(options.printDir, 'manifest.json');
  if (!existsSync(manifestPath)) return { written: 0, encoded: 0 };
  const manifest: { files: ManifestFile[] } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const thumbs = posterThumbs(manifest.files.filter((f) => f.country === options.country));
  if (thumbs.length === 0) return { written: 0, encoded: 0 };
  const outDir = join(options.siteDir, 'print', thumbFolder);
  if (existsSync(outDir))
    throw new Error(`${outDir} already exists: a poster design may not be called "${thumbFolder}" (the site's poster thumbnails go there).`);
  mkdirSync(outDir, { recursive: true });
  mkdirSync(options.cacheDir, { recursive: true });
  const sharp = await loadSharp();
  const versions = JSON.stringify({ sharp: sharp.versions, encoders });
  const used = new Set<string>();
  let written = 0;
  let encoded = 0;
  for (const thumb of thumbs) {
    const png = readFileSync(join(options.printDir, thumb.source));
    const sourceHash = createHash('sha256').update(png).digest('hex');
    for (const out of thumb.outputs) {
      const key = createHash('sha256').update(`${versions}\n${sourceHash}\n${out.format} ${out.width}x${out.height}`).digest('hex').slice(0, 32);
      const cached = join(options.cacheDir, `${key}.${out.format}`);
      used.add(`${key}.${out.format}`);
      if (!existsSync(cached)) {
        // Written beside and renamed, so an interrupted build never leaves half a file in the cache.
        const partial = `${cached}.${process.pid}.tmp`;
        writeFileSync(partial, await encodeThumb(png, out.format, out.width, out.height));
        renameSync(partial, cached);
        encoded++;
      }
      copyFileSync(cached, join(outDir, out.name));
      written++;
    }
  }
  for (const name of readdirSync(options.cacheDir)) if (!used.has(name)) rmSync(join(options.cacheDir, name), { force: true });
  return { written, encoded };
}
