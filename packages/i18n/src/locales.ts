/**
 * The locale registry: every language a campaign site can speak, as content/locales.yaml declares it.
 * @repo/content reads and validates that file (`loadLocales`) and hands the list to `useLocales()`
 * before it validates anything else, so `isLocale`, `localeInfo` and `locales` answer for the content
 * that was loaded. Nothing here is hard-coded but English, the source every locale falls back to.
 */
export interface LocaleInfo {
  /** BCP 47 tag as used in content folders, `lang` attributes and hreflang, e.g. `sr-Latn`. */
  tag: string;
  /** URL path segment: lower-case, because URL helpers and hosts fold case anyway. */
  path: string;
  /** Name of the language in its own language and script, for the language switcher. */
  nativeName: string;
  /** English name, for error messages and reports. */
  englishName: string;
  /** ISO 15924 script code: one of `fontScripts`. */
  script: FontScript;
  /** Writing direction. */
  dir: 'ltr' | 'rtl';
  /** The plural categories of the language, as `Intl.PluralRules` names them: every plural message gives each one. */
  plurals: Intl.LDMLPluralRule[];
  /**
   * A locale whose text is derived by rule from another locale's (Serbian Latin from Serbian
   * Cyrillic): `npm run translations -- derive <tag>` writes it; a reviewer may override a unit.
   */
  derivedFrom?: { locale: string; rule: TransliterationRule };
}

/** Rules by which one locale's text is made from another's (see `transliterate` in scripts.ts). */
export const transliterationRules = ['serbian-cyrillic-to-latin'] as const;
export type TransliterationRule = (typeof transliterationRules)[number];

/**
 * The scripts the kit's fonts cover, with the @fontsource/noto-sans subset that draws each: the site
 * subsets these files and the print renderer draws with the same ones. A language in another script
 * needs font files first (code, not content).
 */
export const fontScripts = { Latn: 'latin', Cyrl: 'cyrillic', Grek: 'greek' } as const;
export type FontScript = keyof typeof fontScripts;

/** The language every piece of content is written in first; every other locale falls back to it. */
export const sourceLocale = 'en';

const registry = new Map<string, LocaleInfo>();
let allowed: ReadonlySet<string> = new Set();

/** Every declared locale by tag, in the order content/locales.yaml lists them. Empty until content is loaded. */
export const locales: ReadonlyMap<string, LocaleInfo> = registry;

/**
 * Makes `list` the registry (called by @repo/content's loader with content/locales.yaml). Replaces
 * whatever was loaded before, so loading another content folder answers for that folder.
 */
export function useLocales(list: readonly LocaleInfo[], allowedForeignWords: readonly string[] = []): void {
  registry.clear();
  for (const info of list) registry.set(info.tag, info);
  allowed = new Set(allowedForeignWords);
}

/** Words any locale's text may contain in another script (brand names, abbreviations), from content/locales.yaml. */
export function allowedForeignWords(): ReadonlySet<string> {
  return allowed;
}

export function isLocale(tag: string): boolean {
  return registry.has(tag);
}

export function localeInfo(tag: string): LocaleInfo {
  const info = registry.get(tag);
  if (info) return info;
  if (registry.size === 0)
    throw new Error(`Unknown locale "${tag}": no locales are loaded yet. Load the content first (loadContent in @repo/content reads content/locales.yaml).`);
  throw new Error(`Unknown locale "${tag}". Known locales: ${[...registry.keys()].join(', ')}. Declare it in content/locales.yaml.`);
}

/** The plural categories `Intl.PluralRules` gives a tag (cardinal), in CLDR order. */
export function intlPluralCategories(tag: string): Intl.LDMLPluralRule[] {
  const order: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const found = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  return order.filter((c) => found.includes(c));
}
