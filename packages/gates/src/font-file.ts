/// <reference path="./vendor.d.ts" />
// Which characters a font file has glyphs for, read with fontkit (a dependency of @repo/print
// already): TrueType/OpenType, WOFF and WOFF2 (fontkit decompresses WOFF2's Brotli stream itself).
import { create } from 'fontkit';

/**
 * The characters a font file (TTF, OTF, WOFF or WOFF2) can draw: every code point its cmap maps to
 * a real glyph. fontkit's `characterSet` also lists code points mapped to glyph 0 (.notdef, e.g. the
 * U+FFFF that ends every format 4 cmap), which draw nothing: those are left out.
 */
export function fontCodePoints(file: Uint8Array): Set<number> {
  const font = create(file);
  if (!('characterSet' in font)) throw new Error('The file is a font collection, not one font');
  return new Set(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)));
}
