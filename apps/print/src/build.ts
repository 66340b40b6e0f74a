import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { loadContent, refuseUnverified, releaseFacts, type UnverifiedFact } from '@repo/content';
import { bleedMm } from '@repo/design';
import {
  type CardJob,
  codeHash,
  deterministicZip,
  formatById,
  isCardJob,
  jobInputHash,
  loadFonts,
  PrintErrors,
  type PrintJob,
  planCards,
  planJobs,
  preflight,
  type RenderJob,
  sha256,
  specLine,
  TextMeasurer,
} from '@repo/print';
import { runPool } from './pool.ts';
import { defaultTiffDpi, isWideFormat } from './tiff.ts';
import type { WorkRequest } from './worker.ts';

/** One file in the manifest: what printers (and the site's "For printers" page) need to know. */
export interface ManifestFile {
  country: string;
  design: string;
  locale: string;
  format: string;
  formatLabel: string;
  kind: 'poster' | 'billboard' | 'social';
  /** Path relative to the manifest's folder. */
  file: string;
  mediaType: 'application/pdf' | 'image/png';
  /** PNG preview of the trim area, relative path (the file itself for social images). */
  preview: string;
  /** Finished size in real millimetres (print) or null (social images). */
  trimMm: [number, number] | null;
  /** Bleed in real millimetres around the trim (0 for social images). */
  bleedMm: number;
  /** Pixel size of social images, else null. */
  pixels: [number, number] | null;
  /** 1 = 1:1; 10 = drawn at 1:10, to be enlarged tenfold. */
  scale: number;
  /** Trim size inside the file, in millimetres (trimMm ÷ scale). */
  fileTrimMm: [number, number] | null;
  spec: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** True when a fact on it is unverified: it carries "PROOF — NOT FOR PRINT". */
  proof: boolean;
  /** The unverified facts it shows, from the release rule (@repo/content `releaseFacts`): what, file and field to fix. */
  unverified: UnverifiedFact[];
  translation: 'source' | 'draft' | 'reviewed';
  /** What the QR code opens, when there is one. */
  qrUrl: string | null;
  inputHash: string;
  /**
   * The CMYK TIFF for wide-format printers (`--tiff`; billboards and posters larger than A2): trim +
   * bleed at `dpi` of the file's size (billboards 1:10, like the PDF). Absent when there is none.
   */
  tiff?: { file: string; dpi: number; pixels: [number, number]; bytes: number; sha256: string };
}

export interface ManifestZip {
  country: string;
  file: string;
  files: number;
  bytes: number;
  sha256: string;
  inputHash: string;
  /**
   * `<cc>/SHA256SUMS`, relative to the manifest's folder: the SHA-256 of every print file of the
   * country, its TIFFs and this ZIP, in `sha256sum -c` format (paths relative to `<cc>/`, as in the
   * ZIP). Not a print file itself, and not in the ZIP. Absent in manifests written before it existed.
   */
  checksums?: string;
}

/** The checksum list in each country's folder, beside its files and ZIP (`sha256sum -c SHA256SUMS`). */
export const checksumsFileName = 'SHA256SUMS';

/**
 * One page card: the 1200 × 630 PNG Open Graph image of one page of a country's site. Not a print
 * file: cards are listed here, not in `files`, and are not in the country's ZIP.
 */
export interface ManifestCard {
  country: string;
  /** Site locale of the page (BCP 47, e.g. `sr-Latn`). */
  locale: string;
  /** Page id, e.g. `report`. */
  page: string;
  /** The page's path on the site, e.g. `/en/how-to-report/`. */
  path: string;
  /** `<cc>/cards/<locale>/<page>.png`, relative to the manifest's folder. */
  file: string;
  bytes: number;
  sha256: string;
  inputHash: string;
}

export interface Manifest {
  campaign: string;
  date: string;
  files: ManifestFile[];
  zips: ManifestZip[];
  /** Page cards (Open Graph images) of the site's pages; absent in manifests written before cards existed. */
  cards: ManifestCard[];
}

