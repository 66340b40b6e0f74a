// The measurer composes every line from its words, each shaped once by HarfBuzz (src/measure.ts).
// That is exact only while no lookup of the poster fonts reads a space: these tests hold the fonts to
// it, compare lines composed so with the same lines shaped whole, and HarfBuzz's shaping with
// fontkit's (what measured and drew the text before), on the fixture's texts.
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cardDrawnStrings, drawnStrings, type FontWeight, fontSubsets, fontWeights, planCards, TextMeasurer } from '../src/index.ts';
import { fixtureContent, fixtureJobs, fonts } from './helpers.ts';

/** The lookups each script's default language system selects, per table: `feature:lookup.lookup,…`. */
function lookupsByScript(font: Font, table: 'GSUB' | 'GPOS'): Map<string, string> {
  type LangSys = { featureIndexes: number[] } | null;
  type Table = {
    scriptList: { tag: string; script: { defaultLangSys: LangSys } }[];
    featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  };
  const t = (font as unknown as Record<string, Table | undefined>)[table];
  const out = new Map<string, string>();
  for (const { tag, script } of t?.scriptList ?? []) {
    const features = script.defaultLangSys?.featureIndexes ?? [];
    out.set(
      tag,
      features
        .map((i) => t?.featureList[i])
        .map((f) => `${f?.tag}:${f?.feature.lookupListIndexes.join('.')}`)
        .join(','),
    );
  }
  return out;
}

/** Every string the fixture's posters and page cards draw, and a line of kerning pairs, quotes, dashes, scripts, numbers and an address. */
function fixtureStrings(): { text: string; weight: FontWeight }[] {
  return [
    ...fixtureJobs().flatMap(drawnStrings),
    ...planCards(fixtureContent()).flatMap(cardDrawnStrings),
    { text: 'AV To Wa, „Știu” — «Ту» ΑΥΤΟ Ωραία; Їжак 0 800 800 678 ro.victor-campaign.example (Tv) "Yo" fi\u00a0fl', weight: 800 },
  ];
}

describe('lines composed of words (src/measure.ts)', () => {
  it('no character of any poster font kerns against a space, on either side, and every space is as wide', () => {
    for (const weight of fontWeights) {
      (fonts.faces.get(weight) as Font[]).forEach((font, i) => {
        const space = font.layout(' ').advanceWidth;
        expect(space, `${fontSubsets[i]} ${weight}: space`).toBe(260);
        const kerned: string[] = [];
        for (const cp of font.characterSet) {
          const c = String.fromCodePoint(cp);
          if (c === ' ') continue;
          const alone = font.layout(c).advanceWidth;
          if (font.layout(` ${c}`).advanceWidth !== space + alone || font.layout(`${c} `).advanceWidth !== space + alone) kerned.push(c);
        }
        expect(kerned, `${fontSubsets[i]} ${weight}: characters kerned against a space`).toEqual([]);
      });
    }
  });

  it('every script selects the same lookups (no language is set), so a word shaped alone is shaped as in its line', () => {
    for (const weight of fontWeights) {
      (fonts.faces.get(weight) as Font[]).forEach((font, i) => {
        for (const table of ['GSUB', 'GPOS'] as const) {
          const byScript = lookupsByScript(font, table);
          // The Indic entries some subsets carry select other lookups; the posters set no Indic script.
          const used = [...byScript].filter(([tag]) => tag !== 'dev2' && tag !== 'deva');
          expect(new Set(used.map(([, lookups]) => lookups)).size, `${fontSubsets[i]} ${weight} ${table}: ${JSON.stringify(used)}`).toBeLessThanOrEqual(1);
        }
      });
    }
  });

  it('a text composed of its words is shaped exactly as the text shaped whole: same glyphs, same positions', () => {
    const m = new TextMeasurer(fonts);
    let compared = 0;
    // A zero-width space inside a word (a break opportunity) too: HarfBuzz kerns across it, as browsers do (fontkit did not).
    for (const { text, weight } of [...fixtureStrings(), { text: 'Two zero\u200bwidth words', weight: 800 as const }]) {
      const composed = m.shape(text, weight);
      const whole = m.shapeWhole(text, weight);
      expect(
        composed.glyphs.map((g) => g.id),
        text,
      ).toEqual(whole.glyphs.map((g) => g.id));
      composed.glyphs.forEach((g, i) => {
        expect(g.x, `${text}: glyph ${i}`).toBeCloseTo(whole.glyphs[i]?.x ?? Number.NaN, 9);
        expect(g.y, `${text}: glyph ${i}`).toBe(whole.glyphs[i]?.y);
      });
      expect(composed.advance, text).toBeCloseTo(whole.advance, 9);
      expect(m.unitWidth(text, weight), text).toBeCloseTo(whole.advance, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('HarfBuzz shapes each word as fontkit lays it out: same glyphs, same advances and offsets', () => {
    const m = new TextMeasurer(fonts);
    let words = 0;
    for (const { text, weight } of fixtureStrings()) {
      for (const word of new Set(text.split(' ').filter(Boolean))) {
        const shaped = m.shapeWhole(word, weight);
        // fontkit, run by run, as the measurer splits them (the first font of the chain that has each character).
        const chain = fonts.faces.get(weight) as Font[];
        const runs: { font: Font; index: number; text: string }[] = [];
        for (const char of word) {
          const index = Math.max(
            0,
            chain.findIndex((f) => f.hasGlyphForCodePoint(char.codePointAt(0) as number)),
          );
          const last = runs.at(-1);
          if (last?.index === index) last.text += char;
          else runs.push({ font: chain[index] as Font, index, text: char });
        }
        const expected: { id: string; x: number; y: number }[] = [];
        let pen = 0;
        for (const run of runs) {
          const laid = run.font.layout(run.text);
          const unit = 1 / run.font.unitsPerEm;
          laid.glyphs.forEach((g, i) => {
            const p = laid.positions[i];
            expected.push({ id: `g${weight}-${run.index}-${g.id}`, x: pen + (p?.xOffset ?? 0) * unit, y: (p?.yOffset ?? 0) * unit });
            pen += (p?.xAdvance ?? 0) * unit;
          });
        }
        expect(
          shaped.glyphs.map((g) => ({ id: g.id, x: g.x, y: g.y })),
          word,
        ).toEqual(expected);
        expect(shaped.advance, word).toBe(pen);
        words++;
      }
    }
    expect(words).toBeGreaterThan(200);
  });
});
