// The live preview (`npm run dev`): every kind of content edit shows in the open page without a
// restart; a content error shows in the page and the terminal as the content checker words it, while
// the page keeps the last good content, and the preview recovers when the file is fixed; the print
// files of the last print build are served under /print/; without --country, an index starts each
// country's preview on first visit.
//
// Edit-to-visible times are asserted with a generous bound here (shared 2-core machines); the
// figures are in benchmarks/dev.md (node scripts/bench-dev.ts, the same edits, several runs).
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromiumAvailable, launchChromium } from '@repo/gates';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editKinds, open, previewCacheDir, previewFixture, type RunningPreview, startPreview, timeEdit, until } from '../../../scripts/bench-dev.ts';

const appDir = resolve(import.meta.dirname, '..');
const devRoot = join(appDir, `.build-devtest-${process.pid}`);
/** Generous: the benchmark measures 0.2–0.5 s; a loaded 2-core machine can take several times that. */
const bound = 10_000;

/** A free port, with the next `count - 1` free too. */
async function freePorts(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((done) => {
      const server = createServer()
        .once('error', () => done(false))
        .once('listening', () => server.close(() => done(true)))
        .listen(port, '127.0.0.1');
    });
  for (;;) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const all = await Promise.all(Array.from({ length: count }, (_, i) => free(base + i)));
    if (all.every(Boolean)) return base;
  }
}

const fixture = previewFixture();
let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  preview = await startPreview({
    args: ['--country', 'gr', '--port', String(await freePorts(1))],
    contentDir: fixture.contentDir,
    printDir: fixture.printDir,
    devRoot,
    waitFor: /Preview of the gr site: (http:\/\/\S+)/,
  });
  if (chromiumAvailable()) {
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  }
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  rmSync(fixture.dir, { recursive: true, force: true });
  rmSync(devRoot, { recursive: true, force: true });
  for (const code of ['gr', 'md']) rmSync(previewCacheDir(code, fixture.contentDir), { recursive: true, force: true });
});

const file = (name: string) => join(fixture.contentDir, name);
/** Runs `test` with a content file broken by `breakIt`, and always puts the file back. */
async function withBroken(name: string, breakIt: (good: string) => string | undefined, test: (good: string) => Promise<void>) {
  const good = readFileSync(file(name), 'utf8');
  const broken = breakIt(good);
  if (broken === undefined) unlinkSync(file(name));
  else writeFileSync(file(name), broken);
  try {
    await test(good);
  } finally {
    writeFileSync(file(name), good);
  }
}

describe.skipIf(!chromiumAvailable())('npm run dev: every kind of content edit shows in the open page', () => {
  for (const edit of editKinds) {
    it(`${edit.kind}: shows within ${bound / 1000} s, without a restart`, async () => {
      const ms = await timeEdit(page, preview.url, fixture, edit, 1, bound);
      console.log(`dev preview: ${edit.kind} shown after ${Math.round(ms)} ms`);
      expect(ms).toBeLessThan(bound);
    });
  }
});

describe.skipIf(!chromiumAvailable())('npm run dev: content errors', () => {
  beforeEach(async () => {
    await open(page, preview.url);
  });

  it('a YAML syntax error shows in the page and the terminal as the checker words it; the page keeps the last good content; fixing it recovers', async () => {
    const brand = (await page.textContent('.brand__name'))?.trim();
    await withBroken(
      'countries/gr.yaml',
      (good) => `${good}\nextra: [unclosed\n`,
      async (good) => {
        const ms = await until(page, (text) => text.includes('content/countries/gr.yaml'), bound);
        console.log(`dev preview: YAML error shown after ${Math.round(ms)} ms`);
        // The notes come first in the page: the rest of it may still be arriving (the dev server streams).
        await page.waitForLoadState('load');
        const alert = (await page.textContent('[data-dev-notes="errors"]')) ?? '';
        expect(alert).toMatch(/content\/countries\/gr\.yaml:\d+/);
        expect(alert).toContain('the preview shows the last good version');
        expect(alert).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
        // The last good content is still shown below the message.
        expect((await page.textContent('.brand__name'))?.trim()).toBe(brand);
        expect(await page.locator('article h1').count()).toBe(1);
        expect(preview.output()).toMatch(/content errors?; the preview shows the last good version[^\n]*\n\s+content\/countries\/gr\.yaml:\d+/);
        writeFileSync(file('countries/gr.yaml'), good);
        await until(page, (text) => !text.includes('content/countries/gr.yaml'), bound);
        expect(await page.locator('[data-dev-notes="errors"]').count()).toBe(0);
        expect(preview.output()).toContain('Content is valid again');
      },
    );
  });

  it('a file deleted while the preview runs: the message names it and how to restore it; restoring it recovers', async () => {
    await withBroken(
      'figures.yaml',
      () => undefined,
      async (good) => {
        await until(page, (text) => text.includes('content/figures.yaml'), bound);
        // The notes come first in the page: the rest of it may still be arriving (the dev server streams).
        await page.waitForLoadState('load');
        const alert = (await page.textContent('[data-dev-notes="errors"]')) ?? '';
        expect(alert).toContain('content/figures.yaml [ContentFileMissing]');
        expect(alert).toContain('(it was deleted while the preview ran)');
        expect(alert).toContain('git checkout -- content/figures.yaml');
        // The figure is still shown, from the last good content.
        expect(await page.locator('.figure').count()).toBeGreaterThan(0);
        writeFileSync(file('figures.yaml'), good);
        await until(page, (text) => !text.includes('content/figures.yaml'), bound);
      },
    );
  });

  it('an MDX error (unknown component) names the page file and line; the page keeps its last good text; fixing it recovers', async () => {
    await withBroken(
      'pages/el/home.mdx',
      (good) => `${good}\n<Figur id="children-share" />\n`,
      async (good) => {
        const line = good.split('\n').length + 1;
        await until(page, (text) => text.includes('content/pages/el/home.mdx'), bound);
        const alert = (await page.textContent('[data-dev-notes="errors"]')) ?? '';
        expect(alert).toContain(`content/pages/el/home.mdx:${line} [UnknownComponent]`);
        expect(await page.locator('article h1').count()).toBe(1);
        writeFileSync(file('pages/el/home.mdx'), good);
        await until(page, (text) => !text.includes('content/pages/el/home.mdx'), bound);
      },
    );
  });
});

