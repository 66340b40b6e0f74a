// content/locales.yaml: the languages of the campaign. Read first, because every other file is
// checked against it (a per-language field, a page folder, a UI file must name a declared locale).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgsOf, ContentCode } from '@repo/errors';
import { type FontScript, fontScripts, intlPluralCategories, type LocaleInfo, sourceLocale, useLocales } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import { type LocaleEntry, localesFileSchema } from './schema/index.ts';
import { readYaml } from './yaml-file.ts';

const file = 'locales.yaml';

/** The locales as content declares them, with the words allowed in another script. */
export interface LocaleRegistry {
  locales: LocaleInfo[];
  allowedForeignWords: string[];
}

/**
 * Reads and checks content/locales.yaml and makes it the registry of @repo/i18n (`useLocales`).
 * Each entry is checked: its tag is a canonical BCP 47 tag (`Intl.getCanonicalLocales`), declared
 * once, with its own path; its script is the language's (`Intl.Locale#maximize`) and one the fonts
 * cover; its direction is the script's; its plural categories are exactly `Intl.PluralRules`'. Entries
 * with a problem are left out of the registry, so content in that language is reported too.
 * Returns undefined when the file is missing or cannot be read at all.
 */
export function loadLocales(root: string, issues: ContentIssue[]): LocaleRegistry | undefined {
  const path = join(root, file);
  if (!existsSync(path)) {
    issues.push(contentIssue('LocalesFileMissing', {}, { file }));
    useLocales([]);
    return undefined;
  }
  const parsed = readYaml(path, localesFileSchema, file, issues);
  if (!parsed) {
    useLocales([]);
    return undefined;
  }
  const good: LocaleInfo[] = [];
  const tags = new Map<string, number>();
  const paths = new Map<string, number>();
  parsed.locales.forEach((entry, i) => {
    const before = issues.length;
    const at: At = (field, code, args) => issues.push(contentIssue(code, args, { file, field: `locales.${i}.${field}` }));
    checkTag(entry, at);
    const twice = tags.get(entry.tag);
    if (twice !== undefined) at('tag', 'LocaleDeclaredTwice', { tag: entry.tag, other: twice });
    else tags.set(entry.tag, i);
    const samePath = paths.get(entry.path);
    if (samePath !== undefined) at('path', 'LocalePathTaken', { tag: entry.tag, path: entry.path, other: samePath });
    else paths.set(entry.path, i);
    if (issues.length === before) good.push(toInfo(entry));
  });
  const known = new Set(good.map((l) => l.tag));
  parsed.locales.forEach((entry, i) => {
    if (entry.derivedFrom && !known.has(entry.derivedFrom.locale))
      issues.push(
        contentIssue('DerivedFromUnknownLocale', { locale: entry.derivedFrom.locale, tag: entry.tag }, { file, field: `locales.${i}.derivedFrom.locale` }),
      );
  });
  if (!known.has(sourceLocale) && !parsed.locales.some((l) => l.tag === sourceLocale))
    issues.push(contentIssue('EnglishNotDeclared', { source: sourceLocale }, { file, field: 'locales' }));
  useLocales(good, parsed.allowedForeignWords);
  return { locales: good, allowedForeignWords: parsed.allowedForeignWords };
}

/** Reports a problem of one entry's field. */
type At = <C extends ContentCode>(field: string, code: C, args: ArgsOf<C>) => void;

function checkTag(entry: LocaleEntry, at: At) {
  const tag = entry.tag;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    at('tag', 'LocaleTagInvalid', { tag });
    return;
  }
  if (canonical !== tag) {
    at('tag', 'LocaleTagNotCanonical', { tag, canonical: canonical ?? '' });
    return;
  }
  if (!(entry.script in fontScripts)) at('script', 'ScriptWithoutFonts', { tag, script: entry.script, scripts: Object.keys(fontScripts) });
  if (entry.path !== tag.toLowerCase()) at('path', 'LocalePathMismatch', { path: entry.path, tag });
  const locale = new Intl.Locale(tag);
  const script = locale.maximize().script;
  if (script && script !== entry.script) at('script', 'LocaleScriptMismatch', { declared: entry.script, tag, script, language: locale.language });
  const direction = (locale as Intl.Locale & { getTextInfo?: () => { direction?: string } }).getTextInfo?.().direction;
  if (direction && direction !== entry.dir) at('dir', 'LocaleDirectionMismatch', { declared: entry.dir, tag, direction });
  const plurals = intlPluralCategories(tag);
  const declared = [...entry.plurals].sort().join(' ');
  if (declared !== [...plurals].sort().join(' ') || new Set(entry.plurals).size !== entry.plurals.length)
    at('plurals', 'LocalePluralsMismatch', { declared: entry.plurals, tag, plurals });
}

function toInfo(entry: LocaleEntry): LocaleInfo {
  return {
    tag: entry.tag,
    path: entry.path,
    nativeName: entry.nativeName,
    englishName: entry.englishName,
    script: entry.script as FontScript,
    dir: entry.dir,
    plurals: intlPluralCategories(entry.tag),
    ...(entry.derivedFrom ? { derivedFrom: entry.derivedFrom } : {}),
  };
}
