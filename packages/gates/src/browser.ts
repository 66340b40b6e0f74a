// The browser gates' shared runner: one Chromium (Debian's), a few reused tabs, every page of
// every site visited once, and each check run on the loaded page. Chromium cannot resolve any host
// name (--host-resolver-rules), so even a missed request could not leave this machine.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { posix, win32 } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { failure } from './failure.ts';
import { type ServedSite, serveSites } from './serve.ts';
import { type PageFile, pagesOf } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** What chromiumPath() looks at: the environment, the operating system and the file system. */
export interface ChromiumSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/**
 * Where each system keeps Chromium or a browser built on it (Google Chrome, Microsoft Edge), in
 * order of preference: Debian's and Ubuntu's packages, the macOS applications (system-wide, then
 * the user's), and the Windows installers (per machine, then per user).
 */
export function chromiumCandidates({ env = process.env, platform = process.platform }: Omit<ChromiumSearch, 'exists'> = {}): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ].flatMap((parts) => roots.map((root) => win32.join(root, ...parts)));
  }
  if (platform === 'darwin') {
    const apps = [
      ['Chromium.app', 'Contents', 'MacOS', 'Chromium'],
      ['Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'],
      ['Microsoft Edge.app', 'Contents', 'MacOS', 'Microsoft Edge'],
    ];
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((parts) => folders.map((folder) => posix.join(folder, ...parts)));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/**
 * The Chromium the browser gates drive: CHROMIUM_PATH when it is set, else the first of
 * chromiumCandidates() that exists, else the first candidate (so that "not found at …" names
 * where it was expected).
 */
export function chromiumPath({ env = process.env, platform = process.platform, exists = existsSync }: ChromiumSearch = {}): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const candidates = chromiumCandidates({ env, platform });
  return candidates.find((path) => exists(path)) ?? (candidates[0] as string);
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-pings',
  // Nothing but this machine: every other host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * V8's optimising compilers off, for the gates' browser only (not in chromiumArgs, which Lighthouse
 * measures with). Every page is a new JavaScript realm in which axe runs once: Maglev and TurboFan
 * spent their compile time (about 40 ms a page, on the other core) on code that had finished by the
 * time it was optimised. Measured on the 266 sample pages: −14 % of Chromium's CPU time and a faster
 * axe.run; turning off Sparkplug too, or all compilers (--jitless), was slower. A page's behaviour
 * is the same: only how fast its JavaScript runs changes.
 */
