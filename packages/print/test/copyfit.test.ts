import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { CopyfitError, copyfitFix, type FontWeight, fitText, layoutJob, preflight, renderPoster, satoriFonts, TextMeasurer, textBoxes } from '../src/index.ts';
import { fixtureJobs, fonts, job, measurer } from './helpers.ts';

describe('copyfitting by measurement', () => {
  it('measures text as satori lays it out (within a point at 100 pt), in every script', async () => {
    for (const text of [
      'AVATAR Tomorrow WAVE',
      'Șțăî – „quote”',
      'Трафикът на деца е наша обща отговорност.',
      'Η εμπορία παιδιών',
      'Ћирилица и латиница: ђ џ љ њ',
    ]) {
      const widths: number[] = [];
      await satori(
        {
          type: 'div',
          props: {
            style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', fontFamily: fonts.familyChain, fontWeight: 800 },
            children: [{ type: 'div', key: 'line', props: { style: { display: 'flex', fontSize: 100, whiteSpace: 'pre' }, children: text } }],
          },
        } as never,
        { width: 4000, height: 200, fonts: satoriFonts(fonts), onNodeDetected: (n) => n.key === 'line' && widths.push(n.width) },
      );
      expect(Math.abs((widths[0] ?? 0) - measurer.width(text, 800, 100))).toBeLessThanOrEqual(1);
    }
  });

  it('picks the largest size that fits, breaking only between words', () => {
    const r = fitText(
      { text: 'Too good to be true? Check before you go.', weight: 800, width: 500, height: 400, maxSize: 80, minSize: 30, lineHeight: 1.1 },
      measurer,
    );
    if ('reason' in r) throw new Error(r.reason);
    expect(r.size).toBeLessThanOrEqual(80);
    expect(r.lines.join(' ')).toBe('Too good to be true? Check before you go.');
    for (const line of r.lines) expect(measurer.width(line, 800, r.size)).toBeLessThanOrEqual(500);
    expect(r.lines.length * r.size * 1.1).toBeLessThanOrEqual(400);
  });

  it('fails when a single word is wider than the box at the minimum size', () => {
    const r = fitText(
      { text: 'Kinderschutzorganisationsverantwortliche', weight: 800, width: 300, height: 400, maxSize: 60, minSize: 40, lineHeight: 1.1 },
      measurer,
    );
    expect('reason' in r && r.reason).toMatch(
      /the word "Kinderschutzorganisationsverantwortliche" is \d+ % wider than its box at the smallest size the design allows/,
    );
  });

  it('a headline too long for a format fails naming the design file and field, locale, format and the text', () => {
    const long = { ...job('md/youth/ro/social-square'), lines: { headline: 'Prea frumos ca să fie adevărat? '.repeat(6).trim(), body: 'x', cta: 'y' } };
    expect(() => layoutJob(long, measurer)).toThrow(CopyfitError);
    const error = (() => {
      try {
        layoutJob(long, measurer);
      } catch (e) {
        return e as CopyfitError;
      }
    })();
    expect(error).toMatchObject({
      code: 'TextOverflow',
      source: { file: 'content/posters/youth.yaml', field: 'lines.ro.headline' },
      where: { design: 'youth', locale: 'ro', format: 'social-square', country: 'md' },
      args: { box: 'headline', text: long.lines.headline, fix: copyfitFix({ design: 'youth', locale: 'ro', format: 'social-square' }, 'headline') },
    });
    expect(error?.message).toMatch(/^content\/posters\/youth\.yaml field "lines\.ro\.headline" \(design "youth", locale ro, format social-square \(md\)\): /);
  });

  it('every line of the fixture fits every format (the preflight of a full build)', () => {
    expect(preflight(fixtureJobs(), fonts, measurer).map((e) => e.message)).toEqual([]);
  });

  it('no line is drawn wider than its box: the renderer checks the shaped width, and names the field to shorten', async () => {
    const key = 'md/youth/ro/a3';
    const r = await renderPoster(job(key), { fonts, measurer });
    expect(r.sizes.headline).toBeGreaterThan(0);
    expect(r.sizes.body).toBeGreaterThan(0);
    // A measurer that under-measures by 30 % lets the copyfitter pick lines too long; drawing them must
    // fail, naming the first line's box and its content field (not a generic "shorten the text").
    class Optimist extends TextMeasurer {
      override unitWidth(text: string, weight: FontWeight) {
        return super.unitWidth(text, weight) * 0.7;
      }
    }
    const optimist = new Optimist(fonts);
    const late = await renderPoster(job(key), { fonts, measurer: optimist }).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(CopyfitError);
    const { box, code, args, source } = late as CopyfitError;
    expect(code).toBe('TextOverflow');
    expect(args.reason).toMatch(/the line is \d+ wide, the box \d+/);
    expect(args.fix).toBe(textBoxes[box].fix({ design: 'youth', locale: 'ro', format: 'a3', country: 'md' }));
    expect(source).toEqual(textBoxes[box].source({ design: 'youth', locale: 'ro', format: 'a3', country: 'md' }));
  });

  it('every text box names the content field that shortens it', () => {
    const where = { design: 'youth', locale: 'ro', format: 'a4', country: 'md' };
    expect(copyfitFix(where, 'body')).toBe('shorten lines.ro.body in content/posters/youth.yaml, or lower sizes.body.min there');
    expect(copyfitFix(where, 'cta')).toBe('shorten lines.ro.cta in content/posters/youth.yaml, or lower sizes.cta.min there');
    expect(copyfitFix(where, 'funding')).toBe('shorten funding.ro in content/campaign.yaml');
    expect(copyfitFix(where, 'helpline-note')).toMatch(/^shorten the purpose \(ro\) or hours of the helplines in content\/countries\/md\.yaml/);
    expect(copyfitFix(where, 'url')).toBe('use a shorter siteUrl in content/countries/md.yaml');
    expect(copyfitFix({ page: 'home', source: 'content/pages/ro/home.mdx', locale: 'ro', format: 'social-link' }, 'title')).toBe(
      'shorten title in content/pages/ro/home.mdx',
    );
    for (const [box, spec] of Object.entries(textBoxes)) {
      expect(spec.fix(where), box).not.toMatch(/undefined/);
      expect(JSON.stringify(spec.source(where)), box).not.toMatch(/undefined|<country>/);
    }
    expect(textBoxes['billboard-cta'].source(where)).toEqual({ file: 'content/posters/youth.yaml', field: 'lines.ro.billboard.cta' });
  });
});
