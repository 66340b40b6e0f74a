// Incremental builds (issue 12, requirement 1): a change rebuilds only the countries it concerns,
// Turborepo replays every other country, the gates re-check only the pages whose bytes changed, and
// the result is byte for byte what a full build from nothing makes.
//
// The input lists (scripts/country-inputs.ts) are checked on the real content, without building: which
// countries' lists a change reaches. The builds run `npm run build`'s script on the small fixture
// content, in a copy of the repository with the fixture as its content/ (the real build path:
// scripts/build.ts builds content/ and ignores CONTENT_DIR): Greece (el, en; destination) and
// Moldova (ro, en; origin).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, sitesShowing } from '@repo/content';
import { chromiumAvailable, compareTrees, type GatesRecord, siteKeys, sitesIn } from '@repo/gates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryInputs } from '../country-inputs.ts';
import { fixtureContent, makeWorkspace, ownLines, type Run, removeWorkspace, repoRoot, runIn } from './workspace.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-'));
afterAll(() => removeWorkspace(work));

// --- Which countries a change reaches (real content, no build) ----------------------------------

describe("each country's input list", () => {
  const root = join(work, 'lists');
  const content = join(root, 'content');
  beforeAll(() => cpSync(join(repoRoot, 'content'), content, { recursive: true }));

  /** The countries whose input list an edit of one content file changes (the file is restored after). */
  function reached(file: string, edit: (text: string) => string): string[] {
    const path = join(content, file);
    const original = readFileSync(path, 'utf8');
    const before = countryInputs(root);
    const changed = edit(original);
    expect(changed, `the edit of ${file} changes nothing`).not.toBe(original);
    writeFileSync(path, changed);
    try {
      const after = countryInputs(root);
      return [...after.keys()].filter((code) => JSON.stringify(after.get(code)) !== JSON.stringify(before.get(code)));
    } finally {
      writeFileSync(path, original);
    }
  }
  const countries = () => loadContent(content).countries;
  const speaking = (locale: string) =>
    countries()
      .filter((c) => c.languages.includes(locale))
      .map((c) => c.code)
      .sort();

  it("a country's file: that country only", () => {
    expect(reached('countries/gr.yaml', (t) => t.replace(/exitUrl: .*/, 'exitUrl: https://www.google.gr/search'))).toEqual(['gr']);
  });

  it("one locale's page: the countries that speak it", () => {
    expect(reached('pages/sl/about.mdx', (t) => `${t}\nOne more line.\n`)).toEqual(['si']);
    expect(reached('pages/ro/about.mdx', (t) => `${t}\nO linie în plus.\n`)).toEqual(speaking('ro'));
  });

  it('an English page: the countries whose roles it is for', () => {
    const destination = countries()
      .filter((c) => c.roles.includes('destination'))
      .map((c) => c.code)
      .sort();
    expect(reached('pages/en/demand.mdx', (t) => `${t}\nOne more line.\n`)).toEqual(destination);
  });

  it("one locale's poster line, interface string or campaign text: the countries that speak it", () => {
    expect(reached('posters/destination-demand.yaml', (t) => t.replace('Ne glejte stran.', 'Ne obračajte glave.'))).toEqual(['si']);
    expect(reached('ui/ro.yaml', (t) => `${t}\n# a comment\n`)).toEqual(speaking('ro'));
    expect(reached('campaign.yaml', (t) => t.replace(/^ {2}sl: (Trgovina z otroki.*)$/m, '  sl: $1 Vedno.'))).toEqual(['si']);
  });

  it('a text every country shows: every country', () => {
    expect(reached('campaign.yaml', (t) => t.replace(/^brand: .*/m, 'brand: VICTOR!'))).toEqual(
      countries()
        .map((c) => c.code)
        .sort(),
    );
  });

  it('every page is in the list of every site that shows it (@repo/content sitesShowing)', () => {
    const loaded = loadContent(content);
    const lists = countryInputs(root);
    for (const page of loaded.pages) {
      const listed = [...lists.values()].filter((l) => `content/${page.file}` in l.files).map((l) => l.country);
      expect(listed, page.file).toEqual(expect.arrayContaining(sitesShowing(page, loaded.countries).map((c) => c.code)));
    }
  });
});

// --- Builds --------------------------------------------------------------------------------------

