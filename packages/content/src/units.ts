// Translation units: every translatable text of the content, one per English text, each with a stable
// id that does not depend on the language (`ui:site.menu`, `page:home:body`,
// `poster:origin-youth:billboard.headline`, `helpline:rs-116000:purpose`), where a locale's text of
// it is written (file and field), and its state in a locale: missing, outdated, draft or reviewed.
//
// What a unit was translated from is recorded as the fingerprint of its English text: pages in their
// frontmatter (`sourceHash`), every other unit in content/translations/<locale>.yaml (`from`). The
// status report, the XLIFF export and import, Serbian Latin derivation and the release rule all read
// units from here, so they agree on what exists and what state it is in.
import { createHash } from 'node:crypto';
import { localeInfo, sourceLocale, transliterate, type UiKey, uiStringKeys } from '@repo/i18n';
import type { Content, Page } from './load.ts';
import { figureIsAbout } from './per-country.ts';
import type { Country, Role, UnitRecord } from './schema/index.ts';
import { pageIdsFor } from './site-plan.ts';

/** Kinds of unit, for reports and notes. */
export type UnitKind = 'page' | 'ui' | 'poster' | 'country' | 'helpline' | 'campaign' | 'figure';

/** Where a locale's text of a unit is written: a content file (relative to the content root) and the path of the field in it. */
export interface UnitPlace {
  file: string;
  /**
   * The field: a YAML path (`['lines', 'ro', 'billboard', 'headline']`); for a page, a frontmatter
   * field (`['title']`, `['descriptions', 'destination']`) or `['body']` for the MDX after it.
   */
  path: (string | number)[];
}

/** One translatable text, as English has it. */
export interface UnitSource {
  id: string;
  kind: UnitKind;
  /** The English text. */
  source: string;
  /** Fingerprint of the English text: what a translation records it was made from. */
  sourceHash: string;
  /** Where it appears, for translators and reviewers (English). */
  where: string;
  /** A description of the text for translators (interface strings), if any. */
  description?: string;
  /** For poster units: the design and the field under `lines.<locale>` (e.g. `['billboard', 'headline']`), or `['name']` for the design's name. */
  poster?: { design: string; field: string[] };
  /** For page units: the page id. */
  page?: string;
  /** Where a locale's text goes. */
  place: (locale: string) => UnitPlace;
}

export type UnitState = 'missing' | 'outdated' | 'draft' | 'reviewed';

/** One unit in one locale. */
export interface Unit extends UnitSource {
  locale: string;
  /** The locale's text, when there is one. */
  text?: string;
  state: UnitState;
  /** Why it is outdated: the English changed, or (derived locales) the text is not what the rule makes of its origin. */
  outdatedBecause?: 'english-changed' | 'not-derived' | 'origin-changed';
  /** In a derived locale (Serbian Latin): made by rule (`true`), or a reviewer's own wording (`false`). Undefined elsewhere. */
  derived?: boolean;
  reviewer?: string;
  /** A fingerprint of the English it was made from is recorded (else it cannot be known to be outdated). */
  recorded: boolean;
  /** A site or print file in this locale shows it (else the unit exists only because a translation was written). */
  needed: boolean;
}

/** Fingerprint of a text: the first 12 hex digits of its SHA-256. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Fingerprint of what a translator translates of a page: title, description and body of the English page. */
export function sourceFingerprint(page: Page): string {
  return fingerprint(`${page.data.title}\n${page.data.description}\n${page.body}`);
}

/** A per-language field: an object whose values are all text, with an English entry. */
function isLocalized(value: unknown): value is Record<string, string> {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>)[sourceLocale] === 'string' &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Every string under a poster's English lines (headline, body, cta, billboard.headline …), by its path, without `translation` and `reviewedBy`. */
function lineFields(lines: Record<string, unknown>, prefix: string[] = []): [string[], string][] {
  const out: [string[], string][] = [];
  for (const [key, value] of Object.entries(lines)) {
    if (prefix.length === 0 && (key === 'translation' || key === 'reviewedBy')) continue;
    if (typeof value === 'string') out.push([[...prefix, key], value]);
    else if (value && typeof value === 'object' && !Array.isArray(value)) out.push(...lineFields(value as Record<string, unknown>, [...prefix, key]));
  }
  return out;
}

