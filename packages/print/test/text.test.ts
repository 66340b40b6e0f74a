import { colours } from '@repo/design';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { renderPoster, satoriFonts, woffToSfnt } from '../src/index.ts';
import { detachText, paintText, textSentinelPrefix } from '../src/render/text.ts';
import type { El } from '../src/templates/h.ts';
import { fonts, job, measurer } from './helpers.ts';

/** One text block as textBlock() builds it: a column of line boxes. */
function block(text: string, size: number, height: number, weight: 400 | 700 | 800 = 800): El {
  return {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', paddingTop: 10.37, paddingLeft: 20.5, width: 2000, height: 400, fontFamily: fonts.familyChain },
      children: [
        {
          type: 'div',
          key: 'text:t',
          props: {
            style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
            children: [
              {
                type: 'div',
                key: 'line:t:0',
                props: {
                  style: {
                    display: 'flex',
                    fontSize: size,
                    fontWeight: weight,
                    color: '#1b1b1b',
                    lineHeight: 1,
                    height,
                    alignItems: 'center',
                    whiteSpace: 'pre',
                  },
                  children: text,
                },
              },
            ],
          },
        },
      ],
    },
  };
}

describe('text drawn as glyph outlines (render/text.ts)', () => {
  it('puts each line where satori’s own text layout would: same start, same baseline (satori rounds it to a unit)', async () => {
    for (const [text, size, height, weight] of [
      ['Hello VICTOR', 50, 55, 800],
      ['Șțăî Ђорђе Ηλίας', 37.3, 48.49, 400],
      ['0 800 77777', 100, 112, 700],
    ] as const) {
      const reference = await satori(block(text, size, height, weight) as never, { width: 2000, height: 400, fonts: satoriFonts(fonts), embedFont: false });
      const first = /<text x="([\d.]+)" y="([\d.]+)"/.exec(reference);
      const el = block(text, size, height, weight);
      const blocks = detachText(el, measurer);
      const boxes = await satori(el as never, { width: 2000, height: 400, fonts: [], pointScaleFactor: 100 });
      const ours = paintText(boxes, blocks, measurer);
      // The first glyph of each sample has no vertical offset: its matrix's translation is the pen position on the baseline.
      const placed = /<use href="#[\w-]+" transform="matrix\([\d.]+ 0 0 -[\d.]+ ([\d.]+) ([\d.]+)\)"/.exec(ours);
      expect(first && placed, text).toBeTruthy();
      expect(Math.abs(Number(placed?.[2]) - Number(first?.[2])), `${text}: baseline`).toBeLessThanOrEqual(1);
      // Both start at the pen position of the box's left edge (satori rounded to a whole unit).
      expect(Math.abs(Number(placed?.[1]) - Number(first?.[1])), `${text}: start`).toBeLessThanOrEqual(1);
    }
  });

  it('sizes the block to the measured lines and writes each glyph outline once', async () => {
    const el = block('Too good to be true? Too good.', 40, 44);
    const blocks = detachText(el, measurer);
    expect(blocks).toHaveLength(1);
    const [line] = blocks[0]?.lines ?? [];
    expect(line?.width).toBeCloseTo(measurer.width('Too good to be true? Too good.', 800, 40), 6);
    const svg = paintText(await satori(el as never, { width: 2000, height: 400, fonts: [], pointScaleFactor: 100 }), blocks, measurer);
    const defined = [...svg.matchAll(/<path id="([\w-]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    // "o" appears seven times and is defined once; spaces are not drawn at all.
    const uses = [...svg.matchAll(/<use href="#([\w-]+)"/g)].map((m) => m[1]);
    expect(uses).toHaveLength('Toogoodtobetrue?Toogood.'.length);
    expect(defined.length).toBeLessThan(uses.length);
    expect(svg).not.toMatch(/<text|fill="#fd/);
  });

  it('refuses text outside a text block, and no design token can be taken for a placeholder', () => {
    const stray: El = { type: 'div', props: { style: { display: 'flex' }, children: ['loose words'] } };
    expect(() => detachText(stray, measurer)).toThrow(/"loose words" outside a text block/);
    for (const [name, c] of Object.entries(colours)) expect(c.screen.toLowerCase().startsWith(textSentinelPrefix), name).toBe(false);
  });

  it('a rendered poster has no text elements, only outlines, and every line inside its box', async () => {
    const r = await renderPoster(job('bg/origin-parents/bg/a3'), { fonts, measurer });
    expect(r.fileType).toBe('pdf');
    expect(Object.keys(r.sizes)).toEqual(expect.arrayContaining(['headline', 'cta', 'funding']));
  });

  it('unwraps WOFF into the OpenType font it holds (fontkit then reads glyphs without inflating tables)', () => {
    const file = fonts.files[0];
    const sfnt = woffToSfnt(file?.data as Buffer);
    expect(sfnt.readUInt32BE(0)).toBe(file?.data.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(file?.data.readUInt16BE(12));
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow(/WOFF/);
  });
});
