// Gate failures (@repo/gates): what the quality gates find on the built sites before anything is
// published. A gate sees built pages; @repo/gates traces each failure back to the content file that
// causes it (the page's MDX file, a country file, interface strings) and reports each cause once,
// with every site and page where it shows. `cause` says which arguments name the offending thing.
import { defineGroup, entry } from './define.ts';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const noTrace = 'Remove the storage write: the site must leave no trace on a reader’s phone.';
const hostItHere =
  'Host the file on the site itself (in apps/site/public or imported through Astro), or remove it: every request to another host tells that host who is reading this page.';

export const gateErrors = defineGroup('gates', {
  // links
  RobotsTxtMissing: entry({
    title: 'No Sitemap line in robots.txt',
    message: () => 'robots.txt is missing or has no "Sitemap:" line, so the site’s public address is unknown and search engines cannot find the sitemap',
    hint: () => 'Build the site with apps/site (src/pages/robots.txt.ts writes the Sitemap line from the country’s siteUrl).',
  }),
  SitemapMissing: entry({
    title: 'No sitemap',
    message: () => 'the site has no sitemap.xml',
    hint: () => 'Build the site with apps/site (src/pages/sitemap.xml.ts).',
  }),
  SitemapForeignEntry: entry<{ url: string; origin: string }>({
    title: 'Sitemap entry on another address',
    message: (a) => `lists ${a.url}, which is not on the site’s own address ${a.origin}`,
    hint: () => 'Sitemap entries must be pages of this site: check the siteUrl in content/countries/<cc>.yaml.',
  }),
  LinkRedirects: entry<{ target: string; status: number }>({
    title: 'Link to an address that redirects',
    message: (a) => `links to ${a.target}, which redirects (HTTP ${a.status})`,
    hint: (a) =>
      `Link to the final address instead${a.target.endsWith('/') ? '' : ` (probably ${a.target.replace(/([?#]|$)/, '/$1')}: every page address ends with a slash)`}.`,
  }),
  BrokenLink: entry<{ target: string }>({
    title: 'Link to an address that does not exist',
    message: (a) => `links to ${a.target}, which does not exist (HTTP 404)`,
    hint: () => 'Correct the address, or add the missing page or file; page addresses are listed in the site’s sitemap.xml.',
  }),
  LinkFailed: entry<{ target: string; status?: number; details?: string }>({
    title: 'Link to an address that fails',
    message: (a) => `links to ${a.target}, which failed${a.status ? ` with HTTP ${a.status}` : ''}${a.details ? `: ${a.details}` : ''}`,
    hint: () => 'Correct the address, or make the file exist in the build.',
  }),
  AnchorMissing: entry<{ text: string; href: string; hash: string; target: string }>({
    title: 'Link to an anchor that does not exist',
    message: (a) => `the link “${a.text}” (${a.href}) points to #${a.hash}, but ${a.target} has no element with id="${a.hash}"`,
    hint: (a) => `Give the target element id="${a.hash}", or correct the link’s #anchor.`,
    cause: (a) => `${a.href}\u0000${a.hash}`,
  }),
  LinkSwitchesLanguage: entry<{ text: string; href: string; from: string; to: string }>({
    title: 'Link to a page in another language',
    message: (a) => `the link “${a.text}” (${a.href}) leads from a page in ${a.from} to a page in ${a.to}`,
    hint: (a) =>
      `Link to the ${a.from} version of that page, or, if this link is meant to change the language, put it in the language switcher (nav.languages).`,
  }),

  // privacy (static)
  HeadersFileMissing: entry({
    title: 'No _headers file',
    message: () =>
      'the site has no _headers file, so static hosts send none of the policies a <meta> tag cannot carry (frame-ancestors, HSTS, Referrer-Policy, Permissions-Policy)',
    hint: () => 'Build the site with apps/site: its headers integration (src/integrations/headers.ts) writes _headers.',
  }),
  HeaderMissing: entry<{ name: string; want: string }>({
    title: 'Required header missing',
    message: (a) => `no ${a.name} header for /*`,
    hint: (a) => `Add "${a.name}" (${a.want}) to the /* block of _headers (apps/site/src/integrations/headers.ts).`,
  }),
  HeaderWrong: entry<{ name: string; value: string; want: string }>({
    title: 'Header with the wrong value',
    message: (a) => `${a.name} is "${a.value}"`,
    hint: (a) => `Set it to ${a.want} (apps/site/src/integrations/headers.ts).`,
  }),
  CspMetaMissing: entry({
    title: 'Page without a Content-Security-Policy',
    message: () => 'the page has no Content-Security-Policy <meta>',
    hint: () => 'Keep security.csp on in apps/site/astro.config.ts; pages written outside Astro need the same policy.',
  }),
  CspNotStrict: entry<{ problem: string }>({
    title: 'Content-Security-Policy not strict',
    message: (a) => `its Content-Security-Policy is not strict: ${a.problem}`,
    hint: () =>
      'Remove the source from the directives in apps/site/astro.config.ts (security.csp): scripts and styles are allowed by hash, and everything is served from the site itself.',
  }),
  CspMetaLate: entry({
    title: 'Content-Security-Policy after what it governs',
    message: () => 'the Content-Security-Policy <meta> is not in <head> before the scripts and styles it governs',
    hint: () => 'Put the policy <meta> in <head> before any script or style (Astro does this with security.csp).',
  }),
  ForeignResource: entry<{ tag: string; attribute: string; url: string }>({
    title: 'Resource from another host',
    message: (a) => `<${a.tag} ${a.attribute}="${a.url}"> loads from another host`,
    hint: () => hostItHere,
  }),
  ForeignSrcset: entry<{ tag: string; url: string }>({
    title: 'Image candidate from another host',
    message: (a) => `<${a.tag} srcset> loads ${a.url} from another host`,
    hint: () => 'Host the image on the site itself, or remove it.',
  }),
  ForeignCss: entry<{ url: string }>({
    title: 'Stylesheet loads from another host',
    message: (a) => `CSS loads ${a.url} from another host`,
    hint: () => 'Serve fonts and images from the site itself (apps/site/src or public).',
  }),
  ForeignCssImport: entry<{ url: string }>({
    title: 'Stylesheet imports from another host',
    message: (a) => `CSS imports ${a.url} from another host`,
    hint: () => 'Bundle the stylesheet with the site instead.',
  }),
  InlineHandler: entry<{ tag: string; name: string }>({
    title: 'Inline event handler',
    message: (a) => `<${a.tag} ${a.name}="…"> is an inline event handler, which the Content-Security-Policy blocks`,
    hint: () => 'Attach the handler from a bundled <script> with addEventListener.',
  }),
  InlineStyle: entry<{ tag: string; style: string }>({
    title: 'Inline style',
    message: (a) => `<${a.tag} style="${a.style}"> is an inline style, which the Content-Security-Policy blocks`,
    hint: () => 'Move the declaration into a class in apps/site/src/styles/site.css.',
  }),

  // privacy-browser
  ForeignRequest: entry<{ type: string; url: string }>({
    title: 'Request to another host',
    message: (a) => `the page requested ${a.type} ${a.url}, which would leave the site’s own server`,
    hint: () => 'Serve the file from the site itself, or remove what requests it: every request to another host tells that host who is reading.',
  }),
  CookieSet: entry<{ name: string; domain: string }>({
    title: 'Cookie set',
    message: (a) => `the page set a cookie “${a.name}” (${a.domain})`,
    hint: () => 'Remove the cookie: the site must leave no trace on a reader’s phone.',
    cause: (a) => a.name,
  }),
  StorageWrite: entry<{ write: string }>({
    title: 'Script stored data',
    message: (a) => `a script stored data: ${a.write}`,
    hint: () => 'Remove the storage write: the site must leave no trace on a reader’s phone (keep state in the page, or in the URL).',
  }),
  StorageLeftover: entry<{ storage: string; key: string }>({
    title: 'Data left in storage',
    message: (a) => `${a.storage} holds “${a.key}” after loading`,
    hint: () => noTrace,
  }),
  IndexedDbLeftover: entry<{ name: string }>({
    title: 'IndexedDB database left',
    message: (a) => `an IndexedDB database “${a.name}” exists after loading`,
    hint: () => 'Remove the IndexedDB use.',
  }),
  CacheStorageLeftover: entry<{ name: string }>({
    title: 'Cache Storage left',
    message: (a) => `a Cache Storage cache “${a.name}” exists after loading`,
    hint: () => 'Remove the service worker or cache use.',
  }),
  CspBlocked: entry<{ directive: string; blocked: string; sample?: string }>({
    title: 'Blocked by the Content-Security-Policy',
    message: (a) => `the Content-Security-Policy ${a.directive} blocked ${a.blocked}${a.sample ? ` (“${a.sample}”)` : ''}`,
    hint: () =>
      'Serve every file from the site itself (no data: URLs or other hosts beyond what the policy allows), and do not use inline style="" or on…= attributes or <script is:inline>: bundle scripts and styles so Astro hashes them (security.csp).',
  }),
  ScriptError: entry<{ message: string }>({
    title: 'Script error',
    message: (a) => `a script failed: ${a.message}`,
    hint: () => 'Fix the script (open the page with npm run serve and look at the console).',
  }),

  // every browser gate
  PageDidNotLoad: entry<{ error: string }>({
    title: 'Page did not load',
    message: (a) => `the page did not load: ${a.error}`,
    hint: () => 'Open the page locally (npm run serve) and fix what stops it loading.',
  }),
  PageHttpStatus: entry<{ status: number }>({
    title: 'Page answered with an error status',
    message: (a) => `the page answered HTTP ${a.status}`,
    hint: () => 'Check that the page is built and linked at this address.',
  }),

  // accessibility
  AxeViolation: entry<{ rule: string; impact: string; help: string; target: string; html: string; summary: string; helpUrl: string }>({
    title: 'Accessibility rule broken',
    message: (a) => `${a.rule} (${a.impact}): ${a.help}, at ${a.target}: ${a.html.length > 160 ? `${a.html.slice(0, 157)}…` : a.html}`,
    hint: (a) => `${a.summary} (rule: ${a.helpUrl})`,
    cause: (a) => `${a.rule}\u0000${a.html}`,
  }),

  // help-first
  PageTooWide: entry<{ width: number; screen: string }>({
    title: 'Page wider than the phone',
    message: (a) => `the page is ${a.width} px wide at ${a.screen}: readers must scroll sideways`,
    hint: () => 'Let long words, addresses and checksums wrap (overflow-wrap: anywhere) or shorten them with the full value one tap away.',
    cause: () => '',
  }),
  NoCallLink: entry<{ screen: string }>({
    title: 'No number to call',
    message: (a) => `no tap-to-call link at ${a.screen}`,
    hint: () => 'Give the country at least one helpline in content/countries/<cc>.yaml; the layout shows the first at the top of every page.',
    cause: () => '',
  }),
  FirstNumberOffScreen: entry<{ text: string; screen: string; top: number; bottom: number }>({
    title: 'First number not on the first screen',
    message: (a) => `the first number to call (${a.text}) is not on the first screen at ${a.screen}: it spans ${a.top}–${a.bottom} px`,
    hint: () => 'Keep the help panel (apps/site/src/components/HelpFirst.astro) directly under the header and the header short.',
    cause: (a) => a.text,
  }),
  FirstNumberCovered: entry<{ text: string; cover: string; screen: string }>({
    title: 'First number covered',
    message: (a) => `the first number to call (${a.text}) is covered by ${a.cover} at ${a.screen}`,
    hint: () => 'Keep the help panel in the normal flow below the sticky exit bar.',
    cause: (a) => `${a.text}\u0000${a.cover}`,
  }),
  FirstNumberSmallTarget: entry<{ width: number; height: number; screen: string; min: number }>({
    title: 'First number’s tap target too small',
    message: (a) => `the first number's tap target is ${a.width} × ${a.height} px at ${a.screen}, under ${a.min} × ${a.min}`,
    hint: (a) => `Give the link a minimum size of ${a.min} px each way.`,
    cause: () => '',
  }),
  FirstNumberSmallType: entry<{ ratio: string; screen: string; min: number }>({
    title: 'First number in small type',
    message: (a) => `the first number is in ${a.ratio} × body-size type at ${a.screen}`,
    hint: (a) => `Set its number in at least ${a.min} × the body size.`,
    cause: () => '',
  }),
  FirstNumberNoPurpose: entry<{ text: string }>({
    title: 'First number without its purpose',
    message: (a) => `the first number to call (${a.text}) does not say what it is for`,
    hint: () => "Show the helpline's purpose (content/countries/<cc>.yaml, purpose) in one short line under the number.",
  }),
  NumbersUnreachable: entry<{ numbers: string[]; screen: string }>({
    title: 'Numbers more than one tap away',
    message: (a) => `${a.numbers.join(', ')} cannot be reached in one tap from the first screen at ${a.screen}`,
    hint: () => 'Link from the help panel to the box that lists every number (#help).',
    cause: (a) => a.numbers.join(' '),
  }),
  TargetUnderStickyBar: entry<{ target: string; screen: string }>({
    title: 'In-page link lands under the sticky bar',
    message: (a) => `the in-page link ${a.target} lands under the sticky bar at ${a.screen}`,
    hint: () => 'Give html a scroll-padding-top at least as tall as the sticky bar.',
    cause: (a) => a.target,
  }),
  HeadlineOffScreen: entry<{ text: string; bottom: number; screen: string }>({
    title: 'Campaign message below the first screen',
    message: (a) => `the campaign's message (“${a.text}”) ends ${a.bottom} px down at ${a.screen}, below the first screen`,
    hint: () => "Shorten the home page's title (content/pages/<locale>/home.mdx) or the header above it.",
    cause: (a) => a.text,
  }),
  NumberNotLinked: entry<{ number: string; text: string }>({
    title: 'Helpline number not a link',
    message: (a) => `a helpline number is plain text, not a link: ${a.number} in “${a.text}”`,
    hint: () => 'Write the number in the page as <Call number="…" /> so a tap dials it.',
  }),

  // fonts
  CharactersWithoutGlyph: entry<{ font: string; chars: string[] }>({
    title: 'Characters the site’s fonts cannot draw',
    message: (a) =>
      `${a.chars.length} character${a.chars.length === 1 ? '' : 's'} the page shows ${a.chars.length === 1 ? 'is' : 'are'} not in any ${a.font} font file it can load, so ${a.chars.length === 1 ? 'it is' : 'they are'} drawn in the phone's fallback font: ${a.chars
        .slice(0, 12)
        .map((c) => `“${c}” (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ')}${a.chars.length > 12 ? ', …' : ''}`,
    hint: () =>
      'The subset fonts are made from the text siteText() collects in apps/site/src/lib/fonts.ts: if this text comes from a source it does not read, add it there (or add the characters to componentCharacters), then rebuild.',
  }),

  // internals
  InternalNameShown: entry<{ where: string; leak: string }>({
    title: 'Name from inside the kit shown to readers',
    message: (a) => `the page's ${a.where} shows “${a.leak}”, a name from inside the kit that readers should never see`,
    hint: (a) =>
      a.leak.startsWith('{')
        ? 'Fill the placeholder where the interface string is used, or correct its name in content/ui/<locale>.yaml.'
        : 'Say it in the reader’s words (an interface string in content/ui/), and send details meant for the campaign team to dist/reports/.',
  }),

  // weight
  HtmlOverBudget: entry<{ bytes: number; budget: number }>({
    title: 'HTML over budget',
    message: (a) => `HTML is ${kB(a.bytes)} gzipped, over the ${kB(a.budget)} budget`,
    hint: () =>
      'Shorten or split the page (the first 14 kB arrive in the first round trip); inline CSS counts here too, so move large style blocks into the shared stylesheet.',
  }),
  CssOverBudget: entry<{ bytes: number; budget: number }>({
    title: 'CSS over budget',
    message: (a) => `CSS is ${kB(a.bytes)} gzipped, over the ${kB(a.budget)} budget`,
    hint: () => 'Remove unused rules and duplicated @font-face blocks from apps/site/src/styles.',
  }),
  JsOverBudget: entry<{ bytes: number; budget: number }>({
    title: 'JavaScript over budget',
    message: (a) => `JavaScript is ${kB(a.bytes)} gzipped, over the ${kB(a.budget)} budget`,
    hint: () => 'The site needs almost no script: remove the library or component that added it, or render the feature as HTML.',
  }),
  FirstLoadOverBudget: entry<{ total: number; budget: number; html: number; fonts: number; fontFiles: number; images: number; largest: string }>({
    title: 'First load over budget',
    message: (a) =>
      `first load is ${kB(a.total)}, over the ${kB(a.budget)} budget (HTML ${kB(a.html)}, fonts ${kB(a.fonts)} in ${a.fontFiles} files, images ${kB(a.images)}; largest: ${a.largest || 'none'})`,
    hint: () =>
      'Subset fonts to the characters the page uses (apps/site/src/lib/fonts.ts), give each script its own unicode-range, resize and compress images (WebP/AVIF, at most the width they are shown at), or drop what the page does not need.',
  }),

  // reproducible
  OnlyInFirstBuild: entry({
    title: 'File only in the first build',
    message: () => 'exists in the first build only',
    hint: () =>
      'A file name that changes between builds (a hash of something unstable, or a date) is the usual cause. Make the output depend only on the content and code: take dates from campaign.releaseDate (or SOURCE_DATE_EPOCH), sort anything listed from a folder or a Map, never embed absolute paths, random ids or the time of the build.',
  }),
  OnlyInSecondBuild: entry({
    title: 'File only in the second build',
    message: () => 'exists in the second build only',
    hint: () =>
      'A file name that changes between builds is the usual cause. Make the output depend only on the content and code: take dates from campaign.releaseDate (or SOURCE_DATE_EPOCH), sort anything listed from a folder or a Map, never embed absolute paths, random ids or the time of the build.',
  }),
  BuildsDiffer: entry<{ offset: number; first: string; second: string }>({
    title: 'File differs between two builds',
    message: (a) => `differs between two builds from byte ${a.offset}: ${a.first} ≠ ${a.second}`,
    hint: () =>
      'Make the output depend only on the content and code: take dates from campaign.releaseDate (or SOURCE_DATE_EPOCH), sort anything listed from a folder or a Map, never embed absolute paths, random ids or the time of the build.',
  }),
});
