import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { fontPackage, fontSubsetFamily, fontSubsetFile, fontSubsets } from '@repo/design';
import * as fontkit from 'fontkit';

/**
 * The poster faces: Noto Sans from @fontsource, as separate subset files. satori keeps one font per
 * family name and weight, so registering every subset under "Noto Sans" would draw Romanian ș ț,
 * Cyrillic and Greek as empty boxes. Each subset file gets its own family name instead, and text
 * asks for all of them as a fallback chain: the first file that has a character draws it. The
 * subsets, files and family names are @repo/design's (fontSubsets, fontSubsetFile, fontSubsetFamily).
 */
export { fontSubsets };
/** Regular for body text, bold for labels and numbers, extra bold for headlines. */
export const fontWeights = [400, 700, 800] as const;
export type FontWeight = (typeof fontWeights)[number];

export interface FontFile {
  /** Family name given to satori, unique per subset: `Noto Sans latin-ext`. */
  family: string;
  subset: (typeof fontSubsets)[number];
  weight: FontWeight;
  path: string;
  data: Buffer;
}

export interface FontSet {
  files: FontFile[];
  /** CSS font-family value naming every subset family in fallback order. */
  familyChain: string;
  /** Parsed faces per weight, in fallback order, for measuring and coverage checks. */
  faces: Map<FontWeight, fontkit.Font[]>;
  /** Version of @fontsource/noto-sans the files come from. */
  version: string;
  /** SHA-256 over every file: part of each print job's input hash, and pinned by the snapshot test. */
  hash: string;
}

const requireHere = createRequire(import.meta.url);

/** Folder of the @fontsource/noto-sans package. */
export function fontPackageDir(): string {
  return dirname(requireHere.resolve(`${fontPackage}/package.json`));
}

let cached: FontSet | undefined;
const sfnts = new WeakMap<fontkit.Font, Buffer>();

/** The OpenType file a face of `loadFonts` was parsed from (what HarfBuzz shapes with, measure.ts). */
export function sfntOf(face: fontkit.Font): Buffer {
  const data = sfnts.get(face);
  if (!data) throw new Error(`sfntOf: ${face.familyName} is not a face of loadFonts()`);
  return data;
}

/** Loads the poster fonts once per process (or worker). satori reads WOFF (not WOFF2), so the .woff files are used. */
export function loadFonts(): FontSet {
  if (cached) return cached;
  const dir = fontPackageDir();
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const files: FontFile[] = [];
  const hash = createHash('sha256').update(`${fontPackage}@${version}\n`);
  for (const subset of fontSubsets) {
    for (const weight of fontWeights) {
      const path = join(dir, fontSubsetFile(subset, weight, 'woff'));
      const data = readFileSync(path);
      hash.update(`${subset}-${weight}:`).update(data);
      files.push({ family: fontSubsetFamily(subset), subset, weight, path, data });
    }
  }
  const faces = new Map<FontWeight, fontkit.Font[]>();
  for (const weight of fontWeights) {
    faces.set(
      weight,
      fontSubsets.map((subset) => {
        const data = woffToSfnt((files.find((f) => f.subset === subset && f.weight === weight) as FontFile).data);
        const face = fontkit.create(data);
        sfnts.set(face, data);
        return face;
      }),
    );
  }
  cached = { files, familyChain: fontSubsets.map((s) => `'${fontSubsetFamily(s)}'`).join(', '), faces, version, hash: hash.digest('hex') };
  return cached;
}

/**
 * WOFF 1.0 → the plain OpenType (sfnt) file it wraps. Why: fontkit reads a WOFF by inflating the
 * whole table, in JavaScript, every time it reads from it — the entire `glyf` table for every glyph
 * it measures or outlines (about 1 ms each here). Unwrapped once with Node's zlib, the same font
 * reads glyphs directly. (WOFF 1.0 spec: 44-byte header, 20-byte table entries, zlib streams.)
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${woff.toString('latin1', at, at + 4)}: ${data.length} bytes, expected ${origLength}`);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data };
  });
  const pow2 = 2 ** Math.floor(Math.log2(numTables));
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(woff.readUInt32BE(4), 0); // the wrapped font's flavour: TrueType or CFF
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(pow2 * 16, 6);
  head.writeUInt16BE(Math.log2(pow2), 8);
  head.writeUInt16BE(numTables * 16 - pow2 * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(head, at);
    head.writeUInt32BE(t.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The fonts in the form satori's `fonts` option takes. */
export function satoriFonts(fonts: FontSet) {
  return fonts.files.map((f) => ({ name: f.family, data: f.data, weight: f.weight, style: 'normal' as const }));
}
