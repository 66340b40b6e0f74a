// The Typst contender: the same poster written in Typst, compiled by @myriaddreamin/typst-ts-node-compiler
// (a devDependency of the benchmark only) with the same Noto Sans files as the kit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { type ColourName, fontSubsetFamily, fontSubsets, type PrintingConditionId, tokenCmyk } from '@repo/design';
import { type DisplayList, type FontSet, qrRuns, woffToSfnt } from '@repo/print';

/**
 * Writes the kit's font files where Typst can read them: each WOFF unwrapped into its OpenType font
 * (Typst reads TrueType/OpenType, not WOFF) and its family renamed after its subset (`Noto Sans
 * latin-ext`), the name satori and the HTML give it. Why renamed: every @fontsource subset file calls
 * itself "Noto Sans", and Typst, like satori, keeps one font per family and weight: given six
 * "Noto Sans" files it picks one, and draws every character that file lacks in its own fallback
 * (Libertinus Serif). With a family per subset, the text asks for the same fallback chain as the kit.
 * The glyph outlines, metrics and PostScript name (NotoSans-ExtraBold …) are untouched.
 */
export function writeTypstFonts(fonts: FontSet, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of fonts.files) {
    writeFileSync(join(dir, `noto-sans-${f.subset}-${f.weight}.ttf`), renameFamily(woffToSfnt(f.data), f.family));
  }
  return dir;
}

/** Typst's font family list: the kit's fallback chain (fonts.ts), in its order. */
export const typstFamilies = `(${fontSubsets.map((s) => JSON.stringify(fontSubsetFamily(s))).join(', ')})`;

/**
 * The poster as a Typst document, from the kit's display list of the same job (so the same layout
 * and copyfit): a page of the bleed box, every rect as a `rect` of the token's exact CMYK, every line
 * of text as text (Typst shapes it itself, in Noto Sans, at the same size and weight, its baseline
 * where the kit puts it), the QR code as one rectangle per run of dark modules (as the kit draws it),
 * and a photo as an image. What Typst compiles is therefore text to shape and lay out, and vector
 * shapes: what a designer's hand-set Typst poster would be. No crop marks or slug (the kit draws
 * both; Typst's page is the bleed box): a small advantage to Typst.
 */
export function posterTypst(list: DisplayList, condition: PrintingConditionId): { source: string; photos: Map<string, Buffer> } {
  const pt = (n: number) => `${+n.toFixed(3)}pt`;
  const fill = (colour: ColourName) => {
    const [c, m, y, k] = tokenCmyk(colour, condition);
    return `cmyk(${c}%, ${m}%, ${y}%, ${k}%)`;
  };
  const photos = new Map<string, Buffer>();
  const lines = [
    `#set page(width: ${pt(list.width)}, height: ${pt(list.height)}, margin: 0pt)`,
    // Baselines as the kit's: the text box's top and bottom edge are its baseline, so dy is the baseline.
    // No fallback beyond the kit's chain: a character none of its fonts has would be a tofu, not Libertinus.
    `#set text(font: ${typstFamilies}, top-edge: "baseline", bottom-edge: "baseline", fallback: false)`,
  ];
  for (const item of list.items) {
    switch (item.type) {
      case 'rect':
        lines.push(
          `#place(dx: ${pt(item.x)}, dy: ${pt(item.y)}, rect(width: ${pt(item.width)}, height: ${pt(item.height)}, fill: ${fill(item.paint.colour)}))`,
        );
        break;
      case 'glyphs':
        lines.push(
          `#place(dx: ${pt(item.x)}, dy: ${pt(item.baseline)}, text(size: ${pt(item.size)}, weight: ${item.weight}, fill: ${fill(item.paint.colour)}, ${typstString(item.text)}))`,
        );
        break;
      case 'qr': {
        lines.push(
          `#let qr(x, y, w) = place(dx: x * ${pt(item.module)} + ${pt(item.x)}, dy: y * ${pt(item.module)} + ${pt(item.y)}, rect(width: w * ${pt(item.module)}, height: ${pt(item.module)}, fill: ${fill(item.paint.colour)}))`,
        );
        for (const run of qrRuns(item.matrix)) lines.push(`#qr(${run.col}, ${run.row}, ${run.length})`);
        break;
      }
      case 'photo': {
        const path = `photo-${photos.size}.jpg`;
        photos.set(path, item.jpeg);
        lines.push(
          `#place(dx: ${pt(item.x)}, dy: ${pt(item.y)}, image(${JSON.stringify(path)}, width: ${pt(item.width)}, height: ${pt(item.height)}, fit: "stretch"))`,
        );
        break;
      }
    }
  }
  return { source: `${lines.join('\n')}\n`, photos };
}