/** Every translatable text of the content, as English has it, in a stable order. */
export function unitSources(content: Content): UnitSource[] {
  const units: UnitSource[] = [];
  const yamlUnit = (
    id: string,
    kind: UnitKind,
    source: string,
    where: string,
    file: string | ((locale: string) => string),
    path: (locale: string) => (string | number)[],
    extra: Partial<UnitSource> = {},
  ) =>
    units.push({
      id,
      kind,
      source,
      sourceHash: fingerprint(source),
      where,
      place: (locale) => ({ file: typeof file === 'string' ? file : file(locale), path: path(locale) }),
      ...extra,
    });

  for (const key of Object.keys(uiStringKeys) as UiKey[]) {
    const source = content.sourceUi[key];
    if (source === undefined) continue;
    yamlUnit(
      `ui:${key}`,
      'ui',
      source,
      `interface string ${key}`,
      (l) => `ui/${l}.yaml`,
      () => ['strings', key],
      { description: uiStringKeys[key] },
    );
  }

  const english = content.pages.filter((p) => p.locale === sourceLocale).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  for (const page of english) {
    const hash = sourceFingerprint(page);
    const fields: [string, (string | number)[], string][] = [
      ['title', ['title'], page.data.title],
      ['description', ['description'], page.data.description],
      ...Object.entries(page.data.descriptions ?? {})
        .filter((e): e is [string, string] => typeof e[1] === 'string')
        .map(([role, text]): [string, (string | number)[], string] => [`descriptions.${role}`, ['descriptions', role], text]),
      ['body', ['body'], page.body],
    ];
    for (const [name, path, source] of fields) {
      units.push({
        id: `page:${page.id}:${name}`,
        kind: 'page',
        source,
        sourceHash: hash,
        where: `page "${page.id}" (${page.data.audience === 'all' ? 'every site' : `${page.data.audience} sites`}), ${name === 'body' ? 'the text of the page' : name}`,
        page: page.id,
        place: (locale) => ({ file: `pages/${locale}/${page.id}.mdx`, path }),
      });
    }
  }

  for (const design of content.posters) {
    const file = design.file;
    const name = design.name[sourceLocale];
    if (name)
      yamlUnit(
        `poster:${design.id}:name`,
        'poster',
        name,
        `name of poster design "${design.id}" on the printers' page and in its PDFs`,
        file,
        (l) => ['name', l],
        {
          poster: { design: design.id, field: ['name'] },
        },
      );
    const lines = design.lines[sourceLocale];
    if (!lines) continue;
    for (const [field, source] of lineFields(lines as unknown as Record<string, unknown>)) {
      yamlUnit(
        `poster:${design.id}:${field.join('.')}`,
        'poster',
        source,
        `poster design "${design.id}" (${design.audience} countries), ${field.join(' ')} box`,
        file,
        (l) => ['lines', l, ...field],
        { poster: { design: design.id, field } },
      );
    }
  }

  for (const country of content.countries) {
    const file = `countries/${country.code}.yaml`;
    const name = country.names[sourceLocale];
    if (name)
      yamlUnit(`country:${country.code}:name`, 'country', name, `name of the country ${country.code} on its site and printers' page`, file, (l) => [
        'names',
        l,
      ]);
    country.helplines.forEach((h, i) => {
      const purpose = h.purpose[sourceLocale];
      if (!purpose) return;
      yamlUnit(
        `helpline:${h.id}:purpose`,
        'helpline',
        purpose,
        `what helpline ${h.number} (${country.code}) is for, on every page of the ${country.code} site${h.onPosters ? ' and on its posters' : ''}`,
        file,
        (l) => ['helplines', i, 'purpose', l],
      );
    });
  }

  for (const [field, value] of Object.entries(content.campaign) as [string, unknown][]) {
    if (!isLocalized(value)) continue;
    yamlUnit(
      `campaign:${field}`,
      'campaign',
      value[sourceLocale] as string,
      `campaign statement "${field}" on every site${/funding/i.test(field) ? ' and poster' : ''}`,
      'campaign.yaml',
      (l) => [field, l],
    );
  }

  [...content.figures.values()].forEach((figure, i) => {
    for (const field of ['value', 'label'] as const) {
      const source = figure[field][sourceLocale];
      if (source)
        yamlUnit(`figure:${figure.id}:${field}`, 'figure', source, `figure "${figure.id}" (${field}), on the pages that quote it`, 'figures.yaml', (l) => [
          'figures',
          i,
          field,
          l,
        ]);
    }
  });
  return units;
}

/** The record of a unit in a locale (content/translations/<locale>.yaml), if any. */
export function unitRecord(content: Content, locale: string, id: string): UnitRecord | undefined {
  return content.translations.get(locale)?.[id];
}

