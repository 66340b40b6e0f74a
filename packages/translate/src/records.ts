// content/translations/<locale>.yaml, written whole: one line per unit, sorted by id, so a review
// shows exactly which units changed. The loader reads it (@repo/content records.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type UnitRecord, yamlSchemaLine } from '@repo/content';
import { localeInfo } from '@repo/i18n';
import { parse } from 'yaml';

export function recordsFile(locale: string): string {
  return `translations/${locale}.yaml`;
}

export function readRecords(root: string, locale: string): Record<string, UnitRecord> {
  const path = join(root, recordsFile(locale));
  if (!existsSync(path)) return {};
  return ((parse(readFileSync(path, 'utf8')) as { units?: Record<string, UnitRecord> } | null)?.units ?? {}) as Record<string, UnitRecord>;
}

// Fingerprints are quoted: one of digits only, or like 1e5…, would read back as a number.
const quote = (key: string, s: string) => (key !== 'from' && key !== 'over' && /^[\p{L}][\p{L}\p{M} .'-]*$/u.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s));

export function recordsText(locale: string, units: Record<string, UnitRecord>): string {
  const lines = Object.keys(units)
    .sort()
    .map((id) => {
      const r = units[id] as UnitRecord;
      const fields = (['from', 'state', 'reviewer', 'over'] as const).filter((k) => r[k] !== undefined).map((k) => `${k}: ${quote(k, r[k] as string)}`);
      return `  ${JSON.stringify(id)}: { ${fields.join(', ')} }`;
    });
  let name = locale;
  try {
    name = `${localeInfo(locale).englishName} (${locale})`;
  } catch {}
  return [
    yamlSchemaLine(recordsFile(locale)),
    `# The record of every translated text in ${name}: the fingerprint of the English text it was`,
    '# translated from (from), draft or reviewed (state) and by whom (reviewer). Written by',
    '# npm run translations (import, derive, mark-current): see the README section "Translators".',
    '# Field meanings: packages/content/src/schema/translation-record.ts',
    `units:${lines.length ? '' : ' {}'}`,
    ...lines,
    '',
  ].join('\n');
}
