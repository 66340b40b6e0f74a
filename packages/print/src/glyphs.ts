import { GlyphError, type PrintSource } from './errors.ts';
import type { FontSet, FontWeight } from './fonts.ts';

/** A string that will be drawn, with what it is (for messages), the weight it is set in and the content field it comes from. */
export interface DrawnString {
  label: string;
  text: string;
  weight: FontWeight;
  /** The content file and field of the text (none for the template's own words). */
  source?: PrintSource;
}

// Characters that draw nothing and need no glyph.
const invisible = new Set(['\n', '\u200b', '\u200c', '\u200d']);

/**
 * Checks that some font in the fallback chain has every character of every string, in the weight the
 * string is set in. Returns one GlyphError per missing character per string (never an empty box).
 */
export function checkGlyphs(fonts: FontSet, locale: string, strings: DrawnString[]): GlyphError[] {
  const errors: GlyphError[] = [];
  for (const s of strings) {
    const faces = fonts.faces.get(s.weight) ?? [];
    const reported = new Set<string>();
    for (const char of s.text) {
      if (invisible.has(char) || reported.has(char)) continue;
      const cp = char.codePointAt(0) as number;
      if (!faces.some((f) => f.hasGlyphForCodePoint(cp))) {
        reported.add(char);
        errors.push(new GlyphError(locale, s.label, s.text, char, s.source ? { source: s.source } : {}));
      }
    }
  }
  return errors;
}
