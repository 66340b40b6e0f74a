import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, locales, sourceLocale, type UiKey, type UiStrings, useLocales } from '@repo/i18n';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ContentError, type ContentIssue, contentIssue } from './issues.ts';
import { type LocaleRegistry, loadLocales } from './locales.ts';
import { checkCites, checkPageLinks } from './mdx-checks.ts';
import { type CountrySite, checkPageScopes, checkRoleDescriptions, isRegionWide, type PageScan, scanPage } from './per-country.ts';
import { expectedE164, numberMatchesE164 } from './phone-numbers.ts';
import { loadPosters, type PosterDesign } from './posters.ts';
import { loadTranslationRecords, type TranslationRecords } from './records.ts';
import {
  type Campaign,
  type Country,
  campaignSchema,
  countrySchema,
  defaultRecheckMonths,
  type Figure,
  figuresFileSchema,
  type PageFrontmatter,
  pageFrontmatterSchema,
  type Source,
  sourcesFileSchema,
  sourceUiSchema,
  translatedUiSchema,
} from './schema/index.ts';
import { checkScripts } from './script-check.ts';
import { checkSitePaths, slugFixArgs } from './slugs.ts';
import { checkTextNumbers } from './text-numbers.ts';
import { checkUiMessages } from './ui-messages.ts';
import { addFieldLines, checkNamedAfterFile, parseYaml, readYaml, yamlFiles } from './yaml-file.ts';

/** One MDX page in one locale. */
export interface Page {
  /** File name without extension; the same page in every locale shares it. */
  id: string;
  locale: string;
  /** Path relative to the content root. */
  file: string;
  /** Absolute path, for renderers. */
  absolutePath: string;
  data: PageFrontmatter;
  /** MDX body after the frontmatter. */
  body: string;
}

export interface UiFile {
  translation: 'source' | 'draft' | 'reviewed';
  strings: UiStrings;
}

