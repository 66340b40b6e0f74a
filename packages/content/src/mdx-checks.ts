// What the loader checks in a page's MDX before anything is built, so that a mistake is reported
// once, at its file and line, instead of by the build or the gates once per built page:
//
// - components: only the ones the site registers (`pageComponents`, the one list the site's page
//   template is typed against), never an import or export of code;
// - `<Cite id>`: a source listed in content/sources.yaml (`<Figure id>` is checked beside it in load.ts);
// - raw HTML and markdown images that would load something from another host (script, img, iframe,
//   link, style with a URL, source, video, audio, object, embed…): the sites load nothing from
//   anywhere else, so readers leave no trace there, and the Content-Security-Policy would block it;
//   scripts and `on…=""` handlers, which the Content-Security-Policy blocks;
// - images without a text alternative (markdown `![](x)`, `<img>` without `alt`);
// - internal links (markdown and `<a href>` starting with `/`) to a page that is not on every site
//   that shows the link (see `checkPageLinks`). Links under /print/ are not checked here: the print
//   files exist only after the print build, and the link gate checks them on the built sites.
//
// `inspectNode` is called by `scanPage` (per-country.ts) for every node of the parsed page.

import type { ArgsOf, ContentCode } from '@repo/errors';
import { sourceLocale } from '@repo/i18n';
import { type ContentIssue, contentIssue, pageProblem } from './issues.ts';
import type { CountrySite, ForCountryBlock, PageScan } from './per-country.ts';
import { forCountryShows, sitesShowing } from './per-country.ts';
import { sitePagePaths } from './site-plan.ts';

/**
 * The components a page may use, without importing them. The site registers exactly these
 * (apps/site/src/pages/[...path].astro is type-checked against this list); anything else is an error.
 */
export const pageComponents = ['Call', 'Cite', 'Figure', 'ForCountry', 'Funding', 'Helplines', 'Partners', 'PrintFiles'] as const;
export type PageComponent = (typeof pageComponents)[number];

/** A `<Cite id="…">` of a page. */
export interface CiteUse {
  /** Undefined when the id is missing or not written as plain text (reported). */
  id: string | undefined;
  line: number;
}

/** A link of a page to an address on its own site (markdown or `<a href>`, starting with `/`). */
export interface LinkUse {
  url: string;
  line: number;
  within: ForCountryBlock[];
}

/** The parts of satteri's mdast nodes the checks read. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
  url?: string;
  alt?: string | null;
  identifier?: string;
  value?: string;
}

/** Attributes through which an element loads a file. */
const loadingAttributes: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  link: ['href', 'imagesrcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  object: ['data'],
  embed: ['src'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
};

/** True for an address on another host: a scheme (`https:`, `ftp:`…) or `//host`; `data:` is part of the page. */
export function isOtherHost(url: string): boolean {
  const value = url.trim();
  return /^\/\//.test(value) || (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^data:/i.test(value));
}

/** The host of an address, for messages (`https://cdn.example/x.js` → `cdn.example`). */
function hostOf(url: string): string {
  try {
    return new URL(url.trim().replace(/^\/\//, 'https://')).host || url;
  } catch {
    return url;
  }
}

/** The addresses a CSS text loads: `url(…)` and `@import "…"`. */
function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)) urls.push((m[2] as string).trim());
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) urls.push(m[2] as string);
  return urls;
}

/** Every text and expression inside a node (the CSS of a `<style>` element). */
function rawText(node: MdxNode): string {
  return (node.value ?? '') + (node.children ?? []).map(rawText).join('');
}

