// Every gate on the fixture sites: the valid fixture passes them all, and each deliberately broken
// copy is caught by its gate with a message naming the page and the fix. One fixture build and
// one Chromium for the whole file.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityCheck,
  chromiumAvailable,
  type Failure,
  fontsGate,
  helpFirstCheck,
  launchChromium,
  linksGate,
  pagesOf,
  privacyBrowserCheck,
  privacyGate,
  runBrowserChecks,
  siteServer,
  sitesIn,
  weightGate,
} from '../src/index.ts';
import { buildFixtureSites, coded, copySites, insertIntoPage, tempDir, tinyPng, writeFile } from './helpers.ts';

const work = tempDir('gates-');
const built = join(work, 'built');
let browser: Browser | undefined;
let copies = 0;
/** A fresh copy of the built fixture sites, to break. */
const brokenCopy = () => copySites(built, join(work, `broken-${++copies}`));
const hasChromium = chromiumAvailable();

beforeAll(async () => {
  await Promise.all([buildFixtureSites(built), hasChromium ? launchChromium().then((b) => (browser = b)) : undefined]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Browser checks on the pages of a copy that `only` accepts. */
async function inBrowser(dir: string, check: typeof accessibilityCheck, only?: (path: string, site: string) => boolean) {
  const [result] = await runBrowserChecks(sitesIn(dir), [check], { browser, only: only ? (v) => only(v.page.path, v.site.code) : undefined });
  return result?.failures ?? [];
}
const on = (site: string, page: string) => (f: Failure) => f.site === site && f.page === page;

describe('the valid fixture sites', () => {
  it('pass the links, weight, fonts and privacy gates, and the weight report lists every page', async () => {
    const sites = sitesIn(built);
    expect(sites.map((s) => s.code)).toEqual(['gr', 'md']);
    const report = join(work, 'reports/weight.md');
    const results = await Promise.all([linksGate(sites), weightGate(sites, { reportFile: report }), fontsGate(sites), privacyGate(sites)]);
    for (const result of results) expect(result.failures, result.gate).toEqual([]);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('| gr | /en/ |');
    expect(text).toContain('| md | / |');
    expect(text).toMatch(/\d+ pages, 0 over budget/);
    expect(existsSync(join(work, 'reports/weight.json'))).toBe(true);
  });

  it.skipIf(!hasChromium)('pass axe (WCAG 2.2 A/AA) and the browser privacy checks on every page', async () => {
    const results = await runBrowserChecks(sitesIn(built), [accessibilityCheck, privacyBrowserCheck], { browser });
    expect(results.map((r) => r.gate)).toEqual(['accessibility', 'privacy-browser']);
    for (const result of results) expect(result.failures, result.gate).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the browser runner', () => {
  it('visits every page once, in fresh contexts of pagesPerContext pages, each set up by every check', async () => {
    const visited: string[] = [];
    const contexts = new Set<unknown>();
    let setUps = 0;
    const counting = () => ({
      gate: 'counting',
      async setUp(context: unknown) {
        setUps++;
        contexts.add(context);
      },
      async check(_page: unknown, visit: { url: string }, context: unknown) {
        expect(contexts.has(context)).toBe(true);
        visited.push(visit.url);
        return [];
      },
    });
    const [result] = await runBrowserChecks(sitesIn(built), [counting], { browser, concurrency: 2, pagesPerContext: 3 });
    const pages = sitesIn(built).flatMap((s) => pagesOf(s.dir)).length;
    expect(result?.summary).toMatch(new RegExp(`^${pages} pages on 2 sites`));
    expect(visited).toHaveLength(pages);
    expect(new Set(visited).size).toBe(pages);
    // Two tabs, each a new context after 3 pages: at least ceil(pages / 3) contexts, at most one more per tab.
    expect(setUps).toBe(contexts.size);
    expect(setUps).toBeGreaterThanOrEqual(Math.ceil(pages / 3));
    expect(setUps).toBeLessThanOrEqual(Math.ceil(pages / 3) + 2);
  });
});

describe('links gate', () => {
  it('catches a dead link, naming the page and the fix', async () => {
    const dir = brokenCopy();
    insertIntoPage(join(dir, 'gr'), 'en/index.html', '<p><a href="/en/no-such-page/">Read more</a></p>');
    const { failures } = await linksGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([{ site: 'gr', page: '/en/', code: 'BrokenLink', args: { target: '/en/no-such-page/' } }]);
    // Inserted before the page's article: in the layout, not in its text.
    expect(failures[0]).toMatchObject({ region: 'layout', evidence: '/en/no-such-page/' });
  });

  it('catches a redirect, a missing anchor, a missing image, a dead sitemap entry and a link that switches language', async () => {
    const dir = brokenCopy();
    insertIntoPage(
      join(dir, 'gr'),
      'en/index.html',
      '<p><a href="/en/privacy">Privacy</a> <a href="#nowhere">Jump</a> <a href="/i-agora-vlaptei/">Greek page</a></p><img src="/_astro/gone.png" alt="A chart">',
    );
    const sitemap = join(dir, 'gr/sitemap.xml');
    writeFile(
      join(dir, 'gr'),
      'sitemap.xml',
      readFileSync(sitemap, 'utf8').replace('</urlset>', '<url><loc>https://gr.test.example/removed/</loc></url></urlset>'),
    );
    const { failures } = await linksGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual(
      expect.arrayContaining([
        { site: 'gr', page: '/en/', code: 'LinkRedirects', args: { target: '/en/privacy', status: 301 } },
        { site: 'gr', page: '/en/', code: 'BrokenLink', args: { target: '/_astro/gone.png' } },
        { site: 'gr', page: '/sitemap.xml', code: 'BrokenLink', args: { target: '/removed/' } },
        { site: 'gr', page: '/en/', code: 'AnchorMissing', args: { text: 'Jump', href: '#nowhere', hash: 'nowhere', target: 'this page' } },
        { site: 'gr', page: '/en/', code: 'LinkSwitchesLanguage', args: { text: 'Greek page', href: '/i-agora-vlaptei/', from: 'en', to: 'el' } },
      ]),
    );
    expect(failures).toHaveLength(5);
  });

  it("judges a link on the 404 page by its section's language, not by its own text's", async () => {
    const dir = brokenCopy();
    // A Greek section: a page title still in English (lang="en") leading to the Greek page is fine;
    // a link to the English home page switches language.
    insertIntoPage(join(dir, 'gr'), '404.html', '<section lang="el"><a lang="en" href="/i-agora-vlaptei/">Greek page</a> <a href="/en/">Home</a></section>');
    const { failures } = await linksGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([
      { site: 'gr', page: '/404.html', code: 'LinkSwitchesLanguage', args: { text: 'Home', href: '/en/', from: 'el', to: 'en' } },
    ]);
  });
});

describe('accessibility gate', () => {
  it.skipIf(!hasChromium)('catches an image without alt text, naming the page and the fix', async () => {
    const dir = brokenCopy();
    writeFile(join(dir, 'gr'), '_astro/poster.png', tinyPng);
    insertIntoPage(join(dir, 'gr'), 'en/index.html', '<img src="/_astro/poster.png">');
    const failures = await inBrowser(dir, accessibilityCheck, (path, site) => site === 'gr' && path.startsWith('/en/'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      site: 'gr',
      page: '/en/',
      code: 'AxeViolation',
      args: {
        rule: 'image-alt',
        impact: 'critical',
        target: 'img',
        html: '<img src="/_astro/poster.png">',
        summary: expect.stringContaining('Element does not have an alt attribute'),
      },
      region: 'layout',
      evidence: '/_astro/poster.png',
    });
  });

  it.skipIf(!hasChromium)('catches text whose contrast is too low, with the other browser checks on the same load', async () => {
    const dir = brokenCopy();
    writeFile(join(dir, 'md'), '_astro/pale.css', '.pale{color:#aaa;background:#fff}');
    insertIntoPage(join(dir, 'md'), 'en/index.html', '<link rel="stylesheet" href="/_astro/pale.css">', 'head');
    insertIntoPage(join(dir, 'md'), 'en/index.html', '<p class="pale">Pale words on white</p>');
    // As runGates() runs them: one load, axe first, then the checks that read and resize the page.
    const [accessibility, privacy, help] = await runBrowserChecks(sitesIn(dir), [accessibilityCheck, privacyBrowserCheck, helpFirstCheck], {
      browser,
      only: (v) => v.site.code === 'md' && v.page.path === '/en/',
    });
    expect(accessibility?.failures.map(coded)).toEqual([
      {
        site: 'md',
        page: '/en/',
        code: 'AxeViolation',
        args: expect.objectContaining({ rule: 'color-contrast', target: '.pale', html: '<p class="pale">Pale words on white</p>' }),
      },
    ]);
    expect(accessibility?.failures[0]).toMatchObject({ region: 'layout', evidence: 'Pale words on white' });
    expect(privacy?.failures).toEqual([]);
    expect(help?.failures).toEqual([]);
  });
});

describe('privacy gates', () => {
  it('catch a third-party script in the files, naming the page and the fix', async () => {
    const dir = brokenCopy();
    insertIntoPage(join(dir, 'md'), 'en/index.html', '<script src="https://cdn.tracker.example/analytics.js"></script>', 'head');
    const { failures } = await privacyGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([
      { site: 'md', page: '/en/', code: 'ForeignResource', args: { tag: 'script', attribute: 'src', url: 'https://cdn.tracker.example/analytics.js' } },
    ]);
    expect(failures[0]).toMatchObject({ region: 'layout', evidence: 'https://cdn.tracker.example/analytics.js' });
  });

  it.skipIf(!hasChromium)('catch a third-party script in the browser, without letting the request leave', async () => {
    const dir = brokenCopy();
    insertIntoPage(join(dir, 'md'), 'en/index.html', '<script src="https://cdn.tracker.example/analytics.js"></script>', 'head');
    const failures = await inBrowser(dir, privacyBrowserCheck, (path, site) => site === 'md' && path === '/en/');
    expect(failures.filter(on('md', '/en/')).map(coded)).toEqual(
      expect.arrayContaining([{ site: 'md', page: '/en/', code: 'ForeignRequest', args: { type: 'script', url: 'https://cdn.tracker.example/analytics.js' } }]),
    );
  });

  it.skipIf(!hasChromium)('catch cookies and every kind of storage write', async () => {
    const dir = brokenCopy();
    writeFile(
      join(dir, 'md'),
      '_astro/remember.js',
      "localStorage.setItem('seen', '1'); sessionStorage.visits = '2'; document.cookie = 'uid=42; path=/'; indexedDB.open('history');",
    );
    insertIntoPage(join(dir, 'md'), 'index.html', '<script src="/_astro/remember.js"></script>', 'head');
    const failures = await inBrowser(dir, privacyBrowserCheck, (path, site) => site === 'md' && path === '/');
    expect(failures.map(coded)).toEqual(
      expect.arrayContaining([
        { site: 'md', page: '/', code: 'StorageWrite', args: { write: 'localStorage.setItem("seen")' } },
        { site: 'md', page: '/', code: 'StorageLeftover', args: { storage: 'sessionStorage', key: 'visits' } },
        { site: 'md', page: '/', code: 'CookieSet', args: { name: 'uid', domain: '127.0.0.1' } },
        { site: 'md', page: '/', code: 'StorageWrite', args: { write: 'indexedDB.open("history")' } },
      ]),
    );
  });

  it('catch a weak Content-Security-Policy, an inline style, and a site without _headers', async () => {
    const dir = brokenCopy();
    const page = join(dir, 'gr/en/index.html');
    writeFile(join(dir, 'gr'), 'en/index.html', readFileSync(page, 'utf8').replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    insertIntoPage(join(dir, 'gr'), 'en/index.html', '<p style="color:red">Hello</p>');
    rmSync(join(dir, 'md/_headers'));
    const { failures } = await privacyGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([
      { site: 'gr', page: '/en/', code: 'CspNotStrict', args: { problem: "style-src allows 'unsafe-inline'" } },
      { site: 'gr', page: '/en/', code: 'InlineStyle', args: { tag: 'p', style: 'color:red' } },
      { site: 'md', page: '/_headers', code: 'HeadersFileMissing', args: {} },
    ]);
  });

  it('require every policy in _headers, and the local server applies them', async () => {
    const dir = brokenCopy();
    const headers = readFileSync(join(dir, 'gr/_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: default-src 'none';.*frame-ancestors 'none'/);
    writeFile(join(dir, 'gr'), '_headers', headers.replace(/ {2}Referrer-Policy: .*\n/, '').replace("frame-ancestors 'none'", 'frame-ancestors *'));
    const { failures } = await privacyGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([
      {
        site: 'gr',
        page: '/_headers',
        code: 'HeaderWrong',
        args: { name: 'Content-Security-Policy', value: expect.stringMatching(/frame-ancestors \*$/), want: expect.any(String) },
      },
      { site: 'gr', page: '/_headers', code: 'HeaderMissing', args: { name: 'Referrer-Policy', want: 'no-referrer' } },
    ]);
    // As deployed: the built site's own _headers on every response.
    const server = siteServer(join(built, 'md'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/en/`);
    server.close();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('weight gate', () => {
  it('catches an oversized page, naming the page, the figures and the fix', async () => {
    const dir = brokenCopy();
    // 30 kB of text that does not compress, and a 120 kB image.
    insertIntoPage(join(dir, 'gr'), 'en/privacy/index.html', `<p>${randomBytes(30_000).toString('base64')}</p>`);
    writeFile(join(dir, 'gr'), '_astro/huge.jpg', randomBytes(120_000));
    insertIntoPage(join(dir, 'gr'), 'en/index.html', '<img src="/_astro/huge.jpg" alt="A very large photograph">');
    const report = join(dir, 'weight.md');
    const { failures } = await weightGate(sitesIn(dir), { reportFile: report });
    expect(failures.map((f) => `${f.site} ${f.page} ${f.code}`)).toEqual(['gr /en/ FirstLoadOverBudget', 'gr /en/privacy/ HtmlOverBudget']);
    expect(failures[0]?.args).toMatchObject({
      total: expect.toSatisfy((n: number) => n > 100_000 && n < 200_000),
      budget: 100_000,
      fontFiles: 4,
      images: 120_000,
      largest: expect.stringMatching(/^image \/_astro\/huge\.jpg 120\.0 kB, font /),
    });
    expect(failures[1]?.args).toEqual({ bytes: expect.toSatisfy((n: number) => n >= 20_000 && n < 40_000), budget: 14_000 });
    expect(readFileSync(report, 'utf8')).toMatch(/\| gr \| \/en\/privacy\/ \| [\d.]+ kB ✗ \|/);
  });

  it('counts only the fonts a page’s characters make the browser load', async () => {
    const { weighPage } = await import('../src/weight.ts');
    const [gr] = sitesIn(built);
    const english = weighPage(gr as never, { file: 'en/index.html', path: '/en/' });
    const greek = weighPage(gr as never, { file: 'index.html', path: '/' });
    // English pages show Ελληνικά in the language switcher, so both load latin and greek, never Cyrillic.
    expect(greek.fonts.map((f) => f.file.replace(/\..*$/, '')).sort()).toEqual([
      '_astro/noto-sans-greek-400',
      '_astro/noto-sans-greek-700',
      '_astro/noto-sans-latin-400',
      '_astro/noto-sans-latin-700',
    ]);
    expect(english.fonts.length).toBe(4);
    expect(greek.total).toBeLessThan(60_000);
  });
});

describe('fonts gate', () => {
  it('catches a character the subset fonts cannot draw, naming the page and the fix', async () => {
    const dir = brokenCopy();
    insertIntoPage(join(dir, 'md'), 'index.html', '<p>Ħ</p>');
    const { failures } = await fontsGate(sitesIn(dir));
    expect(failures.map(coded)).toEqual([
      { site: 'md', page: '/', code: 'CharactersWithoutGlyph', args: { font: 'Noto Sans 400 normal', chars: ['Ħ'] } },
      { site: 'md', page: '/', code: 'CharactersWithoutGlyph', args: { font: 'Noto Sans 700 normal', chars: ['Ħ'] } },
    ]);
  });
});

describe('exit control (keyboard and no JavaScript)', () => {
  // The exit URL is another host: page.route answers it inside the browser, so nothing leaves.
  async function openSite(javaScriptEnabled: boolean) {
    const { serveSites } = await import('../src/serve.ts');
    const { served, close } = await serveSites(sitesIn(built).filter((s) => s.code === 'gr'));
    const context = await (browser as Browser).newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const exits: string[] = [];
    await context.route('https://el.wikipedia.org/**', (route) => {
      exits.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Wikipedia</title><p>Neutral page' });
    });
    // Every announcement of the live region, with whether the page was blanked by then; reported
    // as it happens, so the last one before leaving is kept too.
    const announced: { text: string; exiting: boolean }[] = [];
    await context.exposeBinding('reportExitStatus', (_source, text: string, exiting: boolean) => announced.push({ text, exiting }));
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('#exit-this-page-status');
        const report = (window as unknown as { reportExitStatus: (text: string, exiting: boolean) => void }).reportExitStatus;
        if (status)
          new MutationObserver(() => report(status.textContent ?? '', document.documentElement.classList.contains('exiting'))).observe(status, {
            childList: true,
            characterData: true,
            subtree: true,
          });
      });
    });
    const origin = served[0]?.origin as string;
    const done = async () => {
      await context.close();
      await close();
    };
    const status = () => page.locator('#exit-this-page-status').textContent();
    /** Still on the campaign page at `path`, not blanked, and no exit request made. */
    const stayed = async (path: string) => {
      expect(page.url()).toBe(`${origin}${path}`);
      expect(await page.evaluate(() => document.documentElement.classList.contains('exiting'))).toBe(false);
      expect(exits).toEqual([]);
    };
    /** `times` presses of `key` with Shift held down. */
    const withShift = async (key: string, times: number) => {
      for (let i = 0; i < times; i++) {
        await page.keyboard.down('Shift');
        await page.keyboard.press(key);
        await page.keyboard.up('Shift');
      }
    };
    return { page, origin, exits, announced, done, status, stayed, withShift };
  }
  const press2 = 'Shift, press 2 more times to exit.';
  const press1 = 'Shift, press 1 more time to exit.';
  const leaving = 'Exit this page activated. Leaving the page.';
  const expired = 'Exit this page expired.';

  it.skipIf(!hasChromium)('Tab reaches the exit control first', async () => {
    const { page, origin, done } = await openSite(true);
    try {
      for (const path of ['/', '/en/', '/en/privacy/']) {
        await page.goto(`${origin}${path}`);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id), path).toBe('exit-this-page');
      }
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('pressing Shift three times leaves the page for the country’s exit site, and Back does not return to that page', async () => {
    const { page, origin, exits, announced, done, status } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      expect(await status()).toBe('');
      await page.keyboard.press('Shift');
      expect(await status()).toBe(press2);
      await page.keyboard.press('Shift');
      expect(await status()).toBe(press1);
      await Promise.all([page.waitForURL('https://el.wikipedia.org/'), page.keyboard.press('Shift')]);
      expect(exits).toEqual(['https://el.wikipedia.org/']);
      // The live region announced each step, the last one with the page already blanked.
      expect(announced).toEqual([
        { text: press2, exiting: false },
        { text: press1, exiting: false },
        { text: leaving, exiting: true },
      ]);
      // location.replace(): Back does not return to the campaign page.
      await page.goBack().catch(() => undefined);
      expect(page.url()).not.toContain(origin);
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('Shift+Tab three times (moving back through links) stays on the page', async () => {
    const { page, origin, done, status, stayed, withShift } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
      await withShift('Tab', 3);
      await stayed('/en/');
      expect(await status()).toBe('');
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('Shift, a, Shift, b, Shift stays on the page: another key breaks the sequence', async () => {
    const { page, origin, done, status, stayed } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      for (const key of ['Shift', 'a', 'Shift', 'b', 'Shift']) await page.keyboard.press(key);
      await stayed('/en/');
      // Only the last Shift counts, as the first of a new sequence.
      expect(await status()).toBe(press2);
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('Shift used as a modifier (capital letters, Ctrl+Shift) or released without its press never counts', async () => {
    const { page, origin, done, status, stayed, withShift } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      // Typing capitals in a text field (the site has none, so the test adds one).
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'typing';
        document.querySelector('main')?.prepend(input);
      });
      await page.focus('#typing');
      await withShift('KeyA', 3);
      expect(await page.inputValue('#typing')).toBe('AAA');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // Shift+A on the page itself.
      await withShift('KeyA', 3);
      // Ctrl+Shift (a keyboard-language switch on many systems).
      for (let i = 0; i < 3; i++) {
        await page.keyboard.down('Control');
        await page.keyboard.press('Shift');
        await page.keyboard.up('Control');
      }
      // A Shift released here whose press happened elsewhere (the address bar, another window).
      for (let i = 0; i < 3; i++) await page.keyboard.up('Shift');
      await stayed('/en/');
      expect(await status()).toBe('');
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('pageshow (a return through the back-forward cache) starts the count again', async () => {
    const { page, origin, done, status, stayed } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      expect(await status()).toBe(press1);
      await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
      expect(await status()).toBe('');
      await page.keyboard.press('Shift');
      await stayed('/en/');
      expect(await status()).toBe(press2);
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('each Shift press restarts the five-second window; five seconds without one expires it', async () => {
    const { page, origin, exits, done, status, stayed } = await openSite(true);
    try {
      await page.clock.install();
      await page.goto(`${origin}/en/`);
      // Expiry: one press, then silence for five seconds.
      await page.keyboard.press('Shift');
      await page.clock.runFor(5001);
      expect(await status()).toBe(expired);
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await stayed('/en/');
      expect(await status()).toBe(press1);
      await page.clock.runFor(5001);
      expect(await status()).toBe(expired);
      // Three presses three seconds apart (six seconds in all) still leave.
      await page.keyboard.press('Shift');
      await page.clock.runFor(3000);
      await page.keyboard.press('Shift');
      await page.clock.runFor(3000);
      expect(await status()).toBe(press1);
      await Promise.all([page.waitForURL('https://el.wikipedia.org/'), page.keyboard.press('Shift')]);
      expect(exits).toEqual(['https://el.wikipedia.org/']);
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('history is as the safety page describes: Back returns to the site’s page opened before the one left', async () => {
    // content/pages/*/safety.mdx tells people that Back can still reach earlier pages of the site:
    // if this changes, change those pages too.
    const { page, origin, exits, done } = await openSite(true);
    try {
      await page.goto(`${origin}/en/`);
      await page.goto(`${origin}/en/privacy/`);
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await Promise.all([page.waitForURL('https://el.wikipedia.org/'), page.keyboard.press('Shift')]);
      expect(exits).toEqual(['https://el.wikipedia.org/']);
      // The page left is gone from Back; the one before it is still there, and shown normally.
      await page.goBack();
      expect(page.url()).toBe(`${origin}/en/`);
      expect(await page.evaluate(() => document.documentElement.classList.contains('exiting'))).toBe(false);
    } finally {
      await done();
    }
  });

  it.skipIf(!hasChromium)('the exit link works with JavaScript off', async () => {
    const { page, origin, exits, done } = await openSite(false);
    try {
      await page.goto(`${origin}/`);
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForURL('https://el.wikipedia.org/'), page.keyboard.press('Enter')]);
      expect(exits).toEqual(['https://el.wikipedia.org/']);
    } finally {
      await done();
    }
  });
});
