// `npm run translations -- import <file>`: an XLIFF file from a translator's tool, checked unit by unit
// and written into the content, or refused whole. Refused, naming each unit and what is wrong, when
// the XML is malformed; the target language is not the file's locale; a unit id is unknown; a
// placeholder is missing or added; a plural form is missing; a text is over its poster box's limit
// (the print copyfitter); a text has letters of another script; or the content would not load (any
// other rule of the content). Nothing is written until every check has passed, on a copy.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, ContentError, fingerprint, loadContent, localeUnits, readableText, type Unit, type UnitSource, unitSources } from '@repo/content';
import { allowedForeignWords, checkMessage, foreignWords, isLocale, localeInfo, pluralCategoriesOf, sourceLocale, transliterate } from '@repo/i18n';
import { type Change, PlanError, planWrites, trialCopy, writeFiles } from './apply.ts';
import { deriveLocale } from './derive.ts';
import { posterLimitProblems } from './limits.ts';
import { assemblePlural, pluralOf, pluralVariant, type Segment, segmentsOf } from './segments.ts';
import { type ReadSegment, type ReadUnit, readXliff, XliffSyntaxError } from './xliff.ts';

/** One reason an import is refused: the unit (or file) and what is wrong with it. */
export interface ImportProblem {
  /** The unit id, or `file` for the whole file. */
  unit: string;
  message: string;
}

export class ImportRefused extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    const n = problems.length;
    super(
      `Import refused: ${n} ${n === 1 ? 'problem' : 'problems'}; nothing was changed:\n${problems.map((p) => `  ${p.unit}: ${p.message}`).join('\n')}\nFix them in the translation tool (or the file) and import it again.`,
    );
    this.name = 'ImportRefused';
    this.problems = problems;
  }
}

export interface ImportOptions {
  /** Reviewer for units signed off without a reviewer note. */
  reviewer?: string;
  /** Measure poster lines with the print copyfitter (default true). */
  checkPosterLimits?: boolean;
}

export interface ImportResult {
  locale: string;
  /** Units written, by state. */
  draft: number;
  reviewed: number;
  /** Units in the file left as they were (no target, or not translated yet). */
  skipped: number;
  /** Content files written, relative to the content root. */
  files: string[];
  /** Units of derived locales written again from the new text. */
  derived: number;
}

const signedOff12 = new Set(['signed-off', 'final']);
const signedOff20 = new Set(['reviewed', 'final']);
const notTranslated = new Set([
  'new',
  'needs-translation',
  'initial',
  'needs-review-translation',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-adaptation',
  'needs-review-l10n',
]);

/** The locale a content path belongs to (`content/ui/ro.yaml`, `content/pages/ro/home.mdx`), or undefined for a file of every locale. */
function localeOfPath(original: string): string | undefined {
  const m = /^content\/(?:ui|translations)\/([^/]+)\.ya?ml$/.exec(original) ?? /^content\/pages\/([^/]+)\//.exec(original);
  return m?.[1];
}

/** The source's codes by id (what the exporter numbered 1, 2 …). */
function codeIds(source: Segment[]): Map<string, string> {
  const ids = new Map<string, string>();
  let n = 0;
  for (const s of source) if (typeof s !== 'string') ids.set(String(++n), s.code);
  return ids;
}

/** A target's text with the source's codes put back by id, and what is missing or added. */
function rebuild(target: ReadSegment[], source: Segment[]): { text: string; missing: string[]; added: string[] } {
  const ids = codeIds(source);
  const used = new Map<string, number>();
  const added: string[] = [];
  let text = '';
  for (const s of target) {
    if (typeof s === 'string') text += s;
    else {
      const code = ids.get(s.ref);
      if (code === undefined) added.push(`<${s.element} id="${s.ref}"/>`);
      else {
        used.set(s.ref, (used.get(s.ref) ?? 0) + 1);
        if ((used.get(s.ref) ?? 0) > 1) added.push(`a second ${code}`);
        text += code;
      }
    }
  }
  const missing = [...ids].filter(([id]) => !used.has(id)).map(([, code]) => code);
  return { text, missing, added };
}

