// What an import records and reports when the file is older than the content, when a page is signed
// off in part, when a language attribute is wrong, when targets are empty and when a link is broken;
// and what an export with nothing to translate does. Each on a private copy of the content.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fingerprint, loadContent, localeUnits, translationReport } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { exportLocale, ImportRefused, importXliff } from '../src/index.ts';
import { changeUnit, copy, edit, read, setTarget, treeHash } from './helpers.ts';

const unitsOf = (dir: string, locale: string) => new Map(localeUnits(loadContent(dir), locale).map((u) => [u.id, u]));
const refusal = async (xliff: string, dir: string, file = 'ro.xlf') => {
  const error = await importXliff(xliff, dir, { file }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  return error as ImportRefused;
};
const signOff = (reviewer: string) => (unit: string) =>
  unit.replace(/state="translated"/, 'state="final"').replace('</trans-unit>', `<note from="reviewer">${reviewer}</note></trans-unit>`);

describe('a file exported before the English changed', () => {
  it('records the English of its <source>, so the unit stays outdated, and says so per unit', async () => {
    const dir = copy();
    const old = exportLocale(loadContent(dir), 'ru', { all: true }).xliff;
    edit(dir, 'ui/en.yaml', /^ {2}site\.home: Home$/m, '  site.home: Home page');
    edit(dir, 'pages/en/about.mdx', /^title: About the campaign$/m, 'title: About this campaign');
    expect(unitsOf(dir, 'ru').get('ui:site.home')?.state).toBe('outdated');

    const result = await importXliff(old, dir);
    const units = unitsOf(dir, 'ru');
    expect(units.get('ui:site.home')?.state).toBe('outdated');
    expect(read(dir, 'translations/ru.yaml')).toContain(`"ui:site.home": { from: "${fingerprint('Home')}", state: draft }`);
    // A page records one English version for all its units: the whole page stays outdated.
    expect(units.get('page:about:title')?.state).toBe('outdated');
    expect(units.get('page:about:body')?.state).toBe('outdated');
    expect(units.get('ui:site.menu')?.state).toBe('draft');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { unit: 'ui:site.home', message: expect.stringMatching(/^was translated from an older English text \("Home"; today: "Home page"\).*stays outdated/) },
        { unit: 'page:about:title', message: expect.stringMatching(/"About the campaign"; today: "About this campaign"/) },
      ]),
    );
    // Outdated: exactly the texts whose English changed, as the status report shows them.
    const outdated = translationReport(loadContent(dir))
      .find((r) => r.locale === 'ru')
      ?.units.filter((u) => u.state === 'outdated')
      .map((u) => u.id);
    expect(outdated?.sort()).toEqual(
      [...units.values()]
        .filter((u) => u.id === 'ui:site.home' || (u.page === 'about' && u.text !== undefined))
        .map((u) => u.id)
        .sort(),
    );
  });
});

describe('a page whose English changed', () => {
  it('is current again only when every unit of it is translated from today’s English', async () => {
    const dir = copy();
    edit(dir, 'pages/en/about.mdx', /^title: About the campaign$/m, 'title: About this campaign');
    const xliff = exportLocale(loadContent(dir), 'ru').xliff;
    const confirm = (x: string, id: string) => changeUnit(x, id, (u) => u.replace('state="needs-review-translation"', 'state="translated"'));
    const title = await importXliff(confirm(xliff, 'page:about:title'), dir);
    expect(unitsOf(dir, 'ru').get('page:about:title')?.state).toBe('outdated');
    expect(title.notes).toEqual([
      {
        unit: 'page:about',
        message: expect.stringMatching(
          /^stays outdated: page:about:title is translated from today's English, but page:about:description and page:about:body were made/,
        ),
      },
    ]);
    const needed = [...unitsOf(dir, 'ru').values()].filter((u) => u.page === 'about' && u.needed).map((u) => u.id);
    await importXliff(
      needed.reduce((x, id) => confirm(x, id), xliff),
      dir,
    );
    expect([...unitsOf(dir, 'ru').values()].filter((u) => u.page === 'about').map((u) => u.state)).toEqual(needed.map(() => 'draft'));
  });
});

