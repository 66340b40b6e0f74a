// Help first and no internals, on the fixture sites: every page passes at both phone sizes, and each
// way of breaking the promise (number pushed off the first screen, covered, too small, a page wider
// than the phone, a number in plain text, a leaked field name or content path) is caught, once per
// cause, naming the page and the fix.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  type Failure,
  fontMode,
  helpFirstCheck,
  internalsGate,
  launchChromium,
  leaksIn,
  phoneScreens,
  runBrowserChecks,
  serveSites,
  sitesIn,
} from '../src/index.ts';
import { buildFixtureSites, copySites, insertIntoPage, tempDir } from './helpers.ts';

const work = tempDir('help-first-');
const built = join(work, 'built');
let browser: Browser | undefined;
let copies = 0;
const brokenCopy = () => copySites(built, join(work, `broken-${++copies}`));
const hasChromium = chromiumAvailable();

beforeAll(async () => {
  await Promise.all([buildFixtureSites(built), hasChromium ? launchChromium().then((b) => (browser = b)) : undefined]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function helpFirst(dir: string, only?: (path: string) => boolean): Promise<Failure[]> {
  const [result] = await runBrowserChecks(sitesIn(dir), [helpFirstCheck], { browser, only: only ? (v) => only(v.page.path) : undefined });
  return result?.failures ?? [];
}
/**
 * Rewrites one built page. The site's Content-Security-Policy (its <meta> and the `_headers` line the
 * test server sends) is dropped first, so that the styles a test injects to break the layout apply:
 * the policy blocks inline styles, as it should.
 */
function edit(dir: string, file: string, change: (html: string) => string) {
  const headers = join(dir, '_headers');
  writeFileSync(headers, readFileSync(headers, 'utf8').replace(/^\s*Content-Security-Policy:.*$/gim, ''));
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8').replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  const after = change(before);
  if (after === before) throw new Error(`edit(): nothing changed in ${file}`);
  writeFileSync(path, after);
}

describe.skipIf(!hasChromium)('help first, at 360 × 640 and 320 × 568', () => {
  it('every page of the fixture sites passes: first number on the first screen, big, uncovered, the others one tap away', async () => {
    expect(phoneScreens).toEqual([
      { width: 360, height: 640 },
      { width: 320, height: 568 },
    ]);
    expect(await helpFirst(built)).toEqual([]);
  });

  it('the first number is the country’s first helpline, with its purpose, and the others are linked from the top', () => {
    const html = readFileSync(join(built, 'gr/index.html'), 'utf8');
    const panel = /<section class="help-first"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(panel).toMatch(/<a class="help-first__call" href="tel:116000">/);
    expect(panel).toContain('Ευρωπαϊκή γραμμή για εξαφανισμένα παιδιά');
    expect(panel).toMatch(/href="tel:112"/);
    expect(panel).toMatch(/href="#help"/);
    // The target of "#help" exists once and lists every number.
    expect(html.match(/id="help"/g)?.length).toBe(1);
  });

  it('a page whose text has its own helpline box shows it once on phones, and that box is the #help target', () => {
    const html = readFileSync(join(built, 'gr/i-agora-vlaptei/index.html'), 'utf8');
    expect(html).toMatch(/<aside class="sidebar sidebar--wide-only">/);
    expect(/<article[\s\S]*?<section class="helplines" id="help"/.test(html)).toBe(true);
  });

  it('the emergency number in running text is a tap-to-call link', () => {
    const html = readFileSync(join(built, 'gr/en/buying-harms-children/index.html'), 'utf8');
    expect(html.replace(/\s+/g, ' ')).toMatch(/Call <a class="tel" href="tel:112"> ?<span class="visually-hidden">Call <\/span> ?112 ?<\/a>/);
  });

  it('catches a number pushed below the first screen, once per cause', async () => {
    const dir = brokenCopy();
    edit(join(dir, 'gr'), 'index.html', (h) =>
      h.replace(
        '<section class="help-first"',
        '<div class="tall-banner"><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p><p>x</p></div><section class="help-first"',
      ),
    );
    const failures = (await helpFirst(dir, (p) => p === '/')).filter((f) => f.site === 'gr');
    const offScreen = failures.filter((f) => f.code === 'FirstNumberOffScreen');
    expect(offScreen).toHaveLength(1);
    expect(offScreen[0]?.args).toMatchObject({ screen: '360 × 640' });
  });

  it('catches a number covered by a fixed bar, a small target, small type and a missing purpose', async () => {
    const dir = brokenCopy();
    edit(join(dir, 'gr'), 'en/index.html', (h) =>
      h
        .replace(
          '</head>',
          '<style>.help-first__number{font-size:1rem!important}.help-first__call{min-height:0!important}.help-first__purpose{display:none}</style></head>',
        )
        .replace('<body>', '<body><div style="position:fixed;top:0;left:0;right:0;height:100vh;background:#fff;z-index:99"></div>'),
    );
    const failures = await helpFirst(dir, (p) => p === '/en/');
    expect(failures.find((f) => f.code === 'FirstNumberCovered')?.args).toMatchObject({ cover: expect.stringMatching(/^div/) });
    expect(failures.map((f) => f.code)).toEqual(
      expect.arrayContaining(['FirstNumberCovered', 'FirstNumberSmallTarget', 'FirstNumberSmallType', 'FirstNumberNoPurpose']),
    );
  });

  it('catches other numbers not reachable in one tap, and an in-page link landing under the sticky bar', async () => {
    const dir = brokenCopy();
    edit(join(dir, 'gr'), 'index.html', (h) => h.replace(/<p class="help-first__more">[\s\S]*?<\/p>/, ''));
    const unreachable = await helpFirst(dir, (p) => p === '/');
    expect(unreachable).toContainEqual(
      expect.objectContaining({ code: 'NumbersUnreachable', args: expect.objectContaining({ numbers: [expect.stringMatching(/^tel:\+?\d+/)] }) }),
    );

    const dir2 = brokenCopy();
    edit(join(dir2, 'gr'), 'index.html', (h) => h.replace('</head>', '<style>html{scroll-padding-top:0!important}</style></head>'));
    expect(await helpFirst(dir2, (p) => p === '/')).toContainEqual(
      expect.objectContaining({ code: 'TargetUnderStickyBar', args: expect.objectContaining({ target: expect.stringMatching(/^#help/) }) }),
    );
  });

  it('measures each page in the browser’s own font too, as a phone on a slow network shows it', async () => {
    const dir = brokenCopy();
    // Fifty i: about 210 px in Noto Sans, more than twice that in any monospace font, which is what
    // the page falls back to when its web font has not arrived (font-display: optional).
    edit(join(dir, 'md'), 'index.html', (h) =>
      h.replace(/(<main[^>]*>)/, `$1<p style="font-family:'Noto Sans',monospace;white-space:nowrap;display:inline-block">${'i'.repeat(50)}</p>`),
    );
    const failures = (await helpFirst(dir, (p) => p === '/')).filter((f) => f.site === 'md');
    expect(failures.map((f) => [f.code, f.args.screen])).toEqual([
      ['PageTooWide', "360 × 640, in the browser's own font (as on a phone that has not received the site's fonts)"],
    ]);
  });

  it('takes the site’s fonts away and puts them back as often as asked, rules and family names', async () => {
    const { served, close } = await serveSites(sitesIn(built).filter((s) => s.code === 'gr'));
    const page = await (browser as Browser).newPage({ viewport: { ...phoneScreens[1] } });
    try {
      await page.goto(`${served[0]?.origin}/`);
      const state = () =>
        page.evaluate(() => ({
          family: getComputedStyle(document.body).fontFamily,
          faces: [...document.fonts].map((f) => [f.family, f.status]),
        }));
      const loaded = await state();
      expect(loaded.family).toMatch(/^"Noto Sans", /);
      expect(loaded.faces.length).toBeGreaterThan(0);
      for (let round = 0; round < 2; round++) {
        await page.evaluate(fontMode, 'fallback' as const);
        expect(await state()).toEqual({ family: loaded.family.replace(/^"Noto Sans", /, ''), faces: [] });
        await page.evaluate(fontMode, 'web' as const);
        const web = await state();
        expect(web.family).toBe(loaded.family);
        expect(web.faces.length).toBe(loaded.faces.length);
      }
    } finally {
      await page.close();
      await close();
    }
  });

  it('catches a page wider than a 320 px phone, and a helpline number left as plain text', async () => {
    const dir = brokenCopy();
    edit(join(dir, 'md'), 'index.html', (h) => h.replace(/(<main[^>]*>)/, '$1<div style="width:340px">wide</div><p>Sună la 0 800 77777 acum.</p>'));
    const failures = (await helpFirst(dir, (p) => p === '/')).filter((f) => f.site === 'md');
    // 340 px fits a 360 px screen, not a 320 px one.
    expect(failures.filter((f) => f.code === 'PageTooWide').map((f) => f.args.screen)).toEqual(['320 × 568']);
    // Outside the page's article: the layout's, with the number to find in the content.
    expect(failures).toContainEqual(
      expect.objectContaining({
        code: 'NumberNotLinked',
        args: { number: '0 800 77777', text: 'Sună la 0 800 77777 acum.' },
        region: 'layout',
        evidence: '0 800 77777',
      }),
    );
  });
});

describe('the public never sees internals', () => {
  it('the fixture sites pass', async () => {
    const result = await internalsGate(sitesIn(built));
    expect(result.failures).toEqual([]);
    expect(result.summary).toMatch(/^\d+ pages on 2 sites$/);
  });

  it('finds content paths, schema field names, interface string keys and unfilled placeholders', () => {
    const names = ['verifiedOn', 'siteUrl', 'helplines.heading'];
    expect(leaksIn('helpline 1109 (gr-1109) has no verifiedOn date (content/countries/gr.yaml)', names).sort()).toEqual([
      'content/countries/gr.yaml',
      'verifiedOn',
    ]);
    expect(leaksIn('See pages/en/about.mdx.', names)).toEqual(['pages/en/about.mdx']);
    expect(leaksIn('helplines.heading', names)).toEqual(['helplines.heading']);
    expect(leaksIn('Download every file for {country}', names)).toEqual(['{country}']);
    // Ordinary words and addresses are not leaks.
    expect(leaksIn('Verified on 2026-01-01. Visit https://gr.example.org/ or call 1109.', names)).toEqual([]);
  });

  it('fails a built page that shows a notice meant for the campaign team, naming page and fix', async () => {
    const dir = brokenCopy();
    insertIntoPage(join(dir, 'gr'), 'en/index.html', '<p>helpline 1109 (gr-1109) has no verifiedOn date (content/countries/gr.yaml)</p>');
    const { failures } = await internalsGate(sitesIn(dir));
    expect(failures.map((f) => `${f.site} ${f.page} ${f.code} ${f.args.where} ${f.args.leak}`).sort()).toEqual([
      'gr /en/ InternalNameShown text content/countries/gr.yaml',
      'gr /en/ InternalNameShown text verifiedOn',
    ]);
  });
});
