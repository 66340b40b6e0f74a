// Interface strings a locale lacks. A translated UI file may hold any subset of the keys (schema/ui.ts):
// the site shows the English string for each missing one (createTranslator in @repo/i18n), with no
// notice, and a release build refuses only the missing strings that print files show (release.ts:
// `ui:helplines.call` and `ui:helplines.free`). So a missing key is not a content error, but readers
// of that language see English words on their pages: `npm run check:content` says so as a warning,
// per locale, with the keys, the sites and the fix.
import { localeInfo } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import type { Content } from './load.ts';
import { printedFiles, unitIsPrintedOn } from './release.ts';
import { localeUnits, translatedLocales, unitSources } from './units.ts';
import { placeLines } from './yaml-file.ts';

/** One warning per locale that lacks interface strings a site in that locale shows. */
export function missingUiStrings(content: Content): ContentIssue[] {
  const sources = unitSources(content).filter((u) => u.kind === 'ui');
  const files = printedFiles(content);
  const lineOf = placeLines(content.root);
  const warnings: ContentIssue[] = [];
  for (const locale of translatedLocales(content)) {
    const sites = content.countries.filter((c) => c.languages.includes(locale)).map((c) => c.code);
    const missing = localeUnits(content, locale, sources).filter((u) => u.needed && u.state === 'missing');
    if (missing.length === 0 || sites.length === 0) continue;
    const own = files.filter((f) => f.locale === locale);
    const printed = missing.filter((u) => own.some((f) => unitIsPrintedOn(u.id, { design: f.design.id, format: f.format, country: f.country })));
    const info = localeInfo(locale);
    warnings.push(
      contentIssue(
        'UiStringsMissing',
        {
          locale,
          language: info.englishName,
          keys: missing.map((u) => u.id.slice('ui:'.length)),
          sites,
          printed: printed.map((u) => u.id.slice('ui:'.length)),
          ...(info.derivedFrom ? { derivedFrom: info.derivedFrom.locale } : {}),
        },
        { file: `ui/${locale}.yaml`, line: lineOf(`ui/${locale}.yaml`, ['strings']), field: 'strings' },
      ),
    );
  }
  return warnings;
}