export interface BuildOptions {
  /** content/ folder. */
  contentDir: string;
  /** Output folder (apps/print/dist). */
  outDir: string;
  release?: boolean;
  countries?: string[];
  designs?: string[];
  formats?: string[];
  cropMarks?: boolean;
  /**
   * Render the page cards (one Open Graph image per planned page of each country's site). Default:
   * yes, unless `designs` or `formats` pick a subset of the posters; the previous cards are then kept.
   */
  cards?: boolean;
  /**
   * Also write `<key>.tif` for wide formats (billboards; posters larger than A2): trim + bleed, the design
   * tokens' exact CMYK, Deflate, at `tiffDpi` (default 300) of the file's size. Part of those jobs' input hash.
   */
  tiff?: boolean;
  tiffDpi?: number;
  /** TIFF renders running at once across all workers (each holds GBs at 300 dpi). Default: 1 per 8 GB of RAM. */
  tiffSlots?: number;
  workers?: number;
  /** Unix seconds for the files' dates; default: the campaign's releaseDate. */
  sourceDateEpoch?: number;
  log?: (line: string) => void;
  /** Called with done, total and elapsed ms while rendering. */
  progress?: (done: number, total: number, elapsedMs: number) => void;
}

export interface BuildSummary {
  /** Files and page cards planned, rendered, skipped (inputs unchanged) and removed (stale). */
  total: number;
  rendered: number;
  skipped: number;
  removed: number;
  /** Print files that are proofs. */
  proofs: number;
  /** Page cards planned, rendered, and showing unverified facts (proof bands). */
  cards: { total: number; rendered: number; proofs: number };
  ms: number;
  manifest: Manifest;
  /** Per-stage render times of the rendered files, ms. */
  timings: { svg: number; pdf: number; png: number; tiff: number };
  /** TIFFs rendered in this run. */
  tiffs: number;
}

const requireFromPrint = createRequire(join(import.meta.dirname, '../../../packages/print/package.json'));

