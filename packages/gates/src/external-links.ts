// External links (exit pages, source addresses) are checked by their own command, never by a build:
// other sites go down and come back, and a campaign must still be able to publish. The report
// says which links fail so an editor can fix the content.
import { loadPage, pagesOf } from './site-files.ts';
import type { Site } from './types.ts';

/** An address on another host and every page that links to it. */
export interface ExternalLink {
  url: string;
  /** `<site> <page path>` of each page linking to it. */
  from: string[];
}

export interface ExternalLinkResult extends ExternalLink {
  /** `ok`, `redirect` (to `location`), `broken` (HTTP status), or `unreachable` (network error or timeout). */
  state: 'ok' | 'redirect' | 'broken' | 'unreachable';
  status?: number;
  location?: string;
  error?: string;
}

/** Every `href` to another host on every page of the sites, with the pages that carry it. */
export function externalLinksIn(sites: Site[]): ExternalLink[] {
  const byUrl = new Map<string, Set<string>>();
  for (const site of sites) {
    for (const page of pagesOf(site.dir)) {
      const $ = loadPage(site.dir, page.file);
      $('a[href^="http://"], a[href^="https://"]').each((_, a) => {
        const url = $(a).attr('href') as string;
        const from = byUrl.get(url) ?? new Set<string>();
        from.add(`${site.code} ${page.path}`);
        byUrl.set(url, from);
      });
    }
  }
  return [...byUrl].sort(([a], [b]) => a.localeCompare(b)).map(([url, from]) => ({ url, from: [...from].sort() }));
}

/**
 * Checks each address with HEAD (GET where a server refuses HEAD), following no redirects, a few
 * at a time, each within `timeoutMs`. `fetchImpl` lets tests answer from a local server.
 */
export async function checkExternalLinks(
  links: ExternalLink[],
  options: { timeoutMs?: number; concurrency?: number; fetchImpl?: typeof fetch } = {},
): Promise<ExternalLinkResult[]> {
  const request = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const check = async (link: ExternalLink): Promise<ExternalLinkResult> => {
    try {
      let response = await request(link.url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 405 || response.status === 501) {
        response = await request(link.url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      }
      const status = response.status;
      if (status >= 300 && status < 400) return { ...link, state: 'redirect', status, location: response.headers.get('location') ?? '' };
      if (status >= 400) return { ...link, state: 'broken', status };
      return { ...link, state: 'ok', status };
    } catch (error) {
      return { ...link, state: 'unreachable', error: error instanceof Error ? error.message : String(error) };
    }
  };
  const results: ExternalLinkResult[] = [];
  const queue = [...links];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, async () => {
      for (let link = queue.shift(); link; link = queue.shift()) results.push(await check(link));
    }),
  );
  return results.sort((a, b) => a.url.localeCompare(b.url));
}

/** The report as Markdown: problems first, each with the pages to fix. */
export function externalLinkReport(results: ExternalLinkResult[], date: string): string {
  const problems = results.filter((r) => r.state !== 'ok');
  const line = (r: ExternalLinkResult) => {
    const what =
      r.state === 'redirect'
        ? `redirects (${r.status}) to ${r.location}: link to the new address`
        : r.state === 'broken'
          ? `answers ${r.status}: find the page's new address or remove the link`
          : `could not be reached (${r.error}): try again later; if it stays down, replace the link`;
    return `- ${r.url} ${what}\n  linked from: ${r.from.join(', ')}`;
  };
  return [
    '# External links',
    '',
    `Checked ${date} by \`node scripts/check-external-links.ts\`: ${results.length} addresses on other hosts, ${problems.length} with problems. This report never blocks a build.`,
    '',
    ...(problems.length ? ['## Problems', '', ...problems.map(line), ''] : []),
    '## Working',
    '',
    ...results.filter((r) => r.state === 'ok').map((r) => `- ${r.url} (${r.status})`),
    '',
  ].join('\n');
}
