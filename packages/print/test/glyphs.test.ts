import { describe, expect, it } from 'vitest';
import { checkGlyphs, drawnStrings, GlyphError, preflight } from '../src/index.ts';
import { fonts, job, measurer } from './helpers.ts';

describe('glyph coverage', () => {
  it('covers Romanian comma accents, Cyrillic (incl. Serbian and Ukrainian letters) and Greek in every weight', () => {
    const text = 'ȘșȚț ĂăÂâÎî Ђђ Јј Љљ Њњ Ћћ Џџ Її Єє Ґґ Ёё ΆΈΉΊΌΎΏ άέήίόύώ ς „“ « » – — ·';
    for (const weight of [400, 700, 800] as const) expect(checkGlyphs(fonts, 'test', [{ label: 'sample', text, weight }])).toEqual([]);
  });

  it('a character no font has fails naming locale, string and character', () => {
    const source = { file: 'content/posters/x.yaml', field: 'lines.hy.headline' };
    const errors = checkGlyphs(fonts, 'hy', [{ label: 'design "x" headline', text: 'Բարև, world', weight: 800, source }]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(GlyphError);
    expect(errors[0]).toMatchObject({
      code: 'GlyphMissing',
      locale: 'hy',
      char: 'Բ',
      source,
      args: { char: 'Բ', text: 'Բարև, world', label: 'design "x" headline' },
    });
  });

  it('the preflight reports a missing glyph in a poster line once, naming the design file, field, locale and formats (and stops before copyfitting)', () => {
    const lines = { headline: 'Проверь ☃ предложение', body: 'Текст', cta: 'Звони' };
    const errors = preflight(
      [
        { ...job('md/youth/ru/a4'), lines },
        { ...job('md/youth/ru/a3'), lines },
      ],
      fonts,
      measurer,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'GlyphMissing',
      char: '☃',
      locale: 'ru',
      source: { file: 'content/posters/youth.yaml', field: 'lines.ru.headline' },
    });
    expect(errors[0]?.message).toMatch(/^content\/posters\/youth\.yaml field "lines\.ru\.headline" \(locale ru, formats a4, a3 \(md\)\): /);
  });

  it('checks every string a poster draws: lines, labels, helplines, funding, address, proof mark', () => {
    const labels = drawnStrings(job('gr/demand/el/a4')).map((s) => s.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'design "demand" headline',
        'design "demand" body',
        'design "demand" call to action',
        'design "demand" image.credit',
        'interface string helplines.call',
        'campaign funding statement',
        'site address',
        'proof mark',
        'helpline gr-1109 purpose',
        'helpline gr-112 number',
      ]),
    );
  });
});
