import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, loadContent, localeUnits, releaseFacts, translationReport, unitSources } from '../src/index.ts';
import { copyFixture, edit, refusedIssues, validFixture } from './helpers.ts';

/** A fixture copy with an origin poster for Moldova (ro, en), printed on A4. */
function withPoster(roLines = 'translation: draft\n    headline: Verifică oferta.\n    body: Vorbește cu cineva.\n    cta: Sună și întreabă.') {
  const dir = copyFixture();
  mkdirSync(join(dir, 'posters'));
  writeFileSync(
    join(dir, 'posters/origin-check.yaml'),
    `# A test design.\nid: origin-check\nname: { en: Check first, ro: Verifică întâi }\naudience: origin\ntemplate: panel\npage: recruitment\nformats: [a4]\nlines:\n  en:\n    translation: source\n    headline: Check the offer.\n    body: Talk to someone.\n    cta: Call and ask.\n  ro:\n    ${roLines}\n`,
  );
  return dir;
}

describe('translation units', () => {
  it('has one unit per English text with a stable id, for every kind', () => {
    const ids = unitSources(loadContent(withPoster())).map((u) => u.id);
    for (const id of [
      'ui:site.menu',
      'page:home:title',
      'page:home:description',
      'page:home:descriptions.destination',
      'page:home:body',
      'poster:origin-check:name',
      'poster:origin-check:headline',
      'poster:origin-check:cta',
      'country:md:name',
      'helpline:md-0800-77777:purpose',
      'campaign:name',
      'campaign:tagline',
      'campaign:funding',
      'figure:children-share:label',
    ])
      expect(ids).toContain(id);
  });

  it('reads poster lines generically: a nested billboard block becomes units too', () => {
    const dir = withPoster();
    edit(dir, 'posters/origin-check.yaml', '    cta: Call and ask.\n', '    cta: Call and ask.\n    billboard: { headline: Check first., cta: Call. }\n');
    edit(dir, 'posters/origin-check.yaml', 'formats: [a4]', 'formats: [a4, billboard-504x238]');
    edit(
      dir,
      'posters/origin-check.yaml',
      '    cta: Sună și întreabă.',
      '    cta: Sună și întreabă.\n    billboard: { headline: Verifică întâi., cta: Sună. }',
    );
    const units = localeUnits(loadContent(dir), 'ro').filter((u) => u.poster);
    expect(units.map((u) => [u.id, u.place('ro').path.join('.')])).toContainEqual(['poster:origin-check:billboard.headline', 'lines.ro.billboard.headline']);
  });

  it('is missing, outdated, draft or reviewed: by the fingerprint recorded for it and its state', () => {
    const dir = withPoster();
    const content = loadContent(dir);
    const sources = new Map(unitSources(content).map((u) => [u.id, u]));
    mkdirSync(join(dir, 'translations'));
    writeFileSync(
      join(dir, 'translations/ro.yaml'),
      [
        'units:',
        `  "poster:origin-check:headline": { from: "${sources.get('poster:origin-check:headline')?.sourceHash}", state: reviewed, reviewer: Ana Pop }`,
        '  "poster:origin-check:cta": { from: "0123456789ab" }',
        `  "country:md:name": { from: "${fingerprint('Moldova')}" }`,
        '',
      ].join('\n'),
    );
    const units = new Map(localeUnits(loadContent(dir), 'ro').map((u) => [u.id, u]));
    expect(units.get('poster:origin-check:headline')).toMatchObject({ state: 'reviewed', reviewer: 'Ana Pop', recorded: true });
    expect(units.get('poster:origin-check:cta')).toMatchObject({ state: 'outdated', outdatedBecause: 'english-changed' });
    expect(units.get('poster:origin-check:body')).toMatchObject({ state: 'draft', recorded: false });
    expect(units.get('country:md:name')).toMatchObject({ state: 'draft', text: 'Republica Moldova', recorded: true });
    expect(units.get('helpline:md-0800-77777:purpose')).toMatchObject({ state: 'missing', needed: true });
    expect(units.get('page:recruitment:title')).toMatchObject({ state: 'missing' });
    const report = translationReport(loadContent(dir)).find((r) => r.locale === 'ro');
    expect(report?.counts.poster).toEqual({ missing: 0, outdated: 1, draft: 2, reviewed: 1 });
    rmSync(dir, { recursive: true });
  });

  it('a release refuses outdated or missing text on print files, naming unit and locale', () => {
    const dir = withPoster();
    mkdirSync(join(dir, 'translations'));
    writeFileSync(join(dir, 'translations/ro.yaml'), 'units:\n  "poster:origin-check:cta": { from: "0123456789ab", state: draft }\n');
    const facts = releaseFacts(loadContent(dir)).filter((f) => f.kind.startsWith('printed-text'));
    // The fixture has no Romanian helpline purpose, funding statement or helpline labels: English would be printed.
    expect(facts.map((f) => [f.kind, f.file, f.field, f.appearsOn.printFiles])).toEqual([
      ['printed-text-missing', 'content/ui/ro.yaml', 'strings.helplines.call', ['md/origin-check/ro/a4']],
      ['printed-text-missing', 'content/ui/ro.yaml', 'strings.helplines.free', ['md/origin-check/ro/a4']],
      ['printed-text-outdated', 'content/posters/origin-check.yaml', 'lines.ro.cta', ['md/origin-check/ro/a4']],
      ['printed-text-missing', 'content/countries/md.yaml', 'helplines.0.purpose.ro', ['md/origin-check/ro/a4']],
      ['printed-text-missing', 'content/campaign.yaml', 'funding.ro', ['md/origin-check/ro/a4']],
    ]);
    expect(facts.find((f) => f.kind === 'printed-text-outdated')).toMatchObject({
      code: 'PrintedTextOutdated',
      args: {
        unit: 'poster:origin-check:cta',
        locale: 'ro',
        language: 'Romanian',
        because: 'english-changed',
        where: 'poster design "origin-check" (origin countries), cta box',
      },
    });
    rmSync(dir, { recursive: true });
  });
});

