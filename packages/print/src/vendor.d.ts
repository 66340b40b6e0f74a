// Minimal types for the untyped libraries @repo/print uses, covering only what it calls.

declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** The outline in font units, y upwards: as commands (moveTo, lineTo, quadraticCurveTo, bezierCurveTo, closePath), or as SVG path data. */
    path: { commands: { command: string; args: number[] }[]; toSVG(): string };
    /** The outline's bounding box in font units, y upwards (what ink reaches, accents included). */
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    /** Height of the capitals (OS/2 sCapHeight), font units. */
    capHeight: number;
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
    getGlyph(id: number): Glyph;
    /** Every code point the font maps. */
    characterSet: number[];
  }
  export function create(data: Uint8Array): Font;
}

declare module 'qrcode' {
  interface BitMatrix {
    size: number;
    get(row: number, col: number): number;
  }
  interface QRCode {
    modules: BitMatrix;
    version: number;
  }
  const qrcode: { create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRCode };
  export default qrcode;
}

declare module 'yazl' {
  import type { Readable } from 'node:stream';
  export class ZipFile {
    outputStream: Readable;
    addBuffer(buffer: Buffer, name: string, options?: { mtime?: Date; mode?: number; compress?: boolean; forceDosTimestamp?: boolean }): void;
    end(options?: { forceZip64Format?: boolean }, callback?: () => void): void;
  }
}

declare module 'jsqr' {
  export default function jsQR(data: Uint8ClampedArray, width: number, height: number): { data: string } | null;
}

declare module 'pngjs' {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer }; write(png: { width: number; height: number; data: Buffer }): Buffer };
  };
}

declare module 'pdfkit' {
  interface PDFPage {
    dictionary: { data: Record<string, unknown> };
    xobjects: Record<string, PDFReference>;
  }
  interface PDFReference {
    end(chunk?: Uint8Array): void;
  }
  class PDFDocument {
    constructor(options?: Record<string, unknown>);
    page: PDFPage;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    end(): void;
    save(): this;
    restore(): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(w: number): this;
    stroke(): this;
    fillColor(colour: unknown, opacity?: number): this;
    strokeColor(colour: unknown, opacity?: number): this;
    fillOpacity(opacity: number): this;
    strokeOpacity(opacity: number): this;
    opacity(opacity: number): this;
    addContent(data: string): this;
    ref(data: Record<string, unknown>): PDFReference;
    openImage(src: Buffer): { embed(doc: PDFDocument): void; obj: PDFReference };
    /** Internal: writes one piece of the file (a string gets a line end) and advances `_offset`; every byte of the file goes through it. */
    _write(data: string | Uint8Array): void;
    /** Internal: the file's length so far (the xref table's offsets). */
    _offset: number;
    /** Internal: writes the xref table and trailer, once every object has ended. */
    _finalize(): void;
  }
  export default PDFDocument;
}

declare module 'harfbuzzjs' {
  namespace harfbuzzjs {
    interface Blob {
      destroy(): void;
    }
    interface Face {
      upem: number;
      destroy(): void;
    }
    interface Font {
      destroy(): void;
    }
    interface Buffer {
      addText(text: string): void;
      guessSegmentProperties(): void;
      clearContents(): void;
      /** Glyph ids (`codepoint` after shaping) and the character each starts at. */
      getGlyphInfos(): { codepoint: number; cluster: number }[];
      /** Font units at the default scale (the face's units per em). */
      getGlyphPositions(): { x_advance: number; y_advance: number; x_offset: number; y_offset: number }[];
      destroy(): void;
    }
    interface HarfBuzz {
      createBlob(data: ArrayBuffer | Uint8Array): Blob;
      createFace(blob: Blob, index: number): Face;
      createFont(face: Face): Font;
      createBuffer(): Buffer;
      shape(font: Font, buffer: Buffer, features?: string): void;
    }
  }
  /** module.exports: a promise of the API, once HarfBuzz's WebAssembly is instantiated. */
  const harfbuzzjs: Promise<harfbuzzjs.HarfBuzz>;
  export = harfbuzzjs;
}
