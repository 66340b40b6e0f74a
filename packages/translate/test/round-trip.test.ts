import { loadContent, localeUnits, planSite, translationReport } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { deriveLocale, exportLocale, ImportRefused, importXliff, readXliff, translationsHtml } from '../src/index.ts';
import { changeUnit, copy, edit, read, setTarget, treeHash } from './helpers.ts';

describe('XLIFF export', () => {
  it('writes the missing and outdated units of a locale, with ids, states, notes, inline codes and poster limits', () => {
    const dir = copy();
    edit(dir, 'ui/ro.yaml', /^ {2}helplines\.call: .*\n/m, '');
    edit(dir, 'translations/ro.yaml', /"poster:origin-youth:cta": \{ from: "[0-9a-f]+"/, '"poster:origin-youth:cta": { from: "0123456789ab"');
    const { xliff, units } = exportLocale(loadContent(dir), 'ro', {
      limits: new Map([['poster:origin-youth:cta', { chars: 90, note: 'about 90 characters fit' }]]),
    });
    expect(units).toBe(2);
    expect(xliff).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(xliff).toContain('<file original="content/ui/ro.yaml" source-language="en" target-language="ro" datatype="plaintext">');
    // extradata: the fingerprint of the target at export (a core XLIFF 1.2 attribute: the strict schema refuses attributes of other namespaces there).
    expect(xliff).toMatch(
      /<trans-unit id="ui:helplines.call" resname="strings.helplines.call" xml:space="preserve" extradata="exported-target:[0-9a-f]{12}">\s*<source>Call<\/source>\s*<note/,
    );
    expect(xliff).toMatch(
      /<trans-unit id="poster:origin-youth:cta" resname="lines.ro.cta" xml:space="preserve" maxwidth="90" size-unit="char" extradata="exported-target:[0-9a-f]{12}">\s*<source>Not sure about an offer\? Call and ask.<\/source>\s*<target state="needs-review-translation">Ai îndoieli/,
    );
    expect(xliff).toContain('Where: poster design "origin-youth" (origin countries), cta box. In ro: translated from an older English text');
    const all = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    // Values as inline codes, plural strings one unit per form of the language, page components as codes with their text.
    expect(all).toContain(
      '<source>This page is not yet available in <x id="1" ctype="x-icu-argument" equiv-text="{language}"/>. It is shown in English.</source>',
    );
    expect(all).toContain('<group id="ui:printers.zipInfo" resname="strings.printers.zipInfo" restype="x-icu-plural">');
    expect(all.match(/<trans-unit id="ui:printers.zipInfo:(one|few|other)"/g)).toHaveLength(3);
    expect(all).toContain('<ph id="1" ctype="x-mdx-component">&lt;ForCountry role="origin"&gt;</ph>');
    expect(readXliff(all).files.every((f) => f.targetLanguage === 'ro')).toBe(true);
  });

  it('writes XLIFF 2.0 as an option', () => {
    const { xliff } = exportLocale(loadContent(copy()), 'el', { all: true, version: '2.0' });
    expect(xliff).toContain('<xliff version="2.0" srcLang="en" trgLang="el" xmlns:ck="urn:campaign-kit:xliff" xmlns="urn:oasis:names:tc:xliff:document:2.0">');
    expect(xliff).toMatch(/<unit id="ui:site.fallbackNotice" name="strings.site.fallbackNotice" ck:exported-target="[0-9a-f]{12}">/);
    expect(xliff).toContain('<ph id="1" disp="{language}" equiv="{language}"/>');
    const read2 = readXliff(xliff);
    expect(read2.version).toBe('2.0');
    expect(read2.targetLanguage).toBe('el');
    expect(read2.files[0]?.units[0]?.exportedTarget).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('XLIFF import', () => {
  it('writes the targets into the content, keeping comments and layout: draft, or reviewed with the reviewer when signed off', async () => {
    const dir = copy();
    const uiBefore = read(dir, 'ui/ro.yaml');
    const posterBefore = read(dir, 'posters/origin-youth.yaml');
    let xliff = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    xliff = changeUnit(xliff, 'ui:site.menu', setTarget('Paginile site-ului'));
    for (const field of ['headline', 'body', 'cta', 'billboard.headline', 'billboard.cta'])
      xliff = changeUnit(xliff, `poster:origin-youth:${field}`, (u) =>
        u.replace('state="translated"', 'state="signed-off"').replace('</trans-unit>', '<note from="reviewer">Ana Pop</note></trans-unit>'),
      );
    xliff = changeUnit(xliff, 'helpline:md-0800-77777:purpose', setTarget('Linie fierbinte pentru migrație sigură și combaterea traficului de persoane'));
    const result = await importXliff(xliff, dir);
    expect(result).toMatchObject({ locale: 'ro', reviewed: 5 });
    expect(result.files).toEqual(['countries/md.yaml', 'posters/origin-youth.yaml', 'translations/ro.yaml', 'ui/ro.yaml']);

    // Only the changed line differs; the comments at the top are still there.
    const ui = read(dir, 'ui/ro.yaml');
    expect(ui.split('\n').filter((l, i) => l !== uiBefore.split('\n')[i])).toEqual(['  site.menu: Paginile site-ului']);
    const poster = read(dir, 'posters/origin-youth.yaml');
    expect(poster.startsWith(posterBefore.split('\n').slice(0, 2).join('\n'))).toBe(true);
    expect(poster).toMatch(/ {2}ro:\n {4}translation: reviewed\n/);
    expect(poster).toContain('    reviewedBy: Ana Pop\n');
    expect(poster.split('\n')).toHaveLength(posterBefore.split('\n').length + 1);
    expect(read(dir, 'countries/md.yaml')).toContain('ro: Linie fierbinte pentru migrație sigură și combaterea traficului de persoane');

    const units = new Map(localeUnits(loadContent(dir), 'ro').map((u) => [u.id, u]));
    expect(units.get('ui:site.menu')).toMatchObject({ state: 'draft', text: 'Paginile site-ului', recorded: true });
    expect(units.get('poster:origin-youth:billboard.cta')).toMatchObject({ state: 'reviewed', reviewer: 'Ana Pop' });
    expect(read(dir, 'translations/ro.yaml')).toContain('"poster:origin-youth:headline": { from: ');
  });

  it('writes a page body with its components as they were, and records the English it was made from', async () => {
    const dir = copy();
    let xliff = exportLocale(loadContent(dir), 'ru', { all: true }).xliff;
    xliff = changeUnit(xliff, 'page:home:body', (u) =>
      u.replace(/(<target[^>]*>)([\s\S]*?)(<\/target>)/, (_, a, body, c) => `${a}${body.replace('Детей и подростков', 'ДЕТЕЙ и подростков')}${c}`),
    );
    const before = read(dir, 'pages/ru/home.mdx');
    await importXliff(xliff, dir);
    const after = read(dir, 'pages/ru/home.mdx');
    expect(after).not.toBe(before);
    expect(after.replace('ДЕТЕЙ', 'Детей')).toBe(before);
    expect(after).toContain('<ForCountry role="origin">');
  });

  const refusals: [string, (xliff: string) => string, RegExp, RegExp][] = [
    ['malformed XML', (x) => x.replace('</source>', '</sorce>'), /^ro\.xlf$/, /malformed XML or not XLIFF: .*line \d+/],
    [
      'a target language that is not the file’s locale',
      (x) => x.replace('target-language="ro"', 'target-language="ru"'),
      /^ro\.xlf$/,
      /target-language="ru" on <file original="content\/ui\/ro.yaml"> \(line 3\), but the file was exported for Romanian \(ro\).*: set it to "ro"/,
    ],
    [
      'a target language that is no declared locale',
      (x) => x.replaceAll('target-language="ro"', 'target-language="ro-RO"'),
      /^ro\.xlf$/,
      /target-language="ro-RO" on every <file> \(\d+\), which is not the exact tag of Romanian \(ro\) that content\/locales.yaml declares: set it to "ro"/,
    ],
    ['an unknown unit id', (x) => x.replace('id="ui:site.menu"', 'id="ui:site.menus"'), /^ui:site.menus$/, /is not a unit of this content/],
    [
      'a placeholder missing',
      (x) => changeUnit(x, 'ui:site.fallbackNotice', setTarget('Această pagină nu este încă disponibilă. Este afișată în engleză.')),
      /^ui:site.fallbackNotice$/,
      /leaves out the placeholder \{language\}/,
    ],
    [
      'a placeholder added',
      (x) => changeUnit(x, 'ui:site.home', setTarget('Acasă <x id="7" equiv-text="{country}"/>')),
      /^ui:site.home$/,
      /adds <x id="7"\/>, which the source does not have/,
    ],
    [
      'a text over its poster box',
      (x) => changeUnit(x, 'poster:origin-youth:headline', setTarget('Prea frumos ca să fie adevărat? Verifică înainte să pleci. '.repeat(6))),
      /^poster:origin-youth:headline$/,
      /is over the limit of its box, measured by the print copyfitter, on \d+ print files? \(md\/origin-youth\/ro\/a4.*it needs \d+ lines, the box holds \d+/,
    ],
    [
      'letters of another script',
      (x) => changeUnit(x, 'ui:site.home', setTarget('Аcasă')),
      /^ui:site.home$/,
      /has letters that are not Latin .* "Аcasă" \(А\)/,
    ],
    [
      'a missing plural form',
      (x) => changeUnit(x, 'ui:printers.zipInfo:few', (u) => u.replace(/<target[^>]*>[\s\S]*?<\/target>/, '')),
      /^ui:printers.zipInfo:few$/,
      /plural form "few" is missing: Romanian needs one, few, other/,
    ],
    [
      'a unit signed off without a reviewer',
      (x) => changeUnit(x, 'ui:site.home', (u) => u.replace('state="translated"', 'state="final"')),
      /^ui:site.home$/,
      /is signed off without a reviewer/,
    ],
  ];

  it.each(refusals)('is refused whole, changing nothing, for %s', async (_, spoil, unit, message) => {
    const dir = copy();
    const xliff = spoil(exportLocale(loadContent(dir), 'ro', { all: true }).xliff);
    const before = treeHash(dir);
    const error = await importXliff(xliff, dir, { file: 'ro.xlf' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRefused);
    const problems = (error as ImportRefused).problems;
    expect(
      problems.some((p) => unit.test(p.unit) && message.test(p.message)),
      JSON.stringify(problems, null, 1),
    ).toBe(true);
    expect((error as Error).message).toMatch(/^Import of ro.xlf refused: \d+ problems?; nothing was changed:/);
    expect(treeHash(dir)).toBe(before);
  });

  it('reports every problem of a file at once', async () => {
    const dir = copy();
    let xliff = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    xliff = changeUnit(xliff, 'ui:site.home', setTarget('Аcasă'));
    xliff = changeUnit(xliff, 'ui:printers.zipInfo:few', (u) => u.replace(/<target[^>]*>[\s\S]*?<\/target>/, ''));
    xliff = changeUnit(xliff, 'poster:origin-youth:headline', setTarget('Prea frumos ca să fie adevărat? Verifică înainte să pleci. '.repeat(6)));
    const error = (await importXliff(xliff, dir).catch((e: unknown) => e)) as ImportRefused;
    expect(error.problems.map((p) => p.unit)).toEqual(expect.arrayContaining(['ui:site.home', 'ui:printers.zipInfo:few', 'poster:origin-youth:headline']));
  });
});

describe('Serbian Latin, derived from Serbian Cyrillic', () => {
  it('is written by rule, follows an import into Serbian Cyrillic, and keeps a reviewer’s override', async () => {
    const dir = copy();
    edit(dir, 'ui/sr-Cyrl.yaml', /^ {2}site\.menu: .*$/m, '  site.menu: Странице сајта');
    expect(localeUnits(loadContent(dir), 'sr-Latn').find((u) => u.id === 'ui:site.menu')).toMatchObject({ state: 'outdated', outdatedBecause: 'not-derived' });
    expect(deriveLocale(dir, 'sr-Latn').units).toBe(1);
    expect(read(dir, 'ui/sr-Latn.yaml')).toContain('  site.menu: "Stranice sajta"\n');

    // An import into Serbian Cyrillic derives the Latin text too.
    let cyrillic = exportLocale(loadContent(dir), 'sr-Cyrl', { all: true }).xliff;
    cyrillic = changeUnit(cyrillic, 'ui:site.home', setTarget('Почетна страница'));
    expect((await importXliff(cyrillic, dir)).derived).toBe(1);
    expect(read(dir, 'ui/sr-Latn.yaml')).toContain('  site.home: "Početna stranica"');

    // A reviewer may override a unit, signed off; derive keeps it. Unsigned, a different text is refused.
    let latin = exportLocale(loadContent(dir), 'sr-Latn', { all: true }).xliff;
    const unsigned = changeUnit(latin, 'ui:site.languages', setTarget('Izaberite jezik'));
    const refused = (await importXliff(unsigned, dir).catch((e: unknown) => e)) as ImportRefused;
    expect(refused.problems[0]?.message).toMatch(/^differs from what Serbian \(Latin\) is derived to from Serbian \(Cyrillic\)/);
    latin = changeUnit(latin, 'ui:site.languages', setTarget('Izaberite jezik', 'signed-off', '<note from="reviewer">Mila Petrović</note>'));
    await importXliff(latin, dir);
    expect(read(dir, 'translations/sr-Latn.yaml')).toMatch(
      /"ui:site.languages": \{ from: "[0-9a-f]{12}", state: reviewed, reviewer: Mila Petrović, over: "[0-9a-f]{12}" \}/,
    );
    expect(deriveLocale(dir, 'sr-Latn')).toMatchObject({ units: 0, overrides: 1 });
    const units = new Map(localeUnits(loadContent(dir), 'sr-Latn').map((u) => [u.id, u]));
    expect(units.get('ui:site.languages')).toMatchObject({ text: 'Izaberite jezik', state: 'reviewed', derived: false, reviewer: 'Mila Petrović' });
    expect(units.get('ui:site.home')).toMatchObject({ derived: true, state: 'draft' });
  });
});

describe('the status report', () => {
  it('gives every locale’s units by kind and state, as a page for the campaign team that loads nothing', () => {
    const content = loadContent(copy());
    const html = translationsHtml(content, translationReport(content));
    for (const tag of ['el', 'bg', 'ro', 'ru', 'uk', 'sr-Cyrl', 'sr-Latn', 'sl']) expect(html).toContain(`<section id="${tag}">`);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toMatch(/<(script|link|img)\b|https?:\/\//);
  });
});

describe('a page translated for the first time', () => {
  it('gets a slug in its own language: its title by slugify, so the page has its own address', async () => {
    const dir = copy();
    let xliff = exportLocale(loadContent(dir), 'hr').xliff;
    const keepSource = (unit: string) =>
      unit.replace(/<target[^>]*>[\s\S]*?<\/target>|(?=<note)/, `<target state="translated">${/<source>([\s\S]*?)<\/source>/.exec(unit)?.[1]}</target>`);
    xliff = changeUnit(xliff, 'page:about:title', setTarget('O kampanji'));
    xliff = changeUnit(xliff, 'page:about:description', setTarget('Tko vodi kampanju VICTOR, s kojim partnerima i tko je financira.'));
    xliff = changeUnit(xliff, 'page:about:body', keepSource);
    await importXliff(xliff, dir);
    const page = read(dir, 'pages/hr/about.mdx');
    expect(page).toMatch(/^slug: "o-kampanji"$/m);
    expect(page).toMatch(/^translation: draft$/m);
    const content = loadContent(dir);
    expect(planSite(content, 'hr').pages.find((p) => p.locale === 'hr' && p.id === 'about')?.path).toBe('/o-kampanji/');
    expect(planSite(content, 'ba').pages.find((p) => p.locale === 'hr' && p.id === 'about')?.path).toBe('/hr/o-kampanji/');
  });
});