/** A Typst string literal (Typst's escapes are JSON's, plus \u{…}; JSON.stringify writes no other). */
function typstString(text: string): string {
  return JSON.stringify(text).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
}

/**
 * One Typst compiler for the run, with the font folder. Creating it scans and indexes the fonts
 * (tens of ms): that is font loading, done once, as the kit loads its fonts once per process.
 */
export function typstCompiler(fontDir: string): { compiler: NodeCompiler; workspace: string } {
  // The font folder is the workspace too: a photo is mapped into it (in memory) by typstPdf.
  return { compiler: NodeCompiler.create({ workspace: fontDir, fontArgs: [{ fontPaths: [fontDir] }] }), workspace: fontDir };
}

/**
 * Compiles a poster to PDF with Typst's memoization cache emptied first: `evictCache(0)` drops every
 * memoized result (comemo's global cache: parsing, evaluation, layout, text shaping), so each render
 * lays out and shapes the poster from scratch; what stays is what the kit keeps too: the fonts, read
 * and parsed once. (A new compiler per render would also re-scan the font folder: font loading, which
 * neither the kit nor Chromium repeats per poster.) The PDF is written without a structure tree
 * (`pdfTags: false`), as the kit's and Chromium's are. `keepCache`: without the eviction (for
 * comparison only: the poster's own layout and shaping then come from the cache of the last run).
 */
export function typstPdf(
  { compiler, workspace }: ReturnType<typeof typstCompiler>,
  doc: { source: string; photos: Map<string, Buffer> },
  options: { keepCache?: boolean } = {},
): Buffer {
  if (!options.keepCache) compiler.evictCache(0);
  for (const [name, bytes] of doc.photos) compiler.mapShadow(join(workspace, name), bytes);
  const result = compiler.compile({ mainFileContent: doc.source });
  const error = result.takeError();
  if (error || !result.result) throw new Error(`Typst: ${JSON.stringify(error?.shortDiagnostics ?? 'no document')}`);
  const warnings = result.takeWarnings();
  if (warnings) throw new Error(`Typst warned (a missing glyph or font?): ${JSON.stringify(warnings.shortDiagnostics)}`);
  // Untagged, like the kit's PDF and Chromium's (page.pdf writes no structure tree unless asked).
  return compiler.pdf(result.result, { pdfTags: false });
}

/**
 * An OpenType font with its family renamed: the `name` table rewritten with `family` as name 1
 * (family), 16 (typographic family, when present) and the start of 4 (full name); every other table
 * as it was. (OpenType spec: the table directory, and the `name` table in format 0.)
 */
export function renameFamily(sfnt: Buffer, family: string): Buffer {
  const numTables = sfnt.readUInt16BE(4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    return { tag: sfnt.toString('latin1', at, at + 4), data: sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)) };
  });
  const name = tables.find((t) => t.tag === 'name');
  if (!name) throw new Error('font without a name table');
  const n = name.data;
  const count = n.readUInt16BE(2);
  const storage = n.readUInt16BE(4);
  const records: { platform: number; encoding: number; language: number; id: number; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => n.readUInt16BE(at + o)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (language >= 0x8000) continue; // a language-tag record (format 1): dropped with format 0
    const utf16 = platform === 0 || platform === 3;
    const decode = (b: Buffer) => (utf16 ? Buffer.from(b).swap16().toString('utf16le') : b.toString('latin1'));
    const encode = (s: string) => (utf16 ? Buffer.from(s, 'utf16le').swap16() : Buffer.from(s, 'latin1'));
    let bytes = n.subarray(storage + offset, storage + offset + length);
    if (id === 1 || id === 16) bytes = encode(family);
    if (id === 4) bytes = encode(decode(bytes).replace(/^Noto Sans/, family));
    records.push({ platform, encoding, language, id, bytes });
  }
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + i * 12;
    for (const [o, v] of [r.platform, r.encoding, r.language, r.id, r.bytes.length, offset].entries()) head.writeUInt16BE(v, at + o * 2);
    offset += r.bytes.length;
  });
  name.data = Buffer.concat([head, ...records.map((r) => r.bytes)]);

  const dir = Buffer.alloc(12 + 16 * numTables);
  sfnt.copy(dir, 0, 0, 12);
  const parts: Buffer[] = [dir];
  let at = dir.length;
  tables.forEach((t, i) => {
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    let sum = 0;
    for (let o = 0; o < padded.length; o += 4) sum = (sum + padded.readUInt32BE(o)) >>> 0;
    const e = 12 + i * 16;
    dir.write(t.tag, e, 'latin1');
    dir.writeUInt32BE(sum, e + 4);
    dir.writeUInt32BE(at, e + 8);
    dir.writeUInt32BE(t.data.length, e + 12);
    parts.push(padded);
    at += padded.length;
  });
  return Buffer.concat(parts);
}
