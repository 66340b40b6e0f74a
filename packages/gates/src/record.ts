// The gates' record: which bytes passed which gates, so that a build re-checks only what changed and
// the published files still carry the proof that every page passed every gate
// (dist/reports/gates-record.json, written by scripts/publish.ts with every publish).
//
// Keys are content hashes, under the gates' version (their code, the code they import, their
// libraries and the browser: any change re-checks everything):
//   - a site's static key covers every file's path and the bytes of every file but the print
//     downloads (PDF, ZIP, TIFF, previews, cards, checksums under /print/, which no gate reads: the
//     links gate only needs them to exist, and their paths are in the key). The static gates (links,
//     weight, fonts, privacy, internals) look across pages (a link's target, a shared stylesheet,
//     `_headers`), so they run again on a whole site when its key changed.
//   - a page's key covers its HTML and what a browser loads with it: the site's scripts and
//     stylesheets (and what they name), `_headers`, and every file of the site its HTML names (fonts
//     in its inline styles, images): the browser gates (accessibility, privacy-browser, help-first),
//     which take most of the time, run again on that page only. A new poster thumbnail re-checks
//     the home pages that show it, not every page of the site.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromiumPath } from './browser.ts';
import { filesOf, pathOfFile } from './site-files.ts';
import type { Site } from './types.ts';

export interface PageRecord {
  /** The page's key when it passed. */
  key: string;
  /** The browser gates ran on these bytes (false: Chromium was missing, they were skipped). */
  browser: boolean;
}

export interface SiteRecord {
  /** The site's static key when it passed the static gates. */
  static: string;
  /** By page path (`/en/about/`). */
  pages: Record<string, PageRecord>;
}

export interface GatesRecord {
  version: 1;
  /** The gates' version (gatesVersion()) the sites passed under. */
  gates: string;
  sites: Record<string, SiteRecord>;
}

/** Under /print/: files for printers to download (no gate reads their bytes); the thumbnails are images pages show. */
const isDownload = (file: string) => file.startsWith('print/') && !file.startsWith('print/thumbs/');
/** Loaded with every page: scripts, stylesheets (and what they name) and the headers the host sends. */
const isShared = (file: string) => /\.(m?js|css)$/.test(file) || file === '_headers';
/** Names of site files in a page or stylesheet: anything that looks like a path to a file a browser may load. */
const named = /(?:\.{0,2}\/)?[\w\-./%@~]+\.(?:woff2?|ttf|otf|avif|webp|png|jpe?g|gif|svg|ico|css|m?js|json|webmanifest|xml|txt)\b/gi;

const sha256 = () => createHash('sha256');

/** One site's keys: the static key, and each page's key by path. */
export interface SiteKeys {
  code: string;
  static: string;
  pages: Map<string, { file: string; key: string }>;
}

export function siteKeys(site: Site): SiteKeys {
  const files = filesOf(site.dir);
  const present = new Set(files);
  const all = sha256();
  const bytesOf = new Map<string, Buffer>();
  const hashOf = new Map<string, string>();
  for (const file of files) {
    all.update(`${file}\0`);
    if (isDownload(file)) continue;
    const bytes = readFileSync(join(site.dir, file));
    all.update(bytes).update('\0');
    bytesOf.set(file, bytes);
    if (!file.endsWith('.html')) hashOf.set(file, sha256().update(bytes).digest('hex'));
  }
  // The site files a text names, resolved from the folder of the file that names them (or the root).
  const namedIn = (file: string, text: string): string[] => {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const out: string[] = [];
    for (const [match] of text.matchAll(named)) {
      let path: string;
      try {
        path = decodeURIComponent(match);
      } catch {
        path = match;
      }
      const resolved = new URL(path, `http://site/${folder}`).pathname.slice(1);
      if (present.has(resolved) && !isDownload(resolved) && !resolved.endsWith('.html')) out.push(resolved);
    }
    return out;
  };
  const shared = new Set(files.filter((f) => !isDownload(f) && isShared(f)));
  for (const file of [...shared]) if (/\.css$/.test(file)) for (const n of namedIn(file, (bytesOf.get(file) as Buffer).toString('utf8'))) shared.add(n);
  const pages = new Map<string, { file: string; key: string }>();
  for (const [file, bytes] of bytesOf) {
    if (!file.endsWith('.html')) continue;
    const path = pathOfFile(file);
    const loads = [...new Set([...shared, ...namedIn(file, bytes.toString('utf8'))])].sort();
    const key = sha256().update(`${path}\0`).update(bytes);
    for (const f of loads) key.update(`\0${f}\0${hashOf.get(f)}`);
    pages.set(path, { file, key: key.digest('hex') });
  }
  return { code: site.code, static: all.digest('hex'), pages };
}

