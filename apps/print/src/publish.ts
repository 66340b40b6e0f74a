// Publish: once every file rendered, make the output folder what the plan says. Moves the staged files
// into place, removes stale files of the countries in scope, and writes for each country its spec
// sheet (PDF), its ZIP (every print file and TIFF under its download name, the spec sheet, a manifest
// of exactly those entries and a SHA256SUMS over them) and the SHA256SUMS beside its files; then
// manifest.json, atomically. The spec sheets are made before anything moves, so a failure there
// also leaves the output as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { bleedMm } from '@repo/design';
import {
  byName,
  checksumsFileName,
  deterministicZip,
  type FontSet,
  formatById,
  type Manifest,
  type ManifestCard,
  type ManifestFile,
  type ManifestZip,
  manifestFileName,
  manifestVersion,
  PrintErrors,
  renderSpecSheet,
  sha256,
  sha256sums,
  specLine,
  specSheetInput,
  specSheetName,
  specSheetProblems,
  type ZipManifest,
  zipManifestFile,
  zipName,
} from '@repo/print';
import type { CacheState, HashedPrint } from './cache.ts';
import type { Plan } from './plan.ts';
import type { Rendered, RenderOutcome } from './render.ts';

export interface Published {
  manifest: Manifest;
  /** Stale files removed (and TIFFs of files re-rendered without --tiff). */
  removed: number;
}

/** A print file's manifest entry, from its plan and what rendering it gave (this run's, or the previous run's entry). */
export function manifestFile(p: HashedPrint, r: Rendered | ManifestFile): ManifestFile {
  const f = formatById(p.job.format);
  const png = f.output === 'png';
  return {
    country: p.job.country,
    design: p.job.design,
    locale: p.job.locale,
    format: p.job.format,
    formatLabel: f.label,
    kind: f.kind,
    file: p.file,
    name: p.name,
    mediaType: png ? 'image/png' : 'application/pdf',
    preview: p.preview,
    trimMm: png ? null : [f.width, f.height],
    bleedMm: png ? 0 : bleedMm * f.scale,
    pixels: png ? [f.width, f.height] : null,
    scale: f.scale,
    fileTrimMm: png ? null : [f.width / f.scale, f.height / f.scale],
    printing: p.job.printing ?? null,
    spec: specLine(p.job),
    pages: 1,
    bytes: r.bytes,
    sha256: r.sha256,
    proof: p.job.unverified.length > 0,
    unverified: p.job.unverified,
    translation: p.job.translation,
    qrUrl: f.shows.qr ? p.job.url : null,
    inputHash: p.inputHash,
    ...(p.tiff && r.tiff
      ? { tiff: { file: p.tiff.file, name: p.tiff.name, dpi: r.tiff.dpi, pixels: r.tiff.pixels, bytes: r.tiff.bytes, sha256: r.tiff.sha256 } }
      : {}),
  };
}

/**
 * The words and names of every spec sheet this run makes, checked against the fonts before anything
 * renders (with the checksums not known yet): a character the fonts lack is reported with the rest.
 */
export function checkSpecSheets(plan: Plan, fonts: FontSet): Error[] {
  const unknown = {
    bytes: 0,
    sha256: '0'.repeat(64),
    tiff: { file: '', dpi: plan.tiffDpi, pixels: [0, 0] as [number, number], bytes: 0, sha256: '0'.repeat(64) },
  };
  return [...plan.scope].sort().flatMap((cc) => {
    const files = plan.prints.filter((p) => p.job.country === cc).map((p) => zipManifestFile(manifestFile({ ...p, inputHash: '' }, unknown)));
    const input = specSheetInput(plan.content, cc, files, { name: specSheetName(plan.content.campaign.id, cc), date: plan.date.toISOString() });
    return specSheetProblems(input, cc, fonts);
  });
}

/** One country's ZIP, spec sheet and checksums, worked out before anything is written. */
interface CountryPackage {
  country: string;
  files: ManifestFile[];
  zip: { file: string; inputHash: string; entries: string[]; manifest: Buffer; sums: string; old: ManifestZip | undefined };
  specSheet: { file: string; name: string; inputHash: string; data: Buffer | undefined; bytes: number; sha256: string };
}

