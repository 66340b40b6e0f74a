// Slugs: every page's URL segment in its own language (frontmatter `slug`), unique on each site.
//
// A site puts its default language at `/` and every other language under `/<path>/`, and shows the
// English page where a translation is missing (at the English slug, under the reader's language).
// So two files can claim one address of a site although no locale uses a slug twice: a Croatian page
// given the slug of an English page Croatian readers still see in English, or a page of the default
// language whose slug is another language's path (`/en/`). `checkSitePaths` plans every address of
// every site (as `planSite` does) and refuses each address two files claim, naming both files, the
// sites and a slug to use instead: the page's title by `slugify` (@repo/i18n), which editors then
// shorten by hand.
import { readFileSync } from 'node:fs';
import { slugify, slugRule, slugRuleNames, sourceLocale } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import type { Page } from './load.ts';
import type { Country } from './schema/index.ts';
import { pageIdsFor, pagePath } from './site-plan.ts';

/** Addresses of a site that are not pages: the print files' folder. */
const reservedPaths = new Set(['/print/']);

/** The line of `slug:` in a page file's frontmatter, where it can be read. */
export function slugLine(absolutePath: string): number | undefined {
  try {
    const index = readFileSync(absolutePath, 'utf8')
      .split(/\r?\n/)
      .findIndex((l) => /^slug\s*:/.test(l));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A slug for a page, for a fix message: its title by `slugify`, else the first words of it, that is
 * not among `taken`. Empty when the title has no letters to make one of.
 */
export function suggestSlug(title: string, locale: string, taken: ReadonlySet<string> = new Set()): string {
  const full = slugify(title, locale);
  const words = full.split('-').filter(Boolean);
  const candidates = [full, ...[4, 3, 2].filter((n) => n < words.length).map((n) => words.slice(0, n).join('-'))];
  return candidates.find((c) => c && !taken.has(c)) ?? (full ? `${full}-2` : '');
}

/** The arguments of a slug problem's fix: the suggested slug and the rule it was made by (none when the title gives none). */
export function slugFixArgs(title: string, locale: string, taken?: ReadonlySet<string>): { suggestion?: string; romanisation?: string } {
  const suggestion = suggestSlug(title, locale, taken);
  return suggestion ? { suggestion, romanisation: slugRuleNames[slugRule(locale)] } : {};
}

/**
 * Every address of every site belongs to one page file: refuses a path two files give on a site (in
 * any of its languages, fallbacks included) and a page at a reserved address (`/print/`). Two pages of
 * one locale with one slug are reported by the loader already (it names the locale's folder), so
 * they are left out here. One issue per clash, naming the file to change, the other file, the sites
 * and the fix.
 */
export function checkSitePaths(pages: Page[], countries: Pick<Country, 'code' | 'roles' | 'languages' | 'defaultLanguage'>[], issues: ContentIssue[]) {
  const byKey = new Map(pages.map((p) => [`${p.locale}/${p.id}`, p]));
  // file → path → { other file, locale the address is in, sites }
  const clashes = new Map<string, { page: Page; other: Page | undefined; path: string; shownIn: string; sites: string[] }>();
  const note = (page: Page, other: Page | undefined, path: string, shownIn: string, site: string) => {
    const key = `${page.file}|${other?.file ?? ''}|${path}`;
    const clash = clashes.get(key) ?? { page, other, path, shownIn, sites: [] };
    clash.sites.push(site);
    clashes.set(key, clash);
  };
  for (const country of countries) {
    const owners = new Map<string, { page: Page; locale: string }>();
    for (const tag of country.languages) {
      for (const id of pageIdsFor({ pages }, country)) {
        const page = byKey.get(`${tag}/${id}`) ?? byKey.get(`${sourceLocale}/${id}`);
        if (!page) continue;
        const path = pagePath(country, tag, page);
        if (reservedPaths.has(path)) {
          note(page, undefined, path, tag, country.code);
          continue;
        }
        const owner = owners.get(path);
        if (!owner) {
          owners.set(path, { page, locale: tag });
          continue;
        }
        if (owner.page.file === page.file || owner.page.locale === page.locale) continue;
        // Change the translation, never the English page other languages fall back to; between two
        // translations, the one that is not a home page (a home page's address is its language's base).
        const [change, keep] =
          owner.page.locale === sourceLocale || (owner.page.data.slug === '' && page.data.slug !== '') ? [page, owner.page] : [owner.page, page];
        note(change, keep, path, tag, country.code);
      }
    }
  }
  for (const { page, other, path, shownIn, sites } of clashes.values()) {
    const taken = new Set(pages.filter((p) => p.locale === page.locale).map((p) => p.data.slug));
    const fix = slugFixArgs(page.data.title, page.locale, taken);
    const at = { file: page.file, line: slugLine(page.absolutePath), field: 'slug' };
    const slug = page.data.slug;
    issues.push(
      other
        ? contentIssue(
            'SlugAddressTaken',
            { slug, path, sites, other: other.file, ...(other.locale === sourceLocale && shownIn !== sourceLocale ? { shownIn } : {}), ...fix },
            at,
          )
        : contentIssue('SlugAddressReserved', { slug, path, sites, ...fix }, at),
    );
  }
}
