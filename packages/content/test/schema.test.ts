import { beforeAll, describe, expect, it } from 'vitest';
import { countrySchema, figureSchema, helplineSchema, loadLocales, pageFrontmatterSchema, sourceSchema } from '../src/index.ts';
import { validFixture } from './helpers.ts';

// Schemas check locale tags against the registry, which content/locales.yaml fills.
beforeAll(() => {
  loadLocales(validFixture, []);
});

const helpline = {
  id: 'gr-116000',
  number: '116 000',
  e164: '116000',
  operator: 'The Smile of the Child',
  purpose: { en: 'European hotline for missing children' },
  hours: '24/7',
  cost: 'free',
  source: 'accmr-gr',
  verifiedOn: null,
};

const country = {
  code: 'gr',
  names: { en: 'Greece' },
  roles: ['destination'],
  languages: ['el', 'en'],
  defaultLanguage: 'el',
  siteUrl: 'https://gr.example.org',
  exitUrl: 'https://el.wikipedia.org/',
  helplines: [helpline],
};

const page = {
  title: 'How to report',
  description: 'Who to call and what to say when you see a child exploited.',
  slug: 'how-to-report',
  audience: 'destination',
  order: 10,
  translation: 'source',
};

describe('helpline schema', () => {
  it('accepts a short code and an E.164 number, unverified', () => {
    expect(helplineSchema.parse(helpline).verifiedOn).toBeNull();
    expect(helplineSchema.parse({ ...helpline, e164: '+35980020100' }).e164).toBe('+35980020100');
  });
  it('refuses a helpline without a source', () => {
    const { source: _omitted, ...withoutSource } = helpline;
    const result = helplineSchema.safeParse(withoutSource);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('source');
  });
  it('refuses a dial string that is neither E.164 nor a short code', () => {
    for (const e164 of ['0800 20 100', '+0123', '35980020100x']) {
      expect(helplineSchema.safeParse({ ...helpline, e164 }).success, e164).toBe(false);
    }
  });
  it('refuses a verification date that is not a date', () => {
    expect(helplineSchema.safeParse({ ...helpline, verifiedOn: 'last week' }).success).toBe(false);
  });
});

describe('country schema', () => {
  it('accepts a valid country and defaults partners to none', () => {
    expect(countrySchema.parse(country).partners).toEqual([]);
  });
  it('refuses upper-case codes, unknown roles, unknown locales and a trailing slash', () => {
    expect(countrySchema.safeParse({ ...country, code: 'GR' }).success).toBe(false);
    expect(countrySchema.safeParse({ ...country, roles: ['transit'] }).success).toBe(false);
    const badLocale = countrySchema.safeParse({ ...country, languages: ['el', 'gr'] });
    expect(badLocale.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'UnknownLocale', tag: 'gr' } });
    expect(countrySchema.safeParse({ ...country, siteUrl: 'https://gr.example.org/' }).success).toBe(false);
  });
  it('requires English in every localized text', () => {
    const result = countrySchema.safeParse({ ...country, names: { el: 'Ελλάδα' } });
    expect(result.error?.issues[0]?.message).toMatch(/needs an "en" entry/);
  });
  it('refuses unknown fields, so a misspelt field is not silently ignored', () => {
    expect(countrySchema.safeParse({ ...country, helpline: [] }).success).toBe(false);
  });
});

describe('page frontmatter schema', () => {
  it('accepts a valid page and an empty slug for the home page', () => {
    expect(pageFrontmatterSchema.parse(page).slug).toBe('how-to-report');
    expect(pageFrontmatterSchema.parse({ ...page, slug: '' }).slug).toBe('');
  });
  it('refuses non-ASCII or spaced slugs, unknown audiences and too-short descriptions', () => {
    expect(pageFrontmatterSchema.safeParse({ ...page, slug: 'как-сообщить' }).success).toBe(false);
    expect(pageFrontmatterSchema.safeParse({ ...page, slug: 'how to report' }).success).toBe(false);
    expect(pageFrontmatterSchema.safeParse({ ...page, audience: 'everyone' }).success).toBe(false);
    expect(pageFrontmatterSchema.safeParse({ ...page, description: 'Short.' }).success).toBe(false);
    expect(pageFrontmatterSchema.safeParse({ ...page, order: '10' }).success).toBe(false);
  });
});

describe('figure and source schemas', () => {
  const figure = {
    id: 'children-share',
    value: { en: '15%' },
    label: { en: 'of victims are children' },
    attribution: 'Eurostat',
    source: 'seed-000',
    year: 2013,
    scope: 'eu',
  };
  it('accepts a dated and an undated figure', () => {
    expect(figureSchema.parse(figure).year).toBe(2013);
    expect(figureSchema.parse({ ...figure, year: 'undated' }).year).toBe('undated');
  });
  it('refuses a figure without a year or a source', () => {
    const { year: _y, ...noYear } = figure;
    const { source: _s, ...noSource } = figure;
    expect(figureSchema.safeParse(noYear).success).toBe(false);
    expect(figureSchema.safeParse(noSource).success).toBe(false);
  });
  it('refuses a source address that is not https', () => {
    const source = { id: 'seed-000', title: 'T', publisher: 'P', where: 'W', year: 2013 };
    expect(sourceSchema.safeParse({ ...source, url: 'http://example.org' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...source, url: 'https://example.org/page' }).success).toBe(true);
  });
});
