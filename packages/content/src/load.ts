import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, locales, sourceLocale, type UiKey, type UiStrings } from '@repo/i18n';
import { LineCounter, parseDocument } from 'yaml';
import { ContentError, type ContentIssue } from './issues.ts';
import { type LocaleRegistry, loadLocales } from './locales.ts';
import { checkCites, checkPageLinks } from './mdx-checks.ts';
import { checkPageScopes, checkRoleDescriptions, isRegionWide, type PageScan, scanPage } from './per-country.ts';
import { loadPosters, type PosterDesign } from './posters.ts';
import { loadTranslationRecords, type TranslationRecords } from './records.ts';
import {
  type Campaign,
  type Country,
  campaignSchema,
  countrySchema,
  type Figure,
  figuresFileSchema,
  type PageFrontmatter,
  pageFrontmatterSchema,
  recheckMonthsFix,
  type Source,
  sourcesFileSchema,
  sourceUiSchema,
  translatedUiSchema,
} from './schema/index.ts';
import { checkScripts } from './script-check.ts';
import { checkSitePaths, slugFix } from './slugs.ts';
import { checkUiMessages } from './ui-messages.ts';
import { checkNamedAfterFile, parseYaml, readYaml, yamlFiles } from './yaml-file.ts';

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
    issues.push({ file, message: 'is missing', fix: `create content/${file}; see the README section "Content"` });
    return undefined;
  };
  // Every other file names locales: read them first. Without them nothing else can be judged.
  const registry = loadLocales(root, issues);
  if (!registry) throw new ContentError(issues);

  const campaignPath = need('campaign.yaml');
  const campaign = campaignPath ? readYaml(campaignPath, campaignSchema, 'campaign.yaml', issues) : undefined;
  // The schema says what is wrong with a re-check period; say exactly how to write one.
  for (const issue of issues) if (issue.file === 'campaign.yaml' && issue.field === 'recheckMonths') issue.fix = recheckMonthsFix;
  const sourcesPath = need('sources.yaml');
  const sourceList = sourcesPath ? readYaml(sourcesPath, sourcesFileSchema, 'sources.yaml', issues)?.sources : undefined;
  const figuresPath = need('figures.yaml');
  const figureList = figuresPath ? readYaml(figuresPath, figuresFileSchema, 'figures.yaml', issues)?.figures : undefined;

  const sources = indexById(sourceList ?? [], 'sources.yaml', 'sources', issues);
  const figures = indexById(figureList ?? [], 'figures.yaml', 'figures', issues);
  const cite = (file: string, field: string, sourceId: string) => {
    if (sourceList && !sources.has(sourceId)) {
      issues.push({
        file,
        field,
        message: `cites source "${sourceId}", which content/sources.yaml does not list`,
        fix: 'add the source to content/sources.yaml or correct the id',
      });
    }
  };
  if (campaign) cite('campaign.yaml', 'fundingSource', campaign.fundingSource);
  for (const [i, f] of (figureList ?? []).entries()) cite('figures.yaml', `figures.${i}.source`, f.source);

  const before = issues.length;
  const countries = loadCountries(root, issues, cite);
  // Only judge which languages are spoken when every country file could be read; otherwise one
  // broken country file would also report every page of its languages.
  const spoken = issues.length === before ? new Set(countries.flatMap((c) => c.languages)) : undefined;
  const ui = loadUi(root, spoken, issues);
  checkUiMessages(root, ui, issues);
  const scans = new Map<string, PageScan>();
  // When figures.yaml or sources.yaml could not be read, every quoted figure or cited source would
  // look unknown: skip that check.
  const pages = loadPages(root, spoken, figureList ? figures : undefined, sourceList ? sources : undefined, scans, issues);
  // What needs every country: scopes name known countries, no site shows another country's figure,
  // role descriptions are translated where a site of that role only shows the translation, internal
  // links lead to a page on every site that shows them.
  if (spoken) {
    checkFigureScopes(figuresPath, figureList ?? [], countries, issues);
    checkPageScopes(pages, scans, figures, countries, issues);
    checkRoleDescriptions(pages, countries, issues);
    checkPageLinks(pages, scans, countries, issues);
    // Every address of a site is one page's, across its languages (slugs.ts).
    checkSitePaths(pages, countries, issues);
  }
  const posters = loadPosters(root, spoken ? countries : undefined, pages, issues);

  const translations = loadTranslationRecords(root, issues);

  if (issues.length > 0 || !campaign) throw new ContentError(issues);
  const sourceUi = ui.get(sourceLocale)?.strings as Record<UiKey, string>;
  const content: Content = { root, campaign, sources, figures, countries, pages, ui, sourceUi, posters, locales: registry, translations };
  // Once everything else is right: every locale's text is in its script (script-check.ts).
  checkScripts(content, issues);
  if (issues.length > 0) throw new ContentError(issues);
  return content;
}

