// Interface strings a locale lacks: the site shows them in English, with no notice. Not a content
// error (a translated UI file may hold any subset of the keys, and a release build refuses only the
// ones print files show), so `npm run check:content` prints a warning per locale (ui-coverage.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uiStringKeys } from '@repo/i18n';
import { describe, expect, it } from 'vitest';
import { loadContent, missingUiStrings } from '../src/index.ts';
import { coded, scratchFixture, validFixture, write, writeRoadPoster } from './helpers.ts';

const allKeys = Object.keys(uiStringKeys);

describe('interface strings shown in English', () => {
  it('warns per locale with the keys, the sites that show them in English and the file to fix', () => {
    // The fixture's Greek strings are three; Romanian has none; Moldova speaks Romanian.
    const warnings = missingUiStrings(loadContent(validFixture));
    const greek = ['site.fallbackNotice', 'site.draftNotice', 'exit.label'];
    expect(warnings.map(coded)).toEqual([
      {
        file: 'ui/el.yaml',
        line: 3,
        field: 'strings',
        code: 'UiStringsMissing',
        args: { locale: 'el', language: 'Greek', keys: allKeys.filter((k) => !greek.includes(k)), sites: ['gr'], printed: [] },
      },
      {
        file: 'ui/ro.yaml',
        field: 'strings',
        code: 'UiStringsMissing',
        args: { locale: 'ro', language: 'Romanian', keys: allKeys, sites: ['md'], printed: [] },
      },
    ]);
    expect(warnings[0]?.fix).toBe(
      'translate them in content/ui/el.yaml, or with npm run translations -- export el, then import the translated file (npm run translations shows what is missing)',
    );
  });

  it('says which of them a release build refuses: those the print files show', () => {
    const dir = scratchFixture();
    writeRoadPoster(dir, { en: 'Call and report it.', el: 'Καλέστε.' });
    const greek = missingUiStrings(loadContent(dir)).find((w) => w.args.locale === 'el');
    expect(greek?.args.printed).toEqual(['helplines.call', 'helplines.free']);
    expect(greek?.message).toContain('a release build refuses to print helplines.call, helplines.free in English');
  });

  it('says nothing of a locale that has every string', () => {
    const dir = scratchFixture();
    // Romanian is written in Latin letters, so the English words pass as Romanian here.
    const english = readFileSync(join(validFixture, 'ui/en.yaml'), 'utf8');
    write(dir, 'ui/ro.yaml', english.replace('translation: source', 'translation: draft').replace('one {# file} other', 'one {# file} few {# files} other'));
    expect(missingUiStrings(loadContent(dir)).map((w) => w.args.locale)).toEqual(['el']);
  });

  it('is printed by npm run check:content as a warning that does not fail it', () => {
    const script = resolve(import.meta.dirname, '../../../scripts/check-content.ts');
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, CONTENT_DIR: validFixture }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Content is valid:/);
    expect(run.stderr).toMatch(
      /^2 warnings: interface strings missing in 2 languages, shown in English on that language's pages:\n {2}content\/ui\/el\.yaml:3 \[UiStringsMissing\]/,
    );
  });
});