/** All campaign content, validated and cross-checked. */
export interface Content {
  root: string;
  campaign: Campaign;
  sources: Map<string, Source>;
  figures: Map<string, Figure>;
  /** Sorted by code. */
  countries: Country[];
  pages: Page[];
  ui: Map<string, UiFile>;
  /** English interface strings, complete; every locale's fallback. */
  sourceUi: Record<UiKey, string>;
  /** Poster designs from content/posters/, sorted by id; cross-checked against countries and pages. */
  posters: PosterDesign[];
  /** The languages of content/locales.yaml (also @repo/i18n's registry once loaded). */
  locales: LocaleRegistry;
  /** content/translations/<locale>.yaml: each translated text's record, by locale and unit id (see units.ts). */
  translations: TranslationRecords;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Reads and validates every content file under `root` in one pass. Throws a ContentError listing
 * every problem (file, line, field, fix) if anything is wrong, so an editor fixes them all at once.
 */
export function loadContent(root: string): Content {
  const issues: ContentIssue[] = [];
  const need = (file: string) => {
    const path = join(root, file);
    if (existsSync(path)) return path;
    issues.push(contentIssue('ContentFileMissing', { file }, { file }));
    return undefined;
  };
  // Every other file names locales: read them first. Without them nothing else can be judged.
  const registry = loadLocales(root, issues);
  if (!registry) {
    addFieldLines(root, issues);
    throw new ContentError(issues);
  }

  const campaignPath = need('campaign.yaml');
  const campaign = campaignPath ? readYaml(campaignPath, campaignSchema, 'campaign.yaml', issues) : undefined;
  // The schema says what is wrong with a re-check period; say exactly how to write one.
  issues.forEach((issue, i) => {
    if (issue.file === 'campaign.yaml' && issue.field === 'recheckMonths')
      issues[i] = contentIssue('RecheckMonthsInvalid', { rule: issue.message, default: defaultRecheckMonths }, issue);
  });
  const sourcesPath = need('sources.yaml');
  const sourceList = sourcesPath ? readYaml(sourcesPath, sourcesFileSchema, 'sources.yaml', issues)?.sources : undefined;
  const figuresPath = need('figures.yaml');
  const figureList = figuresPath ? readYaml(figuresPath, figuresFileSchema, 'figures.yaml', issues)?.figures : undefined;

  const sources = indexById(sourceList ?? [], 'sources.yaml', 'sources', issues);
  const figures = indexById(figureList ?? [], 'figures.yaml', 'figures', issues);
  const cite = (file: string, field: string, sourceId: string) => {
    if (sourceList && !sources.has(sourceId)) issues.push(contentIssue('UnknownSource', { id: sourceId }, { file, field }));
  };
  if (campaign) cite('campaign.yaml', 'fundingSource', campaign.fundingSource);
  for (const [i, f] of (figureList ?? []).entries()) cite('figures.yaml', `figures.${i}.source`, f.source);

  const { countries, sites, everySite, codes } = loadCountries(root, issues, cite);
  // Only judge which languages are spoken when every country file gave its languages; otherwise one
  // broken country file would also report every page of its languages.
  const spoken = everySite ? new Set(sites.flatMap((c) => c.languages)) : undefined;
  const ui = loadUi(root, spoken, issues);
  checkUiMessages(root, ui, issues);
  const scans = new Map<string, PageScan>();
  const unread: UnreadPage[] = [];
  // When figures.yaml or sources.yaml could not be read, every quoted figure or cited source would
  // look unknown: skip that check.
  const pages = loadPages(root, spoken, figureList ? figures : undefined, sourceList ? sources : undefined, scans, unread, issues);
  // What needs the countries: scopes name known countries, no site shows another country's figure
  // or a number that is not its helpline, role descriptions are translated where a site of that role
  // only shows the translation, internal links lead to a page on every site that shows them. They
  // judge every site whose shape could be read (`sites`: a country file with a mistake elsewhere
  // still gives its roles and languages), so that one mistake in a country file hides nothing else;
  // a country whose file could not be read at all is still a known code.
  checkFigureScopes(figuresPath, figureList ?? [], codes, issues);
  checkPageScopes(pages, scans, figures, sites, issues, codes);
  checkRoleDescriptions(pages, sites, issues);
  checkPageLinks(pages, scans, sites, issues, unread);
  // Every address of a site is one page's, across its languages (slugs.ts).
  checkSitePaths(pages, sites, issues);
  const unreadEnglish = new Set(unread.filter((p) => p.locale === sourceLocale).map((p) => p.id));
  const posters = loadPosters(root, sites, pages, issues, { allCountriesRead: everySite, unreadPages: unreadEnglish });

  const translations = loadTranslationRecords(root, issues);

  // Every text of the files that could be read, in every locale: phone numbers are helplines of the
  // sites that show them (text-numbers.ts), and each is in its language's script (script-check.ts).
  // A file that could not be read gives no texts; the campaign then has none of its statements.
  const sourceUi = (ui.get(sourceLocale)?.strings ?? {}) as Record<UiKey, string>;
  const content: Content = {
    root,
    campaign: campaign ?? ({} as Campaign),
    sources,
    figures,
    countries,
    pages,
    ui,
    sourceUi,
    posters,
    locales: registry,
    translations,
  };
  checkTextNumbers(content, issues, sites);
  checkScripts(content, issues);
  addFieldLines(root, issues);
  if (issues.length > 0 || !campaign) throw new ContentError(issues, campaign ? content : undefined);
  return content;
}

/** A page file whose frontmatter could not be read: links to it and translations of it wait until it can be. */
export interface UnreadPage {
  locale: string;
  id: string;
  /** Its slug, when the frontmatter gives one as text. */
  slug: string | undefined;
}

/**
 * What loadContent does besides returning the content: content/locales.yaml becomes @repo/i18n's
 * locale registry. For content that was loaded elsewhere (a build's snapshot, another module
 * instance of the same process), so that the code using it sees the same languages.
 */
export function adoptContent(content: Content): Content {
  useLocales(content.locales.locales, content.locales.allowedForeignWords);
  return content;
}

function indexById<T extends { id: string }>(items: T[], file: string, field: string, issues: ContentIssue[]) {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) issues.push(contentIssue('DuplicateId', { id: item.id }, { file, field: `${field}.${i}.id` }));
    map.set(item.id, item);
  });
  return map;
}

