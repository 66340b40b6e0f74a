// Links gate: every site is served at the root of its own local port and crawled by linkinator
// from its root, every page and every sitemap entry: zero broken internal links, anchors, images
// or downloads; a redirect counts as an error (it costs a reader on a slow network a round trip,
// and static hosts answer `/about` with a redirect to `/about/`). Links to other hosts are not
// fetched here (a separate command reports on them): only this site's own addresses are.
//
// A second, static check keeps readers in their language: a link on a page in one language must
// lead to a page in the same language, unless it is in the language switcher (`nav.languages`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckOptions, LinkChecker, type LinkResult } from 'linkinator';
import { serveSites } from './serve.ts';
import { fileOfPath, loadPage, pagesOf } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** The public origin of a site (`https://gr.example.org`), from the Sitemap line of its robots.txt. */
export function siteOrigin(site: Site): string | undefined {
  const robots = join(site.dir, 'robots.txt');
  if (!existsSync(robots)) return undefined;
  const line = readFileSync(robots, 'utf8').match(/^Sitemap:\s*(\S+)/im);
  return line?.[1] ? new URL(line[1]).origin : undefined;
}

/** Every <loc> and hreflang alternate of a sitemap. */
export function sitemapUrls(xml: string): string[] {
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
  const alternates = [...xml.matchAll(/<xhtml:link[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  return [...new Set([...locs, ...alternates].map((u) => u.replace(/&amp;/g, '&')))];
}

export interface LinksOptions {
  /** Parallel requests per site (default 8). */
  concurrency?: number;
}

export async function linksGate(sites: Site[], options: LinksOptions = {}): Promise<GateResult> {
  const failures: Failure[] = [];
  const { served, close } = await serveSites(sites);
  let checked = 0;
  try {
    await Promise.all(
      served.map(async (site) => {
        const local = (url: string) => url.startsWith(`${site.origin}/`);
        const pathOf = (url: string) => (local(url) ? url.slice(site.origin.length) : url);
        const publicOrigin = siteOrigin(site);
        if (!publicOrigin) {
          failures.push({ site: site.code, page: '/robots.txt', problem: 'robots.txt is missing or has no "Sitemap:" line, so the site’s public address is unknown and search engines cannot find the sitemap', fix: 'Build the site with apps/site (src/pages/robots.txt.ts writes the Sitemap line from the country’s siteUrl).' });
        }
        const starts = [`${site.origin}/`, ...pagesOf(site.dir).filter((p) => p.file !== '404.html').map((p) => `${site.origin}${p.path}`)];
        // Sitemap entries: on the site's own domain, and each one a page that exists.
        const sitemapFile = join(site.dir, 'sitemap.xml');
        if (!existsSync(sitemapFile)) {
          failures.push({ site: site.code, page: '/sitemap.xml', problem: 'the site has no sitemap.xml', fix: 'Build the site with apps/site (src/pages/sitemap.xml.ts).' });
        } else {
          for (const url of sitemapUrls(readFileSync(sitemapFile, 'utf8'))) {
            const parsed = new URL(url);
            if (publicOrigin && parsed.origin !== publicOrigin) {
              failures.push({ site: site.code, page: '/sitemap.xml', problem: `lists ${url}, which is not on the site’s own address ${publicOrigin}`, fix: 'Sitemap entries must be pages of this site: check the siteUrl in content/countries/<cc>.yaml.' });
              continue;
            }
            starts.push(`${site.origin}${parsed.pathname}${parsed.search}`);
          }
        }
        const checker = new LinkChecker();
        const check: CheckOptions = {
          path: [...new Set(starts)],
          recurse: true,
          concurrency: options.concurrency ?? 8,
          timeout: 10_000,
          redirects: 'error',
          checkFragments: true,
          checkCss: true,
          retry: false,
          // Addresses on the site's public domain (canonical, hreflang, og:url) are checked here, locally.
          urlRewriteExpressions: publicOrigin ? [{ pattern: new RegExp(`^${publicOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`), replacement: site.origin }] : [],
          // Never fetch another host: external links are reported by a separate, non-blocking command.
          linksToSkip: async (link: string) => !local(link),
        };
        const { links } = await checker.check(check);
        checked += links.filter((l) => l.state !== 'SKIPPED').length;
        for (const link of links) {
          if (link.state !== 'BROKEN') continue;
          failures.push(brokenLinkFailure(site.code, link, pathOf));
        }
        failures.push(...languageFailures(site));
      }),
    );
  } finally {
    await close();
  }
  return { gate: 'links', failures: dedupe(failures), summary: `${checked} local addresses checked on ${sites.length} sites` };
}

function brokenLinkFailure(site: string, link: LinkResult, pathOf: (url: string) => string): Failure {
  const page = link.parent ? pathOf(link.parent) : '(start address)';
  const target = pathOf(link.url);
  const details = (link.failureDetails ?? []).map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`)).join('; ');
  if (/Fragment identifier/.test(details)) {
    const id = target.split('#')[1];
    return { site, page, problem: `links to ${target}, but that page has no element with id="${id}"`, fix: `Give the target element id="${id}", or correct the link’s #anchor.` };
  }
  if (link.status && link.status >= 300 && link.status < 400) {
    return { site, page, problem: `links to ${target}, which redirects (HTTP ${link.status})`, fix: `Link to the final address instead${target.endsWith('/') ? '' : ` (probably ${target.replace(/([?#]|$)/, '/$1')}: every page address ends with a slash)`}.` };
  }
  if (link.status === 404) {
    return { site, page, problem: `links to ${target}, which does not exist (HTTP 404)`, fix: 'Correct the address, or add the missing page or file; page addresses are listed in the site’s sitemap.xml.' };
  }
  return { site, page, problem: `links to ${target}, which failed${link.status ? ` with HTTP ${link.status}` : ''}${details ? `: ${details}` : ''}`, fix: 'Correct the address, or make the file exist in the build.' };
}

/** Links that would switch the reader's language outside the language switcher. */
export function languageFailures(site: Site): Failure[] {
  const failures: Failure[] = [];
  const langOf = new Map<string, string | undefined>();
  const pageLang = (file: string) => {
    if (!langOf.has(file)) langOf.set(file, loadPage(site.dir, file)('html').attr('lang'));
    return langOf.get(file);
  };
  for (const page of pagesOf(site.dir)) {
    const $ = loadPage(site.dir, page.file);
    const lang = pageLang(page.file);
    $('a[href]').each((_, a) => {
      const el = $(a);
      if (el.closest('nav.languages').length > 0) return;
      const href = el.attr('href') as string;
      const url = new URL(href, `http://site.invalid${page.path}`);
      if (url.origin !== 'http://site.invalid' || href.startsWith('#')) return;
      const target = fileOfPath(site.dir, url.pathname);
      if (!target?.endsWith('.html') || target === '404.html') return;
      // The 404 page speaks every language of the site: each section keeps to its own.
      const from = page.file === '404.html' ? (el.closest('[lang]').attr('lang') ?? lang) : lang;
      const to = pageLang(target);
      if (from && to && from !== to) {
        failures.push({
          site: site.code,
          page: page.path,
          problem: `the link “${el.text().trim()}” (${href}) leads from a page in ${from} to a page in ${to}`,
          fix: `Link to the ${from} version of that page, or, if this link is meant to change the language, put it in the language switcher (nav.languages).`,
        });
      }
    });
  }
  return failures;
}

function dedupe(failures: Failure[]): Failure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const key = `${f.site}\n${f.page}\n${f.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
