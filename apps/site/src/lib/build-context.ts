import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Content, loadContent, planSite, type SitePlan } from '@repo/content';
import type { Manifest, ManifestFile, ManifestZip } from '@repo/print-app/manifest';

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

/** Where apps/print wrote its files and manifest.json; PRINT_DIR lets tests point elsewhere. */
export function printDir(): string {
  return resolve(process.env.PRINT_DIR ?? '../print/dist');
}

/** This country's print files, with their addresses on the site (the build copies them to /print/). */
export interface SitePrint {
  files: (ManifestFile & { href: string; previewHref: string })[];
  zip: (ManifestZip & { href: string }) | undefined;
  /** Open Graph card address by page path, e.g. `/en/how-to-report/` → `/print/cards/en/report.png`. */
  cards: Map<string, string>;
}

function loadPrint(code: string): SitePrint {
  const path = resolve(printDir(), 'manifest.json');
  const manifest: Manifest | undefined = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  // Paths in the manifest start with the country folder, which the site serves as /print/.
  const href = (file: string) => `/print/${file.slice(code.length + 1)}`;
  const files = (manifest?.files ?? []).filter((f) => f.country === code).map((f) => ({ ...f, href: href(f.file), previewHref: href(f.preview) }));
  const zip = manifest?.zips.find((z) => z.country === code);
  const cards = new Map((manifest?.cards ?? []).filter((c) => c.country === code).map((c) => [c.path, href(c.file)]));
  return { files, zip: zip && { ...zip, href: href(zip.file) }, cards };
}

let cached: { content: Content; plan: SitePlan; country: SitePlan['country']; print: SitePrint } | undefined;

/** Content, site plan and print files for this build, loaded once per process. */
export function siteContext() {
  if (!cached) {
    const content = loadContent(contentDir());
    const plan = planSite(content, countryCode());
    cached = { content, plan, country: plan.country, print: loadPrint(plan.country.code) };
  }
  return cached;
}
