// What differs from one country's site to another's, and from one reader's language to another's:
// which figures a site may quote (figure scopes), the <ForCountry> blocks of pages, organisation
// names in the reader's language, and page descriptions per role. The loader uses the checks here;
// the site uses the helpers, so both read pages the same way.
//
// Pages are read with satteri's `mdxToMdast`, the MDX parser Astro's MDX integration renders them
// with (@astrojs/mdx → @astrojs/markdown-satteri → satteri), so a component the loader sees is exactly
// a component the site renders: not one in a code span, and with the line the parser gives it.
import { sourceLocale } from '@repo/i18n';
import { mdxToMdast } from 'satteri';
import { helplineByNumber } from './helplines.ts';
import { type ContentIssue, contentIssue, type PageProblem, pageProblem } from './issues.ts';
import { type CiteUse, inspectNode, type LinkUse, linkDefinitions, type MdxNode } from './mdx-checks.ts';
import { phoneNumbersIn } from './phone-numbers.ts';
import type { Country, Figure, FigureScope, LocalNames, PageFrontmatter, Role, regionScopes } from './schema/index.ts';

export type RegionScope = (typeof regionScopes)[number];

/**
 * What the checks of pages, links, addresses and posters need of a country: its site's shape. A
 * country file that does not validate still gives it when these fields are right, so that one
 * mistake in it hides no other problem; `helplines` is absent when they could not be read, and the
 * checks of numbers then leave that country out.
 */
export type CountrySite = Pick<Country, 'code' | 'roles' | 'languages' | 'defaultLanguage'> & { helplines?: Country['helplines'] };

const roles: readonly Role[] = ['origin', 'destination'];

/** True when a scope is region-wide (`world`, `eu`, `region`): such a figure may be quoted on every site. */
export function isRegionWide(scope: FigureScope): scope is RegionScope {
  return typeof scope === 'string';
}

/** True when the site of `countryCode` may show the figure: it is region-wide or about that country. */
export function figureIsAbout(figure: Pick<Figure, 'scope'>, countryCode: string): boolean {
  return isRegionWide(figure.scope) || figure.scope.includes(countryCode);
}

/** The attributes of `<ForCountry>` as written in a page (both are plain text). */
export interface ForCountryProps {
  /** Country codes separated by spaces or commas, e.g. `"rs"` or `"gr si"`: the block shows on these sites only. */
  countries?: string | undefined;
  /** `origin` or `destination`: the block shows on the sites of countries with this role only. */
  role?: string | undefined;
}

/** The codes of a `countries` attribute: `"rs"`, `"gr si"` and `"gr, si"` are all fine. */
export function countryList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * Whether a `<ForCountry>` block shows on a country's site: the country is listed in `countries`
 * (when given) and has `role` (when given). Blocks inside blocks show only where all of them do.
 */
export function forCountryShows(props: ForCountryProps, country: Pick<Country, 'code' | 'roles'>): boolean {
  const inList = props.countries === undefined || countryList(props.countries).includes(country.code);
  const hasRole = props.role === undefined || country.roles.includes(props.role as Role);
  return inList && hasRole;
}

/** An organisation's name as a reader sees it, with the language to mark it with (`lang`). */
export interface LocalName {
  text: string;
  lang: string;
}

/**
 * An organisation's name for a reader of `locale`: the name a cited source gives in that locale
 * (`names`, e.g. a partner's `names` or a helpline's `operatorNames`), else the original name, once
 * (never with a translation beside it), marked with the original's language (`en` unless the record
 * says otherwise in `nameLanguage` / `operatorLanguage`).
 */
export function localName(original: string, names: LocalNames | undefined, locale: string, originalLanguage: string = sourceLocale): LocalName {
  const local = names?.[locale];
  return local ? { text: local, lang: locale } : { text: original, lang: originalLanguage };
}