export const gatesChromiumArgs = [...chromiumArgs, '--js-flags=--no-maglev --no-turbofan'];

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // Every origin but 127.0.0.1 goes to a proxy on a closed local port: even a request by IP
  // address cannot leave (--host-resolver-rules only covers host names).
  return chromium.launch({ executablePath: chromiumPath(), args: gatesChromiumArgs, proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' } });
}

/**
 * The phone screens the browser gates see pages at: a common Android size and the smallest iPhone
 * SE. Every page is loaded and checked at the first; help-first (help-first.ts) measures the second too.
 */
export const phoneScreens = [
  { width: 360, height: 640 },
  { width: 320, height: 568 },
] as const;

/**
 * Pages a tab visits in one browser context before a fresh one replaces it, so that what a context
 * holds (its memory cache, the renderers it keeps) does not grow with the number of pages: at 10×
 * the content a tab visits about 1,300 pages. On the 266 sample pages, one context per tab peaked at
 * 1,166 MB of Chromium (PSS) and 106 CPU-s; a new one every 40 pages at 1,118 MB and 91 CPU-s
 * (one run each, busy machine); a new context and its init scripts cost a few milliseconds. With
 * 50, the scale benchmark's Chromium peaked at 1,120, 1,111 and 1,149 MB at 1×, 3× and 10× the
 * content (benchmarks/scale.md); earlier runs with one context per tab had reached 1.8–1.9 GB (on
 * content the generator had made larger than 3× and 10×, so not a like-for-like figure).
 */
export const pagesPerContext = 50;

/** A page of a served site, as the browser visits it. */
export interface Visit {
  site: ServedSite;
  page: PageFile;
  url: string;
}

/** One check run on every loaded page. A new instance is made for each tab (its state is its own). */
export interface PageCheck {
  gate: string;
  /** Once, when the tab's context is made: routes, init scripts, listeners. */
  setUp?(context: BrowserContext, page: Page, current: () => Visit | undefined): Promise<void>;
  /** After the page has loaded; returns what is wrong with it. */
  check(page: Page, visit: Visit, context: BrowserContext): Promise<Failure[]>;
  /** After the checks of all gates, before the next page (e.g. clear storage). */
  reset?(page: Page, context: BrowserContext): Promise<void>;
}

export interface BrowserRunOptions {
  /** Tabs working in parallel (default: the number of cores, at most 4). */
  concurrency?: number;
  /** A browser to reuse (it is left open); otherwise one is launched and closed. */
  browser?: Browser;
  /** Visit only the pages this accepts (e.g. `(v) => v.page.path === '/en/'`); every page by default. */
  only?: (visit: Visit) => boolean;
  /**
   * Pages a tab visits before its context is closed and a fresh one made (default pagesPerContext).
   * A context keeps what its pages loaded (memory cache, renderer processes kept for reuse).
   */
  pagesPerContext?: number;
  /**
   * The first phone screen by default (the readers this is for are on phones): help-first measures
   * that screen as loaded, without a resize and the layout it costs.
   */
  viewport?: { width: number; height: number };
}

/**
 * Visits every page of every site once and runs each check on it; one GateResult per check
 * (in the order given). `checks` are factories: each tab gets its own instances.
 */
export async function runBrowserChecks(sites: Site[], checks: (() => PageCheck)[], options: BrowserRunOptions = {}): Promise<GateResult[]> {
  const gates = checks.map((make) => make().gate);
  const failures = new Map<string, Failure[]>(gates.map((g) => [g, []]));
  const { served, close } = await serveSites(sites);
  const browser = options.browser ?? (await launchChromium());
  const queue: Visit[] = served
    .flatMap((site) => pagesOf(site.dir).map((page) => ({ site, page, url: `${site.origin}${page.path}` })))
    .filter((v) => options.only?.(v) ?? true);
  const total = queue.length;
  const workers = Math.max(1, Math.min(options.concurrency ?? Math.min(4, availableParallelism()), queue.length));
  const perContext = Math.max(1, options.pagesPerContext ?? pagesPerContext);
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (queue.length > 0) {
          const context = await browser.newContext({ viewport: options.viewport ?? { ...phoneScreens[0] }, serviceWorkers: 'block' });
          const page = await context.newPage();
          const instances = checks.map((make) => make());
          let current: Visit | undefined;
          for (const check of instances) await check.setUp?.(context, page, () => current);
          try {
            for (let n = 0, visit = queue.shift(); visit; visit = ++n < perContext ? queue.shift() : undefined) {
              current = visit;
              let response: Awaited<ReturnType<Page['goto']>>;
              try {
                response = await page.goto(visit.url, { waitUntil: 'load', timeout: 30_000 });
              } catch (error) {
                const at = { site: visit.site.code, page: visit.page.path };
                for (const g of gates) failures.get(g)?.push(failure('PageDidNotLoad', { error: (error as Error).message.split('\n')[0] ?? '' }, at));
                continue;
              }
              const expected = visit.page.file === '404.html' ? 404 : 200;
              if (response && response.status() !== expected && response.status() !== 200) {
                const at = { site: visit.site.code, page: visit.page.path };
                for (const g of gates) failures.get(g)?.push(failure('PageHttpStatus', { status: response.status() }, at));
                continue;
              }
              // Fonts are part of a page being ready: wait for them (they load from this server only).
              await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
              for (const check of instances) failures.get(check.gate)?.push(...(await check.check(page, visit, context)));
              for (const check of instances) await check.reset?.(page, context);
              current = undefined;
            }
          } finally {
            await context.close();
          }
        }
      }),
    );
  } finally {
    if (!options.browser) await browser.close();
    await close();
  }
  return gates.map((gate) => ({ gate, failures: failures.get(gate) ?? [], summary: `${total} pages on ${sites.length} sites in Chromium` }));
}

/** A browser gate that could not run, as a result that says so (never a silent pass). */
export function skippedBrowserGates(gates: string[], reason: string): GateResult[] {
  return gates.map((gate) => ({ gate, failures: [], skipped: reason }));
}
