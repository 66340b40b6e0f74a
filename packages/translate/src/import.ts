// `npm run translations -- import <file>`: an XLIFF file from a translator's tool, checked unit by unit
// and written into the content, or refused whole. Refused, naming each unit and what is wrong (each
// cause once, every cause of the file in one run), when the XML is malformed; a language attribute
// is not the file's language; a unit id is unknown; a placeholder is missing or added; a plural form
// is missing; a text is over its poster box's limit (the print copyfitter); a text has letters of
// another script; a text changed in content/ since the file was exported and the file changes it too;
// or the content would not load (any other rule of the content). Nothing is written until every check
// has passed, on a copy.
//
// What is recorded: the English a unit was translated from is the file's <source>, not today's
// English: a file exported before the English changed leaves its units outdated (and says so). A page
// is reviewed as a whole: its units signed off while another of its units is not stay drafts (and the
// import says which units are missing). Units left as they were are named, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Content,
  ContentError,
  type ContentIssue,
  fingerprint,
  loadContent,
  localeUnits,
  readableText,
  sourceFingerprint,
  type Unit,
  type UnitSource,
  unitSources,
} from '@repo/content';
import { allowedForeignWords, checkMessage, foreignWords, isLocale, localeInfo, pluralCategoriesOf, sourceLocale, transliterate } from '@repo/i18n';
import { type Change, PlanError, planWrites, trialCopy, writeFiles } from './apply.ts';
import { deriveLocale } from './derive.ts';
import { exportedTarget, exportedTargetText, respaced } from './export.ts';
import { posterLimitProblems } from './limits.ts';
import { assemblePlural, pluralOf, pluralVariant, type Segment, segmentsOf } from './segments.ts';
import { type ReadDocument, type ReadSegment, type ReadUnit, readXliff, XliffSyntaxError } from './xliff.ts';

/** One reason an import is refused: the unit (or the XLIFF file) and what is wrong with it. */
export interface ImportProblem {
  /** The unit id, or the XLIFF file's name for the whole file. */
  unit: string;
  message: string;
}

/** Something the import did that the translator should know: a unit left as it was, a unit that stays outdated or a draft. */
export type ImportNote = ImportProblem;