/**
 * The country files that could be read, sorted by code, and the codes of every country file (named
 * `<cc>.yaml`), read or not: a figure or block naming a country whose file is broken names a known one.
 */
function loadCountries(root: string, issues: ContentIssue[], cite: (file: string, field: string, id: string) => void) {
  const files = yamlFiles(join(root, 'countries'));
  if (files.length === 0) issues.push(contentIssue('NoCountryFiles', {}, { file: 'countries/' }));
  const codes = new Set(files.map((name) => name.replace(/\.ya?ml$/, '')));
  const countries: Country[] = [];
  const sites: CountrySite[] = [];
  let everySite = true;
  const helplineIds = new Map<string, string>();
  for (const name of files) {
    const file = `countries/${name}`;
    const country = readYaml(join(root, file), countrySchema, file, issues);
    if (!country) {
      const site = siteOfUnreadCountry(join(root, file), name);
      if (site) sites.push(site);
      else everySite = false;
      continue;
    }
    checkNamedAfterFile(file, name, country.code, 'code', issues);
    if (!country.languages.includes(country.defaultLanguage))
      issues.push(
        contentIssue('DefaultLanguageNotSpoken', { language: country.defaultLanguage, languages: country.languages }, { file, field: 'defaultLanguage' }),
      );
    if (!country.languages.includes(sourceLocale)) issues.push(contentIssue('CountryWithoutEnglish', { source: sourceLocale }, { file, field: 'languages' }));
    if (new Set(country.languages).size !== country.languages.length) issues.push(contentIssue('LanguageListedTwice', {}, { file, field: 'languages' }));
    country.helplines.forEach((h, i) => {
      cite(file, `helplines.${i}.source`, h.source);
      const other = helplineIds.get(h.id);
      if (other) issues.push(contentIssue('DuplicateHelplineId', { id: h.id, other }, { file, field: `helplines.${i}.id` }));
      helplineIds.set(h.id, file);
      if (!h.id.startsWith(`${country.code}-`))
        issues.push(
          contentIssue(
            'HelplineOfOtherCountry',
            { id: h.id, country: country.code, rest: h.id.replace(/^[a-z]{2}-/, '') },
            { file, field: `helplines.${i}.id` },
          ),
        );
      if (!numberMatchesE164(h.number, h.e164, country.code)) {
        const expected = expectedE164(h.number, country.code);
        issues.push(
          contentIssue('HelplineNumberMismatch', { number: h.number, e164: h.e164, ...(expected ? { expected } : {}) }, { file, field: `helplines.${i}.e164` }),
        );
      }
    });
    for (const [i, p] of country.partners.entries()) cite(file, `partners.${i}.source`, p.source);
    countries.push(country);
    sites.push(country);
    codes.add(country.code);
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return { countries: countries.sort(byCode), sites: sites.sort(byCode), everySite, codes };
}

/** The fields of a country file that give its site's shape (see CountrySite); other fields are not read. */
const siteFieldsSchema = z.object({
  code: countrySchema.shape.code,
  roles: countrySchema.shape.roles,
  languages: countrySchema.shape.languages,
  defaultLanguage: countrySchema.shape.defaultLanguage,
});

/**
 * The site of a country whose file is valid YAML but does not validate as a whole (already reported):
 * its code (that of the file name), roles and languages, and its helplines where they validate;
 * undefined when any of those fields is wrong too.
 */
function siteOfUnreadCountry(path: string, name: string): CountrySite | undefined {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) return undefined;
  const raw = doc.toJS() as unknown;
  const site = siteFieldsSchema.safeParse(raw);
  if (!site.success || site.data.code !== name.replace(/\.ya?ml$/, '')) return undefined;
  const helplines = countrySchema.shape.helplines.safeParse((raw as { helplines?: unknown }).helplines);
  return { ...site.data, ...(helplines.success ? { helplines: helplines.data } : {}) };
}

