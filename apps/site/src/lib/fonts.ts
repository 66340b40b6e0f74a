// Web fonts subset to what one country's site shows. Noto Sans comes from @fontsource as one file
// per script (latin, latin-ext, cyrillic, greek…) and weight; for each script the site uses, this
// keeps only the glyphs of the characters the site's languages need, and declares each file with
// a unicode-range of exactly those characters. A browser then downloads a file only when the page
// has a character in its range: a Greek page loads the latin and greek files, never Cyrillic.
//
// The characters come from the content the site renders (pages, interface strings, campaign and
// country data, figures and sources, in the site's languages and English, the fallback), plus
// printable ASCII and the punctuation components add. The weight gate (@repo/gates) checks every
// built page: each character it shows must be inside a face's range and in that face's file.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, SitePlan } from '@repo/content';
import { fontFamily, fontPackage, fontSubsetFile, fontSubsets, pageOnlyFontSubsets } from '@repo/design';
import { localeInfo, locales } from '@repo/i18n';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const fontsource = dirname(require.resolve(`${fontPackage}/package.json`));
/** What a subset file is made with, part of its key: an upgrade of either makes the files again. */
const toolVersions = [`${fontPackage}/package.json`, 'subset-font/package.json']
  .map((file) => require(file) as { name: string; version: string })
  .map(({ name, version }) => `${name}@${version}`)
  .join(' ');

/** The family name the design tokens ask for (`--font-text`). */
export const family = fontFamily.text;
export const weights = [400, 700] as const;

/** Subset files in order of preference when their ranges overlap (@repo/design). */
const scriptOrder: string[] = [...fontSubsets, ...pageOnlyFontSubsets];

function parseRanges(value: string): [number, number][] {
  return value.split(',').map((part): [number, number] => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from as string, 16), Number.parseInt((to ?? from) as string, 16)];
  });
}
const scriptRanges: [string, [number, number][]][] = (() => {
  const table = JSON.parse(readFileSync(join(fontsource, 'unicode.json'), 'utf8')) as Record<string, string>;
  return scriptOrder.filter((s) => table[s]).map((s) => [s, parseRanges(table[s] as string)]);
})();
const scriptOf = (cp: number) => scriptRanges.find(([, ranges]) => ranges.some(([a, b]) => cp >= a && cp <= b))?.[0];

/** Characters that components put on the page around content: printable ASCII and typographic punctuation. */
const componentCharacters = `${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')}–—·…“”„«»‘’‚•€×`;

/**
 * Every string of a value, keeping only the site's languages (and English) where the value is a
 * translation map ({ en: …, el: … }).
 */
function stringsOf(value: unknown, wanted: Set<string>, out: string[]) {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (value instanceof Map) for (const v of value.values()) stringsOf(v, wanted, out);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, wanted, out);
  else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const isTranslations = entries.length > 0 && entries.every(([k]) => locales.has(k));
    for (const [k, v] of entries) if (!isTranslations || wanted.has(k)) stringsOf(v, wanted, out);
  }
}

/**
 * All text one country's site can show, in its languages and the English fallback. `extra` is any
 * other data pages render (the print manifest's format labels and specifications, for instance).
 */
export function siteText(content: Content, plan: SitePlan, extra?: unknown): string {
  const wanted = new Set([...plan.country.languages, 'en']);
  const out: string[] = [componentCharacters];
  stringsOf([content.campaign, plan.country, content.figures, content.sources, extra], wanted, out);
  for (const tag of wanted) {
    stringsOf(content.ui.get(tag)?.strings ?? {}, wanted, out);
    out.push(localeInfo(tag).nativeName);
  }
  stringsOf(content.sourceUi, wanted, out);
  for (const page of content.pages) if (wanted.has(page.locale)) stringsOf([page.data, page.body], wanted, out);
  return out.join('\n');
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
function unicodeRange(cps: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const start = cps[i] as number;
    let end = start;
    while (cps[i + 1] === end + 1) end = cps[++i] as number;
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return parts.join(',');
}

export interface SiteFonts {
  /** The stylesheet declaring every face. */
  css: string;
  /** The files every page of the site needs (the scripts of its languages), to preload. */
  preload: string[];
}

/** The font files of the scripts a site's languages are written in (and latin, for digits and names). */
function scriptsOfLanguages(languages: string[]): Set<string> {
  const scripts = new Set(['latin']);
  for (const tag of languages) {
    const script = localeInfo(tag).script;
    if (script === 'Grek') scripts.add('greek');
    if (script === 'Cyrl') scripts.add('cyrillic');
    if (script === 'Latn' && tag !== 'en') scripts.add('latin-ext');
  }
  return scripts;
}

/**
 * Writes the subset font files and a stylesheet declaring them into `outDir`. Files are reused
 * when the same characters were subset before, in `outDir` or in `sharedDir` (scripts/build-sites.ts
 * gives every country of a build the same one, SITE_FONT_CACHE): countries whose languages share a
 * script often show the same characters of it (11 sample sites need 17 distinct sets of their 29),
 * and each file made costs about 50 ms of CPU, mostly WOFF2's Brotli.
 */
export async function writeSiteFonts(text: string, outDir: string, languages: string[] = [], sharedDir?: string): Promise<SiteFonts> {
  const preloadScripts = scriptsOfLanguages(languages);
  const preload: string[] = [];
  const byScript = new Map<string, Set<number>>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    const script = scriptOf(cp);
    if (!script) continue;
    if (!byScript.has(script)) byScript.set(script, new Set());
    byScript.get(script)?.add(cp);
  }
  mkdirSync(outDir, { recursive: true });
  const rules: string[] = [];
  for (const [script] of scriptRanges) {
    const set = byScript.get(script);
    if (!set) continue;
    const cps = [...set].sort((a, b) => a - b);
    const chars = String.fromCodePoint(...cps);
    const key = createHash('sha256').update(`${toolVersions}\n${chars}`).digest('hex').slice(0, 10);
    for (const weight of weights) {
      const name = `${key}/noto-sans-${script}-${weight}.woff2`;
      const file = join(outDir, name);
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true });
        const shared = sharedDir && join(sharedDir, name);
        if (shared && existsSync(shared)) copyFileSync(shared, file);
        else {
          const source = readFileSync(join(fontsource, fontSubsetFile(script, weight, 'woff2')));
          writeFileSync(file, await subsetFont(source, chars, { targetFormat: 'woff2' }));
          if (shared) {
            // Written beside and renamed: the other country building at the same time may read it.
            mkdirSync(dirname(shared), { recursive: true });
            copyFileSync(file, `${shared}.${process.pid}.tmp`);
            renameSync(`${shared}.${process.pid}.tmp`, shared);
          }
        }
      }
      if (preloadScripts.has(script)) preload.push(file);
      // optional: a font that has not arrived within ~100 ms is not swapped in later, so text never
      // jumps under the reader's finger; the file is cached for the next page (and preloaded, see
      // Layout.astro). The phone's own fonts draw every script these sites use meanwhile.
      rules.push(
        `@font-face{font-family:'${family}';font-style:normal;font-display:optional;font-weight:${weight};src:url('./${name}') format('woff2');unicode-range:${unicodeRange(cps)}}`,
      );
    }
  }
  const css = join(outDir, 'fonts.css');
  writeFileSync(css, `/* Generated by apps/site/src/lib/fonts.ts for this site's characters. */\n${rules.join('\n')}\n`);
  return { css, preload };
}