function indexById<T extends { id: string }>(items: T[], file: string, field: string, issues: ContentIssue[]) {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) issues.push({ file, field: `${field}.${i}.id`, message: `duplicate id "${item.id}"`, fix: 'give each entry its own id' });
    map.set(item.id, item);
  });
  return map;
}

function loadCountries(root: string, issues: ContentIssue[], cite: (file: string, field: string, id: string) => void) {
  const files = yamlFiles(join(root, 'countries'));
  if (files.length === 0)
    issues.push({ file: 'countries/', message: 'has no country files', fix: 'add content/countries/<cc>.yaml for each country; see the README' });
  const countries: Country[] = [];
  const helplineIds = new Map<string, string>();
  for (const name of files) {
    const file = `countries/${name}`;
    const country = readYaml(join(root, file), countrySchema, file, issues);
    if (!country) continue;
    checkNamedAfterFile(file, name, country.code, 'code', issues);
    if (!country.languages.includes(country.defaultLanguage)) {
      issues.push({
        file,
        field: 'defaultLanguage',
        message: `"${country.defaultLanguage}" is not one of the site's languages (${country.languages.join(', ')})`,
        fix: 'add it to languages or pick one of them',
      });
    }
    if (!country.languages.includes(sourceLocale)) {
      issues.push({
        file,
        field: 'languages',
        message: `does not include "${sourceLocale}"`,
        fix: `add ${sourceLocale}: every site also speaks English, the language every page falls back to`,
      });
    }
    if (new Set(country.languages).size !== country.languages.length) {
      issues.push({ file, field: 'languages', message: 'lists a language twice', fix: 'list each language once' });
    }
    country.helplines.forEach((h, i) => {
      cite(file, `helplines.${i}.source`, h.source);
      const other = helplineIds.get(h.id);
      if (other)
        issues.push({
          file,
          field: `helplines.${i}.id`,
          message: `duplicate helpline id "${h.id}" (also in ${other})`,
          fix: 'prefix helpline ids with the country code',
        });
      helplineIds.set(h.id, file);
      if (!h.id.startsWith(`${country.code}-`)) {
        issues.push({
          file,
          field: `helplines.${i}.id`,
          message: `"${h.id}" does not start with "${country.code}-": a helpline must belong to the country whose file lists it`,
          fix: `rename it ${country.code}-${h.id.replace(/^[a-z]{2}-/, '')} or move it to its own country's file`,
        });
      }
    });
    for (const [i, p] of country.partners.entries()) cite(file, `partners.${i}.source`, p.source);
    countries.push(country);
  }
  return countries.sort((a, b) => a.code.localeCompare(b.code));
}

function loadUi(root: string, spoken: Set<string> | undefined, issues: ContentIssue[]) {
  const ui = new Map<string, UiFile>();
  const dir = join(root, 'ui');
  for (const name of yamlFiles(dir)) {
    const file = `ui/${name}`;
    const tag = name.replace(/\.ya?ml$/, '');
    if (!isLocale(tag)) {
      issues.push({ file, message: `is named after unknown locale "${tag}"`, fix: `name it after one of ${[...locales.keys()].join(', ')}` });
      continue;
    }
    if (spoken && !spoken.has(tag))
      issues.push({ file, message: `no country lists "${tag}" among its languages`, fix: 'add the language to a country or remove the file' });
    const parsed = readYaml(join(dir, name), tag === sourceLocale ? sourceUiSchema : translatedUiSchema, file, issues);
    if (parsed) ui.set(tag, parsed as UiFile);
  }
  if (!ui.has(sourceLocale) && !issues.some((i) => i.file === `ui/${sourceLocale}.yaml`)) {
    issues.push({ file: `ui/${sourceLocale}.yaml`, message: 'is missing', fix: 'create it with every interface string; it is the fallback for all locales' });
  }
  return ui;
}

