import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { adoptContent, type Content, loadContent, loadContentShared, planSite, type SitePlan } from '@repo/content';
// The site reads the manifest apps/print wrote, described by @repo/print (never by the app), through
// its narrow entry: the renderer's own modules stay out of the site's build and checks.
import { type Manifest, type ManifestFile, type ManifestZip, manifestVersion } from '@repo/print/manifest';

// Paths are resolved from the working directory (apps/site), not from this file: the build script
// compiles each country from its own copy of src/ (see scripts/build-sites.ts).

/** Root of the campaign content; CONTENT_DIR lets tests build a small fixture set instead. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? '../../content');
}

/**
 * The country this build is for (lower-case ISO code), from COUNTRY. Without it (`astro dev`,
 * `astro check`) the first country in the content is used.
 */
export function countryCode(): string {
  return process.env.COUNTRY ?? (loadContent(contentDir()).countries[0]?.code as string);
}

/** Where this country's site is written; the build script points it at a staging folder. */
export function outDir(): string {
  return resolve(process.env.SITE_OUT_DIR ?? `dist/${countryCode()}`);
}

/**
 * Where apps/print wrote this country's files (under `<cc>/`) and manifest.json: PRINT_DIR when set
 * (scripts/build-sites.ts sets it for each country; tests point it elsewhere), else the newer of
 * `npm run build`'s folder for the country (apps/print/dist/countries/<cc>/) and the folder
 * `node apps/print/src/cli.ts` writes (apps/print/dist/), for the live preview.
 */
export function printDir(code: string = countryCode()): string {
  if (process.env.PRINT_DIR) return resolve(process.env.PRINT_DIR);
  const modified = (dir: string) => (existsSync(resolve(dir, 'manifest.json')) ? statSync(resolve(dir, 'manifest.json')).mtimeMs : -1);
  const own = resolve('../print/dist/countries', code);
  const all = resolve('../print/dist');
  return modified(own) > modified(all) ? own : all;
}

/**
 * This country's print files, with their addresses on the site (the build copies them to /print/).
 * Each file is saved under its `name` (campaign, country, design, language, format: the `download`
 * attribute); a wide-format file built with --tiff has its TIFF beside it.
 */
export interface SitePrint {
  files: (ManifestFile & { href: string; previewHref: string; tiffHref: string | undefined })[];
  /** The country's ZIP, its spec sheet (also in the ZIP) and SHA256SUMS. */
  zip: (ManifestZip & { href: string; specSheetHref: string; checksumsHref: string }) | undefined;
  /** Open Graph card address by page path, e.g. `/en/how-to-report/` → `/print/cards/en/report.png`. */
  cards: Map<string, string>;
}

function loadPrint(code: string): SitePrint {
  const path = resolve(printDir(code), 'manifest.json');
  let manifest: Manifest | undefined = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  if (manifest && manifest.version !== manifestVersion) {
    // Written by an older renderer (other file names, no spec sheets): listing it would link files that are not there.
    console.warn(`${path} is from an older print renderer: the printers page lists no files until node apps/print/src/cli.ts runs again.`);
    manifest = undefined;
  }
  // Paths in the manifest start with the country folder, which the site serves as /print/.
  const href = (file: string) => `/print/${file.slice(code.length + 1)}`;
  const files = (manifest?.files ?? [])
    .filter((f) => f.country === code)
    .map((f) => ({ ...f, href: href(f.file), previewHref: href(f.preview), tiffHref: f.tiff && href(f.tiff.file) }));
  const zip = manifest?.zips.find((z) => z.country === code);
  const cards = new Map((manifest?.cards ?? []).filter((c) => c.country === code).map((c) => [c.path, href(c.file)]));
  return {
    files,
    zip: zip && { ...zip, href: href(zip.file), specSheetHref: href(zip.specSheet.file), checksumsHref: href(zip.checksums) },
    cards,
  };
}

/** Content, site plan and print files of this country's site. */
export interface SiteContext {
  content: Content;
  plan: SitePlan;
  country: SitePlan['country'];
  print: SitePrint;
}

/** The context of one site from validated content (its print files are read again). */
export function makeSiteContext(content: Content, code: string = process.env.COUNTRY ?? (content.countries[0]?.code as string)): SiteContext {
  const plan = planSite(content, code);
  return { content, plan, country: plan.country, print: loadPrint(plan.country.code) };
}

/**
 * Set by the dev preview (src/integrations/dev-preview.ts) and shared by every copy of this module in
 * the process (Astro loads astro.config.ts and the pages as separate module instances): the folder
 * holding the last good content, which the site renders, a version that goes up with each edit, and
 * how many times Astro's content store (the MDX pages) has been written since.
 */
const shared = globalThis as Record<symbol, unknown>;
shared[Symbol.for('@repo/site:preview-content')] ??= { version: 0, storeWrites: 0 };
export const previewContent = shared[Symbol.for('@repo/site:preview-content')] as { dir?: string; version: number; storeWrites: number };

/** The state of the preview's content now: what a page rendered from it says it shows (`previewVersionOf`). */
export function previewVersion(): string {
  return `${previewContent.version}.${previewContent.storeWrites}`;
}

/** The content the site renders: `contentDir()`, or in the dev preview its copy of the last good content. */
export function siteContentDir(): string {
  return previewContent.dir ?? contentDir();
}

/** The MDX pages Astro's content collection compiles. */
export function pagesDir(): string {
  return resolve(siteContentDir(), 'pages');
}

/**
 * The content loaded last in this process, shared by every copy of this module: a build runs
 * astro.config.ts, src/content.config.ts and the built pages as three module instances, and loading
 * content/ again in each cost a country's build about 0.3 CPU-seconds per load (a quarter of
 * Astro's main thread). scripts/build-sites.ts puts the content it validated here (`shareContent`)
 * before it starts Astro in its own process, so a build reads content/ once.
 */
const sharedContentKey = Symbol.for('@repo/site:content');
interface SharedContent {
  dir: string;
  version: string;
  content: Content;
}

/** Makes `content`, loaded from `dir`, the one every siteContext() of this process uses. */
export function shareContent(content: Content, dir: string): void {
  shared[sharedContentKey] = { dir: resolve(dir), version: previewVersion(), content } satisfies SharedContent;
}

function loadShared(dir: string, version: string): Content {
  const known = shared[sharedContentKey] as SharedContent | undefined;
  if (known?.dir === resolve(dir) && known.version === version) {
    // This module instance may have its own copy of @repo/i18n, which has not seen content/locales.yaml yet.
    return adoptContent(known.content);
  }
  const content = loadContentShared(dir);
  shareContent(content, dir);
  return content;
}

let cached: { version: string; context: SiteContext } | undefined;
const versions = new WeakMap<Content, string>();

/**
 * Content, site plan and print files for this build, loaded once per process; in the dev preview,
 * again after each edit. Each module instance makes its own plan from the shared content, and sets
 * its own locale registry, so that everything a load sets up is set up where the pages run.
 */
export function siteContext(): SiteContext {
  const version = previewVersion();
  if (cached?.version !== version) {
    cached = { version, context: makeSiteContext(loadShared(siteContentDir(), version)) };
    versions.set(cached.context.content, version);
  }
  return cached.context;
}

/**
 * The preview version a page rendered from `content` shows (its MDX bodies are at least that
 * recent: the pages read the content store after the context). The preview reloads a page that
 * reports an older one than `previewVersion()` when it connects.
 */
export function previewVersionOf(content: Content): string | undefined {
  return versions.get(content);
}
