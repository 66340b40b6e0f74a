/**
 * The locale registry: every language a campaign site can speak. Content may only use tags listed
 * here, so a typo such as `sr-latin` is caught by the content loader rather than by a reader.
 */
export interface LocaleInfo {
  /** BCP 47 tag as used in content folders, `lang` attributes and hreflang. */
  tag: string;
  /** URL path segment: lower-case, because URL helpers and hosts fold case anyway. */
  path: string;
  /** Name of the language in its own language and script, for the language switcher. */
  nativeName: string;
  /** English name, for error messages and reports. */
  englishName: string;
  /** ISO 15924 script code. */
  script: 'Latn' | 'Cyrl' | 'Grek';
  /** Writing direction. */
  dir: 'ltr' | 'rtl';
}

const list: LocaleInfo[] = [
  { tag: 'en', path: 'en', nativeName: 'English', englishName: 'English', script: 'Latn', dir: 'ltr' },
  { tag: 'el', path: 'el', nativeName: 'Ελληνικά', englishName: 'Greek', script: 'Grek', dir: 'ltr' },
  { tag: 'bg', path: 'bg', nativeName: 'Български', englishName: 'Bulgarian', script: 'Cyrl', dir: 'ltr' },
  { tag: 'ro', path: 'ro', nativeName: 'Română', englishName: 'Romanian', script: 'Latn', dir: 'ltr' },
  { tag: 'ru', path: 'ru', nativeName: 'Русский', englishName: 'Russian', script: 'Cyrl', dir: 'ltr' },
  { tag: 'uk', path: 'uk', nativeName: 'Українська', englishName: 'Ukrainian', script: 'Cyrl', dir: 'ltr' },
  { tag: 'sr-Cyrl', path: 'sr-cyrl', nativeName: 'Српски (ћирилица)', englishName: 'Serbian (Cyrillic)', script: 'Cyrl', dir: 'ltr' },
  { tag: 'sr-Latn', path: 'sr-latn', nativeName: 'Srpski (latinica)', englishName: 'Serbian (Latin)', script: 'Latn', dir: 'ltr' },
  { tag: 'sl', path: 'sl', nativeName: 'Slovenščina', englishName: 'Slovenian', script: 'Latn', dir: 'ltr' },
];

export const locales: ReadonlyMap<string, LocaleInfo> = new Map(list.map((l) => [l.tag, l]));

/** The language every piece of content is written in first; every other locale falls back to it. */
export const sourceLocale = 'en';

export function isLocale(tag: string): boolean {
  return locales.has(tag);
}

export function localeInfo(tag: string): LocaleInfo {
  const info = locales.get(tag);
  if (!info) throw new Error(`Unknown locale "${tag}". Known locales: ${[...locales.keys()].join(', ')}.`);
  return info;
}
