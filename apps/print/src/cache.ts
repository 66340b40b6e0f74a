// Cache: what each planned file is made from (its input hash: the job, the renderer's code, the fonts,
// the library versions; for wide formats under --tiff also the TIFF settings), and which files are
// unchanged since the last run (same hash, the files still in place with the size the manifest
// gives): those are skipped, the rest are rendered.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codeHash, type FontSet, jobInputHash, type Manifest, type ManifestCard, type ManifestFile, manifestVersion, type RenderJob } from '@repo/print';
import type { Plan, PlannedCard, PlannedPrint } from './plan.ts';

/** A planned file with the hash of everything it is made from. */
export type Hashed<P> = P & { inputHash: string };
export type HashedPrint = Hashed<PlannedPrint>;
export type HashedCard = Hashed<PlannedCard>;

export interface CacheState {
  /** The previous run's manifest (undefined: none, unreadable, or of another manifest version). */
  previous: Manifest | undefined;
  /** The previous manifest is of another version: nothing of it is reused, not even other countries' entries. */
  outdated: boolean;
  /** The previous entries by job key (print files) and by file (cards). */
  before: Map<string, ManifestFile>;
  cardsBefore: Map<string, ManifestCard>;
  prints: HashedPrint[];
  cards: HashedCard[];
  /** What to render: changed print files first, then changed page cards (many small renders even out the threads at the end). */
  todo: (HashedPrint | HashedCard)[];
  /** Code, fonts and libraries: part of every hash here, and of the spec sheets' (see publish.ts). */
  code: string;
  libraries: string;
}

const requireFromPrint = createRequire(join(import.meta.dirname, '../../../packages/print/package.json'));

/** Versions of the libraries that shape the output bytes: part of every input hash. */
export function libraryVersions(): string {
  // sharp and libvips crop and convert photos: a new version may give other bytes.
  const sharp = requireFromPrint('sharp') as { versions: Record<string, string> };
  return ['satori', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js', 'qrcode', 'yazl', 'fontkit', 'harfbuzzjs']
    .map((name) => {
      // Walk up from the package's entry file to its own package.json (not every package exports it).
      let dir: string;
      try {
        dir = dirname(requireFromPrint.resolve(name));
      } catch {
        return `${name}@absent`;
      }
      for (;;) {
        const path = join(dir, 'package.json');
        if (existsSync(path)) {
          const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version: string };
          if (pkg.name === name) return `${name}@${pkg.version}`;
        }
        const up = dirname(dir);
        if (up === dir) return `${name}@unknown`;
        dir = up;
      }
    })
    .concat(`sharp ${JSON.stringify(sharp.versions)}`)
    .join(',');
}

/** The previous run's manifest.json, if it is there, readable and of this manifest version. */
export function readManifest(outDir: string): { manifest: Manifest | undefined; outdated: boolean } {
  const path = join(outDir, 'manifest.json');
  if (!existsSync(path)) return { manifest: undefined, outdated: false };
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return manifest.version === manifestVersion ? { manifest, outdated: false } : { manifest: undefined, outdated: true };
  } catch {
    return { manifest: undefined, outdated: false };
  }
}

/** Hashes every planned file and compares it with the previous run. */
export async function compareWithPrevious(plan: Plan, outDir: string, fonts: FontSet, tiff: boolean): Promise<CacheState> {
  const code = codeHash();
  const libraries = libraryVersions();
  const { manifest: previous, outdated } = readManifest(outDir);
  const before = new Map(previous?.files.map((f) => [`${f.country}/${f.design}/${f.locale}/${f.format}`, f]) ?? []);
  const cardsBefore = new Map((previous?.cards ?? []).map((c) => [c.file, c]));
  // Without --tiff the hash is exactly what it always was; with it, the wide formats' hash also covers
  // the dpi, tiff.ts and sharp's version, so toggling --tiff (or changing the dpi) re-renders them.
  const tiffInput = tiff ? (await import('./tiff.ts')).tiffHashInput(plan.tiffDpi) : undefined;
  const prints = plan.prints.map((p): HashedPrint => {
    const hashed = p.tiff && tiffInput ? ({ ...p.job, tiff: tiffInput } as RenderJob) : { ...p.job };
    return { ...p, inputHash: jobInputHash(hashed, code, fonts.hash, libraries) };
  });
  const cards = plan.cards.map((p): HashedCard => ({ ...p, inputHash: jobInputHash(p.job, code, fonts.hash, libraries) }));
  const same = (rel: string, bytes: number | undefined) => existsSync(join(outDir, rel)) && statSync(join(outDir, rel)).size === bytes;
  const unchanged = (p: Hashed<PlannedPrint | PlannedCard>, old: { file: string; inputHash: string; bytes: number; tiff?: { bytes: number } } | undefined) =>
    Boolean(
      old &&
        old.file === p.file &&
        old.inputHash === p.inputHash &&
        same(p.file, old.bytes) &&
        existsSync(join(outDir, p.preview)) &&
        (!('tiff' in p && p.tiff) || same(p.tiff.file, old.tiff?.bytes)),
    );
  const todo = [...prints.filter((p) => !unchanged(p, before.get(p.job.key))), ...cards.filter((p) => !unchanged(p, cardsBefore.get(p.file)))];
  return { previous, outdated, before, cardsBefore, prints, cards, todo, code, libraries };
}