describe('a file exported before the unit changed in content/', () => {
  const newerReview = async (version: '1.2' | '2.0') => {
    const dir = copy();
    const old = exportLocale(loadContent(dir), 'ro', { all: true, version }).xliff;
    const reviewed =
      version === '1.2'
        ? changeUnit(old, 'ui:site.home', (u) => signOff('Maria Ionescu')(setTarget('Pagina principală')(u)))
        : changeUnit(old, 'ui:site.home', (u) =>
            u
              .replace(/<target([^>]*)>[^<]*<\/target>/, '<target$1>Pagina principală</target>')
              .replace('state="translated"', 'state="final"')
              .replace('<notes>', '<notes><note category="reviewer">Maria Ionescu</note>'),
          );
    await importXliff(reviewed, dir);
    return { dir, old };
  };
  const reviewedByMaria = (dir: string) => {
    expect(read(dir, 'ui/ro.yaml')).toContain('  site.home: Pagina principală\n');
    expect(unitsOf(dir, 'ro').get('ui:site.home')).toMatchObject({ state: 'reviewed', reviewer: 'Maria Ionescu' });
  };

  it.each(['1.2', '2.0'] as const)('leaves a unit the file does not change as content/ has it, and names it (XLIFF %s)', async (version) => {
    const { dir, old } = await newerReview(version);
    const result = await importXliff(old, dir);
    reviewedByMaria(dir);
    expect(result.left).toContainEqual({
      unit: 'ui:site.home',
      message: 'changed in content/ since this file was exported (now "Pagina principală", reviewed by Maria Ionescu); the file has no change to it',
    });
    expect(result.skipped).toBe(result.left.length);
  });

  it('refuses a unit the file changes too, naming it and the fix', async () => {
    const { dir, old } = await newerReview('1.2');
    const before = treeHash(dir);
    const error = await refusal(changeUnit(old, 'ui:site.home', setTarget('Prima pagină')), dir);
    expect(error.problems).toEqual([
      {
        unit: 'ui:site.home',
        message: expect.stringMatching(
          /^changed in content\/ since this file was exported \(now "Pagina principală", reviewed by Maria Ionescu\), and this file changes it too \("Prima pagină"\)\. Export ro again/,
        ),
      },
    ]);
    expect(treeHash(dir)).toBe(before);
  });

  it('without the record of the export (an older file, or a tool that dropped it), does not put a draft over a review', async () => {
    const { dir, old } = await newerReview('1.2');
    const error = await refusal(old.replace(/ extradata="[^"]*"/g, ''), dir);
    expect(error.problems).toEqual([{ unit: 'ui:site.home', message: expect.stringMatching(/^is reviewed in content\/ .* unsigned draft \("Acasă"\)/) }]);
    reviewedByMaria(dir);
  });
});

describe('a page signed off in part', () => {
  it('stays a draft, counted as one, and the import names the units still to sign off', async () => {
    const dir = copy();
    const xliff = changeUnit(exportLocale(loadContent(dir), 'ro', { all: true }).xliff, 'page:home:body', signOff('Maria Ionescu'));
    const result = await importXliff(xliff, dir);
    expect(result.reviewed).toBe(0);
    expect(result.notes).toContainEqual({
      unit: 'page:home',
      message: expect.stringMatching(
        /^page:home:body is signed off, but a page is reviewed as a whole: it stays a draft until page:home:title and page:home:description are signed off too\./,
      ),
    });
    expect(read(dir, 'pages/ro/home.mdx')).toMatch(/^translation: draft$/m);
    const status = translationReport(loadContent(dir)).find((r) => r.locale === 'ro');
    expect(status?.units.filter((u) => u.state === 'reviewed')).toHaveLength(result.reviewed);

    // Every unit of the page signed off: the page is reviewed, and so counted.
    let all = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    const pageUnits = [...unitsOf(dir, 'ro').values()].filter((u) => u.page === 'home' && u.needed);
    for (const u of pageUnits) all = changeUnit(all, u.id, signOff('Maria Ionescu'));
    const whole = await importXliff(all, dir);
    expect(whole.reviewed).toBe(pageUnits.length);
    expect(whole.notes).toEqual([]);
    expect(read(dir, 'pages/ro/home.mdx')).toMatch(/^translation: reviewed$/m);
    expect(read(dir, 'pages/ro/home.mdx')).toMatch(/^reviewedBy: Maria Ionescu$/m);
    expect(unitsOf(dir, 'ro').get('page:home:title')).toMatchObject({ state: 'reviewed', reviewer: 'Maria Ionescu' });
  });
});

describe('a wrong language attribute', () => {
  it('is one problem where it is written, and every other problem of the file is reported in the same run', async () => {
    const dir = copy();
    let xliff = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    xliff = xliff.replace('target-language="ro"', 'target-language="ro-RO"');
    xliff = xliff.replace('<trans-unit id="ui:site.languages"', '<trans-unit id="ui:site.language"');
    xliff = changeUnit(xliff, 'ui:site.fallbackNotice', setTarget('Această pagină nu este încă disponibilă. Este afișată în engleză.'));
    xliff = changeUnit(xliff, 'ui:site.home', setTarget('Acasă <x id="7" equiv-text="{country}"/>'));
    xliff = changeUnit(xliff, 'page:home:body', (u) =>
      u.replace(/(<target[^>]*>)([\s\S]*?)(<\/target>)/, (_, open: string, body: string, close: string) => {
        const figure = /<ph id="\d+" ctype="x-mdx-component">&lt;Figure [^<]*<\/ph>/.exec(body)?.[0];
        if (!figure) throw new Error('no Figure in the home page');
        return `${open}${body.replace(figure, '').replace('Totul aici', 'Totul [aici](/ro/nu-exista/)')}${close}`;
      }),
    );
    const before = treeHash(dir);
    const { problems } = await refusal(xliff, dir);
    expect(problems.filter((p) => /target-language|several/.test(p.message))).toEqual([
      {
        unit: 'ro.xlf',
        message:
          'target-language="ro-RO" on <file original="content/ui/ro.yaml"> (line 3), which is not the exact tag of Romanian (ro) that content/locales.yaml declares: set it to "ro"',
      },
    ]);
    const byUnit = (unit: string) => problems.filter((p) => p.unit === unit).map((p) => p.message);
    expect(byUnit('ui:site.language')).toEqual([expect.stringMatching(/is not a unit of this content/)]);
    expect(byUnit('ui:site.fallbackNotice')).toEqual([expect.stringMatching(/leaves out the placeholder \{language\}/)]);
    expect(byUnit('ui:site.home')).toEqual([expect.stringMatching(/adds <x id="7"\/>/)]);
    expect(byUnit('page:home:body')).toEqual([
      expect.stringMatching(/leaves out the placeholder <Figure id=/),
      expect.stringMatching(/links to \/ro\/nu-exista\//),
    ]);
    expect(problems).toHaveLength(6);
    expect(treeHash(dir)).toBe(before);
  });

  it('XLIFF 2.0: trgLang is one attribute, one problem', async () => {
    const dir = copy();
    const xliff = exportLocale(loadContent(dir), 'ro', { all: true, version: '2.0' }).xliff.replace('trgLang="ro"', 'trgLang="bg"');
    const { problems } = await refusal(xliff, dir, 'ro2.xlf');
    expect(problems).toEqual([
      {
        unit: 'ro2.xlf',
        message: expect.stringMatching(
          /^trgLang="bg" on <xliff> \(line 2\), but the file was exported for Romanian \(ro\) \(its units go to content\/ui\/ro.yaml, .*\): set it to "ro" \(if the texts are in Bulgarian \(bg\), export bg/,
        ),
      },
    ]);
  });
});

describe('a unit twice in one file', () => {
  it('is refused, naming it, and nothing is written', async () => {
    const dir = copy();
    const before = treeHash(dir);
    const xliff = changeUnit(
      exportLocale(loadContent(dir), 'ro', { all: true }).xliff,
      'ui:site.home',
      (unit) => `${unit}\n${setTarget('Pagina principală')(unit)}`,
    );
    const error = await refusal(xliff, dir);
    expect(error.problems).toContainEqual({ unit: 'ui:site.home', message: expect.stringMatching(/^appears 2 times in the file: keep one of them/) });
    expect(treeHash(dir)).toBe(before);
  });
});

describe('empty targets', () => {
  it('are left as they were, each named with the reason', async () => {
    const dir = copy();
    let xliff = exportLocale(loadContent(dir), 'ro', { all: true }).xliff;
    xliff = changeUnit(xliff, 'ui:site.home', setTarget(''));
    xliff = changeUnit(xliff, 'ui:site.menu', setTarget('  \n '));
    xliff = changeUnit(xliff, 'ui:site.languages', (u) => u.replace(/<target[^>]*>[\s\S]*?<\/target>/, '<target state="translated"/>'));
    xliff = changeUnit(xliff, 'campaign:name', (u) => signOff('Ana Pop')(setTarget('')(u)));
    const ui = read(dir, 'ui/ro.yaml');
    const result = await importXliff(xliff, dir);
    expect(result.left).toEqual([
      { unit: 'ui:site.menu', message: 'its target is empty' },
      { unit: 'ui:site.home', message: 'its target is empty' },
      { unit: 'ui:site.languages', message: 'its target is empty' },
      { unit: 'campaign:name', message: 'its target is empty (though marked final)' },
    ]);
    expect(result.skipped).toBe(4);
    expect(read(dir, 'ui/ro.yaml')).toBe(ui);
  });
});

describe('a broken link in a page', () => {
  it('names the unit and the content file, and suggests only addresses in the page’s own language', async () => {
    const dir = copy();
    const xliff = changeUnit(exportLocale(loadContent(dir), 'ro', { all: true }).xliff, 'page:home:body', (u) =>
      u.replace(/(<target[^>]*>[\s\S]*?)Totul aici/, '$1Totul [aici](/ro/nu-exista/)'),
    );
    const { problems } = await refusal(xliff, dir);
    expect(problems).toEqual([{ unit: 'page:home:body', message: expect.stringMatching(/^content\/pages\/ro\/home.mdx:\d+: links to \/ro\/nu-exista\//) }]);
    const fix = /\(fix: (.*)\)$/.exec(problems[0]?.message ?? '')?.[1] ?? '';
    const suggested = fix.match(/\/[a-z0-9/-]*/g) ?? [];
    expect(suggested.length).toBeGreaterThan(0);
    // Romanian is the default language of both sites showing the page: its addresses have no language prefix.
    for (const address of suggested) expect(address).not.toMatch(/^\/(ru|en)\//);
  });
});

describe('the command line', () => {
  const run = (args: string[], contentDir: string, cwd: string) =>
    spawnSync(process.execPath, [resolve(import.meta.dirname, '../../../scripts/translations.ts'), ...args], {
      cwd,
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

  it('writes no XLIFF file when nothing is to translate, and names the file of a malformed import', () => {
    const dir = copy();
    const out = mkdtempSync(join(tmpdir(), 'translate-out-'));
    const exported = run(['export', 'ro'], dir, out);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^Nothing to translate: no unit of Romanian \(ro\) is missing or outdated, so no file was written/);
    expect(existsSync(join(out, 'ro.xlf'))).toBe(false);

    writeFileSync(join(out, 'broken.xlf'), exportLocale(loadContent(dir), 'ro', { all: true }).xliff.replace('</source>', '</sorce>'));
    const imported = run(['import', 'broken.xlf'], dir, out);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(
      /^Import of broken.xlf refused: 1 problem; nothing was changed:\n {2}broken.xlf: malformed XML or not XLIFF: .*\(line \d+, column \d+\)/,
    );
  });
});
