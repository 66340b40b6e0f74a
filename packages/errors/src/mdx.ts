// Page bodies (content/pages/<locale>/<page>.mdx after the frontmatter): what the loader finds in
// the MDX before anything is built (mdx-checks.ts, per-country.ts), each at its file and line.
import { defineGroup, entry, list } from './define.ts';

const otherHostFix = 'remove it, or link to it instead: [what it is](https://…) (a link leaves the site only when the reader follows it)';
const sitesShow = (sites: string[]) => `${sites.length > 1 ? 's show' : ' shows'}`;

/** "gr: 1109, 116 000 or 112 in content/countries/gr.yaml", for each country. */
export function helplineChoices(helplines: Record<string, string[]>): string {
  return Object.entries(helplines)
    .map(([code, numbers]) => `${code}: ${numbers.length ? orList(numbers) : 'none listed'} in content/countries/${code}.yaml`)
    .join('; ');
}

/** "content/countries/ro.yaml and md.yaml". */
export function countryFiles(codes: string[]): string {
  return `content/countries/${list(codes.map((c) => `${c}.yaml`))}`;
}

const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

export const mdxErrors = defineGroup('mdx', {
  MdxSyntax: entry<{ detail: string }>({
    title: 'Not valid MDX',
    message: (a) => `is not valid MDX: ${a.detail}`,
    hint: () => 'close every component (<Figure id="…" />, <ForCountry …>…</ForCountry>) and write a literal "<" or "{" as "\\<" or "\\{"',
  }),
  PageImportsCode: entry<{ components: string }>({
    title: 'Page imports or exports code',
    message: () => 'imports or exports code: pages are text and the components the site provides',
    hint: (a) => `remove the line; pages use ${a.components} without importing them`,
  }),
  UnknownComponent: entry<{ name: string; guess?: string; components: string }>({
    title: 'Unknown component',
    message: (a) => `<${a.name}> is not a component the site knows`,
    hint: (a) => `${a.guess ? `did you mean <${a.guess}>? ` : ''}pages may use ${a.components} (see "Editing content" in the README)`,
  }),
  AttributeExpression: entry<{ component: string; name: string }>({
    title: 'Attribute written as an expression',
    message: (a) => `<${a.component}> has ${a.name}={…}: the loader can only check attributes written as text`,
    hint: (a) => `write ${a.name}="…"`,
  }),

  // Figures, sources and numbers
  FigureWithoutId: entry({
    title: 'Figure without id',
    message: () => '<Figure> has no id',
    hint: () => 'write <Figure id="…" /> with the id of a figure in content/figures.yaml',
  }),
  UnknownFigure: entry<{ id: string }>({
    title: 'Figure not listed',
    message: (a) => `quotes figure "${a.id}", which content/figures.yaml does not list`,
    hint: () => 'add the figure with its source, year and scope, or correct the id',
  }),
  FigureOutOfScope: entry<{ id: string; scope: string[]; sites: string[] }>({
    title: 'Figure about another country',
    message: (a) =>
      `quotes figure "${a.id}", which is about ${list(a.scope)} only (scope [${a.scope.join(', ')}]), but the ${list(a.sites)} site${sitesShow(a.sites)} it here`,
    hint: (a) => `wrap it in <ForCountry countries="${a.scope.join(' ')}">…</ForCountry> or quote a region-wide figure (scope world, eu or region)`,
  }),
  CiteWithoutId: entry({
    title: 'Cite without id',
    message: () => '<Cite> has no id',
    hint: () => 'write <Cite id="…" /> with the id of a source in content/sources.yaml',
  }),
  CallWithoutNumber: entry({
    title: 'Call without number',
    message: () => '<Call> has no number',
    hint: () => 'write the number as the country file writes it: <Call number="112" />',
  }),
  CallNotAHelpline: entry<{ number: string; sites: string[] }>({
    title: 'Number not a helpline of a site that shows it',
    message: (a) => `<Call number="${a.number}"> is not a helpline of ${list(a.sites)}, whose site${sitesShow(a.sites)} this page`,
    hint: (a) =>
      `add the number with its source to content/countries/${a.sites[0]}.yaml (only numbers from shared/facts/helplines.md), or wrap the sentence in <ForCountry countries="…">…</ForCountry> for the countries that list it`,
  }),

  // <ForCountry>
  ForCountryUnknownAttribute: entry<{ name?: string }>({
    title: 'Unknown attribute of ForCountry',
    message: (a) => `<ForCountry> has ${a.name !== undefined ? `unknown attribute "${a.name}"` : 'a spread attribute {…}'}`,
    hint: () => 'use countries="rs" (codes separated by spaces) and/or role="origin" or role="destination"',
  }),
  ForCountryNoCondition: entry({
    title: 'ForCountry without a country or role',
    message: () => '<ForCountry> names no country and no role, so no site would know whether to show it',
    hint: () => 'add countries="rs" (codes separated by spaces) or role="origin" / role="destination"',
  }),
  ForCountryEmptyList: entry({
    title: 'ForCountry with an empty list',
    message: () => '<ForCountry> has an empty countries=""',
    hint: () => 'list the country codes, e.g. countries="gr si"',
  }),
  ForCountryUnknownRole: entry<{ role: string }>({
    title: 'ForCountry with an unknown role',
    message: (a) => `<ForCountry> has unknown role "${a.role}"`,
    hint: () => 'write role="origin" or role="destination"',
  }),
  ForCountryUnknownCountry: entry<{ countries: string; code: string; known: string[] }>({
    title: 'ForCountry names an unknown country',
    message: (a) => `<ForCountry countries="${a.countries}"> names "${a.code}", which has no file in content/countries/`,
    hint: (a) => `use the codes of the countries: ${a.known.join(', ')}`,
  }),

  // Raw HTML and images
  ImageWithoutText: entry<{ written: string; url?: string }>({
    title: 'Image without a text alternative',
    message: (a) => `image ${a.written} has no text alternative: screen readers announce nothing, or the file name`,
    hint: (a) => `say in the brackets what the image shows: ![What the image shows](${a.url ?? '…'})`,
  }),
  ImgWithoutAlt: entry({
    title: 'Image element without alt',
    message: () => '<img> has no alt: screen readers announce nothing, or the file name',
    hint: () => 'add alt="what the image shows" (alt="" only for an image that shows nothing the text does not say)',
  }),
  ForeignImage: entry<{ written: string; host: string }>({
    title: 'Image from another host',
    message: (a) => `image ${a.written} loads a file from another host (${a.host}); the sites load nothing from other hosts`,
    hint: () => otherHostFix,
  }),
  ForeignScript: entry<{ src: string; host: string }>({
    title: 'Script from another host',
    message: (a) =>
      `<script src="${a.src}"> loads a script from another host (${a.host}); the sites load nothing from other hosts and run no script a page brings`,
    hint: () => 'remove it: pages are text and the components the site provides',
  }),
  ScriptInPage: entry({
    title: 'Script in a page',
    message: () => '<script> in a page: the Content-Security-Policy blocks scripts a page brings',
    hint: () => 'remove it: pages are text and the components the site provides',
  }),
  ForeignFile: entry<{ element: string; attribute: string; url: string; host: string }>({
    title: 'File from another host',
    message: (a) => `<${a.element} ${a.attribute}="${a.url}"> loads a file from another host (${a.host}); the sites load nothing from other hosts`,
    hint: () => otherHostFix,
  }),
  ForeignStyle: entry<{ element: string; url: string; host: string }>({
    title: 'Style that loads from another host',
    message: (a) => `<${a.element}> has a style that loads ${a.url} from another host (${a.host}); the sites load nothing from other hosts`,
    hint: () => 'remove the address from the style',
  }),
  EventHandler: entry<{ element: string; attribute: string }>({
    title: 'Event handler in a page',
    message: (a) => `<${a.element} ${a.attribute}="…"> runs a script: the Content-Security-Policy blocks it`,
    hint: (a) => `remove ${a.attribute}`,
  }),

  // Internal links
  LinkWithoutSlash: entry<{ url: string; path: string; fixed: string }>({
    title: 'Link without the trailing slash',
    message: (a) => `links to ${a.url}, but the page's address ends with a slash: ${a.path}/`,
    hint: (a) => `write ${a.fixed}`,
  }),
  LinkToPageNotOnSite: entry<{ path: string; page: string; sites: string[]; having: string[] }>({
    title: 'Link to a page some sites do not have',
    message: (a) =>
      `links to ${a.path} (the page "${a.page}"), which the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''} showing this page ${a.sites.length > 1 ? 'do' : 'does'} not have`,
    hint: (a) =>
      `wrap the link's sentence in <ForCountry countries="${a.having.join(' ')}">…</ForCountry>, or link to a page every site that shows this one has`,
  }),
  LinkToNowhere: entry<{ path: string; sites: string[]; nearest?: string }>({
    title: 'Link to an address no page has',
    message: (a) => `links to ${a.path}, which is not the address of any page (on the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''} showing this page)`,
    hint: (a) => `link to a page's address: the locale's base and the page's slug${a.nearest ? `, e.g. ${a.nearest}` : ''}`,
  }),

  // Phone numbers in the text (per-country.ts, phone-numbers.ts)
  PhoneNotInCall: entry<{ number: string; sites: string[]; notHelplineOf: string[]; helplines: Record<string, string[]> }>({
    title: 'Phone number outside <Call>',
    message: (a) =>
      `shows the phone number "${a.number}" as plain text${a.sites.length ? ` on the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''}` : ''}: nothing checks that it is a helpline of ${a.sites.length > 1 ? 'each country' : 'the country'} that shows it, and a phone cannot dial it with one tap${a.notHelplineOf.length ? `; it is not a helpline of ${list(a.notHelplineOf)}` : ''}`,
    hint: (a) =>
      a.notHelplineOf.length === 0
        ? `write it as <Call number="${a.number}" />; if it is a quantity, not a phone number ("112 victims"), write it so it cannot be read as one (in words, or with the noun first)`
        : `write a helpline of each site that shows it as <Call number="…" /> (${helplineChoices(a.helplines)}), or remove the number; if "${a.number}" is a real helpline, add it with its source to ${countryFiles(a.notHelplineOf)} (only numbers from shared/facts/helplines.md) and write <Call number="${a.number}" />`,
  }),
});
