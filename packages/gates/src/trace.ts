// From a built page back to the file that causes a failure. The gates see built sites; editors fix
// content. Each country's site plan (`planSite` in @repo/content) knows which page file every built
// address shows, so a failure on /en/about/ of any site becomes a failure of content/pages/en/about.mdx:
// - an element in the page's own text (`main article`, what its MDX makes) is the MDX file's, at the
//   line where the offending address or text is written when it is there;
// - the offending text found in the interface strings of the page's locale or the country's file
//   (a helpline number, a placeholder) is that file's, at its line;
// - what belongs to the site's templates (the policy, the help panel) is the template's;
// - anything else is the page's file, "in the site's layout".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Content, type PlannedPage, planSite } from '@repo/content';
import type { GateCode } from '@repo/errors';
import type { Failure, FailureSource, GateResult } from './types.ts';

/** Files of the kit that make the parts of a site that are not pages. */
const siteFiles: Record<string, string> = {
  '/_headers': 'apps/site/src/integrations/headers.ts',
  '/robots.txt': 'apps/site/src/pages/robots.txt.ts',
  '/sitemap.xml': 'apps/site/src/pages/sitemap.xml.ts',
  '/404.html': 'apps/site/src/pages/404.astro',
};

/** Failures that belong to a template of the site, whatever page shows them. */
const templateFiles: Partial<Record<GateCode, string>> = {
  CspMetaMissing: 'apps/site/astro.config.ts',
  CspNotStrict: 'apps/site/astro.config.ts',
  CspMetaLate: 'apps/site/astro.config.ts',
  FirstNumberOffScreen: 'apps/site/src/components/HelpFirst.astro',
  FirstNumberCovered: 'apps/site/src/components/HelpFirst.astro',
  FirstNumberSmallTarget: 'apps/site/src/components/HelpFirst.astro',
  FirstNumberSmallType: 'apps/site/src/components/HelpFirst.astro',
  NumbersUnreachable: 'apps/site/src/components/HelpFirst.astro',
  TargetUnderStickyBar: 'apps/site/src/styles/site.css',
};

/** Failures that the country's file feeds (its helplines), when no line in it can be named. */
const countryCodes = new Set<GateCode>(['NoCallLink', 'FirstNumberNoPurpose', 'SitemapForeignEntry']);

/** The note of a failure in the layout around a page that no content file can be named for. */
export const layoutNote = "in the site's layout";

/** The line of the first occurrence of `text` in a file, or undefined. */
function lineIn(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** Traces failures to the content and kit files that cause them, with the content's site plans. */
export class FailureTracer {
  readonly #content: Content;
  readonly #plans = new Map<string, Map<string, PlannedPage>>();
  readonly #texts = new Map<string, string | undefined>();

  constructor(content: Content) {
    this.#content = content;
  }

  /** The planned page a site shows at a path, if the site is a country's and the path one of its pages. */
  pageAt(site: string, path: string): PlannedPage | undefined {
    let plan = this.#plans.get(site);
    if (!plan) {
      plan = new Map();
      if (this.#content.countries.some((c) => c.code === site)) for (const p of planSite(this.#content, site).pages) plan.set(p.path, p);
      this.#plans.set(site, plan);
    }
    return plan.get(path);
  }

  /** A content file's text (relative to the content root), read once. */
  #text(file: string): string | undefined {
    if (!this.#texts.has(file)) {
      try {
        this.#texts.set(file, readFileSync(join(this.#content.root, file), 'utf8'));
      } catch {
        this.#texts.set(file, undefined);
      }
    }
    return this.#texts.get(file);
  }

  /** `content/<file>`, at the line where `evidence` is written in it, if it is. */
  #find(file: string, evidence: string | undefined): FailureSource | undefined {
    const text = evidence ? this.#text(file) : undefined;
    const line = text && evidence ? lineIn(text, evidence) : undefined;
    return line ? { file: `content/${file}`, line } : undefined;
  }

  /** Where a failure comes from, and the locale of its page. */
  trace(f: Failure): Pick<Failure, 'source' | 'locale'> {
    const country = `countries/${f.site}.yaml`;
    const template = templateFiles[f.code];
    const planned = this.pageAt(f.site, f.page);
    const locale = planned ? { locale: planned.locale } : {};
    if (countryCodes.has(f.code) && this.#text(country) !== undefined) return { source: { file: `content/${country}` }, ...locale };
    if (template) return { source: { file: template }, ...locale };
    if (!planned) {
      const file = siteFiles[f.page];
      return file ? { source: { file } } : {};
    }
    const page = planned.page.file;
    const inPage = this.#find(page, f.evidence);
    if (inPage) return { source: inPage, ...locale };
    if (f.region === 'body') return { source: { file: `content/${page}`, note: "in the page's text" }, ...locale };
    // A schema field name shown on a page is the kit's doing, not the country file's that has the field.
    const data = f.code === 'InternalNameShown' ? undefined : (this.#find(country, f.evidence) ?? this.#find('campaign.yaml', f.evidence));
    const fed = this.#find(`ui/${planned.locale}.yaml`, f.evidence) ?? data;
    if (fed) return { source: fed, ...locale };
    return { source: { file: `content/${page}`, note: f.region === 'layout' ? layoutNote : `in the page or ${layoutNote}` }, ...locale };
  }
}

/**
 * The results with every failure traced to the file that causes it (`source`) and its page's locale:
 * what `formatResults` groups by, so a cause is reported once with every page it shows on.
 */
export function traceFailures<R extends GateResult>(results: R[], content: Content): R[] {
  const tracer = new FailureTracer(content);
  return results.map((r) => ({ ...r, failures: r.failures.map((f) => ({ ...f, ...tracer.trace(f) })) }));
}