function loadUi(root: string, spoken: Set<string> | undefined, issues: ContentIssue[]) {
  const ui = new Map<string, UiFile>();
  const dir = join(root, 'ui');
  for (const name of yamlFiles(dir)) {
    const file = `ui/${name}`;
    const tag = name.replace(/\.ya?ml$/, '');
    if (!isLocale(tag)) {
      issues.push(contentIssue('UiFileUnknownLocale', { tag, known: [...locales.keys()] }, { file }));
      continue;
    }
    if (spoken && !spoken.has(tag)) issues.push(contentIssue('UiLocaleNotSpoken', { tag }, { file }));
    const parsed = readYaml(join(dir, name), tag === sourceLocale ? sourceUiSchema : translatedUiSchema, file, issues);
    if (parsed) ui.set(tag, parsed as UiFile);
  }
  if (!ui.has(sourceLocale) && !issues.some((i) => i.file === `ui/${sourceLocale}.yaml`)) {
    issues.push(contentIssue('SourceUiMissing', {}, { file: `ui/${sourceLocale}.yaml` }));
  }
  return ui;
}

/** A figure's scope may only name countries that have a file in content/countries/ (`codes`). */
function checkFigureScopes(path: string | undefined, figures: Figure[], codes: Set<string>, issues: ContentIssue[]) {
  let lineOf: ((field: (string | number)[]) => number | undefined) | undefined;
  figures.forEach((figure, i) => {
    if (isRegionWide(figure.scope)) return;
    figure.scope.forEach((code, j) => {
      if (codes.has(code)) return;
      lineOf ??= yamlLines(path);
      const line = lineOf(['figures', i, 'scope', j]);
      issues.push(
        contentIssue(
          'FigureScopeUnknownCountry',
          { figure: figure.id, code, known: [...codes] },
          { file: 'figures.yaml', line, field: `figures.${i}.scope.${j}` },
        ),
      );
    });
  });
}

/** Looks up the line of a field in a YAML file that has already been read without errors. */
function yamlLines(path: string | undefined) {
  if (!path) return () => undefined;
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter });
  return (field: (string | number)[]) => {
    const range = (doc.getIn(field, true) as { range?: [number, number, number] } | undefined)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
}