describe('an incremental build of the fixture content', () => {
  let ws: string;
  let cold: Run;
  const build = (...args: string[]) => runIn(ws, 'scripts/build.ts', args, { CI: '', RELEASE: '' });
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(ws, 'content', file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  const record = () => JSON.parse(readFileSync(join(ws, 'dist/reports/gates-record.json'), 'utf8')) as GatesRecord;

  beforeAll(async () => {
    ws = makeWorkspace(join(work, 'kit'), { content: fixtureContent, install: 'link' });
    cold = await build();
  }, 600_000);

  it('a first build builds every country and records every published page as passing every gate', () => {
    expect(cold.code, cold.output).toBe(0);
    expect(ownLines(cold.output)).toContain('print: 0 of 2 countries replayed from the cache; building 2:');
    expect(ownLines(cold.output)).toContain('sites: 0 of 2 countries replayed from the cache; building 2:');
    // The record names every published page with the content hash it passed under.
    const keys = sitesIn(join(ws, 'dist')).map(siteKeys);
    const passed = record();
    for (const site of keys)
      for (const [path, page] of site.pages)
        expect(passed.sites[site.code]?.pages[path], `${site.code} ${path}`).toEqual({ key: page.key, browser: chromiumAvailable() });
    // The site tasks' outputs hold no copies of print files (here the page cards: the fixture has
    // no poster designs); publish puts them beside each site.
    expect(existsSync(join(ws, 'apps/print/dist/countries/gr/gr/cards/en/home.png'))).toBe(true);
    expect(existsSync(join(ws, 'apps/site/dist/gr/print/cards'))).toBe(false);
    expect(existsSync(join(ws, 'dist/sites/gr/print/cards/en/home.png'))).toBe(true);
  });

  it('without a change, every task replays and no gate runs again', async () => {
    const run = await build();
    expect(run.code, run.output).toBe(0);
    const own = ownLines(run.output);
    expect(own).toContain('print: 2 of 2 countries replayed from the cache\n');
    expect(own).toContain('sites: 2 of 2 countries replayed from the cache\n');
    expect(own).toContain('byte-identical to the published ones, which passed every gate; not re-running them');
    console.log(`no change: ${(run.ms / 1000).toFixed(1)} s (cold ${(cold.ms / 1000).toFixed(1)} s)`);
  });

  it("one line of one locale's page rebuilds the sites that show that locale, and re-checks only its changed pages", async () => {
    edit('pages/ro/home.mdx', (t) => t.replace('Body of home in ro.', 'Body of the home page in ro.'));
    const before = record();
    const run = await build();
    expect(run.code, run.output).toBe(0);
    const own = ownLines(run.output);
    expect(own).toContain('print: 1 of 2 countries replayed from the cache; building 1:\n  md: content/pages/ro/home.mdx changed');
    expect(own).toContain('sites: 1 of 2 countries replayed from the cache; building 1:\n  md: content/pages/ro/home.mdx changed');
    expect(own).toMatch(/Quality gates on what changed since the last publish: 1 of \d+ pages changed \(md\); static gates on md;/);
    // Greece's pages were not checked again: their record entries are the ones from before.
    expect(record().sites.gr).toEqual(before.sites.gr);
    console.log(`one MDX line: ${(run.ms / 1000).toFixed(1)} s`);
  });

  it("one country's file rebuilds that country only; a country task started without the build's fresh input list refuses to build", async () => {
    edit('countries/gr.yaml', (t) => t.replace(/exitUrl: .*/, 'exitUrl: https://www.google.gr/search'));
    // As a bare `turbo run @repo/site#build:gr` would start it: the list still describes the old content.
    const stale = await runIn(join(ws, 'apps/site'), '../../scripts/country-task.ts', ['gr', 'scripts/build-sites.ts', '--country', 'gr']);
    expect(stale.code).toBe(1);
    expect(stale.output).toContain('.build-inputs/gr.json, the list of content the gr build is cached by, is out of date (content/countries/gr.yaml changed)');
    const run = await build();
    expect(run.code, run.output).toBe(0);
    const own = ownLines(run.output);
    expect(own).toContain('print: 1 of 2 countries replayed from the cache; building 1:\n  gr: content/countries/gr.yaml changed');
    expect(own).toContain('sites: 1 of 2 countries replayed from the cache; building 1:\n  gr: content/countries/gr.yaml changed');
    expect(own).toMatch(/print files rebuilt for gr, sites rebuilt for gr;/);
    console.log(`one country's YAML: ${(run.ms / 1000).toFixed(1)} s`);
  });

  it('what the incremental builds published is byte for byte what a full build from nothing publishes, and --force re-checks every page', async () => {
    const incremental = join(work, 'dist-incremental');
    cpSync(join(ws, 'dist'), incremental, { recursive: true });
    for (const dir of ['dist', 'apps/print/dist', 'apps/site/dist', 'apps/site/.build']) rmSync(join(ws, dir), { recursive: true, force: true });
    const run = await build('--force');
    expect(run.code, run.output).toBe(0);
    expect(ownLines(run.output)).toContain('Quality gates on 2 sites (asked to check everything (--full)');
    const compared = compareTrees(incremental, join(ws, 'dist'));
    expect(compared.failures.map((f) => `${f.site}${f.page}: ${f.problem}`)).toEqual([]);
  });
});