describe('npm run dev: print files', () => {
  it('serves the last print build’s files under /print/, and says how to make missing ones', async () => {
    const found = await fetch(new URL('/print/SHA256SUMS', preview.url));
    expect(found.status).toBe(200);
    expect(await found.text()).toBe('fixture checksums\n');
    const missing = await fetch(new URL('/print/destination-demand/el/a4.pdf', preview.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('node apps/print/src/cli.ts --country gr');
  });

  it('says on the printers page which print build the files come from', async () => {
    const html = await (await fetch(new URL('/printers/', preview.url))).text();
    expect(html).toContain('Preview: there are no files for gr from the last print build, built at');
    expect(html).toContain('node apps/print/src/cli.ts --country gr');
  });
});

describe('npm run dev on content that is invalid when it starts', () => {
  it('shows the errors on the preview’s address, reloading itself, and starts the preview once they are fixed', async () => {
    const port = await freePorts(1);
    const good = readFileSync(file('countries/gr.yaml'), 'utf8');
    writeFileSync(file('countries/gr.yaml'), `${good}\nextra: [unclosed\n`);
    let waiting: RunningPreview | undefined;
    try {
      waiting = await startPreview({
        args: ['--country', 'gr', '--port', String(port)],
        contentDir: fixture.contentDir,
        printDir: fixture.printDir,
        devRoot: `${devRoot}-waiting`,
        waitFor: /The preview starts as soon as these are fixed \((watching)/,
      });
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(500);
      const html = await res.text();
      expect(html).toMatch(/content\/countries\/gr\.yaml:\d+ \[YamlSyntax\]/);
      expect(html).toContain('<meta http-equiv="refresh"');
      writeFileSync(file('countries/gr.yaml'), good);
      const started = performance.now();
      while (!waiting.output().includes('Preview of the gr site')) {
        if (performance.now() - started > 60_000) throw new Error(waiting.output());
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<html lang="el"');
    } finally {
      writeFileSync(file('countries/gr.yaml'), good);
      await waiting?.stop();
      rmSync(`${devRoot}-waiting`, { recursive: true, force: true });
    }
  });
});

describe('npm run dev without --country: an index; each country starts on first visit', () => {
  it('lists every country, starts one when it is opened and sends the browser there', async () => {
    const base = await freePorts(3);
    const index = await startPreview({
      args: ['--port', String(base)],
      contentDir: fixture.contentDir,
      printDir: fixture.printDir,
      devRoot,
      waitFor: /Live preview: (http:\/\/\S+)/,
    });
    try {
      const list = await (await fetch(index.url)).text();
      expect(list).toContain('href="/gr/"');
      expect(list).toContain('href="/md/"');
      expect(list).toContain('starts when opened');
      const started = performance.now();
      const redirect = await fetch(new URL('/md/', index.url), { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe(`http://127.0.0.1:${base + 2}/`);
      console.log(`dev preview: md started on first visit in ${Math.round(performance.now() - started)} ms`);
      const home = await (await fetch(redirect.headers.get('location') as string)).text();
      expect(home).toContain('<html lang="ro"');
      expect(await (await fetch(index.url)).text()).toContain(`running at <a href="http://127.0.0.1:${base + 2}/">`);
    } finally {
      await index.stop();
    }
    expect(existsSync(join(devRoot, 'gr'))).toBe(true);
  });
});