/**
 * The description a country's site shows for a page (meta description, link previews, page cards):
 * `descriptions.<role>` when the country has that one role and the page gives one, else `description`.
 * A country with both roles (Serbia) gets `description`.
 */
export function pageDescription(page: { data: Pick<PageFrontmatter, 'description' | 'descriptions'> }, country: Pick<Country, 'roles'>): string {
  const role = onlyRole(country);
  return (role && page.data.descriptions?.[role]) || page.data.description;
}

/** The country's role when it has one only; undefined for a country of origin and destination. */
function onlyRole(country: Pick<Country, 'roles'>): Role | undefined {
  const own = new Set(country.roles);
  return own.size === 1 ? [...own][0] : undefined;
}

/**
 * The countries whose sites show a page file: those whose roles match its audience (as
 * `pageIdsFor` decides) and, for a translation, that speak its locale. An English page is shown on
 * every such site (in English, and where a translation is missing).
 */
export function sitesShowing<C extends Pick<Country, 'code' | 'roles' | 'languages'>>(
  page: { locale: string; data: { audience: string } },
  countries: C[],
): C[] {
  return countries.filter(
    (c) =>
      (page.data.audience === 'all' || c.roles.includes(page.data.audience as Role)) && (page.locale === sourceLocale || c.languages.includes(page.locale)),
  );
}

/** A `<ForCountry>` block of a page. */
export interface ForCountryBlock {
  props: ForCountryProps;
  line: number;
}

/** A `<Figure>` of a page, with the `<ForCountry>` blocks around it, outermost first. */
export interface FigureUse {
  /** Undefined when the id is not written as plain text (reported). */
  id: string | undefined;
  line: number;
  within: ForCountryBlock[];
}

/** A `<Call number="…">` of a page (a phone number in running text), with the blocks around it. */
export interface CallUse {
  /** Undefined when the number is not written as plain text (reported). */
  number: string | undefined;
  line: number;
  within: ForCountryBlock[];
}

/**
 * A phone number a page shows outside `<Call>`: in its text, in code, or as a `tel:` link. Nothing
 * checks it against the helplines of the sites that show it, so the loader refuses it.
 */
export interface PhoneUse {
  number: string;
  line: number;
  within: ForCountryBlock[];
}

/** What the loader needs from a page's MDX body. */
export interface PageScan {
  figures: FigureUse[];
  calls: CallUse[];
  /** Phone numbers outside `<Call>` (see phone-numbers.ts for what counts as one). */
  phones: PhoneUse[];
  blocks: ForCountryBlock[];
  /** `<Cite id>` uses, checked against content/sources.yaml. */
  cites: CiteUse[];
  /** Links to addresses on the site itself (starting with `/`), checked against each site's pages. */
  links: LinkUse[];
  /**
   * Problems found while reading: invalid MDX, attributes written as expressions, unknown attributes,
   * unknown components, code, files from other hosts, scripts, images without alt (mdx-checks.ts).
   */
  problems: PageProblem[];
}

/**
 * Parses a page file (frontmatter included, so lines are the file's) and lists its `<Figure>`,
 * `<Call>`, `<Cite>` and `<ForCountry>` elements and internal links with their lines and the blocks
 * they are in, and what mdx-checks.ts finds wrong in it. Never throws: a syntax error becomes a
 * problem with its line.
 */
