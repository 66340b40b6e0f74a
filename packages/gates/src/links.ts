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
import { failure, pageTextSelector } from './failure.ts';
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

/** Sites crawled at the same time (see linksGate). */
const sitesAtOnce = 2;

export async function linksGate(sites: Site[], options: LinksOptions = {}): Promise<GateResult> {
  const failures: Failure[] = [];
  const { served, close } = await serveSites(sites);
  let checked = 0;
  try {
    // Two sites at a time, not all at once: every site's crawl at once opened more files and sockets
    // than the process may (EMFILE, "fetch failed" on the local server) and grew the publish process
    // past 1.1 GB with 110 sites; two at a time kept it at 511 MB and checked the same links.
    const queue = [...served];
    const crawlNext = async (): Promise<void> => {
      for (let site = queue.shift(); site; site = queue.shift()) await crawl(site);
    };
    const crawl = async (site: (typeof served)[number]) => {
      const local = (url: string) => url.startsWith(`${site.origin}/`);
      const pathOf = (url: string) => (local(url) ? url.slice(site.origin.length) : url);
      const publicOrigin = siteOrigin(site);
      if (!publicOrigin) failures.push(failure('RobotsTxtMissing', {}, { site: site.code, page: '/robots.txt' }));
      const starts = [
        `${site.origin}/`,
        ...pagesOf(site.dir)
          .filter((p) => p.file !== '404.html')
          .map((p) => `${site.origin}${p.path}`),
      ];
      // Sitemap entries: on the site's own domain, and each one a page that exists.
      const sitemapFile = join(site.dir, 'sitemap.xml');
      const sitemapPaths = new Set<string>();
      if (!existsSync(sitemapFile)) {
        failures.push(failure('SitemapMissing', {}, { site: site.code, page: '/sitemap.xml' }));
      } else {
        for (const url of sitemapUrls(readFileSync(sitemapFile, 'utf8'))) {
          const parsed = new URL(url);
          if (publicOrigin && parsed.origin !== publicOrigin) {
            failures.push(failure('SitemapForeignEntry', { url, origin: publicOrigin }, { site: site.code, page: '/sitemap.xml' }));
            continue;
          }
          starts.push(`${site.origin}${parsed.pathname}${parsed.search}`);
          sitemapPaths.add(parsed.pathname);
        }
      }
      const checker = new LinkChecker();
      const check: CheckOptions = {
        path: [...new Set(starts)],
        recurse: true,
        concurrency: options.concurrency ?? 8,
        timeout: 10_000,
        redirects: 'error',
        // Anchors are checked below, from the files, so that every page carrying a bad one is named.
        checkFragments: false,
        checkCss: true,
        retry: false,
        // Addresses on the site's public domain (canonical, hreflang, og:url) are checked here, locally.
        urlRewriteExpressions: publicOrigin
          ? [{ pattern: new RegExp(`^${publicOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`), replacement: site.origin }]
          : [],
        // Never fetch another host: external links are reported by a separate, non-blocking command.
        linksToSkip: async (link: string) => !local(link),
      };
      const { links } = await checker.check(check);
      checked += links.filter((l) => l.state !== 'SKIPPED').length;
      const references = referencesOf(site, publicOrigin);
      for (const path of sitemapPaths) references.set(path, [...(references.get(path) ?? []), { page: '/sitemap.xml' }]);
      for (const link of links) {
        if (link.state !== 'BROKEN') continue;
        const target = pathOf(link.url).replace(/#.*$/, '');
        const from = references.get(target) ?? [{ page: link.parent ? pathOf(link.parent) : '(start address)' }];
        for (const { page, region } of from) failures.push(brokenLinkFailure({ site: site.code, page, region, evidence: target }, target, link));
      }
      failures.push(...anchorFailures(site, publicOrigin));
      failures.push(...languageFailures(site));
    };
    await Promise.all(Array.from({ length: sitesAtOnce }, crawlNext));
  } finally {
    await close();
  }
  return { gate: 'links', failures: dedupe(failures), summary: `${checked} local addresses checked on ${sites.length} sites` };
}

function brokenLinkFailure(at: Parameters<typeof failure>[2], target: string, link: LinkResult): Failure {
  const details = (link.failureDetails ?? []).map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`)).join('; ');
  if (link.status && link.status >= 300 && link.status < 400) return failure('LinkRedirects', { target, status: link.status }, at);
  if (link.status === 404) return failure('BrokenLink', { target }, at);
  return failure('LinkFailed', { target, ...(link.status ? { status: link.status } : {}), ...(details ? { details } : {}) }, at);
}

/** A page that refers to an address, and whether it does so from its own text or from the layout. */
interface Reference {
  page: string;
  region?: 'body' | 'layout';
}

const referenceSelector =
  'a[href], area[href], link[href], img[src], img[srcset], source[src], source[srcset], script[src], iframe[src], video[src], video[poster], audio[src], track[src], embed[src], object[data], input[src]';

/** The root-relative path of a reference on a page, when it is on this site. */
function localPath(ref: string, pagePath: string, publicOrigin: string | undefined): { path: string; hash: string } | undefined {
  const base = publicOrigin ?? 'http://site.invalid';
  const url = new URL(ref, `${base}${pagePath}`);
  if (url.origin !== base) return undefined;
  return { path: url.pathname, hash: decodeURIComponent(url.hash.slice(1)) };
}

/** Every address of this site that each page refers to: address → pages that refer to it (from their text or their layout). */
function referencesOf(site: Site, publicOrigin: string | undefined): Map<string, Reference[]> {
  const out = new Map<string, Reference[]>();
  for (const page of pagesOf(site.dir)) {
    const $ = loadPage(site.dir, page.file);
    $(referenceSelector).each((_, el) => {
      const attrs = ['href', 'src', 'poster', 'data'].map((a) => $(el).attr(a)).filter((v): v is string => Boolean(v));
      const srcset = $(el).attr('srcset');
      if (srcset)
        attrs.push(
          ...srcset
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0] ?? '')
            .filter(Boolean),
        );
      const region = $(el).closest(pageTextSelector).length > 0 ? 'body' : 'layout';
      for (const ref of attrs) {
        const local = localPath(ref, page.path, publicOrigin);
        if (!local) continue;
        const list = out.get(local.path) ?? [];
        const known = list.find((r) => r.page === page.path);
        // Once per page; from its text when the text refers to it at all.
        if (!known) list.push({ page: page.path, region });
        else if (region === 'body') known.region = 'body';
        out.set(local.path, list);
      }
    });
  }
  return out;
}

/** Links to an #anchor of a page of this site that has no element with that id. */
export function anchorFailures(site: Site, publicOrigin?: string): Failure[] {
  const failures: Failure[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      const $ = loadPage(site.dir, file);
      set = new Set([
        ...$('[id]')
          .toArray()
          .map((e) => $(e).attr('id') as string),
        ...$('a[name]')
          .toArray()
          .map((e) => $(e).attr('name') as string),
      ]);
      idsOf.set(file, set);
    }
    return set;
  };
  for (const page of pagesOf(site.dir)) {
    const $ = loadPage(site.dir, page.file);
    $('a[href], area[href]').each((_, a) => {
      const href = $(a).attr('href') as string;
      if (!href.includes('#')) return;
      const local = localPath(href, page.path, publicOrigin);
      // `#` alone and `#top` scroll to the top in every browser.
      if (!local || local.hash === '' || local.hash === 'top') return;
      const target = fileOfPath(site.dir, local.path);
      if (!target?.endsWith('.html')) return;
      if (!ids(target).has(local.hash)) {
        const where = target === page.file ? 'this page' : `${local.path}`;
        failures.push(
          failure(
            'AnchorMissing',
            { text: $(a).text().trim(), href, hash: local.hash, target: where },
            { site: site.code, page: page.path, region: $(a).closest(pageTextSelector).length > 0 ? 'body' : 'layout', evidence: href },
          ),
        );
      }
    });
  }
  return failures;
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
      // The 404 page speaks every language of the site: each section keeps to its own. The section's
      // language, not the link's own: a link whose text is a page title still in English (lang="en")
      // leads to that page of the section's language.
      const from = page.file === '404.html' ? (el.parents('[lang]').first().attr('lang') ?? lang) : lang;
      const to = pageLang(target);
      if (from && to && from !== to) {
        failures.push(
          failure(
            'LinkSwitchesLanguage',
            { text: el.text().trim(), href, from, to },
            { site: site.code, page: page.path, region: el.closest(pageTextSelector).length > 0 ? 'body' : 'layout', evidence: href },
          ),
        );
      }
    });
  }
  return failures;
}

function dedupe(failures: Failure[]): Failure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const key = `${f.site}\n${f.page}\n${f.code}\n${f.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
