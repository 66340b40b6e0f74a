// `npm run translations -- export <locale>`: the units a locale needs (missing and outdated; every
// unit with `all`) as one XLIFF file, a <file> per content file the targets go to.
import { type Content, fingerprint, localeUnits, type Unit } from '@repo/content';
import { localeInfo, pluralCategoriesOf, sourceLocale } from '@repo/i18n';
import { type Code, exampleNumber, pluralOf, pluralVariant, type Segment, segmentsOf } from './segments.ts';
import { writeXliff, type XliffDocument, type XliffFile, type XliffUnit, type XliffVersion } from './xliff.ts';

export interface ExportOptions {
  /** Every unit, not only missing and outdated ones (derived ones included). */
  all?: boolean;
  version?: XliffVersion;
  /** Poster box limits in characters, by unit id (see limits.ts); left out when not given. */
  limits?: Map<string, { chars: number; note: string }>;
}

export interface ExportResult {
  xliff: string;
  /** Units written (a plural interface string counts once). */
  units: number;
  document: XliffDocument;
}

/**
 * The text an XLIFF unit's target is exported with: the locale's text of the unit, or for one plural
 * form of an interface string the whole sentence of that form. Undefined when there is none yet.
 */
export function exportedTargetText(unit: Pick<Unit, 'kind' | 'text'>, form?: string): string | undefined {
  if (unit.text === undefined || form === undefined || unit.kind !== 'ui') return unit.text;
  const plural = pluralOf(unit.text);
  return plural ? pluralVariant(plural, form) : unit.text;
}

/**
 * Fingerprint of a target as content/ had it at export: its text (spaces as one, since translation
 * tools may re-space) and its reviewer. The import compares it with content/ now (changed since the
 * export?) and with the file's target (changed by the translator?).
 */
export function exportedTarget(text: string | undefined, reviewer: string | undefined): string {
  return fingerprint(JSON.stringify([text === undefined ? null : respaced(text), reviewer ?? '']));
}

/** A text with its spaces as one: how the import compares texts, since translation tools may re-space them. */
export function respaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The XLIFF state of a unit's target. */
function stateOf(unit: Unit, version: XliffVersion): { state?: string; approved?: boolean } {
  if (unit.state === 'missing') return {};
  if (version === '2.0') return { state: unit.state === 'outdated' ? 'initial' : unit.state === 'reviewed' ? 'reviewed' : 'translated' };
  if (unit.state === 'outdated') return { state: 'needs-review-translation' };
  if (unit.state === 'reviewed') return { state: 'signed-off', approved: true };
  return { state: 'translated' };
}

/** Target segments with the ids of the source's codes (the same code text takes the same id), so a tool shows them as one. */
function numbered(source: Segment[], target: Segment[] | undefined): [Segment[], Segment[] | undefined] {
  let n = 0;
  const ids: { code: string; id: string; used: boolean }[] = [];
  const src = source.map((s) => {
    if (typeof s === 'string') return s;
    const id = String(++n);
    ids.push({ code: s.code, id, used: false });
    return { ...s, id } as Code;
  });
  const tgt = target?.map((s) => {
    if (typeof s === 'string') return s;
    const match = ids.find((i) => !i.used && i.code === s.code);
    if (match) match.used = true;
    return { ...s, id: match ? match.id : String(++n) } as Code;
  });
  return [src, tgt];
}

/** The units an export writes: those the locale needs that are missing or outdated (not derived ones), or every needed one with `all`. */
export function exportedUnits(content: Content, locale: string, all = false): Unit[] {
  return localeUnits(content, locale).filter((u) => u.needed && (all || ((u.state === 'missing' || u.state === 'outdated') && u.derived !== true)));
}