/** The closest known component name, for "did you mean". */
function closestComponent(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const known of pageComponents) {
    const distance = editDistance(lower, known.toLowerCase());
    if (distance <= Math.max(2, Math.floor(known.length / 3)) && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

const componentList = pageComponents.map((c) => `<${c}>`).join(', ');

/** The link definitions of a page (`[label]: /en/privacy/`), by identifier, for reference-style links and images. */
export function linkDefinitions(tree: MdxNode): Map<string, string> {
  const definitions = new Map<string, string>();
  const walk = (node: MdxNode) => {
    if (node.type === 'definition' && node.identifier && node.url !== undefined) definitions.set(node.identifier, node.url);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return definitions;
}

/**
 * The checks of one node that need nothing but the page: records `<Cite>` uses and internal links
 * in `scan`, and adds a problem for an unknown component, code, a file from another host, a script
 * or an image without a text alternative.
 */
export function inspectNode(
  node: MdxNode,
  within: ForCountryBlock[],
  scan: PageScan,
  definitions: Map<string, string>,
  textAttribute: (node: MdxNode, name: string, line: number, scan: PageScan) => string | undefined,
): void {
  const line = node.position?.start.line ?? 1;
  const problem = <C extends ContentCode>(code: C, args: ArgsOf<C>) => scan.problems.push(pageProblem(code, args, line));

  if (node.type === 'mdxjsEsm') {
    problem('PageImportsCode', { components: componentList });
    return;
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier ?? '');
    const written = node.type === 'image' ? `![${node.alt ?? ''}](${url})` : `![${node.alt ?? ''}][${node.identifier}]`;
    if (!node.alt?.trim()) problem('ImageWithoutText', { written, ...(url ? { url } : {}) });
    if (url && isOtherHost(url)) problem('ForeignImage', { written, host: hostOf(url) });
    return;
  }
  if (node.type === 'link' || node.type === 'linkReference') {
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier ?? '');
    if (url && isInternal(url)) scan.links.push({ url, line, within });
    return;
  }
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
  const name = node.name;
  if (!name) return; // a fragment, <>…</>
  if (/^[A-Z]/.test(name) || name.includes('.')) {
    if (!(pageComponents as readonly string[]).includes(name)) {
      const guess = closestComponent(name);
      problem('UnknownComponent', { name, ...(guess ? { guess } : {}), components: componentList });
    }
    if (name === 'Cite') scan.cites.push({ id: textAttribute(node, 'id', line, scan), line });
    return;
  }

  // Raw HTML.
  const attributes = node.attributes ?? [];
  const textOf = (attribute: string) => {
    const found = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute);
    if (!found || found.value === null || found.value === undefined) return undefined;
    return typeof found.value === 'string' ? found.value : textAttribute(node, attribute, line, scan);
  };
  if (name === 'script') {
    const src = textOf('src');
    if (src && isOtherHost(src)) problem('ForeignScript', { src, host: hostOf(src) });
    else problem('ScriptInPage', {});
    return;
  }
  for (const attribute of loadingAttributes[name] ?? []) {
    const value = textOf(attribute);
    if (value === undefined) continue;
    const urls = attribute.endsWith('srcset') ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
    for (const url of urls.filter(isOtherHost)) problem('ForeignFile', { element: name, attribute, url, host: hostOf(url) });
  }
  if (name === 'img' && !attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'alt')) problem('ImgWithoutAlt', {});
  const style = textOf('style');
  const css = [...(style ? cssUrls(style) : []), ...(name === 'style' ? cssUrls(rawText(node)) : [])];
  for (const url of css.filter(isOtherHost)) problem('ForeignStyle', { element: name, url, host: hostOf(url) });
  for (const a of attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name && /^on[a-z]+$/i.test(a.name)) problem('EventHandler', { element: name, attribute: a.name });
  }
  if (name === 'a') {
    const href = textOf('href');
    if (href && isInternal(href)) scan.links.push({ url: href, line, within });
  }
}

/** An address on the site itself: it starts with one `/` (`//host/…` is another host). */
function isInternal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** Addresses of a site that are not pages: its print files (checked by the link gate after the build), sitemap and robots.txt. */
function isSiteFile(path: string): boolean {
  return path.startsWith('/print/') || path === '/print' || path === '/sitemap.xml' || path === '/robots.txt';
}

