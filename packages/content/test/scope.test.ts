import { describe, expect, it } from 'vitest';
import {
  type ContentIssue,
  countrySchema,
  figureSchema,
  forCountryShows,
  helplineSchema,
  loadContent,
  localName,
  pageDescription,
  planSite,
  scanPage,
  sitesShowing,
} from '../src/index.ts';
import { coded, edit, refusedIssues, scratchFixture, validFixture, write } from './helpers.ts';

/** Issues about quoting one figure on a site it is not about. */
const quotes = (id: string) => (i: ContentIssue) => i.code === 'FigureOutOfScope' && i.args.id === id;

describe('figure scopes', () => {
  it('loads the valid fixture, whose Moldovan figure sits in a <ForCountry countries="md"> block', () => {
    const content = loadContent(validFixture);
    expect(content.figures.get('md-fixture')?.scope).toEqual(['md']);
    expect(content.figures.get('children-share')?.scope).toBe('eu');
  });

  it('refuses a page that quotes another country’s figure, naming page, line, figure, sites and fix', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/home.mdx', 'Body of home in en. <Figure id="children-share" />', 'Body of home in en. <Figure id="md-fixture" />');
    // The Greek translation is only shown on the Greek site; the Romanian one only on the Moldovan.
    edit(
      dir,
      'pages/el/home.mdx',
      'Κείμενο της αρχικής σελίδας στα ελληνικά. <Figure id="children-share" />',
      'Κείμενο της αρχικής σελίδας στα ελληνικά.\n\n<Figure id="md-fixture" />',
    );
    edit(dir, 'pages/ro/home.mdx', 'Body of home in ro. <Figure id="children-share" />', 'Body of home in ro. <Figure id="md-fixture" />');
    const scoped = refusedIssues(dir).filter(quotes('md-fixture'));
    const args = { id: 'md-fixture', scope: ['md'], sites: ['gr'] };
    expect(scoped.map(coded)).toEqual([
      { file: 'pages/el/home.mdx', line: 14, code: 'FigureOutOfScope', args },
      { file: 'pages/en/home.mdx', line: 12, code: 'FigureOutOfScope', args },
    ]);
  });

  it('names every site that would show it wrongly, in one issue per quote', () => {
    const dir = scratchFixture();
    edit(dir, 'figures.yaml', 'scope: [md]', 'scope: [ua]');
    write(dir, 'countries/ua.yaml', '');
    // A country file that cannot be read hides nothing about the sites of the others: its code is
    // known (no "unknown country" in the scope), and the Moldovan site still shows the figure wrongly.
    const withBrokenFile = refusedIssues(dir);
    expect(withBrokenFile.filter(quotes('md-fixture')).map((i) => i.args)).toEqual([{ id: 'md-fixture', scope: ['ua'], sites: ['md'] }]);
    expect(withBrokenFile.some((i) => i.code === 'FigureScopeUnknownCountry')).toBe(false);
    // Give Ukraine a valid file and no pages of its own language.
    write(
      dir,
      'countries/ua.yaml',
      'code: ua\nnames: { en: Ukraine }\nroles: [origin]\nlanguages: [en]\ndefaultLanguage: en\nsiteUrl: https://ua.test.example\nexitUrl: https://uk.wikipedia.org/\nhelplines: []\n',
    );
    const issue = refusedIssues(dir).find(quotes('md-fixture'));
    expect(issue?.file).toBe('pages/en/home.mdx');
    expect(issue?.args).toEqual({ id: 'md-fixture', scope: ['ua'], sites: ['md'] });
    edit(dir, 'pages/en/home.mdx', '<ForCountry countries="md">', '<ForCountry role="origin">');
    expect(refusedIssues(dir).find(quotes('md-fixture'))?.args).toEqual({ id: 'md-fixture', scope: ['ua'], sites: ['md'] });
    edit(dir, 'pages/en/home.mdx', '<ForCountry role="origin">', '<ForCountry countries="gr md">');
    expect(refusedIssues(dir).find(quotes('md-fixture'))?.args).toEqual({ id: 'md-fixture', scope: ['ua'], sites: ['gr', 'md'] });
  });

  it('accepts a country figure inside a block for its country or role, and inside nested blocks', () => {
    const dir = scratchFixture();
    // Only md is a country of origin in the fixture.
    edit(dir, 'pages/en/home.mdx', '<ForCountry countries="md">', '<ForCountry role="origin">');
    expect(() => loadContent(dir)).not.toThrow();
    edit(dir, 'pages/en/home.mdx', '<ForCountry role="origin">', '<ForCountry countries="gr md">\n<ForCountry role="origin">');
    edit(dir, 'pages/en/home.mdx', '</ForCountry>', '</ForCountry>\n</ForCountry>');
    expect(() => loadContent(dir)).not.toThrow();
    // A region-wide figure may stand anywhere.
    edit(dir, 'pages/el/home.mdx', '<Partners />', '<Figure id="children-share" />\n\n<Partners />');
    expect(() => loadContent(dir)).not.toThrow();
  });

  it('does not count a figure written in a code span', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/privacy.mdx', 'Body of privacy in en.', 'Body of privacy in en. Write `<Figure id="md-fixture" />` in a page.');
    expect(() => loadContent(dir)).not.toThrow();
  });

  it('refuses a figure without a scope and a scope naming an unknown country, with other errors of the same run', () => {
    const dir = scratchFixture();
    edit(dir, 'figures.yaml', '    scope: eu\n', '');
    edit(dir, 'pages/en/privacy.mdx', 'slug: "privacy"', 'slug: "browse-safely"');
    const missing = refusedIssues(dir);
    expect(missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'figures.yaml',
          field: 'figures.0.scope',
          code: 'FieldInvalid',
          args: { rule: expect.stringMatching(/^is missing: /) },
        }),
        expect.objectContaining({ file: 'pages/en/safety.mdx', field: 'slug' }),
      ]),
    );
    // With figures.yaml unreadable, pages are not also reported as quoting unknown figures.
    expect(missing.some((i) => i.code === 'UnknownFigure')).toBe(false);

    const other = scratchFixture();
    edit(other, 'figures.yaml', 'scope: [md]', 'scope: [md, xx]');
    edit(other, 'figures.yaml', 'scope: eu', 'scope: europe');
    const issues = refusedIssues(other);
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'figures.yaml', field: 'figures.0.scope', code: 'FieldInvalid' })]));
    edit(other, 'figures.yaml', 'scope: europe', 'scope: eu');
    // Once per cause: the scope is reported, not every page that quotes the figure on a site outside it.
    expect(refusedIssues(other).map(coded)).toEqual([
      {
        file: 'figures.yaml',
        line: 15,
        field: 'figures.1.scope.1',
        code: 'FigureScopeUnknownCountry',
        args: { figure: 'md-fixture', code: 'xx', known: ['gr', 'md'] },
      },
    ]);
  });

  it('checks the figure schema: a scope is required, and is a region-wide word or a list of lower-case codes', () => {
    const figure = { id: 'f', value: { en: '1' }, label: { en: 'one' }, attribution: 'A', source: 's', year: 2013 };
    expect(figureSchema.safeParse(figure).success).toBe(false);
    for (const scope of ['world', 'eu', 'region', ['rs'], ['gr', 'si']]) expect(figureSchema.safeParse({ ...figure, scope }).success, String(scope)).toBe(true);
    for (const scope of ['europe', [], ['RS'], ['srb'], { countries: ['rs'] }])
      expect(figureSchema.safeParse({ ...figure, scope }).success, JSON.stringify(scope)).toBe(false);
  });
});

