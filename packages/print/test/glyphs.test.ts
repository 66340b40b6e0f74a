import { describe, expect, it } from 'vitest';
import { checkGlyphs, drawnStrings, GlyphError, preflight } from '../src/index.ts';
import { fonts, job, measurer } from './helpers.ts';

describe('glyph coverage', () => {
  it('covers Romanian comma accents, Cyrillic (incl. Serbian and Ukrainian letters) and Greek in every weight', () => {
    const text = 'ȘșȚț ĂăÂâÎî Ђђ Јј Љљ Њњ Ћћ Џџ Її Єє Ґґ Ёё ΆΈΉΊΌΎΏ άέήίόύώ ς „“ « » – — ·';
    for (const weight of [400, 700, 800] as const) expect(checkGlyphs(fonts, 'test', [{ label: 'sample', text, weight }])).toEqual([]);
  });

  it('a character no font has fails naming locale, string and character', () => {
    const errors = checkGlyphs(fonts, 'hy', [{ label: 'design "x" headline', text: 'Բարև, world', weight: 800 }]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(GlyphError);
    expect(errors[0]?.message).toMatch(/^locale hy, design "x" headline: no poster font has the character "Բ" \(U\+0532\) in "Բարև, world"/);
  });

  it('the preflight of a job reports a missing glyph in a poster line (and stops before copyfitting)', () => {
    const j = { ...job('md/youth/ru/a4'), lines: { headline: 'Проверь ☃ предложение', body: 'Текст', cta: 'Звони' } };
    const errors = preflight([j], fonts, measurer);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('locale ru, design "youth" headline: no poster font has the character "☃" (U+2603)');
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
