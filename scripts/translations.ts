// `npm run translations`: the state of every translatable text (pages, interface strings, poster
// lines, country names, helpline purposes, campaign statements, figures) per locale: missing,
// outdated, draft or reviewed. Subcommands (README, "Translators"):
//   export <locale> [--out <file>] [--all] [--xliff 2]   XLIFF 1.2 (or 2.0) for a translator's tool
//   import <file> [--reviewer <name>]                    the translated XLIFF back into the content
//   derive <locale>                                      Serbian Latin from Serbian Cyrillic, by rule
//   mark-current <locale>[/<unit or page id>]            record that texts match the current English
//   report [--out <file>]                                the HTML status report
// `--mark-current <locale>[/<page-id>]` is the old spelling of mark-current.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadContent, translationReport } from '@repo/content';
import { isLocale, localeInfo, sourceLocale } from '@repo/i18n';
import {
  deriveLocale,
  exportedUnits,
  exportLocale,
  ImportRefused,
  importXliff,
  markCurrent,
  posterLineLimits,
  statusLines,
  translationsHtml,
} from '@repo/translate';

const root = resolve(process.env.CONTENT_DIR ?? resolve(import.meta.dirname, '..', 'content'));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    all: { type: 'boolean' },
    xliff: { type: 'string' },
    reviewer: { type: 'string' },
    details: { type: 'boolean' },
    'no-limits': { type: 'boolean' },
    'mark-current': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function content() {
  try {
    return loadContent(root);
  } catch (error) {
    if (error instanceof ContentError) fail(error.message);
    throw error;
  }
}

function needLocale(tag: string | undefined, verb: string) {
  const loaded = content();
  if (!tag || !isLocale(tag) || tag === sourceLocale) {
    fail(
      `Name the locale to ${verb}: npm run translations -- ${verb} <locale>, one of ${loaded.locales.locales
        .map((l) => l.tag)
        .filter((t) => t !== sourceLocale)
        .join(', ')}.`,
    );
  }
  return loaded;
}

const [command, arg] = values['mark-current'] ? ['mark-current', values['mark-current']] : positionals;

switch (command) {
  case 'export': {
    const loaded = needLocale(arg, 'export');
    const locale = arg as string;
    const version = values.xliff === '2' || values.xliff === '2.0' ? '2.0' : '1.2';
    if (values.xliff && version === '1.2' && values.xliff !== '1.2') fail(`--xliff ${values.xliff}: write 1.2 (the default) or 2.`);
    // Poster lines carry about how many characters fit (measured by the print copyfitter).
    const units = exportedUnits(loaded, locale, values.all ?? false);
    const texts = new Map(units.flatMap((u) => (u.text ? [[u.id, u.text] as [string, string]] : [])));
    const limits = values['no-limits'] ? undefined : posterLineLimits(loaded, locale, units, texts);
    const result = exportLocale(loaded, locale, { all: values.all ?? false, version, ...(limits ? { limits } : {}) });
    const out = values.out ?? `${locale}.xlf`;
    // An XLIFF file without a <file> is not valid XLIFF: nothing is written then.
    if (result.units === 0) {
      console.log(
        values.all
          ? `Nothing to export: ${localeInfo(locale).englishName} (${locale}) has no unit a site shows, so no file was written.`
          : `Nothing to translate: no unit of ${localeInfo(locale).englishName} (${locale}) is missing or outdated, so no file was written. Add --all to export every unit, e.g. for review.`,
      );
      break;
    }
    writeFileSync(out, result.xliff);
    console.log(
      `Wrote ${out}: ${result.units} ${values.all ? '' : 'missing or outdated '}units of ${localeInfo(locale).englishName} (${locale}) as XLIFF ${version}.\nTranslate it in any XLIFF tool, then: npm run translations -- import ${out}`,
    );
    break;
  }
  case 'import': {
    if (!arg) fail('Name the XLIFF file: npm run translations -- import <file>');
    try {
      let text: string;
      try {
        text = readFileSync(arg, 'utf8');
      } catch (error) {
        fail(`Cannot read ${arg}: ${(error as Error).message}`);
      }
      const r = await importXliff(text, root, { file: arg, ...(values.reviewer ? { reviewer: values.reviewer } : {}) });
      console.log(
        `Imported ${arg} into ${localeInfo(r.locale).englishName} (${r.locale}): ${r.draft} draft, ${r.reviewed} reviewed, ${r.skipped} left as they were${r.derived ? `; ${r.derived} units of derived locales written again` : ''}.`,
      );
      for (const f of r.files) console.log(`  content/${f}`);
      // Units left as they were, by reason: one line per reason, naming every unit.
      const byReason = new Map<string, string[]>();
      for (const l of r.left) byReason.set(l.message, [...(byReason.get(l.message) ?? []), l.unit]);
      if (byReason.size) console.log('Left as they were:');
      for (const [reason, units] of byReason) console.log(`  ${units.join(', ')}: ${reason}`);
      if (r.notes.length) console.log('Note:');
      for (const n of r.notes) console.log(`  ${n.unit}: ${n.message}`);
    } catch (error) {
      if (error instanceof ImportRefused || error instanceof ContentError) fail(error.message);
      throw error;
    }
    break;
  }
  case 'derive': {
    const loaded = needLocale(arg, 'derive');
    if (!localeInfo(arg as string).derivedFrom) fail(`${arg} is not derived from another locale (content/locales.yaml gives it no derivedFrom).`);
    void loaded;
    try {
      const r = deriveLocale(root, arg as string);
      console.log(`Derived ${r.units} units of ${arg} from ${localeInfo(arg as string).derivedFrom?.locale}; kept ${r.overrides} reviewer overrides.`);
      for (const f of r.files) console.log(`  content/${f}`);
    } catch (error) {
      if (error instanceof ContentError) fail(error.message);
      throw error;
    }
    break;
  }
  case 'mark-current': {
    const loaded = content();
    try {
      const r = markCurrent(loaded, arg ?? '');
      console.log(
        `Marked ${r.units} units and ${r.pages} pages of ${r.locale} as translated from the current English${r.dropped ? `; dropped ${r.dropped} records of removed texts` : ''}.`,
      );
    } catch (error) {
      fail((error as Error).message);
    }
    break;
  }
  case 'report': {
    const loaded = content();
    const out = values.out ?? 'translations.html';
    writeFileSync(out, translationsHtml(loaded, translationReport(loaded)));
    console.log(`Wrote ${out}.`);
    break;
  }
  case undefined: {
    const loaded = content();
    for (const line of statusLines(translationReport(loaded), { details: values.details ?? false })) console.log(line);
    console.log(
      '\nDrafts are shown with a notice until a native speaker reviews them. Export what a language needs: npm run translations -- export <locale> (README, "Translators").',
    );
    break;
  }
  default:
    fail(`Unknown command "${command}". Use export, import, derive, mark-current or report (README, "Translators").`);
}