export class ImportRefused extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[], file?: string) {
    const n = problems.length;
    super(
      `Import${file ? ` of ${file}` : ''} refused: ${n} ${n === 1 ? 'problem' : 'problems'}; nothing was changed:\n${problems.map((p) => `  ${p.unit}: ${p.message}`).join('\n')}\nFix them in the translation tool (or the file) and import it again.`,
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
  /** The XLIFF file's path as the user gave it, for messages. */
  file?: string;
}

export interface ImportResult {
  locale: string;
  /** Units written, by the state they have now (a signed-off unit of a page that stays a draft counts as a draft). */
  draft: number;
  reviewed: number;
  /** Units in the file left as they were (`left.length`). */
  skipped: number;
  /** Each unit left as it was, and why (no target, an empty target, not translated yet, changed in content/ since the export). */
  left: ImportNote[];
  /** Units written that stay outdated or a draft although the file says otherwise, and why. */
  notes: ImportNote[];
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

/** The translated locale a tag names: itself, or the tag without its last subtags (BCP 47 lookup: ro-RO is ro, sr-Latn-RS is sr-Latn). */
function lookupLocale(tag: string, translated: string[]): string | undefined {
  const parts = tag.split(/[-_]/);
  for (let n = parts.length; n > 0; n--) {
    const shorter = parts.slice(0, n).join('-').toLowerCase();
    const hit = translated.find((t) => t.toLowerCase() === shorter);
    if (hit) return hit;
  }
  return undefined;
}

const named = (tag: string) => (isLocale(tag) ? `${localeInfo(tag).englishName} (${tag})` : tag);
const listed = (items: string[], max = 4) =>
  items.length <= max
    ? items.length > 1
      ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
      : (items[0] ?? '')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
const short = (text: string, max = 70) => {
  const flat = respaced(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
/** Texts that read the same: translation tools may re-space a text. */
const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && respaced(a) === respaced(b);

/**
 * The locale the file is for, and one problem per wrong language attribute. The locale is that of the
 * content files its units go to (`<file original>`), else that of the declared target language; the
 * units are checked against it even when an attribute is wrong, so that the file's other problems
 * show in the same run.
 */
function fileLanguage(doc: ReadDocument, content: Content, label: string): { locale?: string; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const translated = content.locales.locales.map((l) => l.tag).filter((t) => t !== sourceLocale);
  if (doc.files.length === 0) return { problems: [{ unit: label, message: 'holds no <file>: nothing to import' }] };
  const byPath = new Map<string, string[]>();
  for (const file of doc.files) {
    const own = localeOfPath(file.original);
    if (own) byPath.set(own, [...(byPath.get(own) ?? []), file.original]);
  }
  if (byPath.size > 1) {
    const parts = [...byPath].map(([tag, files]) => `${tag} (${listed(files, 2)})`);
    return { problems: [{ unit: label, message: `holds units of several languages: ${parts.join('; ')}. Export and import one language per file` }] };
  }
  const fromPaths = [...byPath.keys()][0];
  if (fromPaths !== undefined && !translated.includes(fromPaths)) {
    return {
      problems: [
        {
          unit: label,
          message: `its units go to ${listed(byPath.get(fromPaths) ?? [], 2)}, which is not a translated language of content/locales.yaml (${translated.join(', ')}): export the language again and translate that file`,
        },
      ],
    };
  }
  // Where the target language is declared: each <file> (1.2), or <xliff> once (2.0).
  const declared =
    doc.version === '2.0'
      ? [{ value: doc.targetLanguage ?? '', original: undefined as string | undefined, line: doc.line }]
      : doc.files.map((f) => ({ value: f.targetLanguage ?? '', original: f.original as string | undefined, line: f.line }));
  let locale = fromPaths;
  if (locale === undefined) {
    const guesses = new Set(declared.map((d) => lookupLocale(d.value, translated)).filter((t): t is string => t !== undefined));
    if (guesses.size === 1) locale = [...guesses][0];
  }
  const attribute = doc.version === '2.0' ? 'trgLang' : 'target-language';
  const wrong = new Map<string, typeof declared>();
  for (const d of declared) if (d.value !== locale) wrong.set(d.value, [...(wrong.get(d.value) ?? []), d]);
  for (const [value, places] of wrong) {
    const on =
      doc.version === '2.0'
        ? `on <xliff>${places[0]?.line ? ` (line ${places[0].line})` : ''}`
        : places.length === doc.files.length && places.length > 1
          ? `on every <file> (${places.length})`
          : places.length === 1
            ? `on <file original="${places[0]?.original}">${places[0]?.line ? ` (line ${places[0].line})` : ''}`
            : `on the <file> elements of ${listed(places.map((p) => p.original as string))}`;
    const what = value === '' ? `no ${attribute} ${on}` : `${attribute}="${value}" ${on}`;
    let message: string;
    if (locale === undefined) {
      message = `${what}: not a translated language of content/locales.yaml (${translated.join(', ')}). Set the tool's target language to the exact tag of the language this file was exported for`;
    } else {
      const exportedFor = fromPaths
        ? `the file was exported for ${named(locale)} (its units go to ${listed(byPath.get(locale) ?? [], 2)})`
        : `the file is for ${named(locale)}`;
      const why =
        value === ''
          ? exportedFor
          : translated.includes(value)
            ? `but ${exportedFor}`
            : lookupLocale(value, translated) === locale
              ? `which is not the exact tag of ${named(locale)} that content/locales.yaml declares`
              : `which is not a language of content/locales.yaml; ${exportedFor}`;
      const otherwise = translated.includes(value) ? ` (if the texts are in ${named(value)}, export ${value} and translate that file instead)` : '';
      message = `${what}, ${why}: set it to "${locale}"${otherwise}`;
    }
    problems.push({ unit: label, message });
  }
  // The source language, and a language on a target: each wrong value once.
  const sources =
    doc.version === '2.0'
      ? [{ value: doc.sourceLanguage ?? '', at: '<xliff srcLang>' }]
      : doc.files.map((f) => ({ value: f.sourceLanguage ?? '', at: f.original }));
  const wrongSources = new Map<string, string[]>();
  for (const s of sources) if (s.value && s.value !== sourceLocale) wrongSources.set(s.value, [...(wrongSources.get(s.value) ?? []), s.at]);
  for (const [value, at] of wrongSources)
    problems.push({
      unit: label,
      message: `source language "${value}" (${doc.version === '2.0' ? 'srcLang on <xliff>' : `source-language of ${listed(at)}`}), but the source of every translation is ${named(sourceLocale)}: set it to "${sourceLocale}"`,
    });
  if (locale !== undefined) {
    const wrongTargets = new Map<string, string[]>();
    for (const file of doc.files)
      for (const u of file.units)
        if (u.targetLanguage && u.targetLanguage !== locale) wrongTargets.set(u.targetLanguage, [...(wrongTargets.get(u.targetLanguage) ?? []), u.id]);
    for (const [value, ids] of wrongTargets)
      problems.push({
        unit: ids.length === 1 ? (ids[0] as string) : label,
        message: `xml:lang="${value}" on the <target> of ${listed(ids)}, but the file is for ${named(locale)}: set it to "${locale}" or remove it`,
      });
  }
  return { ...(locale !== undefined ? { locale } : {}), problems };
}

/** The source's codes by id (what the exporter numbered 1, 2 …). */
function codeIds(source: Segment[]): Map<string, string> {
  const ids = new Map<string, string>();
  let n = 0;
  for (const s of source) if (typeof s !== 'string') ids.set(String(++n), s.code);
  return ids;
}

/** A source or target of the file as text: its codes as the file writes them, else as the code of that id in `codes`. */
function fileText(segments: ReadSegment[], codes: Map<string, string>): string {
  return segments.map((s) => (typeof s === 'string' ? s : (s.text ?? codes.get(s.ref) ?? ''))).join('');
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

/** One XLIFF unit of a unit (the unit itself, or one plural form of it), read and rebuilt. */
interface ReadPart {
  read: ReadUnit;
  form?: string;
  /** The text to write (for a part with missing codes: with them put at its end, to check the rest of it). */
  text: string;
  /** The English as the file has it, and whether that is today's. */
  fileSource: string;
  sourceCurrent: boolean;
  /** The file's target as text, its codes as the file writes them. */
  fileTarget: string;
  /** A code is missing or added: reported; the text goes only into the trial copy. */
  codesWrong: boolean;
}

/** A unit the file gives a text for. */
interface Candidate {
  unit: UnitSource;
  parts: ReadPart[];
  text: string;
  signed: boolean;
  reviewer?: string;
  /** Problems of the unit: any refuses the import. */
  problems: ImportProblem[];
  /** A problem is about the text itself (the content check of the trial copy would say it again): the text stays out of the trial copy. */
  textRefused: boolean;
  change?: Change;
}

export async function importXliff(xliffText: string, root: string, options: ImportOptions = {}): Promise<ImportResult> {
  const label = options.file ?? 'the XLIFF file';
  let doc: ReadDocument;
  try {
    doc = readXliff(xliffText);
  } catch (error) {
    if (error instanceof XliffSyntaxError)
      throw new ImportRefused(
        error.problems.map((p) => ({ unit: label, message: `malformed XML or not XLIFF: ${p}` })),
        options.file,
      );
    throw error;
  }
  const content = loadContent(root);
  const language = fileLanguage(doc, content, label);
  const problems: ImportProblem[] = [...language.problems];
  if (language.locale === undefined) throw new ImportRefused(problems, options.file);
  const locale = language.locale;

  const info = localeInfo(locale);
  const sources = unitSources(content);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const current = new Map(localeUnits(content, locale, sources).map((u) => [u.id, u]));
  const origin = info.derivedFrom ? new Map(localeUnits(content, info.derivedFrom.locale, sources).map((u) => [u.id, u])) : undefined;
  const allowed = allowedForeignWords();
  const signedStates = doc.version === '1.2' ? signedOff12 : signedOff20;
  const isSigned = (r: ReadUnit) => r.approved || signedStates.has(r.state ?? '');
  const left: ImportNote[] = [];
  const notes: ImportNote[] = [];
  const candidates: Candidate[] = [];
  const plurals = new Map<string, { unit: UnitSource; parts: ReadPart[]; untouched: { form: string; why: string }[] }>();

  /** Why a unit of the file has nothing to write, if so. */
  const untouchedBecause = (read: ReadUnit, target: string): string | undefined => {
    if (!read.hasTarget) return 'no target: not translated';
    if (notTranslated.has(read.state ?? '')) return `marked "${read.state}": not translated yet`;
    if (target.trim() === '' && !read.target?.some((s) => typeof s !== 'string'))
      return `its target is empty${isSigned(read) ? ` (though marked ${read.approved ? 'approved' : read.state})` : ''}`;
    return undefined;
  };

  /** A unit (or plural form) of the file, read against the English it belongs to. */
  const readPart = (read: ReadUnit, unit: UnitSource, english: string, form?: string): ReadPart | { untouched: string } => {
    const source = segmentsOf(unit, english);
    const englishCodes = codeIds(source);
    const fileSource = fileText(read.source, englishCodes);
    const fileSourceCodes = new Map([...englishCodes]);
    for (const s of read.source) if (typeof s !== 'string' && s.text) fileSourceCodes.set(s.ref, s.text);
    const target = read.target ?? [];
    const fileTarget = fileText(target, fileSourceCodes);
    const why = untouchedBecause(read, fileTarget);
    if (why) return { untouched: why };
    const built = rebuild(target, source);
    const id = read.id;
    if (built.missing.length)
      problems.push({
        unit: id,
        message: `leaves out the placeholder${built.missing.length > 1 ? 's' : ''} ${built.missing.join(', ')}: keep every inline code of the source`,
      });
    if (built.added.length) problems.push({ unit: id, message: `adds ${built.added.join(', ')}, which the source does not have: remove it` });
    const isBody = unit.kind === 'page' && unit.id.endsWith(':body');
    // Missing codes at the end, so that the rest of the text (its links, numbers …) is checked in the same run.
    const text = built.missing.length ? `${built.text}${isBody ? '\n\n' : ' '}${built.missing.join(isBody ? '\n\n' : ' ')}` : built.text;
    if (text.trim() === '') return { untouched: 'its target is empty' };
    return {
      read,
      ...(form !== undefined ? { form } : {}),
      text: isBody ? text : text.trim(),
      fileSource,
      sourceCurrent: same(fileSource, english),
      fileTarget,
      codesWrong: built.missing.length > 0 || built.added.length > 0,
    };
  };

  // A unit twice in the file (pasted twice, or two files joined): which one to write cannot be told.
  const times = new Map<string, number>();
  for (const read of doc.files.flatMap((f) => f.units)) if (read.id) times.set(read.id, (times.get(read.id) ?? 0) + 1);
  for (const [id, n] of times)
    if (n > 1) problems.push({ unit: id, message: `appears ${n} times in the file: keep one of them (the import cannot tell which to write)` });

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
        const entry = plurals.get(unit.id) ?? { unit, parts: [], untouched: [] };
        plurals.set(unit.id, entry);
        const part = readPart(read, unit, pluralVariant(english, form) as string, form);
        if ('untouched' in part) entry.untouched.push({ form, why: part.untouched });
        else entry.parts.push(part);
        continue;
      }
      const part = readPart(read, unit, unit.source);
      if ('untouched' in part) {
        left.push({ unit: read.id, message: part.untouched });
        continue;
      }
      candidates.push(candidate(unit, [part], part.text));
    }
  }

  // A plural string is whole only with every form of the language.
  for (const [id, { unit, parts, untouched }] of plurals) {
    if (parts.length === 0) {
      left.push({ unit: id, message: `none of its plural forms is translated (${[...new Set(untouched.map((u) => u.why))].join('; ')})` });
      continue;
    }
    const needed = pluralCategoriesOf(locale);
    const forms = new Map(parts.map((p) => [p.form as string, p.text]));
    const missing = needed.filter((f) => !forms.has(f));
    for (const form of missing)
      problems.push({ unit: `${id}:${form}`, message: `plural form "${form}" is missing: ${info.englishName} needs ${needed.join(', ')}, each translated` });
    if (missing.length) continue;
    const english = pluralOf(unit.source);
    // The message as written stays when it says the same in every form (it may keep text outside the plural).
    const existing = current.get(id)?.text;
    const before = existing === undefined ? undefined : pluralOf(existing);
    const unchanged = before && needed.every((f) => pluralVariant(before, f) === forms.get(f));
    candidates.push(
      candidate(
        unit,
        parts,
        unchanged ? (existing as string) : assemblePlural(english?.name ?? 'count', new Map(needed.map((f) => [f, forms.get(f) as string]))),
      ),
    );
  }

  function candidate(unit: UnitSource, parts: ReadPart[], text: string): Candidate {
    const reads = parts.map((p) => p.read);
    const reviewer = reads.flatMap((r) => r.notes.filter((n) => n.from === 'reviewer').map((n) => n.text)).find(Boolean) ?? options.reviewer;
    // The problems found while reading its parts (a missing or added code) are the unit's too.
    const found = problems.filter((q) => parts.some((p) => p.codesWrong && q.unit === p.read.id));
    return { unit, parts, text, signed: reads.every(isSigned), ...(reviewer ? { reviewer } : {}), problems: found, textRefused: false };
  }

  // Each unit: changed in content/ since the export? Then its own checks.
  for (const c of candidates) {
    const unit = c.unit;
    const now = current.get(unit.id);
    const kept = changedSinceExport(c, now);
    if (kept === 'left') continue;
    const text = c.text;
    const fail = (message: string, aboutText = true) => {
      c.problems.push({ unit: unit.id, message });
      if (aboutText) c.textRefused = true;
    };
    if (c.signed && !c.reviewer)
      fail(
        'is signed off without a reviewer: add <note from="reviewer">their name</note> (XLIFF 2.0: <note category="reviewer">), or import with --reviewer "<name>"',
        false,
      );
    const foreign = foreignWords(readableText(unit, text), info.script, allowed);
    if (foreign.length)
      fail(
        `has letters that are not ${info.script === 'Cyrl' ? 'Cyrillic' : info.script === 'Grek' ? 'Greek' : 'Latin'} (the script of ${info.englishName}) in ${foreign
          .map((f) => `"${f.word}" (${f.letters})`)
          .join(', ')}: retype them, or add a brand name to allowedForeignWords in content/locales.yaml`,
      );
    if (unit.kind === 'ui') for (const p of checkMessage(text, locale, unit.source)) fail(`${p.form ? `plural form "${p.form}": ` : ''}${p.message}; ${p.fix}`);
    const codesWrong = c.parts.some((p) => p.codesWrong);
    const sourceCurrent = c.parts.every((p) => p.sourceCurrent);
    // The English it was made from: the file's <source>. A unit made from an older English stays outdated.
    const from = sourceCurrent
      ? undefined
      : fingerprint(c.parts.length === 1 ? (c.parts[0] as ReadPart).fileSource : JSON.stringify(c.parts.map((p) => [p.form, p.fileSource])));
    const base = { unit, text, ...(from ? { from } : {}) };
    const originText = origin?.get(unit.id)?.text;
    if (info.derivedFrom && originText !== undefined && !codesWrong) {
      const derived = transliterate(originText, info.derivedFrom.rule);
      if (text === derived) c.change = { ...base, state: 'derived' };
      else if (!c.signed)
        fail(
          `differs from what ${info.englishName} is derived to from ${localeInfo(info.derivedFrom.locale).englishName} ("${derived.slice(0, 80)}"): change the ${info.derivedFrom.locale} text instead, or sign the unit off as a reviewer's own wording`,
        );
      else c.change = { ...base, state: 'reviewed', ...(c.reviewer ? { reviewer: c.reviewer } : {}), over: fingerprint(originText) };
    } else c.change = { ...base, state: c.signed ? 'reviewed' : 'draft', ...(c.signed && c.reviewer ? { reviewer: c.reviewer } : {}) };
    if (!sourceCurrent && c.change) {
      const english =
        unit.kind === 'page' && unit.id.endsWith(':body') ? '' : ` ("${short(c.parts.map((p) => p.fileSource).join(' | '))}"; today: "${short(unit.source)}")`;
      notes.push({
        unit: unit.id,
        message: `was translated from an older English text${english}: written as translated from that, so ${unit.kind === 'page' ? `page "${unit.page}" (all its units)` : 'it'} stays outdated. Export ${locale} again to translate the change`,
      });
    }
  }

  /**
   * Whether the unit's text changed in content/ since the file was exported. The file says what the
   * target was at export (`exportedTarget`): changed in content/ and not in the file, the unit is left
   * as content/ has it; changed in both, it is refused. A file without that record (exported before
   * it was written, or by a tool that dropped it) cannot tell: a unit reviewed in content/ is then not
   * replaced by an unsigned text.
   */
  function changedSinceExport(c: Candidate, now: Unit | undefined): 'left' | undefined {
    const describe = now?.text === undefined ? 'not translated' : `"${short(now.text)}"${now.reviewer ? `, reviewed by ${now.reviewer}` : ', a draft'}`;
    const recorded = c.parts.every((p) => p.read.exportedTarget !== undefined);
    if (recorded) {
      const nowOf = (p: ReadPart) => exportedTarget(now ? exportedTargetText(now, p.form) : undefined, now?.reviewer);
      if (c.parts.every((p) => nowOf(p) === p.read.exportedTarget)) return undefined;
      const fileOf = (p: ReadPart) => exportedTarget(p.fileTarget, isSigned(p.read) ? c.reviewer : undefined);
      // The file already says what content/ says now (the same change made twice).
      if (c.parts.every((p) => fileOf(p) === nowOf(p))) return undefined;
      if (c.parts.every((p) => fileOf(p) === p.read.exportedTarget)) {
        left.push({ unit: c.unit.id, message: `changed in content/ since this file was exported (now ${describe}); the file has no change to it` });
        return 'left';
      }
      c.problems.push({
        unit: c.unit.id,
        message: `changed in content/ since this file was exported (now ${describe}), and this file changes it too ("${short(c.text)}"). Export ${locale} again and make the change in the new file, or undo the change to this unit in this file to keep the text in content/`,
      });
      return undefined;
    }
    if (now?.state === 'reviewed' && !c.signed) {
      if (same(now.text, c.text)) {
        left.push({
          unit: c.unit.id,
          message: `reviewed in content/${now.reviewer ? ` by ${now.reviewer}` : ''} with this same text; the file has it unsigned`,
        });
        return 'left';
      }
      c.problems.push({
        unit: c.unit.id,
        message: `is reviewed in content/ (${describe}), and this file would replace it with an unsigned draft ("${short(c.text)}"). The file does not say what the unit was when it was exported (an older export, or its tool dropped the unit's ${doc.version === '1.2' ? 'extradata' : 'ck:exported-target'}), so a review made since cannot be told from an old text: export ${locale} again and translate in the new file, or sign the unit off if this text is to replace the reviewed one`,
      });
    }
    return undefined;
  }

  // A page records one English version and one review for all its units (title, description, body …).
  const pageChanges = new Map<string, Candidate[]>();
  for (const c of candidates)
    if (c.unit.kind === 'page' && c.change) pageChanges.set(c.unit.page as string, [...(pageChanges.get(c.unit.page as string) ?? []), c]);
  for (const [id, list] of pageChanges) {
    const english = content.pages.find((p) => p.locale === sourceLocale && p.id === id);
    if (!english) continue;
    const today = sourceFingerprint(english);
    const sourceOf = (field: string) => {
      const c = list.find((x) => x.unit.id === `page:${id}:${field}`);
      const part = c?.parts[0];
      return part && !part.sourceCurrent ? part.fileSource : undefined;
    };
    const stale = list.filter((c) => c.parts.some((p) => !p.sourceCurrent));
    let from: string | undefined;
    if (stale.length) {
      from = fingerprint(
        `${sourceOf('title') ?? english.data.title}\n${sourceOf('description') ?? english.data.description}\n${sourceOf('body') ?? english.body}`,
      );
      // Only a role's description is older: it is not part of the page's fingerprint, so the page is marked by another.
      if (from === today) from = fingerprint(`${today}\n${stale.map((c) => c.parts[0]?.fileSource).join('\n')}`);
    } else {
      const recorded = content.pages.find((p) => p.locale === locale && p.id === id)?.data.sourceHash;
      // Those the locale's sites show: a role's description no site of the locale shows is never exported.
      const others = [...current.values()].filter(
        (u) => u.kind === 'page' && u.page === id && u.needed && u.text !== undefined && !list.some((c) => c.unit.id === u.id),
      );
      if (recorded !== undefined && recorded !== today && others.length && !info.derivedFrom) {
        from = recorded;
        notes.push({
          unit: `page:${id}`,
          message: `stays outdated: ${listed(list.map((c) => c.unit.id))} ${list.length === 1 ? 'is' : 'are'} translated from today's English, but ${listed(others.map((u) => u.id))} ${others.length === 1 ? 'was' : 'were'} made from an older English, and a page records one English version for all its units. Translate them in the same file too, or, if the English change does not touch them, npm run translations -- mark-current ${locale}/${id}`,
        });
      }
    }
    for (const c of list) if (c.change && from !== undefined) c.change = { ...c.change, from };
    if (info.derivedFrom) continue;
    // Reviewed when every unit of the page is signed off: a unit signed off alone stays a draft.
    // Those the locale's sites show: a role's description no site of the locale shows is never exported (apply.ts the same).
    const pageUnits = [...current.values()].filter(
      (u) => u.kind === 'page' && u.page === id && ((u.needed && u.text !== undefined) || list.some((c) => c.unit.id === u.id)),
    );
    const signed = list.filter((c) => c.change?.state === 'reviewed');
    const unsigned = pageUnits.filter((u) => {
      const c = list.find((x) => x.unit.id === u.id);
      return c ? c.change?.state !== 'reviewed' : u.state !== 'reviewed';
    });
    if (signed.length && unsigned.length) {
      for (const c of signed) if (c.change) c.change = { ...c.change, state: 'draft' };
      notes.push({
        unit: `page:${id}`,
        message: `${listed(signed.map((c) => c.unit.id))} ${signed.length === 1 ? 'is' : 'are'} signed off, but a page is reviewed as a whole: it stays a draft until ${listed(
          unsigned.map((u) => u.id),
        )} ${unsigned.length === 1 ? 'is' : 'are'} signed off too. Sign off every unit of the page in one file and import it again`,
      });
    } else if (!signed.length && pageUnits.some((u) => u.state === 'reviewed')) {
      const reviewer = pageUnits.find((u) => u.reviewer)?.reviewer;
      notes.push({
        unit: `page:${id}`,
        message: `was reviewed${reviewer ? ` by ${reviewer}` : ''}; ${listed(list.map((c) => c.unit.id))} ${list.length === 1 ? 'comes' : 'come'} unsigned, so the whole page is a draft again until it is reviewed`,
      });
    }
  }

  for (const c of candidates) problems.push(...c.problems.filter((p) => !problems.includes(p)));
  // Written in a copy first: the units without a problem, and those whose problems are not about their
  // text (a missing code, a missing reviewer, a change in content/), so that every problem of the
  // file is reported at once; the whole content must still load, and printed texts fit their boxes.
  const changes = candidates.filter((c) => c.change && c.problems.length === 0).map((c) => c.change as Change);
  const trialOnly = candidates.filter((c) => c.change && c.problems.length > 0 && !c.textRefused);
  const codesWrong = new Set(trialOnly.filter((c) => c.parts.some((p) => p.codesWrong)).map((c) => c.unit.id));
  const tried = [...changes, ...trialOnly.map((c) => c.change as Change)];
  const unchangedDerived = (c: Change) => c.state === 'derived' && current.get(c.unit.id)?.text === c.text;
  let files: Map<string, string>;
  try {
    files = planWrites(
      content,
      locale,
      tried.filter((c) => !unchangedDerived(c)),
    );
  } catch (error) {
    if (error instanceof PlanError) throw new ImportRefused([...problems, { unit: error.unit, message: error.message }], options.file);
    throw error;
  }
  for (const [file, text] of files) if (existsSync(join(root, file)) && readFileSync(join(root, file), 'utf8') === text) files.delete(file);
  const trial = trialCopy(root, files);
  try {
    let checked: Content | undefined;
    try {
      checked = loadContent(trial.dir);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      for (const issue of error.issues) {
        const unit = unitOfIssue(tried, locale, files, issue);
        // A missing or added code breaks the page's MDX: already said.
        if (unit && codesWrong.has(unit) && issue.code === 'MdxSyntax') continue;
        problems.push({
          unit: unit ?? `content/${issue.file}`,
          message: `${unit ? `content/${issue.file}${issue.line ? `:${issue.line}` : ''}: ` : ''}${issue.field ? `field "${issue.field}" ` : ''}${issue.message} (fix: ${issue.fix})`,
        });
      }
    }
    if (checked && options.checkPosterLimits !== false) {
      const printed = new Set(
        tried.map((c) => c.unit.id).filter((id) => /^(poster:|helpline:|campaign:funding|ui:helplines\.)/.test(id) && !id.endsWith(':name')),
      );
      problems.push(...(printed.size ? posterLimitProblems(checked, locale, printed) : []));
    }
    if (problems.length) throw new ImportRefused(problems, options.file);
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
    skipped: left.length,
    left,
    notes,
    files: [...files.keys()].sort(),
    derived,
  };
}

const frontmatterPattern = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/;

/** The unit a content issue is about, when one of the changes wrote that file and field (a page's body: a line after its frontmatter). */
function unitOfIssue(changes: Change[], locale: string, files: Map<string, string>, issue: ContentIssue): string | undefined {
  const inFile = changes.filter((c) => c.unit.place(locale).file === issue.file);
  const field = issue.field;
  if (field)
    return (inFile.find((c) => c.unit.place(locale).path.join('.') === field) ?? inFile.find((c) => field.startsWith(c.unit.place(locale).path.join('.'))))
      ?.unit.id;
  const body = inFile.find((c) => c.unit.place(locale).path[0] === 'body');
  if (body) {
    const text = files.get(issue.file);
    const frontmatterLines = text ? (frontmatterPattern.exec(text)?.[0].split('\n').length ?? 1) - 1 : 0;
    if (issue.line === undefined || issue.line > frontmatterLines) return body.unit.id;
  }
  return inFile.length === 1 ? inFile[0]?.unit.id : undefined;
}

export type { Unit };
