import { resolve } from 'node:path';
import { type Content, loadContent, planSite, type SitePlan } from '@repo/content';

// Paths are resolved from the working directory (apps/site), not from this file: the build script
// compiles each country from its own copy of src/ (see scripts/build-sites.ts).

/** Root of the campaign content; CONTENT_DIR lets tests build a small fixture set instead. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? '../../content');
}

/** The country this build is for (lower-case ISO code), from COUNTRY. */
export function countryCode(): string {
  const code = process.env.COUNTRY;
  if (!code) throw new Error('Set COUNTRY to the code of the site to build, e.g. COUNTRY=gr (scripts/build-sites.ts does this for every country).');
  return code;
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
