// content/translations/<locale>.yaml: the record of each translated text of a locale (what English it
// was made from, draft or reviewed, by whom). Written by `npm run translations` (import, derive,
// mark-current), never by hand in the normal course; read here and in units.ts.
import { join } from 'node:path';
import { isLocale, sourceLocale } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import { translationRecordSchema, type UnitRecord } from './schema/index.ts';
import { readYaml, yamlFiles } from './yaml-file.ts';

/** The records of every locale, by locale and unit id. */
export type TranslationRecords = Map<string, Record<string, UnitRecord>>;

export function loadTranslationRecords(root: string, issues: ContentIssue[]): TranslationRecords {
  const records: TranslationRecords = new Map();
  for (const name of yamlFiles(join(root, 'translations'))) {
    const file = `translations/${name}`;
    const tag = name.replace(/\.ya?ml$/, '');
    if (!isLocale(tag) || tag === sourceLocale) {
      issues.push(tag === sourceLocale ? contentIssue('RecordsOfEnglish', {}, { file }) : contentIssue('RecordsUnknownLocale', { tag }, { file }));
      continue;
    }
    const parsed = readYaml(join(root, file), translationRecordSchema, file, issues);
    if (parsed) records.set(tag, parsed.units);
  }
  return records;
}