export async function importXliff(xliffText: string, root: string, options: ImportOptions = {}): Promise<ImportResult> {
  let doc: ReturnType<typeof readXliff>;
  try {
    doc = readXliff(xliffText);
  } catch (error) {
    if (error instanceof XliffSyntaxError) throw new ImportRefused(error.problems.map((p) => ({ unit: 'file', message: `malformed XML or not XLIFF: ${p}` })));
    throw error;
  }
  const content = loadContent(root);
  const problems: ImportProblem[] = [];

  // The language: one declared target language, the locale of every file's content path.
  const languages = [...new Set(doc.files.map((f) => f.targetLanguage ?? ''))];
  const locale = languages[0] ?? '';
  if (doc.files.length === 0) problems.push({ unit: 'file', message: 'holds no <file>: nothing to import' });
  if (languages.length > 1)
    problems.push({ unit: 'file', message: `has files in several target languages (${languages.join(', ')}): import one language per file` });
  else if (!isLocale(locale) || locale === sourceLocale) {
    problems.push({
      unit: 'file',
      message: `target language "${locale}" is not a translated locale of content/locales.yaml (${content.locales.locales
        .map((l) => l.tag)
        .filter((t) => t !== sourceLocale)
        .join(', ')}): set the project's target language to the exact tag, e.g. ro, not ro-RO`,
    });
  }
  for (const file of doc.files) {
    if (file.sourceLanguage && file.sourceLanguage !== sourceLocale)
      problems.push({
        unit: 'file',
        message: `${file.original}: source language is "${file.sourceLanguage}", but the source of every translation is "${sourceLocale}"`,
      });
    const own = localeOfPath(file.original);
    if (own && own !== locale)
      problems.push({ unit: 'file', message: `target language "${locale}" is not the locale of ${file.original} (${own}): this file was exported for ${own}` });
    for (const u of file.units)
      if (u.targetLanguage && u.targetLanguage !== locale)
        problems.push({ unit: u.id, message: `its target is marked xml:lang="${u.targetLanguage}", not the file's target language "${locale}"` });
  }
  if (problems.length) throw new ImportRefused(problems);

  const info = localeInfo(locale);
  const sources = unitSources(content);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const current = new Map(localeUnits(content, locale, sources).map((u) => [u.id, u]));
  const origin = info.derivedFrom ? new Map(localeUnits(content, info.derivedFrom.locale, sources).map((u) => [u.id, u])) : undefined;
  const allowed = allowedForeignWords();
  const changes: Change[] = [];
  let skipped = 0;
  const plurals = new Map<string, { unit: UnitSource; forms: Map<string, string>; readUnits: ReadUnit[] }>();

  const accept = (unit: UnitSource, text: string, read: ReadUnit[]) => {
    const version = doc.version;
    const signed = read.every((r) => r.approved || (version === '1.2' ? signedOff12 : signedOff20).has(r.state ?? ''));
    const reviewer = read.flatMap((r) => r.notes.filter((n) => n.from === 'reviewer').map((n) => n.text)).find(Boolean) ?? options.reviewer;
    if (signed && !reviewer) {
      problems.push({
        unit: unit.id,
        message:
          'is signed off without a reviewer: add <note from="reviewer">their name</note> (XLIFF 2.0: <note category="reviewer">), or import with --reviewer "<name>"',
      });
      return;
    }
    const foreign = foreignWords(readableText(unit, text), info.script, allowed);
    if (foreign.length) {
      problems.push({
        unit: unit.id,
        message: `has letters that are not ${info.script === 'Cyrl' ? 'Cyrillic' : info.script === 'Grek' ? 'Greek' : 'Latin'} (the script of ${info.englishName}) in ${foreign
          .map((f) => `"${f.word}" (${f.letters})`)
          .join(', ')}: retype them, or add a brand name to allowedForeignWords in content/locales.yaml`,
      });
      return;
    }
    if (unit.kind === 'ui') {
      for (const p of checkMessage(text, locale, unit.source))
        problems.push({ unit: unit.id, message: `${p.form ? `plural form "${p.form}": ` : ''}${p.message}; ${p.fix}` });
    }
    const from = origin?.get(unit.id)?.text;
    if (info.derivedFrom && from !== undefined) {
      const derived = transliterate(from, info.derivedFrom.rule);
      if (text === derived) {
        changes.push({ unit, text, state: 'derived' });
        return;
      }
      if (!signed) {
        problems.push({
          unit: unit.id,
          message: `differs from what ${info.englishName} is derived to from ${localeInfo(info.derivedFrom.locale).englishName} ("${derived.slice(0, 80)}"): change the ${info.derivedFrom.locale} text instead, or sign the unit off as a reviewer's own wording`,
        });
        return;
      }
      changes.push({ unit, text, state: 'reviewed', ...(reviewer ? { reviewer } : {}), over: fingerprint(from) });
      return;
    }
    changes.push({ unit, text, state: signed ? 'reviewed' : 'draft', ...(signed && reviewer ? { reviewer } : {}) });
  };

  for (const file of doc.files) {
    for (const read of file.units) {
      const pluralMatch = /^(ui:[^:]+):([a-z]+)$/.exec(read.id);
      const unit = byId.get(read.id) ?? (pluralMatch ? byId.get(pluralMatch[1] as string) : undefined);
      if (!unit) {
        problems.push({
          unit: read.id || '(no id)',
          message: `is not a unit of this content (the English text may have been removed or renamed): export ${locale} again`,
        });
        continue;
      }
      if (`content/${unit.place(locale).file}` !== file.original) {
        problems.push({ unit: read.id, message: `belongs in ${`content/${unit.place(locale).file}`}, but the file puts it in ${file.original}` });
        continue;
      }
      const target = read.target;
      const text = target?.map((s) => (typeof s === 'string' ? s : '')).join('') ?? '';
      const untouched = !target || (text.trim() === '' && !target.some((s) => typeof s !== 'string')) || notTranslated.has(read.state ?? '');
      if (pluralMatch && !byId.has(read.id)) {
        const form = pluralMatch[2] as string;
        const english = pluralOf(unit.source);
        if (!english) {
          problems.push({ unit: read.id, message: `${unit.id} has no plural forms in English` });
          continue;
        }
        if (!pluralCategoriesOf(locale).includes(form)) {
          problems.push({
            unit: read.id,
            message: `"${form}" is not a plural form of ${info.englishName} (its forms: ${pluralCategoriesOf(locale).join(', ')})`,
          });
          continue;
        }
        const entry = plurals.get(unit.id) ?? { unit, forms: new Map<string, string>(), readUnits: [] };
        plurals.set(unit.id, entry);
        if (untouched) continue;
        const source = segmentsOf(unit, pluralVariant(english, form) as string);
        const built = rebuild(target as ReadSegment[], source);
        if (built.missing.length)
          problems.push({
            unit: read.id,
            message: `leaves out the placeholder${built.missing.length > 1 ? 's' : ''} ${built.missing.join(', ')}: keep every inline code of the source`,
          });
        if (built.added.length) problems.push({ unit: read.id, message: `adds ${built.added.join(', ')}, which the source does not have: remove it` });
        entry.forms.set(form, built.text);
        entry.readUnits.push(read);
        continue;
      }
      if (untouched) {
        skipped++;
        continue;
      }
      const source = segmentsOf(unit, unit.source);
      const built = rebuild(target as ReadSegment[], source);
      if (built.missing.length)
        problems.push({
          unit: read.id,
          message: `leaves out the placeholder${built.missing.length > 1 ? 's' : ''} ${built.missing.join(', ')}: keep every inline code of the source`,
        });
      if (built.added.length) problems.push({ unit: read.id, message: `adds ${built.added.join(', ')}, which the source does not have: remove it` });
      if (built.missing.length || built.added.length) continue;
      if (built.text.trim() === '') {
        skipped++;
        continue;
      }
      accept(unit, unit.kind === 'page' && unit.id.endsWith(':body') ? built.text : built.text.trim(), [read]);
    }
  }

  // A plural string is whole only with every form of the language.
  for (const [id, { unit, forms, readUnits }] of plurals) {
    if (forms.size === 0) {
      skipped++;
      continue;
    }
    const needed = pluralCategoriesOf(locale);
    const missing = needed.filter((f) => !forms.has(f));
    for (const form of missing)
      problems.push({ unit: `${id}:${form}`, message: `plural form "${form}" is missing: ${info.englishName} needs ${needed.join(', ')}, each translated` });
    if (missing.length) continue;
    const english = pluralOf(unit.source);
    // The message as written stays when it says the same in every form (it may keep text outside the plural).
    const existing = current.get(id)?.text;
    const before = existing === undefined ? undefined : pluralOf(existing);
    const same = before && needed.every((f) => pluralVariant(before, f) === forms.get(f));
    accept(unit, same ? (existing as string) : assemblePlural(english?.name ?? 'count', new Map(needed.map((f) => [f, forms.get(f) as string]))), readUnits);
  }
  // Written in a copy first (the units without a problem so far, so that every problem of the file is
  // reported at once): the whole content must still load, and printed texts fit their boxes.
  const refused = new Set(problems.map((p) => p.unit.replace(/^(ui:[^:]+):[a-z]+$/, '$1')));
  changes.splice(0, changes.length, ...changes.filter((c) => !refused.has(c.unit.id)));
  let files: Map<string, string>;
  try {
    files = planWrites(
      content,
      locale,
      changes.filter((c) => !(c.state === 'derived' && current.get(c.unit.id)?.text === c.text)),
    );
  } catch (error) {
    if (error instanceof PlanError) throw new ImportRefused([...problems, { unit: error.unit, message: error.message }]);
    throw error;
  }
  for (const [file, text] of files) if (existsSync(join(root, file)) && readFileSync(join(root, file), 'utf8') === text) files.delete(file);
  const trial = trialCopy(root, files);
  try {
    let checked: Content;
    try {
      checked = loadContent(trial.dir);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      throw new ImportRefused([
        ...problems,
        ...error.issues.map((issue) => ({
          unit: unitOfIssue(changes, locale, issue.file, issue.field) ?? `content/${issue.file}`,
          message: `${issue.field ? `field "${issue.field}" ` : ''}${issue.message}${issue.fix ? ` (fix: ${issue.fix})` : ''}`,
        })),
      ]);
    }
    if (options.checkPosterLimits !== false) {
      const printed = new Set(
        changes.map((c) => c.unit.id).filter((id) => /^(poster:|helpline:|campaign:funding|ui:helplines\.)/.test(id) && !id.endsWith(':name')),
      );
      problems.push(...(printed.size ? posterLimitProblems(checked, locale, printed) : []));
    }
    if (problems.length) throw new ImportRefused(problems);
  } finally {
    trial.remove();
  }
  writeFiles(root, files);

  // Locales made from this one by rule follow it.
  let derived = 0;
  for (const other of content.locales.locales.filter((l) => l.derivedFrom?.locale === locale)) {
    derived += deriveLocale(root, other.tag).units;
  }
  return {
    locale,
    draft: changes.filter((c) => c.state === 'draft').length,
    reviewed: changes.filter((c) => c.state === 'reviewed').length,
    skipped,
    files: [...files.keys()].sort(),
    derived,
  };
}

/** The unit a content issue is about, when one of the changes wrote that file and field. */
function unitOfIssue(changes: Change[], locale: string, file: string, field: string | undefined): string | undefined {
  const inFile = changes.filter((c) => c.unit.place(locale).file === file);
  if (!field) return inFile.length === 1 ? inFile[0]?.unit.id : undefined;
  return (inFile.find((c) => c.unit.place(locale).path.join('.') === field) ?? inFile.find((c) => field.startsWith(c.unit.place(locale).path.join('.'))))?.unit
    .id;
}

export type { Unit };
