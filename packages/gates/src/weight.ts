// Weight gate: what a reader on a cheap phone downloads to see a page, gzipped as a static host
// sends it. Budgets per page:
//   HTML ≤ 14 kB (the first round trip of a new connection), CSS ≤ 10 kB, JS ≤ 5 kB, and the whole
//   first load, fonts and images included, ≤ 100 kB.
// Fonts are counted as a browser loads them: a @font-face file is fetched only when the page has a
// character inside its unicode-range (and its family is used), so a Greek page does not pay for
// Cyrillic. 1 kB = 1000 bytes. The report lists every page's figures.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ArgsOf, GateCode } from '@repo/errors';
import { cssAssetUrls, familyIsUsed, fontFacesOf, inRanges, resolveAsset, stylesheetsOf } from './css.ts';
import { failure } from './failure.ts';
import { codePoints, loadPage, pagesOf, renderedText } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

export const budgets = { html: 14_000, css: 10_000, js: 5_000, total: 100_000 } as const;

export interface PageWeight {
  site: string;
  page: string;
  html: number;
  css: number;
  js: number;
  /** Font files the page loads, with their sizes. */
  fonts: { file: string; bytes: number }[];
  images: { file: string; bytes: number }[];
  /** Everything else fetched on first load (icons, preloads). */
  other: { file: string; bytes: number }[];
  total: number;
}

const gz = (data: string | Buffer) => (data.length === 0 ? 0 : gzipSync(data, { level: 6 }).length);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Weighs one page of a site. */
export function weighPage(site: Site, page: { file: string; path: string }): PageWeight {
  const $ = loadPage(site.dir, page.file);
  const raw = readFileSync(join(site.dir, page.file));
  const html = gz(raw);
  const fileSize = (file: string) => statSync(join(site.dir, file)).size;
  const gzFile = (file: string) => gz(readFileSync(join(site.dir, file)));
  const counted = new Set<string>();
  const once = (file: string | undefined) => {
    if (!file || counted.has(file)) return false;
    counted.add(file);
    return true;
  };

  const sheets = stylesheetsOf($, site.dir, page.path);
  const inlineCss = sheets
    .filter((s) => !s.file)
    .map((s) => s.text)
    .join('\n');
  let css = gz(inlineCss);
  let externalCss = 0;
  for (const sheet of sheets) {
    if (sheet.file && once(sheet.file)) {
      const size = gz(sheet.text);
      css += size;
      externalCss += size;
    }
  }

  const scripts = $('script')
    .toArray()
    .filter((s) => {
      const type = $(s).attr('type');
      return !type || type === 'module' || /javascript/.test(type);
    });
  let js = gz(
    scripts
      .filter((s) => !$(s).attr('src'))
      .map((s) => $(s).text())
      .join('\n'),
  );
  let externalJs = 0;
  const jsFiles = [
    ...scripts.map((s) => $(s).attr('src')),
    ...$('link[rel="modulepreload"][href]')
      .toArray()
      .map((l) => $(l).attr('href')),
  ];
  for (const src of jsFiles) {
    const file = src ? resolveAsset(site.dir, src, undefined, page.path) : undefined;
    if (file && once(file)) {
      const size = gzFile(file);
      js += size;
      externalJs += size;
    }
  }

  const chars = codePoints(renderedText($));
  const fonts: PageWeight['fonts'] = [];
  for (const face of fontFacesOf(sheets)) {
    if (!face.url || !familyIsUsed(sheets, face.family)) continue;
    if (![...chars].some((cp) => inRanges(cp, face.ranges))) continue;
    const file = resolveAsset(site.dir, face.url, face.sheet, page.path);
    if (file && once(file)) fonts.push({ file, bytes: fileSize(file) });
  }

  const images: PageWeight['images'] = [];
  $('img[src], input[type="image"][src], video[poster]').each((_, el) => {
    const file = resolveAsset(site.dir, ($(el).attr('src') ?? $(el).attr('poster')) as string, undefined, page.path);
    if (file && once(file)) images.push({ file, bytes: fileSize(file) });
  });
  for (const asset of cssAssetUrls(sheets)) {
    const file = resolveAsset(site.dir, asset.url, asset.sheet, page.path);
    if (file && once(file)) images.push({ file, bytes: fileSize(file) });
  }

  const other: PageWeight['other'] = [];
  $('link[rel~="icon"][href], link[rel="preload"][href], link[rel="manifest"][href]').each((_, el) => {
    const file = resolveAsset(site.dir, $(el).attr('href') as string, undefined, page.path);
    if (file && once(file)) other.push({ file, bytes: /\.(css|js|json|svg|html|webmanifest)$/.test(file) ? gzFile(file) : fileSize(file) });
  });

  const sum = (list: { bytes: number }[]) => list.reduce((n, x) => n + x.bytes, 0);
  const total = html + externalCss + externalJs + sum(fonts) + sum(images) + sum(other);
  return { site: site.code, page: page.path, html, css, js, fonts, images, other, total };
}

