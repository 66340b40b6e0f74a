import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { displayList, placements, renderPoster, satoriFonts, woffToSfnt } from '../src/index.ts';
import { satoriBoxes } from '../src/render/layout.ts';
import { detachText, lineRun } from '../src/render/text.ts';
import type { El } from '../src/templates/h.ts';
import { fonts, job, measurer } from './helpers.ts';

/** One text block as textBox() builds it: a column of line boxes, inside a padded page. */
function page(text: string, size: number, height: number, weight: 400 | 700 | 800 = 800): { el: El; block: El } {
  const block: El = {
    type: 'div',
    key: 'text:headline',
    props: {
      text: { box: 'headline', maxWidth: 2000 },
      style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
      children: [
        {
          type: 'div',
          key: 'line:headline:0',
          props: {
            style: { display: 'flex', fontSize: size, fontWeight: weight, color: '#1b1b1b', lineHeight: 1, height, alignItems: 'center', whiteSpace: 'pre' },
            children: text,
          },
        },
      ],
    },
  };
  const el: El = {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', paddingTop: 10.37, paddingLeft: 20.5, width: 2000, height: 400, fontFamily: fonts.familyChain },
      children: [block],
    },
  };
  return { el, block };
}

const canvas = { canvasW: 2000, canvasH: 400 } as Parameters<typeof satoriBoxes>[1];

describe('text drawn as glyph runs (render/text.ts)', () => {
  it('puts each line where satori’s own text layout would: same start, same baseline (satori rounds it to a unit)', async () => {
    for (const [text, size, height, weight] of [
      ['Hello VICTOR', 50, 55, 800],
      ['Șțăî Ђорђе Ηλίας', 37.3, 48.49, 400],
      ['0 800 77777', 100, 112, 700],
    ] as const) {
      const reference = await satori(page(text, size, height, weight).el as never, { width: 2000, height: 400, fonts: satoriFonts(fonts), embedFont: false });
      const first = /<text x="([\d.]+)" y="([\d.]+)"/.exec(reference);
      const { el, block } = page(text, size, height, weight);
      const lines = detachText(el, measurer).get(block) ?? [];
      const boxes = await satoriBoxes(el, canvas);
      const laid = boxes.find((b) => b.key === 'text:headline');
      if (!first || !laid || !lines[0]) throw new Error(`${text}: nothing laid out`);
      // The first glyph of each sample has no vertical offset: its placement is the pen position on the baseline.
      const [placed] = placements(lineRun(measurer, lines[0], laid.left, laid.top + lines[0].top, 'headline'));
      expect(Math.abs(Number(placed?.y) - Number(first[2])), `${text}: baseline`).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(placed?.x) - Number(first[1])), `${text}: start`).toBeLessThanOrEqual(1);
    }
  });

  it('hands satori each block as an empty box the measured size of its lines', () => {
    const { el, block } = page('Too good to be true? Too good.', 40, 44);
    const lines = detachText(el, measurer).get(block);
    expect(lines?.[0]?.width).toBeCloseTo(measurer.width('Too good to be true? Too good.', 800, 40), 6);
    expect(block.props.children).toEqual([]);
    expect(block.props.style).toMatchObject({ width: lines?.[0]?.width, height: 44 });
  });

  it('refuses text outside a text block', () => {
    const stray: El = { type: 'div', props: { style: { display: 'flex' }, children: ['loose words'] } };
    expect(() => detachText(stray, measurer)).toThrow(/"loose words" outside a text block/);
  });

  it('a rendered poster draws every line as a glyph run of a named text box, none wider than its box', async () => {
    const { list, sizes } = await displayList(job('md/youth/ru/a3'), measurer);
    const runs = list.items.filter((i) => i.type === 'glyphs');
    expect(new Set(runs.map((r) => r.box))).toEqual(
      new Set(['mark', 'headline', 'body', 'cta', 'helpline-label', 'helpline-number', 'helpline-note', 'url', 'funding', 'proof']),
    );
    expect(Object.keys(sizes).sort()).toEqual([...new Set(runs.map((r) => r.box))].sort());
    const r = await renderPoster(job('md/youth/ru/a3'), { fonts, measurer });
    expect(r.fileType).toBe('pdf');
  });

  it('unwraps WOFF into the OpenType font it holds (fontkit then reads glyphs without inflating tables)', () => {
    const file = fonts.files[0];
    const sfnt = woffToSfnt(file?.data as Buffer);
    expect(sfnt.readUInt32BE(0)).toBe(file?.data.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(file?.data.readUInt16BE(12));
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow(/WOFF/);
  });
});
