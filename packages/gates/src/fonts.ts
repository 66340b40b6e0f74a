// Fonts gate: every character a page shows must be drawn by the site's own web font, not by
// whatever fallback the reader's phone has. For each page and each character of its text (and of
// the messages its scripts show, kept in data-* attributes), some @font-face of each used family
// and weight must have the character in its unicode-range and a glyph for it in its file. This is
// what proves that subsetting (apps/site/src/lib/fonts.ts) kept Romanian ș ț, Serbian đ ž,
// Cyrillic and Greek.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { type FontFace, familyIsUsed, fontFacesOf, inRanges, resolveAsset, stylesheetsOf } from './css.ts';
import { failure } from './failure.ts';
import { fontCodePoints } from './font-file.ts';
import { codePoints, loadPage, pagesOf, renderedText } from './site-files.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** Text that scripts put on screen later (status messages), kept by components in data-* attributes. */
function scriptedText($: CheerioAPI): string {
  const out: string[] = [];
  $('body *').each((_, el) => {
    if (!('attribs' in el)) return;
    for (const [name, value] of Object.entries(el.attribs)) if (name.startsWith('data-') && !/^[a-z]+:|^\/|^#/.test(value)) out.push(value);
  });
  return out.join(' ');
}

export async function fontsGate(sites: Site[]): Promise<GateResult> {
  const failures: Failure[] = [];
  let pages = 0;
  for (const site of sites) {
    const glyphs = new Map<string, Set<number>>();
    const glyphsOf = (file: string) => {
      let set = glyphs.get(file);
      if (!set) {
        try {
          set = fontCodePoints(readFileSync(join(site.dir, file)));
        } catch (error) {
          throw new Error(
            `${site.code}: the font file ${file} cannot be read (${(error as Error).message}); rebuild the site (apps/site/src/lib/fonts.ts writes it).`,
          );
        }
        glyphs.set(file, set);
      }
      return set;
    };
    for (const page of pagesOf(site.dir)) {
      pages++;
      const $ = loadPage(site.dir, page.file);
      const sheets = stylesheetsOf($, site.dir, page.path);
      const faces = fontFacesOf(sheets).filter((f) => familyIsUsed(sheets, f.family));
      if (faces.length === 0) continue;
      const chars = codePoints(`${renderedText($)} ${scriptedText($)}`);
      // Group faces by family and weight: every weight of a family must draw every character.
      const groups = new Map<string, FontFace[]>();
      for (const face of faces) {
        const key = `${face.family} ${face.weight} ${face.style}`;
        groups.set(key, [...(groups.get(key) ?? []), face]);
      }
      const missing = new Map<string, number[]>();
      for (const [key, group] of groups) {
        const covering = group.map((face) => {
          const file = face.url ? resolveAsset(site.dir, face.url, face.sheet, page.path) : undefined;
          return { face, glyphs: file ? glyphsOf(file) : new Set<number>(), file };
        });
        for (const cp of chars) {
          if (cp < 0x20) continue;
          const drawn = covering.some((c) => inRanges(cp, c.face.ranges) && c.glyphs.has(cp));
          if (!drawn) missing.set(key, [...(missing.get(key) ?? []), cp]);
        }
      }
      for (const [font, cps] of missing) {
        const chars = cps.map((cp) => String.fromCodePoint(cp));
        // The first character is what the tracer looks for in the page's files.
        failures.push(failure('CharactersWithoutGlyph', { font, chars }, { site: site.code, page: page.path, evidence: chars[0] }));
      }
    }
  }
  return { gate: 'fonts', failures, summary: `every character of ${pages} pages drawn by the site's own fonts` };
}