function loadPages(
  root: string,
  spoken: Set<string> | undefined,
  figures: Map<string, Figure> | undefined,
  sources: Map<string, Source> | undefined,
  scans: Map<string, PageScan>,
  unread: UnreadPage[],
  issues: ContentIssue[],
) {
  const dir = join(root, 'pages');
  const pages: Page[] = [];
  if (!existsSync(dir)) {
    issues.push(contentIssue('PagesFolderMissing', {}, { file: 'pages/' }));
    return pages;
  }
  for (const locale of readdirSync(dir).sort()) {
    if (!statSync(join(dir, locale)).isDirectory()) continue;
    if (!isLocale(locale)) {
      issues.push(contentIssue('PageFolderUnknownLocale', { tag: locale, known: [...locales.keys()] }, { file: `pages/${locale}/` }));
      continue;
    }
    if (spoken && !spoken.has(locale)) issues.push(contentIssue('PageLocaleNotSpoken', { tag: locale }, { file: `pages/${locale}/` }));
    const slugs = new Map<string, string>();
    for (const name of readdirSync(join(dir, locale))
      .filter((f) => f.endsWith('.mdx'))
      .sort()) {
      const file = `pages/${locale}/${name}`;
      const absolutePath = join(dir, locale, name);
      const text = readFileSync(absolutePath, 'utf8');
      const match = frontmatterPattern.exec(text);
      if (!match) {
        issues.push(contentIssue('PageWithoutFrontmatter', {}, { file, line: 1 }));
        continue;
      }
      const before = issues.length;
      const data = parseYaml(match[1] ?? '', pageFrontmatterSchema, file, issues, 1);
      // A slug that is not lower-case ASCII (a title in Greek or Cyrillic letters, say): suggest the romanised title.
      for (let i = before; i < issues.length; i++) {
        const issue = issues[i] as ContentIssue;
        if (issue.field === 'slug' && issue.code === 'FieldInvalid')
          issues[i] = contentIssue('SlugNotAscii', { rule: issue.message, ...slugFixArgs(titleOf(match[1] ?? ''), locale) }, issue);
      }
      const id = name.replace(/\.mdx$/, '');
      if (!data) {
        unread.push({ locale, id, slug: rawField(match[1] ?? '', 'slug') });
        continue;
      }
      const page: Page = { id, locale, file, absolutePath, data, body: text.slice(match[0].length) };
      const clash = slugs.get(data.slug);
      if (clash !== undefined)
        issues.push(
          contentIssue(
            'DuplicateSlug',
            { slug: data.slug, other: `pages/${locale}/${clash}.mdx`, ...slugFixArgs(data.title, locale, new Set(slugs.keys())) },
            { file, field: 'slug' },
          ),
        );
      slugs.set(data.slug, id);
      if ((id === 'home') !== (data.slug === ''))
        issues.push(
          id === 'home'
            ? contentIssue('HomeSlugNotEmpty', {}, { file, field: 'slug' })
            : contentIssue('EmptySlug', slugFixArgs(data.title, locale, new Set(slugs.keys())), { file, field: 'slug' }),
        );
      if ((locale === sourceLocale) !== (data.translation === 'source'))
        issues.push(contentIssue(locale === sourceLocale ? 'EnglishPageNotSource' : 'TranslationMarkedSource', {}, { file, field: 'translation' }));
      if (data.translation === 'reviewed' && !data.reviewedBy) issues.push(contentIssue('ReviewerMissing', {}, { file, field: 'reviewedBy' }));
      // The whole file is parsed, so that lines are the file's.
      const scan = scanPage(text);
      scans.set(file, scan);
      for (const problem of scan.problems) issues.push({ ...problem, file });
      for (const use of scan.figures) {
        if (use.id === undefined && !scan.problems.some((p) => p.line === use.line)) issues.push(contentIssue('FigureWithoutId', {}, { file, line: use.line }));
        else if (use.id !== undefined && figures && !figures.has(use.id)) issues.push(contentIssue('UnknownFigure', { id: use.id }, { file, line: use.line }));
      }
      checkCites(file, scan, sources, issues);
      pages.push(page);
    }
  }
  const english = new Map(pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p]));
  // An English page whose frontmatter could not be read is reported; its translations are not orphans.
  const unreadEnglish = new Set(unread.filter((p) => p.locale === sourceLocale).map((p) => p.id));
  if (!english.has('home') && !unreadEnglish.has('home')) issues.push(contentIssue('HomePageMissing', {}, { file: `pages/${sourceLocale}/home.mdx` }));
  for (const page of pages) {
    if (page.locale === sourceLocale || unreadEnglish.has(page.id)) continue;
    const original = english.get(page.id);
    if (!original) issues.push(contentIssue('NoEnglishOriginal', { id: page.id, source: sourceLocale }, { file: page.file }));
    else if (original.data.audience !== page.data.audience)
      issues.push(contentIssue('AudienceDiffers', { audience: page.data.audience, english: original.data.audience }, { file: page.file, field: 'audience' }));
  }
  return pages;
}

/** A page's title from its raw frontmatter, for a suggestion when the frontmatter does not validate. */
function titleOf(frontmatter: string): string {
  return rawField(frontmatter, 'title') ?? '';
}

/** A text field of a page's raw frontmatter, when it can be read although the frontmatter does not validate. */
function rawField(frontmatter: string, field: string): string | undefined {
  try {
    const value = (parseDocument(frontmatter).toJS() as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
