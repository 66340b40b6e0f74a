// Privacy gate, static part: what can be proven from the files alone, before any browser runs.
// - Every page carries a Content-Security-Policy <meta> with default-src, and no 'unsafe-inline'
//   or 'unsafe-eval' anywhere, and no other host in its script and style sources.
// - No resource (script, stylesheet, image, font, frame, media, preload…) is loaded from another
//   host: every src/href/srcset of a resource and every url() in CSS stays on the site.
// - No inline event handlers (onclick=) or style="" attributes, which the policy blocks.
// - The site ships a `_headers` file for static hosts with the policies a <meta> cannot carry.
// The browser half (privacy-browser.ts) proves the same at run time: no request leaves, no storage.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgsOf, GateCode } from '@repo/errors';
import { cssAssetUrls, fontFacesOf, stylesheetsOf } from './css.ts';
import { failure, pageTextSelector } from './failure.ts';
import { headersFor, parseCsp, parseHeadersFile } from './headers.ts';
import { loadPage, pagesOf } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

const resourceSelector = [
  'script[src]',
  'link[href]:not([rel~="canonical"]):not([rel~="alternate"])',
  'img[src]',
  'img[srcset]',
  'source[src]',
  'source[srcset]',
  'iframe[src]',
  'frame[src]',
  'embed[src]',
  'object[data]',
  'video[src]',
  'video[poster]',
  'audio[src]',
  'track[src]',
  'input[type="image"][src]',
  'image[href]',
  'use[href]',
  'form[action]',
].join(', ');

/** True when a URL in a page fetches from somewhere other than the page's own server. */
export function isForeign(url: string): boolean {
  const u = url.trim();
  if (/^(data|blob):/i.test(u) || u.startsWith('#')) return false;
  if (u.startsWith('//')) return true;
  return /^[a-z][a-z0-9+.-]*:/i.test(u);
}

/** Problems with a Content-Security-Policy, as short sentences; empty when it is strict enough. */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  if (!csp.has('default-src')) problems.push('it has no default-src');
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      if (/^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$/i.test(source)) problems.push(`${directive} allows ${source}`);
      else if (
        /-src$|^default-src$/.test(directive) &&
        (source === '*' || /^(https?|wss?):?$/i.test(source) || /^(https?:\/\/|\*\.|[a-z0-9-]+\.[a-z])/i.test(source))
      )
        problems.push(`${directive} allows another host (${source})`);
    }
  }
  return problems;
}

/** The headers every site must send, and a check of each; the host reads them from `_headers`. */
export const requiredHeaders: { name: string; check: (value: string) => boolean; want: string }[] = [
  {
    name: 'Content-Security-Policy',
    check: (v) => /frame-ancestors\s+'none'/.test(v) && cspProblems(v).length === 0,
    want: "the page's policy plus frame-ancestors 'none', without unsafe-inline or other hosts",
  },
  { name: 'Referrer-Policy', check: (v) => v.trim() === 'no-referrer', want: 'no-referrer' },
  {
    name: 'Permissions-Policy',
    check: (v) => /camera=\(\)/.test(v) && /microphone=\(\)/.test(v) && /geolocation=\(\)/.test(v),
    want: 'at least camera=(), microphone=(), geolocation=()',
  },
  { name: 'Strict-Transport-Security', check: (v) => Number(v.match(/max-age=(\d+)/)?.[1] ?? 0) >= 31_536_000, want: 'max-age of at least a year (31536000)' },
  { name: 'X-Content-Type-Options', check: (v) => v.trim() === 'nosniff', want: 'nosniff' },
];

export async function privacyGate(sites: Site[]): Promise<GateResult> {
  const failures: Failure[] = [];
  let pages = 0;
  for (const site of sites) {
    const fail = <C extends GateCode>(page: string, code: C, args: ArgsOf<C>, more: { region?: 'body' | 'layout'; evidence?: string } = {}) =>
      failures.push(failure(code, args, { site: site.code, page, ...more }));
    const headersFile = join(site.dir, '_headers');
    const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : undefined;
    if (!rules) {
      fail('/_headers', 'HeadersFileMissing', {});
    } else {
      const headers = headersFor(rules, '/');
      for (const h of requiredHeaders) {
        const value = headers.get(h.name.toLowerCase());
        if (value === undefined) fail('/_headers', 'HeaderMissing', { name: h.name, want: h.want });
        else if (!h.check(value)) fail('/_headers', 'HeaderWrong', { name: h.name, value, want: h.want });
      }
    }
    for (const page of pagesOf(site.dir)) {
      pages++;
      const $ = loadPage(site.dir, page.file);
      const metas = $('meta[http-equiv]').filter((_, m) => ($(m).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
      if (metas.length === 0) {
        fail(page.path, 'CspMetaMissing', {});
      } else {
        for (const problem of cspProblems($(metas[0]).attr('content') ?? '')) fail(page.path, 'CspNotStrict', { problem });
        const head = $('head').children().toArray();
        const metaAt = head.indexOf(metas[0] as (typeof head)[number]);
        const governedAt = head.findIndex((el) => $(el).is('script, style, link[rel~="stylesheet"]'));
        if (metaAt < 0 || (governedAt >= 0 && governedAt < metaAt)) fail(page.path, 'CspMetaLate', {});
      }
      /** Whether an element is in the page's own text (its MDX file) or in the layout around it. */
      const regionOf = (el: Parameters<typeof $>[0]) => ($(el).closest(pageTextSelector).length > 0 ? 'body' : 'layout');
      $(resourceSelector).each((_, el) => {
        const tag = 'tagName' in el ? el.tagName : 'element';
        for (const attribute of ['src', 'href', 'data', 'poster', 'action']) {
          const url = $(el).attr(attribute);
          if (url && isForeign(url)) fail(page.path, 'ForeignResource', { tag, attribute, url }, { region: regionOf(el), evidence: url });
        }
        const srcset = $(el).attr('srcset');
        for (const candidate of srcset ? srcset.split(',') : []) {
          const url = candidate.trim().split(/\s+/)[0] ?? '';
          if (isForeign(url)) fail(page.path, 'ForeignSrcset', { tag, url }, { region: regionOf(el), evidence: url });
        }
      });
      const sheets = stylesheetsOf($, site.dir, page.path);
      for (const { url } of [...cssAssetUrls(sheets), ...fontFacesOf(sheets).map((f) => ({ url: f.url ?? '' }))]) {
        if (url && isForeign(url)) fail(page.path, 'ForeignCss', { url }, { evidence: url });
      }
      for (const sheet of sheets) {
        for (const m of sheet.text.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g))
          if (isForeign(m[1] as string)) fail(page.path, 'ForeignCssImport', { url: m[1] as string }, { evidence: m[1] as string });
      }
      $('*').each((_, el) => {
        if (!('attribs' in el)) return;
        for (const name of Object.keys(el.attribs)) {
          if (/^on/i.test(name)) fail(page.path, 'InlineHandler', { tag: el.tagName, name }, { region: regionOf(el) });
          else if (name === 'style')
            fail(page.path, 'InlineStyle', { tag: el.tagName, style: el.attribs.style ?? '' }, { region: regionOf(el), evidence: el.attribs.style });
        }
      });
    }
  }
  return { gate: 'privacy', failures: dedupe(failures), summary: `${pages} pages and ${sites.length} _headers files checked` };
}

function dedupe(failures: Failure[]): Failure[] {
  const seen = new Set<string>();
  const key = (f: Failure) => `${f.site}\n${f.page}\n${f.code}\n${f.problem}`;
  return failures.filter((f) => !seen.has(key(f)) && seen.add(key(f)));
}