describe('<ForCountry> blocks', () => {
  const gr = { code: 'gr', roles: ['destination' as const] };
  const rs = { code: 'rs', roles: ['origin' as const, 'destination' as const] };

  it('shows on listed countries, on countries of the role, and only where both hold', () => {
    expect(forCountryShows({ countries: 'rs' }, rs)).toBe(true);
    expect(forCountryShows({ countries: 'rs' }, gr)).toBe(false);
    expect(forCountryShows({ countries: 'gr si' }, gr)).toBe(true);
    expect(forCountryShows({ countries: 'gr, si' }, gr)).toBe(true);
    expect(forCountryShows({ role: 'origin' }, rs)).toBe(true);
    expect(forCountryShows({ role: 'origin' }, gr)).toBe(false);
    expect(forCountryShows({ countries: 'gr rs', role: 'origin' }, gr)).toBe(false);
    expect(forCountryShows({ countries: 'gr rs', role: 'origin' }, rs)).toBe(true);
  });

  it('finds figures and blocks with the MDX parser, with their lines and enclosing blocks', () => {
    const scan = scanPage(
      '---\ntitle: x\n---\n\nText <Figure id="a" />\n\n<ForCountry countries="rs">\n<ForCountry role="origin">\n<Figure id="b" />\n</ForCountry>\n</ForCountry>\n',
    );
    expect(scan.problems).toEqual([]);
    expect(scan.figures.map((f) => [f.id, f.line, f.within.map((b) => b.line)])).toEqual([
      ['a', 5, []],
      ['b', 9, [7, 8]],
    ]);
  });

  it('refuses unknown countries and roles, missing or expression attributes, and invalid MDX, each with its line', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/home.mdx', '<ForCountry countries="md">', '<ForCountry countries="md xx">');
    edit(dir, 'pages/en/home.mdx', '<ForCountry role="destination">', '<ForCountry role="buyers">');
    edit(
      dir,
      'pages/en/privacy.mdx',
      'Body of privacy in en.',
      '<ForCountry>Nobody knows.</ForCountry>\n\n<ForCountry countries={"md"}>x</ForCountry>\n\n<Figure id={"children-share"} />',
    );
    edit(dir, 'pages/en/safety.mdx', 'Body of safety in en.', 'Body of safety <ForCountry countries="md"> in en.');
    const found = refusedIssues(dir).map((i) => `${i.file}:${i.line} ${i.code} ${JSON.stringify(i.args)}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'pages/en/home.mdx:14 ForCountryUnknownCountry {"countries":"md xx","code":"xx","known":["gr","md"]}',
        'pages/en/home.mdx:20 ForCountryUnknownRole {"role":"buyers"}',
        'pages/en/privacy.mdx:10 ForCountryNoCondition {}',
        'pages/en/privacy.mdx:12 AttributeExpression {"component":"ForCountry","name":"countries"}',
        'pages/en/privacy.mdx:14 AttributeExpression {"component":"Figure","name":"id"}',
        expect.stringMatching(/^pages\/en\/safety\.mdx:10 MdxSyntax /),
      ]),
    );
  });

  it('lists a page’s sites as the site plan does', () => {
    const content = loadContent(validFixture);
    for (const p of content.pages) {
      const planned = content.countries.filter((c) => planSite(content, c.code).pages.some((pp) => pp.page === p));
      expect(
        sitesShowing(p, content.countries).map((c) => c.code),
        p.file,
      ).toEqual(planned.map((c) => c.code));
    }
  });
});

describe('names in the reader’s language', () => {
  it('gives the name a source gives in the reader’s locale, else the original once, marked with its language', () => {
    const names = { sl: 'Društvo Ključ' };
    expect(localName('Society Ključ', names, 'sl')).toEqual({ text: 'Društvo Ključ', lang: 'sl' });
    expect(localName('Society Ključ', names, 'en')).toEqual({ text: 'Society Ključ', lang: 'en' });
    expect(localName('Society Ključ', names, 'sr-Latn')).toEqual({ text: 'Society Ključ', lang: 'en' });
    expect(localName('Society Ključ', undefined, 'el')).toEqual({ text: 'Society Ključ', lang: 'en' });
    expect(localName('Društvo Ključ', undefined, 'en', 'sl')).toEqual({ text: 'Društvo Ključ', lang: 'sl' });
  });

  it('accepts per-locale names on partners and helpline operators, and refuses unknown locales or empty names', () => {
    const helpline = {
      id: 'ua-116000',
      number: '116 000',
      e164: '116000',
      operator: 'NGO Magnolia',
      purpose: { en: 'European hotline for missing children' },
      hours: null,
      cost: 'free',
      source: 'magnolia-ua',
      verifiedOn: null,
    };
    expect(helplineSchema.parse({ ...helpline, operatorNames: { uk: 'Назва' } }).operatorNames).toEqual({ uk: 'Назва' });
    expect(helplineSchema.safeParse({ ...helpline, operatorNames: { ua: 'Назва' } }).success).toBe(false);
    expect(helplineSchema.safeParse({ ...helpline, operatorNames: { uk: ' ' } }).success).toBe(false);
    expect(helplineSchema.safeParse({ ...helpline, operatorLanguage: 'uk' }).success).toBe(true);
    const country = {
      code: 'si',
      names: { en: 'Slovenia' },
      roles: ['destination'],
      languages: ['sl', 'en'],
      defaultLanguage: 'sl',
      siteUrl: 'https://si.example.org',
      exitUrl: 'https://sl.wikipedia.org/',
      helplines: [],
      partners: [{ name: 'Society Ključ', names: { sl: 'Društvo Ključ' }, role: 'Full partner', source: 'seed-000' }],
    };
    const parsed = countrySchema.parse(country);
    expect(parsed.partners[0]?.names).toEqual({ sl: 'Društvo Ključ' });
    expect(countrySchema.safeParse({ ...country, partners: [{ ...country.partners[0], names: { slovenian: 'x' } }] }).success).toBe(false);
  });
});

describe('page descriptions by role', () => {
  it('uses the role’s description on sites of that role only, and `description` for countries of both roles', () => {
    const content = loadContent(validFixture);
    const home = content.pages.find((p) => p.locale === 'en' && p.id === 'home');
    if (!home) throw new Error('no home');
    expect(pageDescription(home, { roles: ['destination'] })).toBe('A description of the home page for destination sites.');
    expect(pageDescription(home, { roles: ['origin'] })).toBe('A description of the home page that is long enough.');
    expect(pageDescription(home, { roles: ['origin', 'destination'] })).toBe('A description of the home page that is long enough.');
    const privacy = content.pages.find((p) => p.locale === 'en' && p.id === 'privacy');
    if (!privacy) throw new Error('no privacy');
    expect(pageDescription(privacy, { roles: ['destination'] })).toBe(privacy.data.description);
  });

  it('requires the translation of a role description where a site of that role only shows the translation', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/el/home.mdx', /descriptions:\n.*\n/, '');
    // The Romanian home page is shown on the Moldovan site (origin): it needs no destination text.
    expect(refusedIssues(dir).map(coded)).toEqual([
      {
        file: 'pages/el/home.mdx',
        field: 'descriptions.destination',
        code: 'RoleDescriptionMissing',
        args: { role: 'destination', original: 'pages/en/home.mdx', sites: ['gr'] },
      },
    ]);
  });

  it('checks role descriptions like `description`, and knows no other roles', () => {
    const dir = scratchFixture();
    edit(
      dir,
      'pages/el/home.mdx',
      'destination: "Περιγραφή της αρχικής σελίδας για χώρες προορισμού."',
      'destination: "Σύντομη."\n  buyers: "A description for a role that does not exist."',
    );
    const found = refusedIssues(dir).map(coded);
    expect(found).toContainEqual({
      file: 'pages/el/home.mdx',
      line: 5,
      field: 'descriptions.destination',
      code: 'FieldInvalid',
      args: { rule: 'write a sentence of at least 20 characters' },
    });
    expect(found).toContainEqual(
      expect.objectContaining({ file: 'pages/el/home.mdx', field: 'descriptions', code: 'FieldUnknown', args: { keys: ['buyers'] } }),
    );
  });
});
