import { createTranslator, localeInfo, sourceLocale, type Translate } from '@repo/i18n';
import type { Content, Page } from './load.ts';
import type { Country } from './schema/index.ts';

/** One page of one locale of one country's site, after fallback resolution. */
export interface PlannedPage {
  id: string;
  locale: string;
  /** Root-relative URL with a trailing slash, e.g. `/en/how-to-report/`. */
  path: string;
  /** The page that is shown: the translation, or the English original where there is none. */
  page: Page;
  /** True when `page` is the English original standing in for a missing translation. */
  isFallback: boolean;
  /** Root-relative URLs of the real translations of this page, by locale tag, for hreflang. */
  alternates: Record<string, string>;
}

export interface SiteLocale {
  tag: string;
  /** Root-relative URL of this locale's home page. */
  base: string;
  translation: 'source' | 'draft' | 'reviewed';
  t: Translate;
  pages: PlannedPage[];
}

export interface SitePlan {
  country: Country;
  locales: SiteLocale[];
  /** Every planned page, all locales. */
  pages: PlannedPage[];
}

/** Which pages a country's site carries: its roles' pages and every `all` page. */
export function pageIdsFor(content: Pick<Content, 'pages'>, country: Pick<Country, 'roles'>): string[] {
  return content.pages
    .filter((p) => p.locale === sourceLocale)
    .filter((p) => p.data.audience === 'all' || country.roles.includes(p.data.audience))
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map((p) => p.id);
}

/** Root-relative base of a locale: the default language lives at `/`, the others at `/<tag>/`. */
export function localeBase(country: Pick<Country, 'defaultLanguage'>, locale: string): string {
  return locale === country.defaultLanguage ? '/' : `/${localeInfo(locale).path}/`;
}

/** Root-relative URL of a page shown in `locale` on a country's site (the page is the translation or its English original). */
export function pagePath(country: Pick<Country, 'defaultLanguage'>, locale: string, page: { data: { slug: string } }): string {
  return `${localeBase(country, locale)}${page.data.slug ? `${page.data.slug}/` : ''}`;
}

/**
 * Every page address of a country's site, with the id of the page there and the language it is shown in: what `planSite` plans,
 * without the interface strings (the loader checks internal links with it before it has them).
 */
export function sitePagePaths(pages: Page[], country: Pick<Country, 'roles' | 'languages' | 'defaultLanguage'>): Map<string, { id: string; locale: string }> {
  const byKey = new Map(pages.map((p) => [`${p.locale}/${p.id}`, p]));
  const paths = new Map<string, { id: string; locale: string }>();
  for (const id of pageIdsFor({ pages }, country)) {
    for (const tag of country.languages) {
      const page = byKey.get(`${tag}/${id}`) ?? byKey.get(`${sourceLocale}/${id}`);
      if (page) paths.set(pagePath(country, tag, page), { id, locale: tag });
    }
  }
  return paths;
}

/** Builds every page of a country's site in every locale, with fallbacks and hreflang alternates. */
export function planSite(content: Content, countryCode: string): SitePlan {
  const country = content.countries.find((c) => c.code === countryCode);
  if (!country) throw new Error(`Unknown country "${countryCode}". Known: ${content.countries.map((c) => c.code).join(', ')}.`);
  const byKey = new Map(content.pages.map((p) => [`${p.locale}/${p.id}`, p]));
  const ids = pageIdsFor(content, country);
  const pathOf = (locale: string, page: Page) => pagePath(country, locale, page);

  const locales: SiteLocale[] = country.languages.map((tag) => {
    const ui = content.ui.get(tag);
    const pages = ids.map((id): PlannedPage => {
      const own = byKey.get(`${tag}/${id}`);
      const page = own ?? (byKey.get(`${sourceLocale}/${id}`) as Page);
      const alternates: Record<string, string> = {};
      for (const other of country.languages) {
        const translation = byKey.get(`${other}/${id}`);
        if (translation) alternates[other] = pathOf(other, translation);
      }
      return { id, locale: tag, path: pathOf(tag, page), page, isFallback: !own, alternates };
    });
    return {
      tag,
      base: localeBase(country, tag),
      translation: ui?.translation ?? 'draft',
      t: createTranslator(ui?.strings ?? {}, content.sourceUi, tag),
      pages,
    };
  });
  return { country, locales, pages: locales.flatMap((l) => l.pages) };
}

/** Text in the reader's locale, or English. */
export function localized(text: Record<string, string>, locale: string): string {
  return text[locale] ?? (text[sourceLocale] as string);
}
