// Reading built sites: which sites a staging folder holds, which pages a site has, and the text
// a page shows. Every gate sees a site exactly as it is deployed: a folder served at a domain root.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import type { Site } from './types.ts';

/** The sites in a staging or dist folder (`<dir>/sites/<cc>/`), or in a folder of sites (`<dir>/<cc>/`). */
export function sitesIn(dir: string): Site[] {
  const base = existsSync(join(dir, 'sites')) ? join(dir, 'sites') : dir;
  return readdirSync(base)
    .filter((name) => statSync(join(base, name)).isDirectory() && existsSync(join(base, name, 'index.html')))
    .sort()
    .map((code) => ({ code, dir: join(base, code) }));
}

/** Every file of a folder, as sorted paths relative to it with forward slashes. */
export function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface PageFile {
  /** Path relative to the site folder: `en/about/index.html`. */
  file: string;
  /** The page's address at the site root: `/en/about/`, `/404.html`. */
  path: string;
}

/** Every HTML page of a site. */
export function pagesOf(siteDir: string): PageFile[] {
  return filesOf(siteDir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, path: pathOfFile(file) }));
}

/** `en/about/index.html` → `/en/about/`; `404.html` → `/404.html`. */
export function pathOfFile(file: string): string {
  return file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/**
 * The file a root-relative address is served from, as a static host does it (`/en/` →
 * `en/index.html`), or undefined when there is none. Query and fragment are ignored.
 */
export function fileOfPath(siteDir: string, path: string): string | undefined {
  const clean = decodeURIComponent(path.replace(/[?#].*$/, '')).replace(/^\/+/, '');
  for (const candidate of [clean, join(clean, 'index.html')]) {
    const full = join(siteDir, candidate);
    if (candidate !== '' && existsSync(full) && statSync(full).isFile()) return candidate.split(sep).join('/');
  }
  return undefined;
}

const parsed = new Map<string, CheerioAPI>();
let parsedSite: string | undefined;
/**
 * A page parsed with cheerio (cached per file for one gate run; call `forgetPages()` after). The
 * cache holds one site's pages at a time: gates go site by site, and a parsed page takes a megabyte
 * or two, so at 30 countries and thousands of pages a cache of every page would not fit in memory.
 */
export function loadPage(siteDir: string, file: string): CheerioAPI {
  if (parsedSite !== siteDir) {
    parsed.clear();
    parsedSite = siteDir;
  }
  const full = join(siteDir, file);
  let $ = parsed.get(full);
  if (!$) {
    $ = load(readFileSync(full, 'utf8'));
    parsed.set(full, $);
  }
  return $;
}
export function forgetPages() {
  parsed.clear();
  parsedSite = undefined;
}

/**
 * Every character the page lays out on first load: the text of the body, without scripts,
 * styles, templates and elements hidden with the `hidden` attribute. Visually hidden text is
 * laid out (and makes fonts load), so it counts.
 */
export function renderedText($: CheerioAPI): string {
  const body = $('body').clone();
  body.find('script, style, template, noscript, [hidden]').remove();
  return body.text();
}

/** The set of code points of a string, whitespace excluded. */
export function codePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!/\s/.test(ch)) set.add(cp);
  }
  return set;
}
