// Internals gate: the public never sees how the kit works. A page fails when the words it shows (its
// text, its title and description, and the alt, title, aria-label and data-* texts scripts announce)
// contain a content path (`content/countries/gr.yaml`, `pages/en/about.mdx`), a file of the kit's
// source, a schema field name that is not a plain word (`verifiedOn`, `siteUrl`), an interface
// string key shown in place of its words (`helplines.heading`), or a `{placeholder}` left unfilled.
import { internalNames } from '@repo/content';
import type { CheerioAPI } from 'cheerio';
import { failure } from './failure.ts';
import { loadPage, pagesOf, renderedText } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** File paths of the kit: content files and the source folders of the repository. */
const pathPattern = /(?:^|[\s("'“„«])((?:content|packages|apps|scripts|node_modules)\/[\w./@-]+|[\w./-]+\.(?:ya?ml|mdx|tsx?|astro))(?=$|[\s)"'”“»:;,.!?])/g;
/** A placeholder of an interface string that was not filled in. */
const placeholderPattern = /\{[a-zA-Z]\w*\}/g;

/** The words a page shows or announces, each part labelled with where it is. */
function shownText($: CheerioAPI): { where: string; text: string }[] {
  const parts = [
    { where: 'text', text: renderedText($) },
    { where: 'title', text: $('title').text() },
    { where: 'description', text: $('meta[name="description"]').attr('content') ?? '' },
  ];
  $('[alt], [title], [aria-label]').each((_, el) => {
    const attrs = 'attribs' in el ? el.attribs : {};
    for (const name of ['alt', 'title', 'aria-label']) if (attrs[name]) parts.push({ where: name, text: attrs[name] });
  });
  // Messages a script shows later (the exit control's announcements) live in data-* attributes.
  $('[data-press1], [data-press2], [data-leaving], [data-expired]').each((_, el) => {
    const attrs = 'attribs' in el ? el.attribs : {};
    for (const [name, value] of Object.entries(attrs)) if (name.startsWith('data-') && !/^[a-z]+:|^\/|^#/.test(value)) parts.push({ where: name, text: value });
  });
  return parts;
}

/** What a text leaks, if anything: each leak as it appears. */
export function leaksIn(text: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(pathPattern)) found.add(m[1] as string);
  for (const m of text.matchAll(placeholderPattern)) found.add(m[0]);
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\d_-])${escaped}(?![\\p{L}\\d_-])`, 'u').test(text)) found.add(name);
  }
  return [...found];
}

export async function internalsGate(sites: Site[]): Promise<GateResult> {
  const names = internalNames();
  const failures: Failure[] = [];
  let pages = 0;
  for (const site of sites) {
    for (const page of pagesOf(site.dir)) {
      pages += 1;
      for (const { where, text } of shownText(loadPage(site.dir, page.file))) {
        for (const leak of leaksIn(text, names))
          failures.push(failure('InternalNameShown', { where, leak }, { site: site.code, page: page.path, evidence: leak }));
      }
    }
  }
  return { gate: 'internals', failures, summary: `${pages} pages on ${sites.length} sites` };
}
