import { describe, expect, it } from 'vitest';
import { foreignWords, transliterate } from '../src/index.ts';

const rule = 'serbian-cyrillic-to-latin' as const;

describe('Serbian Latin from Serbian Cyrillic', () => {
  it('writes each letter by the standard rule, љ, њ and џ as digraphs', () => {
    expect(transliterate('Љубав, њива, џеп, ђак, ћирилица, жена, чаша, шума', rule)).toBe('Ljubav, njiva, džep, đak, ćirilica, žena, čaša, šuma');
    expect(transliterate('ЉУБАВ И ЊИВА, ЏЕП', rule)).toBe('LJUBAV I NJIVA, DŽEP');
    expect(transliterate('Џ', rule)).toBe('Dž');
  });

  it('keeps Latin brand names, digits, markup and values as they are', () => {
    expect(transliterate('ASTRA SOS линија: <Call number="112" /> {files, plural, one {# датотека} other {# датотека}}', rule)).toBe(
      'ASTRA SOS linija: <Call number="112" /> {files, plural, one {# datoteka} other {# datoteka}}',
    );
  });
});

describe('letters of the wrong script', () => {
  const allowed = new Set(['VICTOR', 'PDF', 'The Smile of the Child']);
  it('finds a Latin letter inside a Cyrillic word, and a Cyrillic word in Latin text', () => {
    expect(foreignWords('Глaвная страница', 'Cyrl', allowed)).toEqual([{ word: 'Глaвная', letters: 'a' }]);
    expect(foreignWords('Srpski jezik и tekst', 'Latn', allowed)).toEqual([{ word: 'и', letters: 'и' }]);
  });

  it('allows listed words and names, codes with digits, and web addresses', () => {
    expect(foreignWords('Проект VICTOR, PDF/X, SHA256SUMS, The Smile of the Child, https://example.org/путь и info@example.org', 'Cyrl', allowed)).toEqual([
      { word: 'X', letters: 'X' },
    ]);
    expect(foreignWords('Проект Victor', 'Cyrl', allowed)).toEqual([{ word: 'Victor', letters: 'Victor' }]);
  });
});