/**
 * Lookups by key over the content's lists, made once per list (a list's identity and length): the
 * status of every unit of every locale asks for a page, a country or a helpline by key, which a
 * scan of each list would make grow with the square of the content (30 countries, thousands of pages).
 */
const indexes = new WeakMap<object, { length: number; map: Map<string, unknown> }>();
function indexed<T>(list: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  let entry = indexes.get(list);
  if (!entry || entry.length !== list.length) {
    const map = new Map<string, T>();
    for (const item of list) {
      const k = key(item);
      if (k !== undefined && !map.has(k)) map.set(k, item);
    }
    entry = { length: list.length, map };
    indexes.set(list, entry);
  }
  return entry.map as Map<string, T>;
}
const pageOf = (content: Content, locale: string, id: string | undefined) => indexed(content.pages, (p) => `${p.locale}\0${p.id}`).get(`${locale}\0${id}`);
const posterOf = (content: Content, id: string | undefined) => (id === undefined ? undefined : indexed(content.posters, (d) => d.id).get(id));
const helplineIndexes = new WeakMap<object, { length: number; map: Map<string, Country['helplines'][number]> }>();
function helplineOf(content: Content, id: string) {
  let entry = helplineIndexes.get(content.countries);
  if (!entry || entry.length !== content.countries.length) {
    entry = {
      length: content.countries.length,
      map: indexed(
        content.countries.flatMap((c) => c.helplines),
        (h) => h.id,
      ),
    };
    helplineIndexes.set(content.countries, entry);
  }
  return entry.map.get(id);
}