export async function publish(
  plan: Plan,
  cache: CacheState,
  rendered: RenderOutcome,
  options: { outDir: string; staging: string; fonts: FontSet },
): Promise<Published> {
  const { outDir, staging } = options;
  const { content, scope, partial, withCards } = plan;
  const campaign = content.campaign.id;
  const date = plan.date.toISOString();

  // The manifest entries: this run's results, or the previous entry of a file that was skipped.
  const files = cache.prints.map((p) => manifestFile(p, rendered.results.get(p.job.key) ?? (cache.before.get(p.job.key) as ManifestFile)));
  const cards: ManifestCard[] = cache.cards.map((p) => {
    const r = rendered.results.get(p.job.key) ?? (cache.cardsBefore.get(p.file) as ManifestCard);
    return {
      country: p.job.country,
      locale: p.job.locale,
      page: p.job.page,
      path: p.job.path,
      file: p.file,
      bytes: r.bytes,
      sha256: r.sha256,
      inputHash: p.inputHash,
    };
  });
  // Files of countries not in scope stay as they were, and so do the files a subset run did not plan.
  const planned = new Set(cache.prints.map((p) => p.job.key));
  const keptFiles = (cache.previous?.files ?? []).filter(
    (f) => (!scope.has(f.country) || (partial && !planned.has(`${f.country}/${f.design}/${f.locale}/${f.format}`))) && existsSync(join(outDir, f.file)),
  );
  const allFiles = [...files, ...keptFiles].sort((a, b) => byName(a.file, b.file));
  // Cards: without cards in this run (a subset of posters, or cards: false), the previous ones stay.
  const keptCards = (cache.previous?.cards ?? []).filter((c) => (!withCards || !scope.has(c.country)) && existsSync(join(outDir, c.file)));
  const allCards = [...cards, ...keptCards].sort((a, b) => byName(a.file, b.file));

  // Each country's package, spec sheet included, before anything is moved or written.
  const packages: CountryPackage[] = [];
  const failures: Error[] = [];
  for (const cc of [...scope].sort()) {
    const countryFiles = allFiles.filter((f) => f.country === cc);
    if (!countryFiles.length) continue;
    try {
      packages.push(await countryPackage(plan, cache, cc, countryFiles, options));
    } catch (error) {
      failures.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  if (failures.length) throw new PrintErrors(failures, 'in the spec sheets');

  // Everything is ready: move the new files into place.
  let removed = 0;
  for (const p of cache.todo) {
    for (const rel of new Set([p.file, p.preview, ...('tiff' in p && p.tiff ? [p.tiff.file] : [])])) {
      const target = join(outDir, rel);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(staging, rel), target);
    }
    // Re-rendered without --tiff: its TIFF from an earlier run no longer matches (partial runs too).
    const tif = p.file.replace(/\.pdf$/, '.tif');
    if (!('tiff' in p && p.tiff) && tif !== p.file && existsSync(join(outDir, tif))) {
      rmSync(join(outDir, tif));
      removed++;
    }
  }

  // Stale files of the countries in scope: after a full run every file nobody planned, after every
  // run that planned the cards every stale card. A country's ZIP, spec sheet and SHA256SUMS are
  // wanted while it has files.
  const wanted = new Set(allFiles.flatMap((f) => [f.file, f.preview, ...(f.tiff ? [f.tiff.file] : [])]));
  for (const pkg of packages) for (const rel of [pkg.zip.file, pkg.specSheet.file, `${pkg.country}/${checksumsFileName}`]) wanted.add(rel);
  const wantedCards = new Set(allCards.map((c) => c.file));
  for (const cc of partial && !withCards ? [] : scope) {
    for (const path of listFiles(join(outDir, cc))) {
      const rel = relative(outDir, path).split(sep).join('/');
      const stale = rel.startsWith(`${cc}/cards/`) ? withCards && !wantedCards.has(rel) : !partial && !wanted.has(rel);
      if (stale) {
        rmSync(path);
        removed++;
      }
    }
    removeEmptyFolders(join(outDir, cc));
  }

  // Each country's spec sheet, ZIP and SHA256SUMS.
  const zips: ManifestZip[] = (cache.previous?.zips ?? []).filter((z) => !scope.has(z.country) && existsSync(join(outDir, z.file)));
  for (const pkg of packages) zips.push(await writePackage(pkg, outDir, plan.date));
  zips.sort((a, b) => byName(a.country, b.country));

  const manifest: Manifest = { version: manifestVersion, campaign, date, files: allFiles, zips, cards: allCards };
  writeAtomic(join(outDir, manifestFileName), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return { manifest, removed };
}

async function countryPackage(
  plan: Plan,
  cache: CacheState,
  cc: string,
  files: ManifestFile[],
  options: { outDir: string; fonts: FontSet },
): Promise<CountryPackage> {
  const campaign = plan.content.campaign.id;
  const date = plan.date.toISOString();
  const old = cache.previous?.zips.find((z) => z.country === cc);
  const zipFiles = files.map(zipManifestFile);

  // The spec sheet: made again only when what it shows, its code, the fonts or the libraries changed.
  const name = specSheetName(campaign, cc);
  const file = `${cc}/${name}`;
  const input = specSheetInput(plan.content, cc, zipFiles, { name, date });
  const inputHash = sha256(Buffer.from([JSON.stringify(input), cache.code, options.fonts.hash, cache.libraries].join('\0')));
  const reuse = old?.specSheet?.inputHash === inputHash && old.specSheet.file === file && sameSize(join(options.outDir, file), old.specSheet.bytes);
  const data = reuse ? undefined : await renderSpecSheet(input, options.fonts);
  const specSheet = {
    file,
    name,
    inputHash,
    data,
    bytes: data ? data.length : (old?.specSheet.bytes as number),
    sha256: data ? sha256(data) : (old?.specSheet.sha256 as string),
  };

  // The ZIP's entries: the print files and TIFFs by their download names, the spec sheet, its
  // manifest (exactly these entries) and SHA256SUMS over every other entry.
  const printEntries = zipFiles.flatMap((f) => [{ name: f.file, sha256: f.sha256 }, ...(f.tiff ? [{ name: f.tiff.file, sha256: f.tiff.sha256 }] : [])]);
  const entries = [...printEntries.map((e) => e.name), name, checksumsFileName, manifestFileName].sort(byName);
  const zipManifest: ZipManifest = {
    version: manifestVersion,
    campaign,
    country: cc,
    date,
    entries,
    specSheet: name,
    checksums: checksumsFileName,
    files: zipFiles,
  };
  const manifest = Buffer.from(`${JSON.stringify(zipManifest, null, 2)}\n`);
  const sums = sha256sums([...printEntries, { name, sha256: specSheet.sha256 }, { name: manifestFileName, sha256: sha256(manifest) }]);
  const zip = { file: `${cc}/${zipName(campaign, cc)}`, inputHash: sha256(Buffer.from(`${date}\n${sums}`)), entries, manifest, sums, old };
  return { country: cc, files, zip, specSheet };
}

async function writePackage(pkg: CountryPackage, outDir: string, date: Date): Promise<ManifestZip> {
  const { country: cc, zip, specSheet } = pkg;
  if (specSheet.data) writeAtomic(join(outDir, specSheet.file), specSheet.data);
  let bytes: number;
  let checksum: string;
  if (zip.old && zip.old.inputHash === zip.inputHash && zip.old.file === zip.file && sameSize(join(outDir, zip.file), zip.old.bytes)) {
    bytes = zip.old.bytes;
    checksum = zip.old.sha256;
  } else {
    const byEntry = new Map(pkg.files.flatMap((f) => [[f.name, f.file] as const, ...(f.tiff ? [[f.tiff.name, f.tiff.file] as const] : [])]));
    const data = await deterministicZip(
      zip.entries.map((name) => ({
        name,
        data:
          name === manifestFileName
            ? zip.manifest
            : name === checksumsFileName
              ? Buffer.from(zip.sums)
              : name === specSheet.name
                ? (specSheet.data ?? readFileSync(join(outDir, specSheet.file)))
                : readFileSync(join(outDir, byEntry.get(name) as string)),
      })),
      date,
    );
    writeAtomic(join(outDir, zip.file), data);
    bytes = data.length;
    checksum = sha256(data);
  }
  // SHA256SUMS beside the files: every file as the site serves it (paths relative to <cc>/, which
  // are the download names), the spec sheet and the ZIP: `sha256sum -c --ignore-missing` checks a
  // folder of downloads too.
  const local = (file: string) => file.slice(cc.length + 1);
  const sums = sha256sums([
    ...pkg.files.flatMap((f) => [{ name: local(f.file), sha256: f.sha256 }, ...(f.tiff ? [{ name: local(f.tiff.file), sha256: f.tiff.sha256 }] : [])]),
    { name: local(specSheet.file), sha256: specSheet.sha256 },
    { name: local(zip.file), sha256: checksum },
  ]);
  writeAtomic(join(outDir, cc, checksumsFileName), Buffer.from(sums));
  return {
    country: cc,
    file: zip.file,
    files: pkg.files.reduce((n, f) => n + (f.tiff ? 2 : 1), 0),
    entries: zip.entries.length,
    bytes,
    sha256: checksum,
    inputHash: zip.inputHash,
    checksums: `${cc}/${checksumsFileName}`,
    specSheet: { file: specSheet.file, bytes: specSheet.bytes, sha256: specSheet.sha256, inputHash: specSheet.inputHash },
  };
}

function sameSize(path: string, bytes: number | undefined): boolean {
  return existsSync(path) && statSync(path).size === bytes;
}

function writeAtomic(path: string, data: Buffer) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Removes the folders under `dir` that stale files left empty (the old `<design>/<locale>/` layout, a dropped language's cards). */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}
