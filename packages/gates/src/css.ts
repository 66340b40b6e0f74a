// Just enough CSS reading for the gates: the stylesheets a page uses, its @font-face rules with
// their unicode-range, and the local files its url()s load.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { fileOfPath } from './site-files.ts';

export interface Stylesheet {
  /** The site-relative file it came from, or undefined for an inline <style>. */
  file?: string;
  text: string;
}

/** The page's inline <style> blocks and local linked stylesheets (with their local @imports). */
export function stylesheetsOf($: CheerioAPI, siteDir: string, pagePath: string): Stylesheet[] {
  const sheets: Stylesheet[] = [];
  const seen = new Set<string>();
  const addFile = (href: string, from: string) => {
    const url = new URL(href, `http://site.invalid${from}`);
    if (url.origin !== 'http://site.invalid') return;
    const file = fileOfPath(siteDir, url.pathname);
    if (!file || seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(siteDir, file), 'utf8');
    sheets.push({ file, text });
    for (const m of text.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) addFile(m[1] as string, `/${file}`);
  };
  $('style, link[rel~="stylesheet"][href]').each((_, el) => {
    if (el.tagName === 'style') {
      const media = $(el).attr('media');
      if (!media || media === 'all' || media === 'screen') sheets.push({ text: $(el).text() });
    } else addFile($(el).attr('href') as string, pagePath);
  });
  return sheets;
}

export interface FontFace {
  family: string;
  weight: string;
  style: string;
  /** Root-relative URL of the file a current browser loads: the first woff2 source, else the first. */
  url?: string;
  /** Inclusive code point ranges; the whole of Unicode when the rule has no unicode-range. */
  ranges: [number, number][];
  /** The stylesheet file the rule is in (for resolving relative URLs), undefined when inline. */
  sheet?: string;
}

const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

/** Parses `U+0000-00FF, U+0131, U+4??` into inclusive ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part): [number, number] => {
    const v = part.trim().replace(/^u\+/i, '');
    if (v.includes('?')) return [Number.parseInt(v.replace(/\?/g, '0'), 16), Number.parseInt(v.replace(/\?/g, 'F'), 16)];
    const [from, to] = v.split('-');
    return [Number.parseInt(from as string, 16), Number.parseInt((to ?? from) as string, 16)];
  });
}

/** Formats code points as a compact unicode-range value. */
export function formatUnicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return parts.join(', ');
}

export function inRanges(cp: number, ranges: [number, number][]): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

export function fontFacesOf(sheets: Stylesheet[]): FontFace[] {
  const faces: FontFace[] = [];
  for (const sheet of sheets) {
    for (const m of sheet.text.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const body = m[1] as string;
      const prop = (name: string) => body.match(new RegExp(`(?:^|;)\\s*${name}\\s*:([^;]*)`, 'i'))?.[1]?.trim();
      const src = prop('src') ?? '';
      const sources = [...src.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)\s*(?:format\(\s*["']?([^"')]+)["']?\s*\))?/g)].map((s) => ({
        url: s[1] as string,
        format: s[2],
      }));
      const chosen = sources.find((s) => s.format === 'woff2' || s.url.endsWith('.woff2')) ?? sources[0];
      const range = prop('unicode-range');
      faces.push({
        family: unquote(prop('font-family') ?? ''),
        weight: prop('font-weight') ?? '400',
        style: prop('font-style') ?? 'normal',
        url: chosen?.url,
        ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
        sheet: sheet.file,
      });
    }
  }
  return faces;
}

/** Whether any rule outside @font-face names the family (directly or through a custom property). */
export function familyIsUsed(sheets: Stylesheet[], family: string): boolean {
  const outside = sheets.map((s) => s.text.replace(/@font-face\s*\{[^}]*\}/g, '')).join('\n');
  return outside.toLowerCase().includes(family.toLowerCase());
}

/** Local files loaded by url() outside @font-face (backgrounds, cursors), as root-relative paths. */
export function cssAssetUrls(sheets: Stylesheet[]): { url: string; sheet?: string }[] {
  const out: { url: string; sheet?: string }[] = [];
  for (const sheet of sheets) {
    const outside = sheet.text.replace(/@font-face\s*\{[^}]*\}/g, '').replace(/@import[^;]*;/g, '');
    for (const m of outside.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const url = m[1] as string;
      if (!url.startsWith('data:') && !url.startsWith('#')) out.push({ url, sheet: sheet.file });
    }
  }
  return out;
}

/** Resolves a URL found in a stylesheet (or inline on a page) to a site file, if it is local and exists. */
export function resolveAsset(siteDir: string, url: string, sheet: string | undefined, pagePath: string): string | undefined {
  const base = sheet ? `/${sheet}` : pagePath;
  const resolved = new URL(url, `http://site.invalid${base}`);
  if (resolved.origin !== 'http://site.invalid') return undefined;
  const file = fileOfPath(siteDir, resolved.pathname);
  return file && existsSync(join(siteDir, file)) ? file : undefined;
}