/** A locale's text of a unit, as the content holds it now. */
export function unitText(content: Content, unit: UnitSource, locale: string): string | undefined {
  if (locale === sourceLocale) return unit.source;
  if (unit.kind === 'page') {
    const page = pageOf(content, locale, unit.page);
    if (!page) return undefined;
    const path = unit.place(locale).path;
    if (path[0] === 'body') return page.body;
    let value: unknown = page.data;
    for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
    return typeof value === 'string' ? value : undefined;
  }
  if (unit.kind === 'ui') return content.ui.get(locale)?.strings[unit.id.slice(3) as UiKey];
  if (unit.poster) {
    const design = posterOf(content, unit.poster.design);
    if (unit.poster.field[0] === 'name') return design?.name[locale];
    let value: unknown = design?.lines[locale];
    for (const key of unit.poster.field) value = (value as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' ? value : undefined;
  }
  const [kind, id, field] = unit.id.split(':');
  if (kind === 'country') return indexed(content.countries, (c) => c.code).get(id as string)?.names[locale];
  if (kind === 'helpline') return helplineOf(content, id as string)?.purpose[locale];
  if (kind === 'campaign') return (content.campaign as unknown as Record<string, Record<string, string>>)[id as string]?.[locale];
  if (kind === 'figure') return content.figures.get(id as string)?.[field as 'value' | 'label'][locale];
  return undefined;
}

/** The translation state of the file or block a unit is in: a page's frontmatter, a poster's lines, a UI file. */
function containerState(content: Content, unit: UnitSource, locale: string): { state?: 'draft' | 'reviewed'; reviewer?: string; sourceHash?: string } {
  if (unit.kind === 'page') {
    const page = pageOf(content, locale, unit.page);
    if (!page) return {};
    const state = page.data.translation === 'reviewed' ? 'reviewed' : 'draft';
    return {
      state,
      ...(page.data.reviewedBy ? { reviewer: page.data.reviewedBy } : {}),
      ...(page.data.sourceHash ? { sourceHash: page.data.sourceHash } : {}),
    };
  }
  if (unit.kind === 'ui') {
    const ui = content.ui.get(locale);
    return ui ? { state: ui.translation === 'reviewed' ? 'reviewed' : 'draft' } : {};
  }
  if (unit.poster && unit.poster.field[0] !== 'name') {
    const lines = posterOf(content, unit.poster.design)?.lines[locale];
    if (!lines) return {};
    return { state: lines.translation === 'reviewed' ? 'reviewed' : 'draft', ...(lines.reviewedBy ? { reviewer: lines.reviewedBy } : {}) };
  }
  return {};
}

/** Which units a locale's sites and print files show: ids. */
function neededIds(content: Content, locale: string, sources: UnitSource[]): Set<string> {
  const speakers = content.countries.filter((c) => c.languages.includes(locale));
  const ids = new Set<string>();
  const roles = new Set<Role>(speakers.flatMap((c) => c.roles));
  const soleRoles = new Set(speakers.filter((c) => new Set(c.roles).size === 1).map((c) => c.roles[0] as Role));
  const pages = new Set(speakers.flatMap((c) => pageIdsFor(content, c)));
  const codes = new Set(speakers.map((c) => c.code));
  const helplines = new Set(speakers.flatMap((c: Country) => c.helplines.map((h) => h.id)));
  for (const unit of sources) {
    const [kind, id, field] = unit.id.split(':') as [string, string, string | undefined];
    const needed =
      kind === 'ui' ||
      kind === 'campaign' ||
      (kind === 'page' && pages.has(id) && (!field?.startsWith('descriptions.') || soleRoles.has(field.slice(13) as Role))) ||
      (kind === 'poster' && roles.has(posterOf(content, id)?.audience as Role)) ||
      (kind === 'country' && codes.has(id)) ||
      (kind === 'helpline' && helplines.has(id)) ||
      (kind === 'figure' && [...codes].some((code) => figureIsAbout(content.figures.get(id) ?? { scope: [] }, code)));
    if (needed) ids.add(unit.id);
  }
  return ids;
}

/**
 * Every unit of a locale with its state: those its sites and print files show (missing ones
 * included), and any other it has a text for. Missing: no text. Outdated: made from an English text
 * that has changed since (the recorded fingerprint differs), or in a derived locale, not what the
 * rule makes of the origin's text. Else draft or reviewed, from the unit's record, else from the
 * file or block it is in; units with no state anywhere are drafts.
 */
export function localeUnits(content: Content, locale: string, sources: UnitSource[] = unitSources(content)): Unit[] {
  if (locale === sourceLocale) return [];
  const needed = neededIds(content, locale, sources);
  const derivation = localeInfo(locale).derivedFrom;
  const origin = derivation ? new Map(localeUnits(content, derivation.locale, sources).map((u) => [u.id, u])) : undefined;
  const out: Unit[] = [];
  for (const source of sources) {
    const text = unitText(content, source, locale);
    const isNeeded = needed.has(source.id);
    if (text === undefined && !isNeeded) continue;
    const record = unitRecord(content, locale, source.id);
    const base = { ...source, locale, needed: isNeeded, ...(text !== undefined ? { text } : {}) };
    if (text === undefined) {
      out.push({ ...base, state: 'missing', recorded: false });
      continue;
    }
    const from = origin?.get(source.id);
    if (derivation && from?.text !== undefined) {
      if (record?.state === 'reviewed' && record.over) {
        const changed =
          record.over !== fingerprint(from.text) ? 'origin-changed' : record.from && record.from !== source.sourceHash ? 'english-changed' : undefined;
        out.push({
          ...base,
          derived: false,
          recorded: true,
          ...(record.reviewer ? { reviewer: record.reviewer } : {}),
          ...(changed ? { state: 'outdated', outdatedBecause: changed } : { state: 'reviewed' }),
        });
      } else if (text !== transliterate(from.text, derivation.rule)) {
        out.push({ ...base, derived: true, recorded: from.recorded, state: 'outdated', outdatedBecause: 'not-derived' });
      } else {
        out.push({
          ...base,
          derived: true,
          recorded: from.recorded,
          state: from.state,
          ...(from.outdatedBecause ? { outdatedBecause: from.outdatedBecause } : {}),
          ...(from.reviewer ? { reviewer: from.reviewer } : {}),
        });
      }
      continue;
    }
    const container = containerState(content, source, locale);
    const recordedFrom = source.kind === 'page' ? container.sourceHash : record?.from;
    const reviewer = record?.reviewer ?? container.reviewer;
    const state = record?.state === 'reviewed' || record?.state === 'draft' ? record.state : (container.state ?? 'draft');
    out.push({
      ...base,
      recorded: recordedFrom !== undefined,
      ...(reviewer && state === 'reviewed' ? { reviewer } : {}),
      ...(recordedFrom !== undefined && recordedFrom !== source.sourceHash ? { state: 'outdated', outdatedBecause: 'english-changed' } : { state }),
    });
  }
  return out;
}

/** The locales of the content that translate: every declared locale a country speaks, but English. */
export function translatedLocales(content: Content): string[] {
  const spoken = new Set(content.countries.flatMap((c) => c.languages));
  return content.locales.locales.map((l) => l.tag).filter((t) => t !== sourceLocale && spoken.has(t));
}

/** Records whose unit no longer exists (the English text was removed or renamed): `npm run translations -- mark-current` drops them. */
export function staleRecords(content: Content, locale: string, sources: UnitSource[] = unitSources(content)): string[] {
  const ids = new Set(sources.map((s) => s.id));
  return Object.keys(content.translations.get(locale) ?? {}).filter((id) => !ids.has(id));
}