/**
 * Every `<Cite id>` names a source in content/sources.yaml. Skipped (`sources` undefined) when
 * sources.yaml could not be read, since every id would then look unknown.
 */
export function checkCites(file: string, scan: PageScan, sources: Map<string, unknown> | undefined, issues: ContentIssue[]) {
  for (const cite of scan.cites) {
    if (cite.id === undefined) {
      if (!scan.problems.some((p) => p.line === cite.line)) issues.push(contentIssue('CiteWithoutId', {}, { file, line: cite.line }));
    } else if (sources && !sources.has(cite.id)) issues.push(contentIssue('UnknownSource', { id: cite.id }, { file, line: cite.line }));
  }
}

/**
 * Every internal link of a page leads to a page on each site that shows the link: the sites that
 * show the page (`sitesShowing`), less those a `<ForCountry>` block around the link excludes. One
 * issue per link, naming the sites where it would lead nowhere, and the fix. A link that may lead to
 * a page whose frontmatter could not be read (`unread`: its slug, or, when its slug is unknown, any
 * address, from the pages of its language) waits until that page is fixed: the page's own issue is
 * the cause.
 */
export function checkPageLinks(
  pages: Parameters<typeof sitePagePaths>[0],
  scans: Map<string, PageScan>,
  countries: CountrySite[],
  issues: ContentIssue[],
  unread: { slug: string | undefined; locale: string }[] = [],
) {
  const paths = new Map(countries.map((c) => [c.code, sitePagePaths(pages, c)]));
  // A page whose slug could not be read may be at any address of its language (an English page, of
  // every language that shows it in English): only links from pages of that language wait for it.
  const mayBeUnread = (path: string, from: string) =>
    unread.some(
      (u) =>
        (u.slug === undefined && (u.locale === sourceLocale || u.locale === from)) ||
        (u.slug !== undefined && u.slug !== '' && path.replace(/\/$/, '').split('/').at(-1) === u.slug),
    );
  for (const page of pages) {
    const scan = scans.get(page.file);
    if (!scan) continue;
    const sites = sitesShowing(page, countries);
    for (const link of scan.links) {
      const path = link.url.replace(/[?#].*$/, '') || '/';
      if (isSiteFile(path) || mayBeUnread(path, page.locale)) continue;
      const shownOn = sites.filter((c) => link.within.every((block) => forCountryShows(block.props, c)));
      const missing = shownOn.filter((c) => !paths.get(c.code)?.has(path));
      if (missing.length === 0) continue;
      const codes = missing.map((c) => c.code);
      const at = { file: page.file, line: link.line };
      if (!path.endsWith('/') && missing.every((c) => paths.get(c.code)?.has(`${path}/`))) {
        issues.push(contentIssue('LinkWithoutSlash', { url: link.url, path, fixed: link.url.replace(path, `${path}/`) }, at));
        continue;
      }
      const having = countries.filter((c) => paths.get(c.code)?.has(path)).map((c) => c.code);
      if (having.length > 0) {
        issues.push(contentIssue('LinkToPageNotOnSite', { path, page: paths.get(having[0] as string)?.get(path)?.id ?? '', sites: codes, having }, at));
        continue;
      }
      // The nearest address that works on every site showing the link, in the page's own language
      // where there is one: a Romanian page shown on the md and ro sites is pointed at a Romanian
      // page both have, not at md's Russian home whose address happens to be closer.
      const everywhere = [...(paths.get((shownOn[0] as CountrySite).code) ?? [])].filter(([address]) => shownOn.every((c) => paths.get(c.code)?.has(address)));
      const sameLanguage = everywhere.filter(([, p]) => p.locale === page.locale);
      const candidates = (sameLanguage.length > 0 ? sameLanguage : everywhere).map(([address]) => address);
      const nearest = candidates.sort((a, b) => editDistance(path, a) - editDistance(path, b))[0];
      issues.push(contentIssue('LinkToNowhere', { path, sites: codes, ...(nearest ? { nearest } : {}) }, at));
    }
  }
}