describe('the loader checks every interface string and every locale’s script', () => {
  it('refuses a missing plural form, naming locale, key and form', () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'ui/ro.yaml'),
      'translation: draft\nstrings:\n  printers.zipInfo: "{files, plural, one {# fișier} other {# de fișiere}}, ZIP, {size}"\n',
    );
    const issue = refusedIssues(dir).find((i) => i.file === 'ui/ro.yaml');
    expect(issue).toMatchObject({
      file: 'ui/ro.yaml',
      line: 3,
      field: 'strings.printers.zipInfo',
      code: 'UiMessageInvalid',
      args: { locale: 'ro', form: 'few', problem: 'gives no "few" form for {files}: ro needs one, few, other', fix: expect.any(String) },
    });
    rmSync(dir, { recursive: true });
  });

  it('refuses a key missing in English and a broken or unknown placeholder', () => {
    const dir = copyFixture();
    edit(dir, 'ui/en.yaml', /^ {2}site\.menu: .*\n/m, '');
    expect(refusedIssues(dir).map((i) => `${i.file} ${i.field}: ${i.code}`)).toContain('ui/en.yaml strings.site.menu: FieldMissing');
    rmSync(dir, { recursive: true });
    const other = copyFixture();
    edit(other, 'ui/el.yaml', 'στα {language}', 'στα {languge}');
    edit(other, 'ui/el.yaml', 'exit.label: Έξοδος από τη σελίδα', 'exit.label: "Έξοδος {"');
    // The problems are @repo/i18n's (checkMessage), carried by UiMessageInvalid.
    expect(refusedIssues(other).map((i) => `${i.file} ${i.field}: ${i.code} ${i.args.problem}`)).toEqual([
      'ui/el.yaml strings.site.fallbackNotice: UiMessageInvalid uses {languge}, which the English message does not have',
      'ui/el.yaml strings.site.fallbackNotice: UiMessageInvalid leaves out {language}, which the English message has',
      'ui/el.yaml strings.exit.label: UiMessageInvalid is not a valid message (expect argument closing brace)',
    ]);
    rmSync(other, { recursive: true });
  });

  it('refuses letters of another script, and allows the words content/locales.yaml lists', () => {
    const dir = copyFixture();
    edit(dir, 'ui/el.yaml', 'exit.label: Έξοδος από τη σελίδα', 'exit.label: Έξοδος από τη σελίδα FIXTURE και Εxit');
    const issues = refusedIssues(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'ui/el.yaml',
      field: 'strings.exit.label',
      code: 'WrongScript',
      args: { unit: 'ui:exit.label', locale: 'el', words: ['Εxit'], script: 'Greek', language: 'Greek' },
    });
    expect(loadContent(validFixture).locales.allowedForeignWords).toContain('FIXTURE');
    rmSync(dir, { recursive: true });
  });
});