/** Versions of the libraries that shape the output bytes: part of every input hash. */
function libraryVersions(): string {
  // sharp and libvips crop and convert photos: a new version may give other bytes.
  const sharp = requireFromPrint('sharp') as { versions: Record<string, string> };
  return ['satori', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js', 'qrcode', 'yazl', 'fontkit']
    .map((name) => {
      // Walk up from the package's entry file to its own package.json (not every package exports it).
      let dir = dirname(requireFromPrint.resolve(name));
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

function outputPaths(job: PrintJob) {
  const social = formatById(job.format).kind === 'social';
  return { file: `${job.key}.${social ? 'png' : 'pdf'}`, preview: `${job.key}.png` };
}

interface Plan<J extends RenderJob> {
  job: J;
  file: string;
  preview: string;
  inputHash: string;
  /** The TIFF this job also writes (wide formats under --tiff). */
  tiff?: { file: string; dpi: number };
}

/**
 * Renders every design × locale × format for every country whose role the design serves, and one
 * page card per planned page of each country's site. Checks everything first (release facts,
 * glyphs, copyfit), renders only files whose input hash changed, in worker threads, into a staging
 * folder, and only then moves them into `outDir`, writes manifest.json and one ZIP per country (print
 * files only). On any error nothing in `outDir` changes.
 */
export async function buildPrint(o: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const content = loadContent(o.contentDir);
  let jobs = planJobs(content, {
    ...(o.countries ? { countries: o.countries } : {}),
    cropMarks: o.cropMarks ?? true,
    ...(o.sourceDateEpoch !== undefined ? { sourceDateEpoch: o.sourceDateEpoch } : {}),
  });
  const partial = Boolean(o.designs?.length || o.formats?.length);
  if (o.designs?.length) jobs = jobs.filter((j) => o.designs?.includes(j.design));
  if (o.formats?.length) jobs = jobs.filter((j) => o.formats?.includes(j.format));
  const withCards = o.cards ?? !partial;
  const cards: CardJob[] = withCards ? planCards(content, o.countries ? { countries: o.countries } : {}) : [];

  // The release rule: refuse (ReleaseRefused) while a file to be made shows an unverified fact.
  if (o.release) {
    const keys = new Set([...jobs, ...cards].map((j) => j.key));
    const facts = releaseFacts(content, o.countries ? { countries: o.countries } : {});
    refuseUnverified(facts.filter((f) => [...f.appearsOn.printFiles, ...f.appearsOn.pageCards].some((k) => keys.has(k))));
  }

  const fonts = loadFonts();
  const code = codeHash();
  const libs = libraryVersions();
  const previous = readManifest(o.outDir);
  const before = new Map(previous?.files.map((f) => [`${f.country}/${f.design}/${f.locale}/${f.format}`, f]) ?? []);
  const cardsBefore = new Map((previous?.cards ?? []).map((c) => [c.file, c]));
  const tiffDpi = o.tiffDpi ?? defaultTiffDpi;
  if (o.tiff && !(Number.isFinite(tiffDpi) && tiffDpi > 0)) throw new Error(`--tiff-dpi must be a positive number, not ${o.tiffDpi}`);
  // Without --tiff the hash is exactly what it always was; with it, the wide formats' hash also covers
  // the dpi, tiff.ts and sharp's version, so toggling --tiff (or changing the dpi) re-renders them.
  const tiffInput = o.tiff ? (await import('./tiff.ts')).tiffHashInput(tiffDpi) : undefined;
  const plans: Plan<PrintJob>[] = jobs.map((job) => {
    const tiff = tiffInput && isWideFormat(formatById(job.format)) ? { file: `${job.key}.tif`, dpi: tiffDpi } : undefined;
    const hashed = tiff ? ({ ...job, tiff: tiffInput } as RenderJob) : { ...job };
    return { job, ...outputPaths(job), inputHash: jobInputHash(hashed, code, fonts.hash, libs), ...(tiff ? { tiff } : {}) };
  });
  const cardPlans: Plan<CardJob>[] = cards.map((job) => {
    const file = `${job.key}.png`;
    return { job, file, preview: file, inputHash: jobInputHash(job, code, fonts.hash, libs) };
  });
  const unchanged = (p: Plan<RenderJob>, old: { inputHash: string; bytes: number; tiff?: { bytes: number } } | undefined) => {
    const path = join(o.outDir, p.file);
    const same = (rel: string, bytes: number | undefined) => existsSync(join(o.outDir, rel)) && statSync(join(o.outDir, rel)).size === bytes;
    return Boolean(
      old &&
        old.inputHash === p.inputHash &&
        existsSync(path) &&
        statSync(path).size === old.bytes &&
        existsSync(join(o.outDir, p.preview)) &&
        (!p.tiff || same(p.tiff.file, old.tiff?.bytes)),
    );
  };
  // Page cards go last: many small renders even out the worker threads at the end of a run.
  const todo: Plan<RenderJob>[] = [
    ...plans.filter((p) => !unchanged(p, before.get(p.job.key))),
    ...cardPlans.filter((p) => !unchanged(p, cardsBefore.get(p.file))),
  ];
  const todoCards = todo.filter((p) => isCardJob(p.job)).length;
  const todoTiffs = todo.filter((p) => p.tiff).length;
  // sharp (libvips) is loaded on the main thread before any worker thread can load it (for a TIFF
  // or a photo), so its shared libraries stay loaded until every thread has exited (glibc). It is
  // loaded anyway: its version is part of every input hash (libraryVersions).
  // Unchanged inputs passed this check when they were rendered; check everything else now.
  const problems = preflight(
    todo.map((p) => p.job),
    fonts,
    new TextMeasurer(fonts),
  );
  if (problems.length) throw new PrintErrors(problems, `${problems.length} print problem${problems.length === 1 ? '' : 's'}; nothing was written:`);
  const threads = Math.min(o.workers ?? availableParallelism(), todo.length);
  const total = plans.length + cardPlans.length;
  log(
    `print: ${plans.length} files${withCards ? ` and ${cardPlans.length} page cards` : ''}; ${total - todo.length} unchanged (skipped), ${todo.length ? `${todo.length} to render on ${threads} worker threads` : 'nothing to render'}`,
  );
  const tiffSlots = o.tiffSlots ?? Math.max(1, Math.floor(totalmem() / 8 / 2 ** 30));
  if (todoTiffs)
    log(`print: ${todoTiffs} of them with a CMYK TIFF at ${tiffDpi} dpi (at most ${tiffSlots} TIFF render${tiffSlots === 1 ? '' : 's'} at a time)`);

  // A run that was killed may have left its staging folder behind.
  for (const name of existsSync(o.outDir) ? readdirSync(o.outDir) : []) {
    if (name.startsWith('.staging-')) rmSync(join(o.outDir, name), { recursive: true, force: true });
  }
  const staging = join(o.outDir, `.staging-${process.pid}`);
  const results = new Map<string, { bytes: number; sha256: string; tiff?: ManifestFile['tiff'] }>();
  const timings = { svg: 0, pdf: 0, png: 0, tiff: 0 };
  const failures: Error[] = [];
  let tiffsRemoved = 0;
  try {
    if (todo.length) {
      mkdirSync(staging, { recursive: true });
      const renderStart = performance.now();
      let done = 0;
      const requests: WorkRequest[] = todo.map((p) => ({ job: p.job, staging, file: p.file, preview: p.preview, ...(p.tiff ? { tiff: p.tiff } : {}) }));
      await runPool(
        requests,
        o.workers ?? availableParallelism(),
        (r) => {
          done++;
          if (r.ok) {
            results.set(r.key, { bytes: r.bytes, sha256: r.sha256, ...(r.tiff ? { tiff: r.tiff } : {}) });
            timings.svg += r.timings.svg;
            timings.pdf += r.timings.pdf;
            timings.png += r.timings.png;
            timings.tiff += r.timings.tiff ?? 0;
          } else {
            failures.push(Object.assign(new Error(`${r.key}: ${r.message}`), { name: r.name }));
          }
          o.progress?.(done, todo.length, performance.now() - renderStart);
        },
        150,
        tiffSlots,
      );
      if (failures.length) throw new PrintErrors(failures, `${failures.length} file${failures.length === 1 ? '' : 's'} failed to render; nothing was written:`);
    }

    // Everything rendered: move the new files into place.
    for (const p of todo) {
      for (const rel of new Set([p.file, p.preview, ...(p.tiff ? [p.tiff.file] : [])])) {
        const target = join(o.outDir, rel);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(staging, rel), target);
      }
      // Re-rendered without --tiff: its TIFF from an earlier run no longer matches (partial runs too).
      if (!p.tiff && !isCardJob(p.job) && existsSync(join(o.outDir, `${p.job.key}.tif`))) {
        rmSync(join(o.outDir, `${p.job.key}.tif`));
        tiffsRemoved++;
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  const files: ManifestFile[] = plans.map((p) => {
    const f = formatById(p.job.format);
    const r = results.get(p.job.key) ?? (before.get(p.job.key) as ManifestFile);
    const social = f.kind === 'social';
    return {
      country: p.job.country,
      design: p.job.design,
      locale: p.job.locale,
      format: p.job.format,
      formatLabel: f.label,
      kind: f.kind,
      file: p.file,
      mediaType: social ? 'image/png' : 'application/pdf',
      preview: p.preview,
      trimMm: social ? null : [f.width, f.height],
      bleedMm: social ? 0 : bleedMm * f.scale,
      pixels: social ? [f.width, f.height] : null,
      scale: f.scale,
      fileTrimMm: social ? null : [f.width / f.scale, f.height / f.scale],
      spec: specLine(p.job),
      pages: 1,
      bytes: r.bytes,
      sha256: r.sha256,
      proof: p.job.unverified.length > 0,
      unverified: p.job.unverified,
      translation: p.job.translation,
      qrUrl: p.job.format === 'social-link' ? null : p.job.url,
      inputHash: p.inputHash,
      ...(p.tiff && r.tiff ? { tiff: r.tiff } : {}),
    };
  });

  const newCards: ManifestCard[] = cardPlans.map((p) => {
    const r = results.get(p.job.key) ?? (cardsBefore.get(p.file) as ManifestCard);
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

  // Files of countries not rendered this time stay as they were; stale files of rendered countries go.
  const rendered = new Set([...plans, ...cardPlans].map((p) => p.job.country));
  const scope = o.countries?.length ? new Set(o.countries) : new Set(content.countries.map((c) => c.code));
  const kept = (previous?.files ?? []).filter(
    (f) => !scope.has(f.country) || (partial && !plans.some((p) => p.job.key === `${f.country}/${f.design}/${f.locale}/${f.format}`)),
  );
  const keptFiles = kept.filter((f) => existsSync(join(o.outDir, f.file)));
  const allFiles = [...files, ...keptFiles].sort((a, b) => a.file.localeCompare(b.file));
  // Cards: without cards in this run (a subset of posters, or cards: false), the previous ones stay.
  const keptCards = (previous?.cards ?? []).filter((c) => (!withCards || !scope.has(c.country)) && existsSync(join(o.outDir, c.file)));
  const allCards = [...newCards, ...keptCards].sort((a, b) => a.file.localeCompare(b.file));
  // Stale print files go after a full run, stale cards after every run that planned the cards.
  let removed = tiffsRemoved;
  const wanted = new Set(allFiles.flatMap((f) => [f.file, f.preview, ...(f.tiff ? [f.tiff.file] : [])]));
  const wantedCards = new Set(allCards.map((c) => c.file));
  for (const cc of partial && !withCards ? [] : scope) {
    for (const path of listFiles(join(o.outDir, cc))) {
      const rel = relative(o.outDir, path).split(sep).join('/');
      if (rel.endsWith('.zip') || rel === `${cc}/${checksumsFileName}`) continue;
      const stale = rel.startsWith(`${cc}/cards/`) ? withCards && !wantedCards.has(rel) : !partial && !wanted.has(rel);
      if (stale) {
        rmSync(path);
        removed++;
      }
    }
  }

  const date = new Date(jobs[0]?.date ?? `${content.campaign.releaseDate}T00:00:00Z`);
  const zips: ManifestZip[] = (previous?.zips ?? []).filter((z) => !scope.has(z.country) && existsSync(join(o.outDir, z.file)));
  for (const cc of [...scope].sort()) {
    const countryFiles = allFiles.filter((f) => f.country === cc);
    const checksums = `${cc}/${checksumsFileName}`;
    if (!countryFiles.length) {
      rmSync(join(o.outDir, checksums), { force: true });
      continue;
    }
    const zipFile = `${cc}/${content.campaign.id}-print-${cc}.zip`;
    // TIFFs stay out of the ZIP (hundreds of MB at 300 dpi): its manifest lists what it holds.
    const zipFiles = countryFiles.map((f) => (f.tiff ? Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'tiff')) : f));
    const countryManifest = JSON.stringify({ campaign: content.campaign.id, date: date.toISOString(), files: zipFiles }, null, 2);
    const inputHash = sha256(Buffer.from(countryManifest));
    const old = previous?.zips.find((z) => z.country === cc);
    let entry: ManifestZip;
    if (old && old.inputHash === inputHash && existsSync(join(o.outDir, zipFile))) {
      entry = { ...old, checksums };
    } else {
      const entries = [
        ...countryFiles.map((f) => ({ name: f.file.slice(cc.length + 1), data: readFileSync(join(o.outDir, f.file)) })),
        { name: 'manifest.json', data: Buffer.from(`${countryManifest}\n`) },
      ];
      const zip = await deterministicZip(entries, date);
      writeAtomic(join(o.outDir, zipFile), zip);
      entry = { country: cc, file: zipFile, files: countryFiles.length, bytes: zip.length, sha256: sha256(zip), inputHash, checksums };
    }
    zips.push(entry);
    // SHA256SUMS: two spaces between checksum and path (sha256sum's text mode), paths relative to <cc>/.
    const sums = [...countryFiles.flatMap((f) => [{ sha256: f.sha256, file: f.file }, ...(f.tiff ? [f.tiff] : [])]), { sha256: entry.sha256, file: entry.file }]
      .map((f) => ({ sha256: f.sha256, path: f.file.slice(cc.length + 1) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    writeAtomic(join(o.outDir, checksums), Buffer.from(sums.map((f) => `${f.sha256}  ${f.path}\n`).join('')));
  }
  zips.sort((a, b) => a.country.localeCompare(b.country));
  if (!rendered.size && !zips.length && !allFiles.length && !allCards.length) log('print: nothing to render (no design serves the selected countries)');

  const manifest: Manifest = { campaign: content.campaign.id, date: date.toISOString(), files: allFiles, zips, cards: allCards };
  writeAtomic(join(o.outDir, 'manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return {
    total,
    rendered: todo.length,
    skipped: total - todo.length,
    removed,
    proofs: files.filter((f) => f.proof).length,
    cards: { total: cardPlans.length, rendered: todoCards, proofs: cards.filter((c) => c.unverified.length > 0).length },
    ms: performance.now() - started,
    manifest,
    timings,
    tiffs: todoTiffs,
  };
}

function readManifest(outDir: string): Manifest | undefined {
  const path = join(outDir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
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