export function scanPage(text: string): PageScan {
  const scan: PageScan = { figures: [], calls: [], phones: [], blocks: [], cites: [], links: [], problems: [] };
  let tree: MdxNode;
  try {
    tree = mdxToMdast(text) as unknown as MdxNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, line, rest] = /^(\d+):\d+:\s*(.*)$/s.exec(message) ?? [];
    scan.problems.push(pageProblem('MdxSyntax', { detail: (rest ?? message).split('\n')[0] ?? '' }, Number(line ?? 1)));
    return scan;
  }
  const definitions = linkDefinitions(tree);
  const walk = (node: MdxNode, within: ForCountryBlock[]) => {
    inspectNode(node, within, scan, definitions, textAttribute);
    findPhones(node, within, scan);
    let inner = within;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const line = node.position?.start.line ?? 1;
      if (node.name === 'Figure') {
        scan.figures.push({ id: textAttribute(node, 'id', line, scan), line, within });
      } else if (node.name === 'Call') {
        scan.calls.push({ number: textAttribute(node, 'number', line, scan), line, within });
        // What a <Call> holds is never shown: the site renders the number of its attribute.
        return;
      } else if (node.name === 'ForCountry') {
        const block = forCountryBlock(node, line, scan);
        scan.blocks.push(block);
        inner = [...within, block];
      }
    }
    for (const child of node.children ?? []) walk(child, inner);
  };
  walk(tree, []);
  return scan;
}

/** Phone numbers a node shows itself: in its text or code (at their own line), or as the address of a `tel:` link. */
function findPhones(node: MdxNode, within: ForCountryBlock[], scan: PageScan) {
  const line = node.position?.start.line ?? 1;
  if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.value) {
    for (const { number, index } of phoneNumbersIn(node.value)) {
      // A text node runs over the page's soft line breaks.
      const before = node.value.slice(0, index).split('\n').length - 1;
      scan.phones.push({ number, line: line + before + (node.type === 'code' ? 1 : 0), within });
    }
    return;
  }
  const url =
    node.type === 'link'
      ? node.url
      : node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement'
        ? node.name === 'a'
          ? node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value
          : undefined
        : undefined;
  // A tel: link that shows a number is reported by that number (its text), once.
  if (typeof url === 'string' && /^tel:/i.test(url.trim()) && phoneNumbersIn(textOf(node)).length === 0)
    scan.phones.push({ number: decoded(url.trim().slice(4)), line, within });
}

/** The text a node shows. */
function textOf(node: MdxNode): string {
  return node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A plain-text attribute; an expression (`id={…}`) cannot be checked, so it is reported. */
function textAttribute(node: MdxNode, name: string, line: number, scan: PageScan): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  if (typeof attribute.value === 'string') return attribute.value;
  scan.problems.push(pageProblem('AttributeExpression', { component: node.name ?? '', name }, line));
  return undefined;
}

function forCountryBlock(node: MdxNode, line: number, scan: PageScan): ForCountryBlock {
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || (a.name !== 'countries' && a.name !== 'role'))
      scan.problems.push(pageProblem('ForCountryUnknownAttribute', a.type === 'mdxJsxAttribute' ? { name: a.name ?? '' } : {}, line));
  }
  const props: ForCountryProps = { countries: textAttribute(node, 'countries', line, scan), role: textAttribute(node, 'role', line, scan) };
  if (props.countries === undefined && props.role === undefined) scan.problems.push(pageProblem('ForCountryNoCondition', {}, line));
  if (props.countries !== undefined && countryList(props.countries).length === 0) scan.problems.push(pageProblem('ForCountryEmptyList', {}, line));
  if (props.role !== undefined && !roles.includes(props.role as Role)) scan.problems.push(pageProblem('ForCountryUnknownRole', { role: props.role }, line));
  return { props, line };
}

/**
 * The checks that need the countries: every `<ForCountry countries>` names known countries; no site
 * shows a figure about another country outside a `<ForCountry>` block that excludes it; every
 * `<Call number>` a site shows is one of that country's own helplines (a shared page never dials a
 * number a country's file does not list with its source); and no phone number stands in the text
 * outside `<Call>`, where nothing would check it. One issue per figure or number quoted, naming
 * every site that would show it wrongly. `known` are the codes of every country file, also those
 * that could not be read (their codes are not unknown); the other checks judge every site whose
 * shape could be read, and numbers only against the helplines that could be read.
 */
