import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ArgsOf, describe as describeError } from '@repo/errors';
import { describe, expect, it } from 'vitest';
import { ContentError, contentIssue, formatIssues, loadContent } from '../src/index.ts';
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
    const found = error.issues.map((i) => `${i.file}|${i.field ?? ''}|${i.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'campaign.yaml||YamlSyntax',
        'figures.yaml|figures.0.year|FieldInvalid',
        'countries/md.yaml|languages.1|UnknownLocale',
        'countries/gr.yaml|helplines.0.source|FieldMissing',
        'pages/en/safety.mdx|slug|DuplicateSlug',
        'countries/xx.yaml|code|FieldInvalid',
      ]),
    );
    expect(error.issues.find((i) => i.code === 'UnknownLocale')?.args.tag).toBe('mo');
    expect(error.issues.find((i) => i.code === 'DuplicateSlug')?.args).toMatchObject({ slug: 'browse-safely', other: 'pages/en/privacy.mdx' });
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
    const found = errorsOf(dir).issues.map((i) => `${i.file}: ${i.code} ${i.args.tag}`);
    expect(found).toContain('pages/uk/: PageLocaleNotSpoken uk');
    expect(found).toContain('pages/english/: PageFolderUnknownLocale english');
    rmSync(dir, { recursive: true });
  });

  it('refuses a figure or source that does not exist, and a helpline filed under another country', () => {
    const dir = copyFixture();
    edit(dir, 'pages/en/home.mdx', '<Figure id="children-share" />', '<Figure id="invented-statistic" />');
    edit(dir, 'countries/md.yaml', 'source: facts-helplines', 'source: a-blog');
    edit(dir, 'countries/md.yaml', 'id: md-0800-77777', 'id: gr-0800-77777');
    const found = errorsOf(dir).issues.map((i) => `${i.code} ${JSON.stringify(i.args)}`);
    expect(found).toContain('UnknownFigure {"id":"invented-statistic"}');
    expect(found).toContain('UnknownSource {"id":"a-blog"}');
    expect(found).toContain('HelplineOfOtherCountry {"id":"gr-0800-77777","country":"md","rest":"0800-77777"}');
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

  it('formats issues as one readable block, each with its code, place, message and fix from the catalogue', () => {
    const issue = contentIssue(
      'NotNamedAfterFile',
      { actual: 'gx', name: 'gr.yaml', field: 'code', expected: 'gr' },
      { file: 'countries/gr.yaml', line: 3, field: 'code' },
    );
    const { message, hint } = describeError('NotNamedAfterFile', issue.args as ArgsOf<'NotNamedAfterFile'>);
    expect(issue).toEqual({ code: 'NotNamedAfterFile', args: issue.args, file: 'countries/gr.yaml', line: 3, field: 'code', message, fix: hint });
    expect(formatIssues([issue])).toBe(
      `1 content error; nothing was built or published:\n  content/countries/gr.yaml:3 [NotNamedAfterFile] field "code": ${message}\n    fix: ${hint}`,
    );
  });

  it('reports each cause once: the same issue twice, and what follows from a wrong locale declaration, are left out', () => {
    const dir = copyFixture();
    // Romanian declared with a tag that is not canonical: every use of "ro" would be an unknown locale too.
    edit(dir, 'locales.yaml', /tag: ro\b/, 'tag: RO');
    const error = errorsOf(dir);
    expect(error.issues.filter((i) => i.file === 'locales.yaml').map((i) => i.code)).toEqual(['LocaleTagNotCanonical']);
    expect(error.issues.filter((i) => i.code === 'UnknownLocale' || i.code === 'PageFolderUnknownLocale' || i.code === 'UiFileUnknownLocale')).toEqual([]);
    const twice = contentIssue('UnknownSource', { id: 'x' }, { file: 'figures.yaml', line: 2 });
    expect(new ContentError([twice, { ...twice }]).issues).toHaveLength(1);
    rmSync(dir, { recursive: true });
  });
});
