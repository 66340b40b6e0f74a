import { type Content, formatFact, planSite, releaseFacts } from '@repo/content';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type CardJob, CopyfitError, cardDrawnStrings, layoutJob, planCards, preflight, renderPoster } from '../src/index.ts';
import { fixtureContent, fonts, measurer } from './helpers.ts';

function card(key: string, content: Content = fixtureContent()): CardJob {
  const found = planCards(content, { countries: [key.split('/')[0] as string] }).find((c) => c.key === key);
  if (!found) throw new Error(`no card ${key}`);
  return found;
}

describe('page cards (Open Graph images)', () => {
  it('plans one card per planned page of each country’s site, at <cc>/cards/<locale>/<page>', () => {
    const content = fixtureContent();
    for (const country of content.countries) {
      const pages = planSite(content, country.code).pages;
      const cards = planCards(content, { countries: [country.code] });
      expect(cards.map((c) => c.key)).toEqual(pages.map((p) => `${country.code}/cards/${p.locale}/${p.id}`));
      expect(cards.map((c) => c.path)).toEqual(pages.map((p) => p.path));
      expect(cards.map((c) => c.title)).toEqual(pages.map((p) => p.page.data.title));
    }
    expect(planCards(content).length).toBe(content.countries.reduce((n, c) => n + planSite(content, c.code).pages.length, 0));
    // Paths as the site writes them, per locale.
    expect(card('md/cards/ru/home').path).toBe('/ru/');
  });

  it('shows the country’s first poster helpline, in the language the page is shown in', () => {
    const c = card('gr/cards/el/home');
    expect(c.helplines.map((h) => h.id)).toEqual(['gr-1109']);
    expect(c.host).toBe('gr.victor-campaign.example');
    expect(c.shownLocale).toBe('el');
    expect(c.labels.call).toBe('Καλέστε');
    // A page without a translation shows the English original, and its card is English throughout.
    const content = fixtureContent();
    const fallback = card('gr/cards/el/privacy');
    const english = content.pages.find((p) => p.locale === 'en' && p.id === 'privacy');
    expect(fallback).toMatchObject({
      isFallback: true,
      shownLocale: 'en',
      title: english?.data.title,
      source: 'content/pages/en/privacy.mdx',
      labels: { call: 'Call' },
    });
  });

  it('renders a 1200 × 630 PNG, with proof bands while a fact on it is unverified', async () => {
    const c = card('md/cards/ru/recruitment');
    const r = await renderPoster(c, { fonts, measurer });
    expect(r.fileType).toBe('png');
    const png = PNG.sync.read(r.file);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(r.sizes.title).toBeGreaterThan(0);
    expect(r.sizes['helpline-number']).toBeGreaterThan(0);
    expect(r.sizes.url).toBeGreaterThan(0);
    expect(r.sizes.proof).toBeGreaterThan(0);
    expect(r.qrText).toBeUndefined();
    const verified = { ...c, unverified: [] };
    expect((await renderPoster(verified, { fonts, measurer })).sizes.proof).toBeUndefined();
  });

  it('every card of the fixture passes the preflight: glyphs (Cyrillic, Greek, Romanian) and copyfit', () => {
    expect(preflight(planCards(fixtureContent()), fonts, measurer).map((e) => e.message)).toEqual([]);
  });

  it('copyfits a long title smaller, and names the page file when a title cannot fit', async () => {
    const c = card('md/cards/ro/home');
    const max = (await renderPoster(c, { fonts, measurer })).sizes.title as number;
    const long = {
      ...c,
      title: 'Înainte să accepți un loc de muncă sau o călătorie în străinătate, verifică oferta, întreabă pe cineva de încredere și sună la linia gratuită',
    };
    const fitted = (await renderPoster(long, { fonts, measurer })).sizes.title as number;
    expect(fitted).toBeLessThan(max);
    expect(fitted).toBeGreaterThanOrEqual(630 * 0.046);
    const tooLong = { ...c, title: 'Traficul de copii este responsabilitatea noastră, a tuturor. '.repeat(10).trim() };
    expect(() => layoutJob(tooLong, measurer)).toThrow(CopyfitError);
    const error = (() => {
      try {
        layoutJob(tooLong, measurer);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({
      code: 'TextOverflow',
      box: 'title',
      where: { page: 'home', locale: 'ro', format: 'social-link', country: 'md' },
      source: { file: 'content/pages/ro/home.mdx', field: 'title' },
    });
  });

  it('the glyph check covers every string a card draws', () => {
    const c = card('gr/cards/el/home');
    expect(cardDrawnStrings(c).map((s) => s.label)).toEqual(
      expect.arrayContaining([
        'page "home" title (content/pages/el/home.mdx)',
        'interface string helplines.call',
        'campaign brand',
        'site address',
        'proof mark',
        'helpline gr-1109 purpose',
      ]),
    );
    const errors = preflight([{ ...c, title: 'Εμπορία ☃ παιδιών' }], fonts, measurer);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'GlyphMissing', char: '☃', locale: 'el', source: { file: 'content/pages/el/home.mdx', field: 'title' } });
  });

  it('a release lists the unverified facts a card shows, with the cards they appear on', () => {
    const content = fixtureContent();
    const facts = releaseFacts(content, { countries: ['md'] });
    const first = facts.find((f) => f.field === 'helplines.0.verifiedOn');
    expect(first?.what).toMatch(/^helpline 0 800 77777 \(.*\) has no verifiedOn date$/);
    expect(formatFact(first as never)).toMatch(/page cards: md\/cards\/ro\/\{home,/);
    expect(first?.appearsOn.pageCards).toEqual(planCards(content, { countries: ['md'] }).map((c) => c.key));
    // A card shows only the first poster helpline: the second is on no card.
    expect(facts.find((f) => f.field === 'helplines.1.verifiedOn')?.appearsOn.pageCards).toEqual([]);
    // Draft poster words are on posters, not on page cards.
    expect(planCards(content, { countries: ['md'] }).every((c) => c.unverified.every((f) => f.kind !== 'poster-text-draft'))).toBe(true);
  });
});
