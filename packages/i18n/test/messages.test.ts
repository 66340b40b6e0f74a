import { beforeAll, describe, expect, it } from 'vitest';
import { checkMessage, createTranslator, type LocaleInfo, type UiKey, useLocales } from '../src/index.ts';

const locale = (tag: string, plurals: Intl.LDMLPluralRule[]): LocaleInfo => ({
  tag,
  path: tag.toLowerCase(),
  nativeName: tag,
  englishName: tag,
  script: 'Latn',
  dir: 'ltr',
  plurals,
});

beforeAll(() => {
  useLocales([
    locale('en', ['one', 'other']),
    locale('sl', ['one', 'two', 'few', 'other']),
    locale('ru', ['one', 'few', 'many', 'other']),
    locale('ro', ['one', 'few', 'other']),
  ]);
});

const files = '{files, plural, one {# file} other {# files}}, ZIP, {size}';

describe('interface strings as ICU messages', () => {
  it('accepts a message with every plural form of its language', () => {
    expect(checkMessage(files, 'en')).toEqual([]);
    expect(checkMessage('{files, plural, one {# datoteka} two {# datoteki} few {# datoteke} other {# datotek}}, ZIP, {size}', 'sl', files)).toEqual([]);
  });

  it('names each missing plural form, and forms the language does not have', () => {
    const problems = checkMessage('{files, plural, one {# datoteka} other {# datotek}}, ZIP, {size}', 'sl', files);
    expect(problems.map((p) => p.form)).toEqual(['two', 'few']);
    expect(problems[0]?.message).toBe('gives no "two" form for {files}: sl needs one, two, few, other');
    expect(checkMessage('{files, plural, one {# file} few {# files} other {# files}}', 'en').map((p) => p.form)).toEqual(['few']);
    // An exact value is always allowed.
    expect(checkMessage('{files, plural, =0 {no file} one {# file} other {# files}}, ZIP, {size}', 'en', files)).toEqual([]);
  });

  it('refuses a broken message, and values the English does not have or that the translation leaves out', () => {
    expect(checkMessage('Скачать {country', 'ru')[0]?.message).toMatch(/^is not a valid message/);
    expect(checkMessage('Descarcă {contry}', 'ro', 'Download all for {country}').map((p) => p.message)).toEqual([
      'uses {contry}, which the English message does not have',
      'leaves out {country}, which the English message has',
    ]);
  });

  it('formats plural forms and numbers through Intl in the reader’s language, and falls back to English key by key', () => {
    const english = { 'printers.zipInfo': files, 'site.home': 'Home' } as Record<UiKey, string>;
    const t = createTranslator(
      { 'printers.zipInfo': '{files, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}, ZIP, {size}' },
      english,
      'ru',
    );
    expect([1, 3, 5, 21, 1234].map((n) => t('printers.zipInfo', { files: n, size: '5 MB' }))).toEqual([
      '1 файл, ZIP, 5 MB',
      '3 файла, ZIP, 5 MB',
      '5 файлов, ZIP, 5 MB',
      '21 файл, ZIP, 5 MB',
      `${new Intl.NumberFormat('ru').format(1234)} файла, ZIP, 5 MB`,
    ]);
    expect(t('site.home')).toBe('Home');
    expect(() => t('printers.zipInfo', { size: '5 MB' })).toThrow(/Interface string "printers.zipInfo" \(ru\) could not be formatted/);
    // < and > are text, not rich-text tags.
    expect(createTranslator({ 'site.home': 'a <b> c' }, english, 'en')('site.home')).toBe('a <b> c');
  });
});