export function exportLocale(content: Content, locale: string, options: ExportOptions = {}): ExportResult {
  const version = options.version ?? '1.2';
  const info = localeInfo(locale);
  const units = exportedUnits(content, locale, options.all);
  const files = new Map<string, XliffFile>();
  for (const unit of units) {
    const place = unit.place(locale);
    const original = `content/${place.file}`;
    let file = files.get(original);
    if (!file) {
      file = { original, datatype: place.file.endsWith('.mdx') ? 'x-mdx' : 'plaintext', units: [] };
      files.set(original, file);
    }
    const resname = place.path.join('.');
    const notes = notesOf(unit, locale, options.limits?.get(unit.id)?.note);
    const limit = options.limits?.get(unit.id);
    const base = { ...stateOf(unit, version), ...(limit ? { maxwidth: { value: limit.chars, unit: 'char' } } : {}) };
    const englishPlural = unit.kind === 'ui' ? pluralOf(unit.source) : undefined;
    if (englishPlural) {
      for (const form of pluralCategoriesOf(locale)) {
        const sourceText = pluralVariant(englishPlural, form) as string;
        const targetText = exportedTargetText(unit, form);
        const example = exampleNumber(locale, form);
        const [source, target] = numbered(segmentsOf(unit, sourceText), targetText === undefined ? undefined : segmentsOf(unit, targetText));
        file.units.push({
          id: `${unit.id}:${form}`,
          resname: `${resname}:${form}`,
          source,
          ...(target ? { target } : {}),
          ...base,
          exportedTarget: exportedTarget(targetText, unit.reviewer),
          notes: [
            ...notes,
            {
              from: 'campaign-kit',
              text: `Plural form "${form}" of {${englishPlural.name}} in ${info.englishName}${example !== undefined ? `, used for numbers such as ${example}` : ''}. # is the number. ${info.englishName} has the forms ${pluralCategoriesOf(locale).join(', ')}: translate each.`,
            },
          ],
          group: { id: unit.id, resname },
        });
      }
      continue;
    }
    const [source, target] = numbered(segmentsOf(unit, unit.source), unit.text === undefined ? undefined : segmentsOf(unit, unit.text));
    const xu: XliffUnit = {
      id: unit.id,
      resname,
      source,
      ...(target ? { target } : {}),
      ...base,
      exportedTarget: exportedTarget(unit.text, unit.reviewer),
      notes,
    };
    file.units.push(xu);
  }
  const document: XliffDocument = {
    version,
    sourceLanguage: sourceLocale,
    targetLanguage: locale,
    notes: [
      `Translate each unit into ${info.englishName} (${locale}), written in ${info.script === 'Cyrl' ? 'Cyrillic' : info.script === 'Grek' ? 'Greek' : 'Latin'} letters. ` +
        'Keep every inline code: values such as {country} and # (the number of a plural form), and page components such as <Figure id="…" />; they may move within the sentence. ' +
        'Mark a unit signed-off (XLIFF 2.0: reviewed or final) only when a native speaker has reviewed it, and name them in a note from "reviewer". ' +
        'Then give the file back: npm run translations -- import <file> checks it and writes it into the content.',
      ...(info.derivedFrom
        ? [
            `${info.englishName} is made from ${localeInfo(info.derivedFrom.locale).englishName} by rule (npm run translations -- derive ${locale}): change a unit here only as a reviewer's own wording, signed off.`,
          ]
        : []),
    ],
    files: [...files.values()],
  };
  return { xliff: writeXliff(document), units: units.length, document };
}

function notesOf(unit: Unit, locale: string, limit: string | undefined): { from: string; text: string }[] {
  const state =
    unit.state === 'missing'
      ? 'not translated yet'
      : unit.state === 'outdated'
        ? unit.outdatedBecause === 'not-derived'
          ? 'differs from what the rule makes of its origin text'
          : unit.outdatedBecause === 'origin-changed'
            ? 'a reviewer’s wording for an origin text that has changed since'
            : 'translated from an older English text: check it against the English and correct it'
        : unit.state === 'reviewed'
          ? `reviewed${unit.reviewer ? ` by ${unit.reviewer}` : ''}`
          : unit.derived
            ? 'derived by rule'
            : 'a draft awaiting review by a native speaker';
  return [
    ...(unit.description ? [{ from: 'developer', text: unit.description }] : []),
    { from: 'campaign-kit', text: `Where: ${unit.where}. In ${locale}: ${state}.` },
    ...(limit ? [{ from: 'campaign-kit', text: limit }] : []),
    ...(unit.reviewer && unit.state === 'reviewed' ? [{ from: 'reviewer', text: unit.reviewer }] : []),
  ];
}