export function checkPageScopes(
  pages: { file: string; locale: string; data: { audience: string } }[],
  scans: Map<string, PageScan>,
  figures: Map<string, Figure>,
  countries: CountrySite[],
  issues: ContentIssue[],
  known: Set<string> = new Set(countries.map((c) => c.code)),
) {
  for (const page of pages) {
    const scan = scans.get(page.file);
    if (!scan) continue;
    for (const block of scan.blocks) {
      for (const code of countryList(block.props.countries ?? '').filter((c) => !known.has(c))) {
        issues.push(
          contentIssue('ForCountryUnknownCountry', { countries: block.props.countries ?? '', code, known: [...known] }, { file: page.file, line: block.line }),
        );
      }
    }
    const sites = sitesShowing(page, countries);
    const showing = (within: ForCountryBlock[]) => sites.filter((c) => within.every((block) => forCountryShows(block.props, c)));
    const withHelplines = (within: ForCountryBlock[]) => showing(within).filter((c): c is CountrySite & Pick<Country, 'helplines'> => !!c.helplines);
    for (const use of scan.figures) {
      const figure = use.id === undefined ? undefined : figures.get(use.id);
      if (!figure || isRegionWide(figure.scope)) continue;
      const wrong = showing(use.within)
        .filter((c) => !figureIsAbout(figure, c.code))
        .map((c) => c.code);
      if (wrong.length === 0) continue;
      issues.push(contentIssue('FigureOutOfScope', { id: figure.id, scope: figure.scope, sites: wrong }, { file: page.file, line: use.line }));
    }
    for (const call of scan.calls) {
      if (call.number === undefined) {
        if (!scan.problems.some((p) => p.line === call.line)) issues.push(contentIssue('CallWithoutNumber', {}, { file: page.file, line: call.line }));
        continue;
      }
      const without = withHelplines(call.within)
        .filter((c) => !helplineByNumber(c, call.number as string))
        .map((c) => c.code);
      if (without.length === 0) continue;
      issues.push(contentIssue('CallNotAHelpline', { number: call.number, sites: without }, { file: page.file, line: call.line }));
    }
    for (const phone of scan.phones) {
      const shownOn = showing(phone.within);
      const without = withHelplines(phone.within).filter((c) => !helplineByNumber(c, phone.number));
      issues.push(
        contentIssue(
          'PhoneNotInCall',
          { number: phone.number, sites: shownOn.map((c) => c.code), ...helplinesOf(without) },
          { file: page.file, line: phone.line },
        ),
      );
    }
  }
}

/** The countries a number is not a helpline of, with the numbers they list instead (for the fix). */
export function helplinesOf(countries: Pick<Country, 'code' | 'helplines'>[]): { notHelplineOf: string[]; helplines: Record<string, string[]> } {
  return {
    notHelplineOf: countries.map((c) => c.code),
    helplines: Object.fromEntries(countries.map((c) => [c.code, c.helplines.map((h) => h.number)])),
  };
}

/**
 * A translation needs a role's description (`descriptions.destination`) where its English page has
 * one and a country speaking the translation's language has that role only: otherwise that site
 * would describe the page with text written for the other role.
 */
export function checkRoleDescriptions(
  pages: { id: string; file: string; locale: string; data: Pick<PageFrontmatter, 'audience' | 'descriptions'> }[],
  countries: CountrySite[],
  issues: ContentIssue[],
) {
  const english = new Map(pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p]));
  for (const page of pages) {
    const original = english.get(page.id);
    if (page.locale === sourceLocale || !original?.data.descriptions) continue;
    for (const role of roles) {
      if (!original.data.descriptions[role] || page.data.descriptions?.[role]) continue;
      const sites = sitesShowing(page, countries)
        .filter((c) => onlyRole(c) === role)
        .map((c) => c.code);
      if (sites.length === 0) continue;
      issues.push(contentIssue('RoleDescriptionMissing', { role, original: original.file, sites }, { file: page.file, field: `descriptions.${role}` }));
    }
  }
}
