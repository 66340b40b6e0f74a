import { resolve } from 'node:path';
import { type Content, loadContent, planSite, type SitePlan } from '@repo/content';

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

let cached: { content: Content; plan: SitePlan; country: SitePlan['country'] } | undefined;

/** Content and site plan for this build, loaded once per process. */
export function siteContext() {
  if (!cached) {
    const content = loadContent(contentDir());
    const plan = planSite(content, countryCode());
    cached = { content, plan, country: plan.country };
  }
  return cached;
}
