// `npm run translations -- derive <locale>`: a locale whose text is made by rule from another's
// (content/locales.yaml `derivedFrom`: Serbian Latin from Serbian Cyrillic) is written from it, unit by
// unit, into the same files and fields a translation would go to. A unit a reviewer overrode (its
// record says `state: reviewed` with `over`) is kept. Its state is the origin's: the file, block or
// page of the derived text says the same `translation` (and `reviewedBy`, `sourceHash`) as the origin's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, ContentError, loadContent, localeUnits, unitSources } from '@repo/content';
import { localeInfo, transliterate } from '@repo/i18n';
import { parse } from 'yaml';
import { type Change, planWrites, trialCopy, writeFiles } from './apply.ts';
import { deleteYamlKey, setYamlString } from './yaml-edit.ts';

export interface DeriveResult {
  locale: string;
  /** Units written from the origin. */
  units: number;
  /** Units kept as a reviewer wrote them. */
  overrides: number;
  files: string[];
}

const frontmatterPattern = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n?)/;

/** The new text of every file deriving `locale` changes. */
export function planDerivation(content: Content, locale: string): { files: Map<string, string>; units: number; overrides: number } {
  const rule = localeInfo(locale).derivedFrom;
  if (!rule) throw new Error(`${locale} is not derived from another locale: content/locales.yaml gives it no derivedFrom`);
  const sources = unitSources(content);
  const origin = localeUnits(content, rule.locale, sources);
  const own = new Map(localeUnits(content, locale, sources).map((u) => [u.id, u]));
  const records = content.translations.get(locale) ?? {};
  const changes: Change[] = [];
  let overrides = 0;
  for (const unit of origin) {
    // Only what the derived locale's sites show or it already has: Bosnia and Herzegovina speaks
    // Serbian Cyrillic but not Serbian Latin, so its helplines get no Latin purposes.
    if (unit.text === undefined || !own.has(unit.id)) continue;
    if (records[unit.id]?.state === 'reviewed' && records[unit.id]?.over) {
      overrides++;
      continue;
    }
    const text = transliterate(unit.text, rule.rule);
    if (own.get(unit.id)?.text !== text) changes.push({ unit, text, state: 'derived' });
  }
  const files = planWrites(content, locale, changes);
  const read = (file: string) => files.get(file) ?? readOr(content, file);

  // The derived text's state is the origin's.
  const originUi = content.ui.get(rule.locale);
  const uiFile = `ui/${locale}.yaml`;
  const uiText = read(uiFile);
  if (originUi && uiText !== undefined && (parse(uiText) as { translation?: string }).translation !== originUi.translation)
    files.set(uiFile, setYamlString(uiText, ['translation'], originUi.translation));
  for (const design of content.posters) {
    const from = design.lines[rule.locale];
    const text = read(design.file);
    if (!from || text === undefined || !(parse(text) as { lines?: Record<string, unknown> }).lines?.[locale]) continue;
    let next = setYamlString(text, ['lines', locale, 'translation'], from.translation);
    next = from.reviewedBy ? setYamlString(next, ['lines', locale, 'reviewedBy'], from.reviewedBy) : deleteYamlKey(next, ['lines', locale, 'reviewedBy']);
    if (next !== text) files.set(design.file, next);
  }
  for (const page of content.pages.filter((p) => p.locale === rule.locale)) {
    const file = `pages/${locale}/${page.id}.mdx`;
    const text = read(file);
    const m = text === undefined ? null : frontmatterPattern.exec(text);
    if (!text || !m) continue;
    let fm = setYamlString(m[2] as string, ['translation'], page.data.translation);
    // The origin's slug is already in Latin letters without diacritics (slugify's rule for both scripts).
    fm = setYamlString(fm, ['slug'], page.data.slug);
    fm = page.data.reviewedBy ? setYamlString(fm, ['reviewedBy'], page.data.reviewedBy) : deleteYamlKey(fm, ['reviewedBy']);
    fm = page.data.sourceHash ? setYamlString(fm, ['sourceHash'], page.data.sourceHash) : deleteYamlKey(fm, ['sourceHash']);
    const next = `${m[1]}${fm}${m[3]}${text.slice(m[0].length)}`;
    if (next !== text) files.set(file, next);
  }
  return { files, units: changes.length, overrides };
}

function readOr(content: Content, file: string): string | undefined {
  const path = join(content.root, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Derives `locale` in the content at `root`: checked on a copy first (the content must load), then written. */
export function deriveLocale(root: string, locale: string): DeriveResult {
  const content = loadContent(root);
  const { files, units, overrides } = planDerivation(content, locale);
  if (files.size === 0) return { locale, units: 0, overrides, files: [] };
  const trial = trialCopy(root, files);
  try {
    loadContent(trial.dir);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentError(error.issues.map((i) => ({ ...i, message: `after deriving ${locale}: ${i.message}` })));
    throw error;
  } finally {
    trial.remove();
  }
  writeFiles(root, files);
  return { locale, units, overrides, files: [...files.keys()].sort() };
}
