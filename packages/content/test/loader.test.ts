import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, formatIssues, loadContent } from '../src/index.ts';
import { copyFixture, edit, validFixture, write } from './helpers.ts';

function errorsOf(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the content to be refused');
}

describe('loadContent on valid content', () => {
  it('loads every kind of content', () => {
    const content = loadContent(validFixture);
    expect(content.countries.map((c) => c.code)).toEqual(['gr', 'md']);
    expect(content.pages).toHaveLength(8);
    expect(content.figures.get('children-share')?.attribution).toBe('Eurostat');
    expect(content.sourceUi['exit.label']).toBe('Exit this page');
  });

  it('gives the re-check period its default of 12 months when campaign.yaml leaves it out', () => {
    expect(loadContent(validFixture).campaign.recheckMonths).toBe(12);
  });
});

describe('loadContent on broken content', () => {
  it('reports every error of one run, each with file, field and fix', () => {
    const dir = copyFixture();
    // 1. YAML syntax error
    edit(dir, 'campaign.yaml', 'brand: FIXTURE', 'brand: [FIXTURE');
    // 2. wrong type
    edit(dir, 'figures.yaml', 'year: 2013', 'year: "twenty thirteen"');
    // 3. unknown locale code in a country
    edit(dir, 'countries/md.yaml', 'languages: [ro, en]', 'languages: [ro, mo, en]');
    // 4. helpline without a source
    edit(dir, 'countries/gr.yaml', '    source: facts-helplines\n', '');
    // 5. duplicate slug
    edit(dir, 'pages/en/privacy.mdx', 'slug: "privacy"', 'slug: "browse-safely"');
    // 6. unknown country code format
    write(dir, 'countries/xx.yaml', 'code: XX\n');

    const error = errorsOf(dir);
    const found = error.issues.map((i) => `${i.file}|${i.field ?? ''}|${i.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^campaign\.yaml\|\|YAML syntax error/),
        expect.stringMatching(/^figures\.yaml\|figures\.0\.year\|/),
        expect.stringMatching(/^countries\/md\.yaml\|languages\.1\|unknown locale "mo"/),
        expect.stringMatching(/^countries\/gr\.yaml\|helplines\.0\.source\|is missing/),
        expect.stringMatching(/^pages\/en\/safety\.mdx\|slug\|"browse-safely" is also the slug of pages\/en\/privacy\.mdx/),
        expect.stringMatching(/^countries\/xx\.yaml\|code\|must be a lower-case ISO 3166-1 alpha-2 code/),
      ]),
    );
    expect(error.issues.length).toBeGreaterThanOrEqual(6);
    for (const issue of error.issues) expect(issue.fix, JSON.stringify(issue)).toBeTruthy();
    // Line numbers point into the file.
    expect(error.issues.find((i) => i.field === 'languages.1')?.line).toBe(4);
    expect(error.message).toMatch(/^\d+ content errors; nothing was built or published:/);
    rmSync(dir, { recursive: true });
  });

  it('refuses a page in a locale no country lists, and a locale folder that is not a locale', () => {
    const dir = copyFixture();
    mkdirSync(join(dir, 'pages/uk'));
    write(
      dir,
      'pages/uk/home.mdx',
      '---\ntitle: Головна\ndescription: Сторінка для перевірки помилок у тестах.\nslug: ""\naudience: all\norder: 0\ntranslation: draft\n---\nТекст.\n',
    );
    mkdirSync(join(dir, 'pages/english'));
    const messages = errorsOf(dir).issues.map((i) => `${i.file}: ${i.message}`);
    expect(messages).toContain('pages/uk/: holds pages in "uk", which no country lists among its languages');
    expect(messages).toContain('pages/english/: is named after unknown locale "english"');
    rmSync(dir, { recursive: true });
  });

  it('refuses a figure or source that does not exist, and a helpline filed under another country', () => {
    const dir = copyFixture();
    edit(dir, 'pages/en/home.mdx', '<Figure id="children-share" />', '<Figure id="invented-statistic" />');
    edit(dir, 'countries/md.yaml', 'source: facts-helplines', 'source: a-blog');
    edit(dir, 'countries/md.yaml', 'id: md-0800-77777', 'id: gr-0800-77777');
    const messages = errorsOf(dir).issues.map((i) => i.message);
    expect(messages).toContain('quotes figure "invented-statistic", which content/figures.yaml does not list');
    expect(messages).toContain('cites source "a-blog", which content/sources.yaml does not list');
    expect(messages.some((m) => m.includes('"gr-0800-77777" does not start with "md-"'))).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('refuses translations marked as sources, and translations whose audience differs from English', () => {
    const dir = copyFixture();
    edit(dir, 'pages/el/demand.mdx', 'translation: draft', 'translation: source');
    edit(dir, 'pages/el/demand.mdx', 'audience: destination', 'audience: all');
    const issues = errorsOf(dir).issues;
    expect(issues.map((i) => `${i.file} ${i.field}`)).toEqual(expect.arrayContaining(['pages/el/demand.mdx translation', 'pages/el/demand.mdx audience']));
    rmSync(dir, { recursive: true });
  });

  it('formats issues as one readable block', () => {
    const text = formatIssues([{ file: 'countries/gr.yaml', line: 3, field: 'code', message: 'is wrong', fix: 'write gr' }]);
    expect(text).toBe('1 content error; nothing was built or published:\n  content/countries/gr.yaml:3 field "code": is wrong\n    fix: write gr');
  });
});
