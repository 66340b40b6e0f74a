// content/locales.yaml: the languages of the campaign. Read first, because every other file is
// checked against it (a per-language field, a page folder, a UI file must name a declared locale).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type FontScript, fontScripts, intlPluralCategories, type LocaleInfo, sourceLocale, useLocales } from '@repo/i18n';
import type { ContentIssue } from './issues.ts';
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
    issues.push({
      file,
      message: 'is missing',
      fix: 'create content/locales.yaml declaring every language of the campaign; see the README section "Add a language"',
    });
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
    const at = (field: string, message: string, fix: string) => issues.push({ file, field: `locales.${i}.${field}`, message, fix });
    checkTag(entry, at);
    const twice = tags.get(entry.tag);
    if (twice !== undefined) at('tag', `declares "${entry.tag}" again (also locales.${twice})`, 'declare each locale once: remove or merge one entry');
    else tags.set(entry.tag, i);
    const samePath = paths.get(entry.path);
    if (samePath !== undefined) at('path', `"${entry.path}" is also the path of locales.${samePath}`, 'give each locale its own path');
    else paths.set(entry.path, i);
    if (issues.length === before) good.push(toInfo(entry));
  });
  const known = new Set(good.map((l) => l.tag));
  parsed.locales.forEach((entry, i) => {
    if (entry.derivedFrom && !known.has(entry.derivedFrom.locale)) {
      issues.push({
        file,
        field: `locales.${i}.derivedFrom.locale`,
        message: `names "${entry.derivedFrom.locale}", which is not a declared locale`,
        fix: `use the tag of the locale ${entry.tag} is derived from, e.g. sr-Cyrl`,
      });
    }
  });
  if (!known.has(sourceLocale) && !parsed.locales.some((l) => l.tag === sourceLocale)) {
    issues.push({
      file,
      field: 'locales',
      message: `does not declare "${sourceLocale}"`,
      fix: 'declare English: it is the source of every translation and every locale falls back to it',
    });
  }
  useLocales(good, parsed.allowedForeignWords);
  return { locales: good, allowedForeignWords: parsed.allowedForeignWords };
}

function checkTag(entry: LocaleEntry, at: (field: string, message: string, fix: string) => void) {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(entry.tag)[0];
  } catch {
    at('tag', `"${entry.tag}" is not a valid BCP 47 language tag`, 'write a language code with an optional script or region, e.g. hu, sr-Latn or pt-BR');
    return;
  }
  if (canonical !== entry.tag) {
    at('tag', `"${entry.tag}" is not written in its canonical form "${canonical}"`, `write tag: ${canonical} (and name its files and folders so)`);
    return;
  }
  if (!(entry.script in fontScripts)) {
    at(
      'script',
      `script "${entry.script}" is not one the fonts cover (${Object.keys(fontScripts).join(', ')})`,
      'a language in another script needs font files first: add its Noto Sans subset to the site (apps/site/src/lib/fonts.ts) and the print fonts (packages/print/src/fonts.ts), then to fontScripts in packages/i18n/src/locales.ts',
    );
  }
  if (entry.path !== entry.tag.toLowerCase()) at('path', `is "${entry.path}" but the tag is "${entry.tag}"`, `write path: ${entry.tag.toLowerCase()}`);
  const locale = new Intl.Locale(entry.tag);
  const script = locale.maximize().script;
  if (script && script !== entry.script) {
    at(
      'script',
      `is ${entry.script}, but ${entry.tag} is written in ${script}`,
      `write script: ${script}, or add the script to the tag (e.g. ${locale.language}-${entry.script})`,
    );
  }
  const direction = (locale as Intl.Locale & { getTextInfo?: () => { direction?: string } }).getTextInfo?.().direction;
  if (direction && direction !== entry.dir) at('dir', `is ${entry.dir}, but ${entry.tag} is written ${direction}`, `write dir: ${direction}`);
  const plurals = intlPluralCategories(entry.tag);
  const declared = [...entry.plurals].sort().join(' ');
  if (declared !== [...plurals].sort().join(' ') || new Set(entry.plurals).size !== entry.plurals.length) {
    at(
      'plurals',
      `are [${entry.plurals.join(', ')}], but Intl.PluralRules gives ${entry.tag} [${plurals.join(', ')}]`,
      `write plurals: [${plurals.join(', ')}]`,
    );
  }
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
