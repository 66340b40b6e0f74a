import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, localeInfo, locales } from '@repo/i18n';
import { describe, expect, it } from 'vitest';
import { loadContent, planSite, translationReport } from '../src/index.ts';
import { copyFixture, edit, refusedIssues, validFixture } from './helpers.ts';

describe('languages as content (content/locales.yaml)', () => {
  it('fills the registry from content: tags, paths, names, script, direction and plural categories', () => {
    const content = loadContent(validFixture);
    expect(content.locales.locales.map((l) => l.tag)).toEqual(['en', 'el', 'ro', 'uk', 'sl']);
    expect(localeInfo('ro')).toMatchObject({ path: 'ro', nativeName: 'Română', script: 'Latn', dir: 'ltr', plurals: ['one', 'few', 'other'] });
    expect(localeInfo('sl').plurals).toEqual(['one', 'two', 'few', 'other']);
    expect(isLocale('ru')).toBe(false);
  });

  it('adds a language and a country that speaks it from content alone (Hungarian, no code change)', () => {
    const dir = copyFixture();
    appendFileSync(
      join(dir, 'locales.yaml'),
      '  - { tag: hu, path: hu, nativeName: Magyar, englishName: Hungarian, script: Latn, dir: ltr, plurals: [one, other] }\n',
    );
    writeFileSync(
      join(dir, 'countries/hu.yaml'),
      [
        'code: hu',
        'names: { en: Hungary, hu: Magyarország }',
        'roles: [origin]',
        'languages: [hu, en]',
        'defaultLanguage: hu',
        'siteUrl: https://hu.test.example',
        'exitUrl: https://hu.wikipedia.org/',
        'helplines: []',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'ui/hu.yaml'),
      [
        'translation: draft',
        'strings:',
        '  site.home: Kezdőlap',
        '  printers.zipInfo: "{files, plural, one {# fájl} other {# fájl}}, ZIP, {size}"',
        '  site.fallbackNotice: "Ez az oldal még nem érhető el {language} nyelven. Angolul látható."',
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'pages/hu'));
    writeFileSync(
      join(dir, 'pages/hu/home.mdx'),
      '---\ntitle: "Kezdőlap"\ndescription: "Egy kezdőlap leírása, elég hosszú a teszthez."\nslug: ""\naudience: all\norder: 0\ntranslation: draft\n---\n\nA kezdőlap szövege magyarul.\n',
    );
    const content = loadContent(dir);
    expect(isLocale('hu')).toBe(true);
    const plan = planSite(content, 'hu');
    expect(plan.locales.map((l) => [l.tag, l.base])).toEqual([
      ['hu', '/'],
      ['en', '/en/'],
    ]);
    const hu = plan.locales[0];
    expect(hu?.t('site.home')).toBe('Kezdőlap');
    expect(hu?.t('printers.zipInfo', { files: 1200, size: '3 MB' })).toBe(`${new Intl.NumberFormat('hu').format(1200)} fájl, ZIP, 3 MB`);
    // A key Hungarian leaves out is shown in English.
    expect(hu?.t('exit.label')).toBe('Exit this page');
    const report = translationReport(content).find((r) => r.locale === 'hu');
    expect(report?.pages.find((p) => p.id === 'home')?.state).toBe('draft');
    expect(report?.counts.ui.missing).toBeGreaterThan(0);
    rmSync(dir, { recursive: true });
  });

  it('refuses a locale declared twice, an invalid or non-canonical tag, wrong plural categories, a script the fonts lack: all at once', () => {
    const dir = copyFixture();
    appendFileSync(
      join(dir, 'locales.yaml'),
      [
        '  - { tag: ro, path: ro-md, nativeName: Română, englishName: Romanian, script: Latn, dir: ltr, plurals: [one, few, other] }',
        '  - { tag: "hu_HU", path: hu, nativeName: Magyar, englishName: Hungarian, script: Latn, dir: ltr, plurals: [one, other] }',
        '  - { tag: SQ, path: sq, nativeName: Shqip, englishName: Albanian, script: Latn, dir: ltr, plurals: [one, other] }',
        '  - { tag: hr, path: hr, nativeName: Hrvatski, englishName: Croatian, script: Latn, dir: ltr, plurals: [one, few, many, other] }',
        '  - { tag: ar, path: ar, nativeName: العربية, englishName: Arabic, script: Arab, dir: rtl, plurals: [zero, one, two, few, many, other] }',
        '  - { tag: mk, path: mk, nativeName: Македонски, englishName: Macedonian, script: Latn, dir: ltr, plurals: [one, other] }',
        '',
      ].join('\n'),
    );
    const issues = refusedIssues(dir);
    const found = issues.map((i) => `${i.file} ${i.field}: ${i.code} ${JSON.stringify(i.args)}`);
    expect(found).toContain('locales.yaml locales.5.tag: LocaleDeclaredTwice {"tag":"ro","other":2}');
    expect(found).toContain('locales.yaml locales.6.tag: LocaleTagInvalid {"tag":"hu_HU"}');
    expect(found).toContain('locales.yaml locales.7.tag: LocaleTagNotCanonical {"tag":"SQ","canonical":"sq"}');
    expect(found).toContain(
      'locales.yaml locales.8.plurals: LocalePluralsMismatch {"declared":["one","few","many","other"],"tag":"hr","plurals":["one","few","other"]}',
    );
    expect(found).toContain('locales.yaml locales.9.script: ScriptWithoutFonts {"tag":"ar","script":"Arab","scripts":["Latn","Cyrl","Grek"]}');
    expect(found).toContain('locales.yaml locales.10.script: LocaleScriptMismatch {"declared":"Latn","tag":"mk","script":"Cyrl","language":"mk"}');
    for (const issue of issues) expect(issue.fix, JSON.stringify(issue)).toBeTruthy();
    rmSync(dir, { recursive: true });
  });

  it('stops at a missing locales.yaml, since no other file can be judged without it', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'locales.yaml'));
    expect(refusedIssues(dir).map((i) => `${i.file}: ${i.code}`)).toEqual(['locales.yaml: LocalesFileMissing']);
    expect(locales.size).toBe(0);
    rmSync(dir, { recursive: true });
  });

  it('names the declared locales when content uses an undeclared one', () => {
    const dir = copyFixture();
    edit(dir, 'countries/md.yaml', 'languages: [ro, en]', 'languages: [ro, hu, en]');
    const issue = refusedIssues(dir).find((i) => i.field === 'languages.1');
    expect(issue).toMatchObject({ code: 'UnknownLocale', args: { tag: 'hu', known: ['en', 'el', 'ro', 'uk', 'sl'] } });
    rmSync(dir, { recursive: true });
  });
});