export interface WeightOptions {
  /** Where to write the report (Markdown); a `.json` with the same figures is written beside it. */
  reportFile?: string;
}

export async function weightGate(sites: Site[], options: WeightOptions = {}): Promise<GateResult> {
  const weights = sites.flatMap((site) => pagesOf(site.dir).map((page) => weighPage(site, page)));
  const failures: Failure[] = [];
  for (const w of weights) {
    const fail = <C extends GateCode>(code: C, args: ArgsOf<C>) => failures.push(failure(code, args, { site: w.site, page: w.page }));
    if (w.html > budgets.html) fail('HtmlOverBudget', { bytes: w.html, budget: budgets.html });
    if (w.css > budgets.css) fail('CssOverBudget', { bytes: w.css, budget: budgets.css });
    if (w.js > budgets.js) fail('JsOverBudget', { bytes: w.js, budget: budgets.js });
    if (w.total > budgets.total) {
      const biggest = [
        ...w.fonts.map((f) => ({ ...f, kind: 'font' })),
        ...w.images.map((f) => ({ ...f, kind: 'image' })),
        ...w.other.map((f) => ({ ...f, kind: 'file' })),
      ]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3)
        .map((f) => `${f.kind} /${f.file} ${kB(f.bytes)}`)
        .join(', ');
      fail('FirstLoadOverBudget', {
        total: w.total,
        budget: budgets.total,
        html: w.html,
        fonts: w.fonts.reduce((n, f) => n + f.bytes, 0),
        fontFiles: w.fonts.length,
        images: w.images.reduce((n, f) => n + f.bytes, 0),
        largest: biggest,
      });
    }
  }
  if (options.reportFile) writeWeightReport(options.reportFile, weights);
  const max = (k: 'html' | 'css' | 'js' | 'total') => Math.max(0, ...weights.map((w) => w[k]));
  return {
    gate: 'weight',
    failures,
    summary: `${weights.length} pages; heaviest: HTML ${kB(max('html'))}, CSS ${kB(max('css'))}, JS ${kB(max('js'))}, first load ${kB(max('total'))}`,
  };
}

export function writeWeightReport(file: string, weights: PageWeight[]) {
  mkdirSync(dirname(file), { recursive: true });
  const mark = (bytes: number, budget: number) => `${kB(bytes)}${bytes > budget ? ' ✗' : ''}`;
  const rows = weights.map((w) => {
    const fonts = w.fonts.reduce((n, f) => n + f.bytes, 0);
    const images = w.images.reduce((n, f) => n + f.bytes, 0);
    return `| ${w.site} | ${w.page} | ${mark(w.html, budgets.html)} | ${mark(w.css, budgets.css)} | ${mark(w.js, budgets.js)} | ${kB(fonts)} (${w.fonts.length}) | ${kB(images)} | ${mark(w.total, budgets.total)} |`;
  });
  const over = weights.filter((w) => w.html > budgets.html || w.css > budgets.css || w.js > budgets.js || w.total > budgets.total).length;
  const text = [
    '# Page weight report',
    '',
    'Written by the weight gate (packages/gates) for every page of every site. Gzipped sizes as a static host sends them; font and image files as stored (already compressed). 1 kB = 1000 bytes.',
    `Budgets per page: HTML ≤ ${kB(budgets.html)}, CSS ≤ ${kB(budgets.css)} (inline and linked), JS ≤ ${kB(budgets.js)}, first load ≤ ${kB(budgets.total)} (HTML, linked CSS and JS, the fonts the page's characters make the browser load, images). ✗ marks a figure over budget.`,
    '',
    `${weights.length} pages, ${over} over budget.`,
    '',
    '| site | page | HTML | CSS | JS | fonts (files) | images | first load |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(file, text);
  writeFileSync(`${file.replace(/\.md$/, '')}.json`, `${JSON.stringify({ budgets, pages: weights }, null, 1)}\n`);
}