/** A figure's scope may only name countries that have a file in content/countries/. */
function checkFigureScopes(path: string | undefined, figures: Figure[], countries: Country[], issues: ContentIssue[]) {
  const codes = new Set(countries.map((c) => c.code));
  let lineOf: ((field: (string | number)[]) => number | undefined) | undefined;
  figures.forEach((figure, i) => {
    if (isRegionWide(figure.scope)) return;
    figure.scope.forEach((code, j) => {
      if (codes.has(code)) return;
      lineOf ??= yamlLines(path);
      const line = lineOf(['figures', i, 'scope', j]);
      issues.push({
        file: 'figures.yaml',
        ...(line ? { line } : {}),
        field: `figures.${i}.scope.${j}`,
        message: `names country "${code}", which has no file in content/countries/`,
        fix: `use the codes of the countries the figure is about (${[...codes].join(', ')}), or world, eu or region`,
      });
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
  issues: ContentIssue[],
) {
  const dir = join(root, 'pages');
  const pages: Page[] = [];
  if (!existsSync(dir)) {
    issues.push({ file: 'pages/', message: 'is missing', fix: 'create content/pages/en/ with the English pages' });
    return pages;
  }
  for (const locale of readdirSync(dir).sort()) {
    if (!statSync(join(dir, locale)).isDirectory()) continue;
    if (!isLocale(locale)) {
      issues.push({
        file: `pages/${locale}/`,
        message: `is named after unknown locale "${locale}"`,
        fix: `use one of ${[...locales.keys()].join(', ')} (tags are case-sensitive, e.g. sr-Latn)`,
      });
      continue;
    }
    if (spoken && !spoken.has(locale)) {
      issues.push({
        file: `pages/${locale}/`,
        message: `holds pages in "${locale}", which no country lists among its languages`,
        fix: 'add the language to a country file or remove the folder',
      });
    }
    const slugs = new Map<string, string>();
    for (const name of readdirSync(join(dir, locale))
      .filter((f) => f.endsWith('.mdx'))
      .sort()) {
      const file = `pages/${locale}/${name}`;
      const absolutePath = join(dir, locale, name);
      const text = readFileSync(absolutePath, 'utf8');
      const match = frontmatterPattern.exec(text);
      if (!match) {
        issues.push({
          file,
          line: 1,
          message: 'has no frontmatter',
          fix: 'start the file with a block between two "---" lines holding title, description, slug, audience, order and translation',
        });
        continue;
      }
      const before = issues.length;
      const data = parseYaml(match[1] ?? '', pageFrontmatterSchema, file, issues, 1);
      // A slug that is not lower-case ASCII (a title in Greek or Cyrillic letters, say): suggest the romanised title.
      for (const issue of issues.slice(before))
        if (issue.field === 'slug') issue.fix = slugFix('write the slug in lower-case ASCII', titleOf(match[1] ?? ''), locale);
      if (!data) continue;
      const id = name.replace(/\.mdx$/, '');
      const page: Page = { id, locale, file, absolutePath, data, body: text.slice(match[0].length) };
      const clash = slugs.get(data.slug);
      if (clash !== undefined) {
        issues.push({
          file,
          field: 'slug',
          message: `"${data.slug}" is also the slug of pages/${locale}/${clash}.mdx`,
          fix: slugFix('give each page in a locale its own slug', data.title, locale, new Set(slugs.keys())),
        });
      }
      slugs.set(data.slug, id);
      if ((id === 'home') !== (data.slug === '')) {
        issues.push({
          file,
          field: 'slug',
          message: id === 'home' ? 'must be empty for the home page' : 'is empty; only home.mdx may have an empty slug',
          fix: id === 'home' ? 'write slug: ""' : slugFix('give the page a slug', data.title, locale, new Set(slugs.keys())),
        });
      }
      if ((locale === sourceLocale) !== (data.translation === 'source')) {
        issues.push({
          file,
          field: 'translation',
          message: locale === sourceLocale ? 'must be "source" for English pages' : `is "source", but only English pages are sources`,
          fix: locale === sourceLocale ? 'write translation: source' : 'write translation: draft until a native speaker has reviewed it',
        });
      }
      if (data.translation === 'reviewed' && !data.reviewedBy) {
        issues.push({ file, field: 'reviewedBy', message: 'is missing for a reviewed translation', fix: 'name the reviewer, or set translation: draft' });
      }
      // The whole file is parsed, so that lines are the file's.
      const scan = scanPage(text);
      scans.set(file, scan);
      for (const problem of scan.problems) issues.push({ file, ...problem });
      for (const use of scan.figures) {
        if (use.id === undefined && !scan.problems.some((p) => p.line === use.line)) {
          issues.push({ file, line: use.line, message: '<Figure> has no id', fix: 'write <Figure id="…" /> with the id of a figure in content/figures.yaml' });
        } else if (use.id !== undefined && figures && !figures.has(use.id)) {
          issues.push({
            file,
            line: use.line,
            message: `quotes figure "${use.id}", which content/figures.yaml does not list`,
            fix: 'add the figure with its source, year and scope, or correct the id',
          });
        }
      }
      checkCites(file, scan, sources, issues);
      pages.push(page);
    }
  }
  const english = new Map(pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p]));
  if (!english.has('home'))
    issues.push({ file: `pages/${sourceLocale}/home.mdx`, message: 'is missing', fix: 'every site needs a home page in English, the fallback language' });
  for (const page of pages) {
    if (page.locale === sourceLocale) continue;
    const original = english.get(page.id);
    if (!original) {
      issues.push({
        file: page.file,
        message: `has no English original pages/${sourceLocale}/${page.id}.mdx`,
        fix: 'write the English page first, or rename this file to match an English page',
      });
    } else if (original.data.audience !== page.data.audience) {
      issues.push({
        file: page.file,
        field: 'audience',
        message: `is "${page.data.audience}" but the English page says "${original.data.audience}"`,
        fix: `write audience: ${original.data.audience}`,
      });
    }
  }
  return pages;
}

/** A page's title from its raw frontmatter, for a suggestion when the frontmatter does not validate. */
function titleOf(frontmatter: string): string {
  try {
    const title = (parseDocument(frontmatter).toJS() as { title?: unknown } | null)?.title;
    return typeof title === 'string' ? title : '';
  } catch {
    return '';
  }
}
