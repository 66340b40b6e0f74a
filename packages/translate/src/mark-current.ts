// `npm run translations -- mark-current <locale>[/<unit or page id>]`: records that the locale's
// texts were made from the current English (a page's `sourceHash`, every other unit's `from` in
// content/translations/<locale>.yaml), so a later change of the English shows them as outdated.
// Records of units that no longer exist are dropped. Nothing else changes: not a word of text, not a
// draft or reviewed state.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, localeUnits, sourceFingerprint, staleRecords, unitSources } from '@repo/content';
import { sourceLocale } from '@repo/i18n';
import { writeFiles } from './apply.ts';
import { readRecords, recordsFile, recordsText } from './records.ts';
import { setYamlString } from './yaml-edit.ts';

const frontmatterPattern = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n?)/;

export interface MarkResult {
  locale: string;
  units: number;
  pages: number;
  dropped: number;
  files: string[];
}

/** `target` is a locale, or a locale and a unit id or page id (`ro/ui:site.menu`, `el/report`). */
export function markCurrent(content: Content, target: string): MarkResult {
  const [locale = '', only] = target.split(/\/(.*)/s);
  if (locale === sourceLocale) throw new Error('English is the source: only translations are marked');
  const sources = unitSources(content);
  const units = localeUnits(content, locale, sources).filter(
    (u) => u.text !== undefined && u.derived !== true && (!only || u.id === only || u.id.startsWith(`${only}:`) || u.page === only),
  );
  if (units.length === 0)
    throw new Error(`No translated text matches "${target}". Write it as <locale> or <locale>/<unit or page id>, e.g. el, el/report or ro/ui:site.menu.`);
  const records = { ...readRecords(content.root, locale) };
  const files = new Map<string, string>();
  const pages = new Set<string>();
  for (const unit of units) {
    if (unit.kind === 'page') {
      if (pages.has(unit.page as string)) continue;
      pages.add(unit.page as string);
      const english = content.pages.find((p) => p.locale === sourceLocale && p.id === unit.page);
      const file = `pages/${locale}/${unit.page}.mdx`;
      const text = readFileSync(join(content.root, file), 'utf8');
      const m = frontmatterPattern.exec(text);
      if (!english || !m) continue;
      const fm = setYamlString(m[2] as string, ['sourceHash'], sourceFingerprint(english));
      files.set(file, `${m[1]}${fm}${m[3]}${text.slice(m[0].length)}`);
      continue;
    }
    records[unit.id] = { ...records[unit.id], from: unit.sourceHash };
  }
  const stale = only ? [] : staleRecords(content, locale, sources);
  for (const id of stale) delete records[id];
  const file = recordsFile(locale);
  const text = recordsText(locale, records);
  if (!existsSync(join(content.root, file)) || readFileSync(join(content.root, file), 'utf8') !== text) files.set(file, text);
  writeFiles(content.root, files);
  return { locale, units: units.filter((u) => u.kind !== 'page').length, pages: pages.size, dropped: stale.length, files: [...files.keys()].sort() };
}
