// Minimal types for fontkit (untyped), covering only what src/font-file.ts calls.
declare module 'fontkit' {
  export interface Font {
    /** Every code point the font's cmap lists (including any mapped to .notdef). */
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    fonts: Font[];
  }
  /** Reads a TrueType/OpenType, WOFF or WOFF2 file (or a collection); throws "Unknown font format" otherwise. */
  export function create(data: Uint8Array): Font | FontCollection;
}
