// Phone numbers in the texts that are not page bodies: interface strings, poster lines, country
// names, helplines' purposes, campaign statements, figures, and pages' titles and descriptions. Each
// is a translation unit (units.ts) in each locale that has a text for it, so every text the public
// reads is looked at once. A number in one of them (phone-numbers.ts says what counts as one) must
// be a helpline of every country whose site or print files show that text: a number nobody checked
// against a country's file would reach that country's readers. Page bodies are checked where they
// are parsed (per-country.ts): there a number belongs in `<Call>`.
import { sourceLocale } from '@repo/i18n';
import { helplineByNumber } from './helplines.ts';
import { type ContentIssue, contentIssue } from './issues.ts';
import type { Content } from './load.ts';
import { type CountrySite, figureIsAbout, helplinesOf, sitesShowing } from './per-country.ts';
import { phoneNumbersIn } from './phone-numbers.ts';
import { designShownIn } from './posters.ts';
import type { Country, Role } from './schema/index.ts';
import { type UnitSource, unitSources, unitText } from './units.ts';
import { placeLines } from './yaml-file.ts';

/**
 * The countries whose sites or print files show a unit's text in a locale: interface strings and
 * campaign statements on every site in that locale (Romanian on the ro and md sites); a page's title
 * and descriptions where the page is shown in that locale (a role's description only where that is
 * the site's one role); poster lines and names where the design is printed in that locale; a country's
 * name and its helplines' purposes on that country's site; a figure on the sites it may be quoted on.
 */
export function countriesShowing<C extends CountrySite>(
  content: Pick<Content, 'pages' | 'posters' | 'figures'>,
  countries: C[],
  unit: UnitSource,
  locale: string,
): C[] {
  const speakers = countries.filter((c) => c.languages.includes(locale));
  const [, id = '', field = ''] = unit.id.split(':');
  switch (unit.kind) {
    case 'ui':
    case 'campaign':
      return speakers;
    case 'page': {
      const english = content.pages.find((p) => p.locale === sourceLocale && p.id === unit.page);
      if (!english) return [];
      const shown = sitesShowing({ locale, data: english.data }, countries);
      if (!field.startsWith('descriptions.')) return shown;
      const role = field.slice('descriptions.'.length) as Role;
      return shown.filter((c) => new Set(c.roles).size === 1 && c.roles[0] === role);
    }
    case 'poster': {
      const design = content.posters.find((d) => d.id === unit.poster?.design);
      return design ? countries.filter((c) => designShownIn(design, c, locale)) : [];
    }
    case 'country':
      return speakers.filter((c) => c.code === id);
    case 'helpline':
      return speakers.filter((c) => c.helplines?.some((h) => h.id === id));
    case 'figure': {
      const figure = content.figures.get(id);
      return figure ? speakers.filter((c) => figureIsAbout(figure, c.code)) : [];
    }
  }
}

/**
 * Every phone number in a text other than a page body that is not a helpline of each country that
 * shows the text: one issue per number, text and locale, naming the countries and their helplines.
 * Runs on whatever content could be read: `countries` are the sites whose shape could be read
 * (a country whose helplines could not be read is left out).
 */
export function checkTextNumbers(content: Content, issues: ContentIssue[], countries: CountrySite[] = content.countries): void {
  const lines = placeLines(content.root);
  for (const unit of unitSources(content)) {
    if (unit.kind === 'page' && unit.place(sourceLocale).path[0] === 'body') continue;
    for (const { tag: locale } of content.locales.locales) {
      const text = unitText(content, unit, locale);
      if (text === undefined) continue;
      const mentions = phoneNumbersIn(text);
      if (mentions.length === 0) continue;
      const shownOn = countriesShowing(content, countries, unit, locale).filter((c): c is CountrySite & Pick<Country, 'helplines'> => !!c.helplines);
      // The same number twice in one text is one cause.
      const numbers = [...new Map(mentions.map(({ number }) => [number.replace(/[^\d+]/g, ''), number])).values()];
      for (const number of numbers) {
        const without = shownOn.filter((c) => !helplineByNumber(c, number));
        if (without.length === 0) continue;
        const place = unit.place(locale);
        const { helplines } = helplinesOf(without);
        issues.push(
          contentIssue(
            'PhoneNotAHelpline',
            { unit: unit.id, locale, number, sites: without.map((c) => c.code), helplines },
            { file: place.file, line: lines(place.file, place.path), field: place.path.join('.') },
          ),
        );
      }
    }
  }
}
