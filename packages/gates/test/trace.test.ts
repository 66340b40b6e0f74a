// Errors at the source, once per cause: a gate failure on built pages is traced back to the content
// file (and line) that causes it, and reported once with every site, locale and page it shows on.
// One English page (content/pages/en/privacy.mdx) is shown on both fixture sites, in English and as
// the fallback of Greek and Romanian: four built pages on two sites.
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, planSite } from '@repo/content';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityCheck,
  causesOf,
  chromiumAvailable,
  type Failure,
  FailureTracer,
  formatResults,
  type GateResult,
  launchChromium,
  privacyBrowserCheck,
  privacyGate,
  runBrowserChecks,
  sitesIn,
  traceFailures,
} from '../src/index.ts';
import { buildFixtureSites, copySites, fixtureContent, tempDir, writeFile } from './helpers.ts';

const work = tempDir('gates-trace-');
const content = join(work, 'content');
const built = join(work, 'built');
const hasChromium = chromiumAvailable();
let browser: Browser | undefined;
/** The line of the empty link appended to the English privacy page. */
let linkLine = 0;
const page = 'content/pages/en/privacy.mdx';

beforeAll(async () => {
  cpSync(fixtureContent, content, { recursive: true });
  // A link without text: valid MDX and a link to a page both sites have, so the content checks let it
  // through; only axe, on the built pages, finds that it has no name.
  const file = join(content, 'pages/en/privacy.mdx');
  linkLine = readFileSync(file, 'utf8').split('\n').length + 1;
  appendFileSync(file, '\n[](/en/browse-safely/)\n');
  await Promise.all([buildFixtureSites(built, { contentDir: content }), hasChromium ? launchChromium().then((b) => (browser = b)) : undefined]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every built page of each site that shows the English privacy page. */
function privacyPages(): { site: string; path: string; file: string }[] {
  const loaded = loadContent(content);
  return loaded.countries.flatMap((c) =>
    planSite(loaded, c.code)
      .pages.filter((p) => p.page.file === 'pages/en/privacy.mdx')
      .map((p) => ({ site: c.code, path: p.path, file: `${p.path.slice(1)}index.html` })),
  );
}

/** A copy of the built sites with a picture from another host inside the privacy page's text, on every page that shows it. */
function withForeignImage(): string {
  const dir = copySites(built, join(work, `foreign-${Math.random().toString(36).slice(2, 8)}`));
  for (const p of privacyPages()) {
    const path = join(dir, p.site, p.file);
    const html = readFileSync(path, 'utf8');
    const changed = html.replace(/(<article[^>]*>)/, '$1<img src="https://img.example/chart.png" alt="A chart">');
    expect(changed, p.file).not.toBe(html);
    writeFile(join(dir, p.site), p.file, changed);
  }
  return dir;
}

describe('a failure on built pages, traced to its content file and reported once', () => {
  it('the English page is shown on both sites, in three locales, at four addresses', () => {
    expect(privacyPages().map((p) => `${p.site} ${p.path}`)).toEqual(['gr /privacy/', 'gr /en/privacy/', 'md /privacy/', 'md /en/privacy/']);
  });

  it('a file from another host inside the page’s text: one cause, content/pages/en/privacy.mdx, both sites', async () => {
    const dir = withForeignImage();
    const result = await privacyGate(sitesIn(dir));
    const foreign = result.failures.filter((f) => f.code === 'ForeignResource');
    // Once per built page, as the gate sees it …
    expect(foreign.map((f) => `${f.site} ${f.page}`).sort()).toEqual(['gr /en/privacy/', 'gr /privacy/', 'md /en/privacy/', 'md /privacy/']);
    expect(foreign.every((f) => f.region === 'body')).toBe(true);
    // … once per cause, as the editor reads it: the MDX file, every site, locale and page.
    const traced = traceFailures([result], loadContent(content));
    const causes = causesOf(traced);
    expect(causes).toHaveLength(1);
    expect(causes[0]?.first).toMatchObject({ code: 'ForeignResource', source: { file: page, note: "in the page's text" } });
    expect(causes[0]?.places.map((p) => p.site).sort()).toEqual(['gr', 'gr', 'md', 'md']);
    expect(new Set(causes[0]?.places.map((p) => p.locale))).toEqual(new Set(['el', 'en', 'ro']));
    const text = formatResults(traced);
    expect(text.match(/\[ForeignResource\]/g)).toHaveLength(1);
    expect(text).toContain(`1 cause (4 reports):\n    ${page} (in the page's text) [ForeignResource] `);
    expect(text).toContain('shows on 2 sites (gr, md), 3 locales (el, en, ro), 4 pages: /en/privacy/ (gr, md), /privacy/ (gr, md)');
  });

  it.skipIf(!hasChromium)('the same image seen by the privacy gates in the files and in the browser is still one cause', async () => {
    const dir = withForeignImage();
    const sites = sitesIn(dir);
    const only = new Set(privacyPages().map((p) => `${p.site} ${p.path}`));
    const results: GateResult[] = [
      await privacyGate(sites),
      ...(await runBrowserChecks(sites, [privacyBrowserCheck], { browser, only: (v) => only.has(`${v.site.code} ${v.page.path}`) })),
    ];
    const reports = results.flatMap((r) => r.failures);
    // The static gate and the browser both report it on all four pages (the policy blocks it, so no request leaves).
    expect([...new Set(reports.map((f) => f.code))]).toEqual(expect.arrayContaining(['ForeignResource', 'CspBlocked']));
    expect(reports.length).toBeGreaterThanOrEqual(8);
    const causes = causesOf(traceFailures(results, loadContent(content)));
    expect(causes).toHaveLength(1);
    expect(causes[0]?.gates).toEqual(['privacy', 'privacy-browser']);
    expect(causes[0]?.also.map((f) => f.code)).toContain('CspBlocked');
    expect(new Set(causes[0]?.places.map((p) => p.site))).toEqual(new Set(['gr', 'md']));
  });

  it.skipIf(!hasChromium)('a link without text in the MDX: one axe violation traced to the file and line, on both sites', async () => {
    const only = new Set(privacyPages().map((p) => `${p.site} ${p.path}`));
    const [result] = await runBrowserChecks(sitesIn(built), [accessibilityCheck], { browser, only: (v) => only.has(`${v.site.code} ${v.page.path}`) });
    const violations = (result?.failures ?? []).filter((f) => f.code === 'AxeViolation' && f.args.rule === 'link-name');
    expect(violations).toHaveLength(4);
    expect(violations.every((f) => f.region === 'body' && f.evidence === '/en/browse-safely/')).toBe(true);
    const traced = traceFailures([result as GateResult], loadContent(content));
    const causes = causesOf(traced);
    expect(causes).toHaveLength(1);
    expect(causes[0]?.first).toMatchObject({ code: 'AxeViolation', source: { file: page, line: linkLine } });
    expect(formatResults(traced)).toContain(`    ${page}:${linkLine} [AxeViolation] link-name `);
    expect(formatResults(traced)).toContain('shows on 2 sites (gr, md)');
  });
});

describe('where a failure comes from', () => {
  const tracer = () => new FailureTracer(loadContent(content));
  const at = (f: Partial<Failure> & Pick<Failure, 'code' | 'site' | 'page'>): Failure => ({ args: {}, problem: '', fix: '', ...f });

  it('the layout’s parts: the policy and the help panel are templates; a helpline number is its country’s file, at its line', () => {
    const t = tracer();
    expect(t.trace(at({ code: 'CspNotStrict', site: 'gr', page: '/en/' })).source).toEqual({ file: 'apps/site/astro.config.ts' });
    expect(t.trace(at({ code: 'FirstNumberSmallType', site: 'md', page: '/' })).source).toEqual({ file: 'apps/site/src/components/HelpFirst.astro' });
    expect(t.trace(at({ code: 'NoCallLink', site: 'md', page: '/' })).source).toEqual({ file: 'content/countries/md.yaml' });
    const number = t.trace(at({ code: 'NumberNotLinked', site: 'md', page: '/', region: 'layout', evidence: '0 800 77777' }));
    expect(number.source).toEqual({ file: 'content/countries/md.yaml', line: expect.any(Number) });
    expect(number.locale).toBe('ro');
  });

  it('site files: _headers is the headers integration’s; an unknown address stays untraced', () => {
    const t = tracer();
    expect(t.trace(at({ code: 'HeadersFileMissing', site: 'md', page: '/_headers' })).source).toEqual({ file: 'apps/site/src/integrations/headers.ts' });
    expect(t.trace(at({ code: 'BrokenLink', site: 'md', page: '/print/x.pdf' })).source).toBeUndefined();
  });

  it('a layout failure nobody can name a file for is the page’s file "in the site\'s layout", and one cause on every page', () => {
    const t = tracer();
    const layout = (site: string, page: string) => ({
      ...at({ code: 'ForeignResource', site, page, region: 'layout', evidence: 'https://cdn.example/x.js' }),
      ...t.trace(at({ code: 'ForeignResource', site, page, region: 'layout', evidence: 'https://cdn.example/x.js' })),
    });
    const home = layout('gr', '/en/');
    expect(home.source).toEqual({ file: 'content/pages/en/home.mdx', note: "in the site's layout" });
    const causes = causesOf([{ gate: 'privacy', failures: [home, layout('gr', '/en/privacy/'), layout('md', '/')] }]);
    expect(causes).toHaveLength(1);
    expect(causes[0]?.places).toHaveLength(3);
  });
});