/** The version of the gates: their source, the @repo packages they import, their libraries' versions and the browser. */
export function gatesVersion(): string {
  const hash = sha256();
  const gatesDir = join(import.meta.dirname, '..');
  const seen = new Set<string>();
  const addPackage = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
    hash.update(`${manifest.name}\0`);
    for (const file of existsSync(join(dir, 'src')) ? filesOf(join(dir, 'src')) : []) hash.update(`${file}\0`).update(readFileSync(join(dir, 'src', file)));
    const require = createRequire(join(dir, 'package.json'));
    for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
      let pkgDir: string | undefined;
      try {
        pkgDir = dirname(require.resolve(`${name}/package.json`));
      } catch {
        // Packages without an exported package.json: their version by their entry's folder.
        try {
          let dir2 = dirname(require.resolve(name));
          while (!existsSync(join(dir2, 'package.json')) && dirname(dir2) !== dir2) dir2 = dirname(dir2);
          pkgDir = dir2;
        } catch {
          hash.update(`${name}@absent\0`);
        }
      }
      if (!pkgDir) continue;
      if (name.startsWith('@repo/')) addPackage(pkgDir);
      else hash.update(`${name}@${(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version}\0`);
    }
  };
  addPackage(gatesDir);
  const browser = chromiumPath();
  if (existsSync(browser)) {
    const stat = statSync(browser);
    hash.update(`${browser}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return hash.digest('hex');
}

/** What the gates must check now, against the last publish's record. */
export interface GatesWork {
  /** Sites the static gates run on (their static key changed). */
  staticSites: Set<string>;
  /** `<code> <path>` of each page the browser gates visit (its key changed, or it has not passed them yet). */
  browserPages: Set<string>;
  /** Pages in all, pages whose bytes changed or that are new, and sites with any change. */
  pages: number;
  changedPages: number;
  changedSites: string[];
  /** Why everything is checked, when it is: no record, another gates version, or --full. */
  everything: string | undefined;
}

export function gatesWork(keys: SiteKeys[], previous: GatesRecord | undefined, version: string, options: { full?: boolean; browser: boolean }): GatesWork {
  const everything = options.full
    ? 'asked to check everything (--full)'
    : !previous
      ? 'no record of an earlier publish'
      : previous.gates !== version
        ? 'the gates, their libraries or the browser changed since the last publish'
        : undefined;
  const staticSites = new Set<string>();
  const browserPages = new Set<string>();
  const changedSites = new Set<string>();
  let pages = 0;
  let changedPages = 0;
  for (const site of keys) {
    const before = everything ? undefined : previous?.sites[site.code];
    if (before?.static !== site.static) {
      staticSites.add(site.code);
      changedSites.add(site.code);
    }
    for (const [path, page] of site.pages) {
      pages++;
      const old = before?.pages[path];
      if (old?.key !== page.key) {
        changedPages++;
        changedSites.add(site.code);
      }
      if (old?.key !== page.key || (options.browser && !old.browser)) browserPages.add(`${site.code} ${path}`);
    }
  }
  return { staticSites, browserPages, pages, changedPages, changedSites: [...changedSites].sort(), everything };
}

/** The record of a publish: every page with the key it passed under, and whether the browser gates ran on it. */
export function gatesRecord(keys: SiteKeys[], previous: GatesRecord | undefined, version: string, work: GatesWork, browserRan: boolean): GatesRecord {
  const sites: Record<string, SiteRecord> = {};
  for (const site of keys) {
    const pages: Record<string, PageRecord> = {};
    for (const [path, page] of [...site.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const checkedNow = work.browserPages.has(`${site.code} ${path}`);
      const before = work.everything ? undefined : previous?.sites[site.code]?.pages[path];
      pages[path] = { key: page.key, browser: checkedNow ? browserRan : before?.key === page.key ? before.browser : false };
    }
    sites[site.code] = { static: site.static, pages };
  }
  return { version: 1, gates: version, sites };
}

/** Reads a record (undefined when there is none, or it is unreadable or of another format). */
export function readGatesRecord(file: string): GatesRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as GatesRecord;
    return record.version === 1 && typeof record.gates === 'string' && record.sites ? record : undefined;
  } catch {
    return undefined;
  }
}
