// Localised slugs: slugify's rule per language and script, and one page per address on each site.
import { rmSync } from 'node:fs';
import { slugify, slugRule } from '@repo/i18n';
import { describe, expect, it } from 'vitest';
import { loadContent, planSite, suggestSlug } from '../src/index.ts';
import { coded, copyFixture, edit, refusedIssues, validFixture, write } from './helpers.ts';

const page = (title: string, slug: string, audience = 'all', order = 50) =>
  `---\ntitle: "${title}"\ndescription: "Μια περιγραφή της σελίδας, αρκετά μεγάλη για τον έλεγχο."\nslug: "${slug}"\naudience: ${audience}\norder: ${order}\ntranslation: draft\n---\n\nΚείμενο.\n`;

describe('slugify', () => {
  it('romanises Greek by ELOT 743 (ISO 843): η ι υ, αυ/ευ as av/af, μπ at the start of a word, γγ, no accents', () => {
    expect(slugify('Η αγορά βλάπτει', 'el')).toBe('i-agora-vlaptei');
    expect(slugify('Πώς να κάνετε καταγγελία', 'el')).toBe('pos-na-kanete-katangelia');
    expect(slugify('Μπορεί να εκμεταλλεύεστε ένα παιδί', 'el')).toBe('borei-na-ekmetalleveste-ena-paidi');
    expect(slugify('Σημάδια εκμετάλλευσης', 'el')).toBe('simadia-ekmetallefsis');
    expect(slugify('Ευρώπη, αϋπνία, Άγγελος, ντομάτα, ψυχή', 'el')).toBe('evropi-aypnia-angelos-ntomata-psychi');
    expect(slugify('Σχετικά', 'el')).toBe('schetika');
  });

  it('romanises each Cyrillic language by its own national standard', () => {
    // Russian: ICAO Doc 9303 (passports).
    expect(slugify('Как торговцы людьми вербуют молодёжь', 'ru')).toBe('kak-torgovtsy-liudmi-verbuiut-molodezh');
    expect(slugify('Конфиденциальность', 'ru')).toBe('konfidentsialnost');
    // Ukrainian: KMU 2010, with the forms at the start of a word and зг → zgh.
    expect(slugify('Як розпізнати вербувальника', 'uk')).toBe('yak-rozpiznaty-verbuvalnyka');
    expect(slugify('Згода, їжак, Європа, юнак', 'uk')).toBe('zghoda-yizhak-yevropa-yunak');
    // Bulgarian: the Streamlined System (щ sht, ъ a, -ия at the end ia).
    expect(slugify('Твоите права и къде да потърсиш помощ', 'bg')).toBe('tvoite-prava-i-kade-da-potarsish-pomosht');
    expect(slugify('Информация', 'bg')).toBe('informatsia');
    // Macedonian: the official digraphs (ѓ gj, ќ kj, ѕ dz, џ dj, ц c).
    expect(slugify('Како трговците со луѓе врбуваат млади', 'mk')).toBe('kako-trgovcite-so-lugje-vrbuvaat-mladi');
    expect(slugify('Ѕвезда, џеб, ќерка, цвет', 'mk')).toBe('dzvezda-djeb-kjerka-cvet');
    // Serbian: the Serbian Latin alphabet without diacritics, the same slug from either script.
    expect(slugify('Шта каже закон', 'sr-Cyrl')).toBe('sta-kaze-zakon');
    expect(slugify('Šta kaže zakon', 'sr-Latn')).toBe('sta-kaze-zakon');
    expect(slugify('Ђорђе, љубав, џеп', 'sr-Cyrl')).toBe('dorde-ljubav-dzep');
    // Another Cyrillic language falls back on the Russian table.
    expect(slugRule('be')).toBe('icao-9303');
  });

  it('writes Latin-script languages without diacritics, apostrophes dropped', () => {
    expect(slugify('Cum îi recrutează traficanții pe tineri', 'ro')).toBe('cum-ii-recruteaza-traficantii-pe-tineri');
    expect(slugify('Kako trgovci ljudima vrbuju mlade — đak', 'hr')).toBe('kako-trgovci-ljudima-vrbuju-mlade-dak');
    expect(slugify('Si t’i njohësh rekrutuesit, çdo ditë', 'sq')).toBe('si-ti-njohesh-rekrutuesit-cdo-dite');
    expect(slugify('Znaki, da je otrok morda izkoriščan', 'sl')).toBe('znaki-da-je-otrok-morda-izkoriscan');
    expect(slugify("Children's rights: 116 000", 'en')).toBe('childrens-rights-116-000');
    expect(slugify('Őszintén, ß', 'hu')).toBe('oszinten-ss');
  });

  it('makes the slugs the schema accepts', () => {
    for (const [text, locale] of [
      ['Η αγορά βλάπτει', 'el'],
      ['Как безопасно пользоваться сайтом?', 'ru'],
      ['  — Što je ovo? —  ', 'hr'],
    ] as const) {
      expect(slugify(text, locale)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(suggestSlug('Η αγορά βλάπτει τα παιδιά', 'el', new Set(['i-agora-vlaptei-ta-paidia']))).toBe('i-agora-vlaptei-ta');
  });
});

describe('slugs on the fixture sites', () => {
  it('puts the Greek page at its Greek slug and the English original at its own', () => {
    const plan = planSite(loadContent(validFixture), 'gr');
    const demand = plan.pages.filter((p) => p.id === 'demand').map((p) => `${p.locale} ${p.path}`);
    expect(demand).toEqual(['el /i-agora-vlaptei/', 'en /en/buying-harms-children/']);
  });
});

describe('a slug used twice in one site', () => {
  it('refuses a translation whose address is that of a page readers see in English, naming both files, the site and a slug', () => {
    const dir = copyFixture();
    // "privacy" has no Greek translation: Greek readers see the English page at /privacy/.
    write(dir, 'pages/el/safety.mdx', page('Πώς να περιηγείστε με ασφάλεια', 'privacy', 'all', 80));
    const issues = refusedIssues(dir).filter((i) => i.field === 'slug');
    expect(issues.map(coded)).toEqual([
      {
        file: 'pages/el/safety.mdx',
        line: 4,
        field: 'slug',
        code: 'SlugAddressTaken',
        args: {
          slug: 'privacy',
          path: '/privacy/',
          sites: ['gr'],
          other: 'pages/en/privacy.mdx',
          shownIn: 'el',
          suggestion: 'pos-na-periigeiste-me-asfaleia',
          romanisation: 'Greek ELOT 743 (ISO 843)',
        },
      },
    ]);
    rmSync(dir, { recursive: true });
  });

  it('refuses a slug of the default language that is another language’s address', () => {
    const dir = copyFixture();
    edit(dir, 'pages/el/demand.mdx', 'slug: "i-agora-vlaptei"', 'slug: "en"');
    const issues = refusedIssues(dir).filter((i) => i.field === 'slug');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'pages/el/demand.mdx',
      code: 'SlugAddressTaken',
      args: { slug: 'en', path: '/en/', sites: ['gr'], other: 'pages/en/home.mdx', suggestion: 'i-agora-vlaptei' },
    });
    expect(issues[0]?.args.shownIn).toBeUndefined();
    rmSync(dir, { recursive: true });
  });

  it('refuses a page at the address of the print files, and two pages of one language with one slug, suggesting the romanised title', () => {
    const dir = copyFixture();
    edit(dir, 'pages/el/demand.mdx', 'slug: "i-agora-vlaptei"', 'slug: "print"');
    write(dir, 'pages/el/safety.mdx', page('Ασφάλεια', 'print', 'all', 80));
    const issues = refusedIssues(dir).filter((i) => i.field === 'slug');
    const found = issues.map((i) => `${i.file}: ${i.code} ${i.args.slug}`);
    expect(found).toContain('pages/el/safety.mdx: DuplicateSlug print');
    expect(found).toContain('pages/el/demand.mdx: SlugAddressReserved print');
    expect(issues.find((i) => i.file === 'pages/el/safety.mdx' && i.code === 'DuplicateSlug')?.args).toMatchObject({
      other: 'pages/el/demand.mdx',
      suggestion: 'asfaleia',
    });
    expect(issues.find((i) => i.code === 'SlugAddressReserved')?.args).toMatchObject({ path: '/print/', sites: ['gr'] });
    rmSync(dir, { recursive: true });
  });

  it('suggests the romanised title for a slug written in Greek letters', () => {
    const dir = copyFixture();
    edit(dir, 'pages/el/demand.mdx', 'slug: "i-agora-vlaptei"', 'slug: "η-αγορά-βλάπτει"');
    const issue = refusedIssues(dir).find((i) => i.file === 'pages/el/demand.mdx' && i.field === 'slug');
    expect(issue).toMatchObject({
      code: 'SlugNotAscii',
      args: { rule: expect.stringMatching(/lower-case ASCII/), suggestion: 'i-agora-vlaptei', romanisation: 'Greek ELOT 743 (ISO 843)' },
    });
    rmSync(dir, { recursive: true });
  });
});
