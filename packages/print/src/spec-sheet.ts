// The spec sheet in each country's ZIP: a PDF in the country's languages and English that lists every
// file of the ZIP with its trim, bleed, scale, colours (printing condition and PDF/X version), QR
// target and checksum, and says how to enlarge a 1:10 billboard and how to check the files. The
// words come from the interface strings (content/ui/<locale>.yaml, `specSheet.*` and `printers.*`);
// the text is real text in the Noto Sans subsets the posters use (Latin, Cyrillic, Greek: every
// character goes to the first subset that has it). It is not a print file: RGB, no PDF/X. Its bytes
// depend only on its input (dates from the content, IDs from its info), so the ZIP stays identical.
import { type Content, localized, planSite } from '@repo/content';
import { bleedMm, pdfxVersions } from '@repo/design';
import PDFDocument from 'pdfkit';
import { PrintProblem } from './errors.ts';
import { type FontSet, type FontWeight, fontSubsets, loadFonts, woffToSfnt } from './fonts.ts';
import { byName, checksumsFileName, type ZipManifestFile } from './manifest.ts';
import { proofText } from './templates/blocks.ts';

/** The words of one language, placeholders filled. */
export interface SpecSheetLanguage {
  tag: string;
  title: string;
  /** Campaign name, country and date. */
  meta: string;
  paragraphs: string[];
  headings: { file: string; trim: string; bleed: string; scale: string; colours: string; checksum: string; qr: string };
}

/** One file of the ZIP as the sheet lists it (language-neutral: numbers, names, addresses). */
export interface SpecSheetRow {
  name: string;
  /** Real trim in mm (and, in brackets, in the file for 1:10 files); pixels for social images. */
  trim: string;
  bleed: string;
  scale: string;
  colours: string;
  sha256: string;
  qr: string | null;
  proof: boolean;
}

/** Everything the sheet shows: plain data, so it can be hashed for the cache. */
export interface SpecSheetInput {
  /** Its own file name, printed in the footer. */
  name: string;
  /** Document title (Info), in English. */
  title: string;
  author: string;
  /** ISO 8601: CreationDate and ModDate, from the content (never the clock). */
  date: string;
  /** The country's languages, English last. */
  languages: SpecSheetLanguage[];
  rows: SpecSheetRow[];
  /** What a proof file says on it. */
  proofMark: string;
}

const number = (v: number) => String(Math.round(v * 10) / 10);
const size = (w: number, h: number) => `${number(w)} × ${number(h)}`;

/**
 * The sheet's input for one country's ZIP: its files (as the ZIP's manifest lists them, names being
 * ZIP entry names) and the words in each of the country's languages and English.
 */
export function specSheetInput(content: Content, countryCode: string, files: ZipManifestFile[], options: { name: string; date: string }): SpecSheetInput {
  const plan = planSite(content, countryCode);
  const locales = [...plan.locales].sort((a, b) => Number(a.tag === 'en') - Number(b.tag === 'en'));
  const pdfs = files.filter((f) => f.printing);
  const conditions = [...new Set(pdfs.map((f) => f.printing?.condition))].join(' / ');
  const versions = [...new Set(pdfs.map((f) => (f.printing ? pdfxVersions[f.printing.pdfx].label : '')))].join(' / ');
  const scaled = files.find((f) => f.scale !== 1);
  const day = options.date.slice(0, 10);
  const languages = locales.map(({ tag, t }): SpecSheetLanguage => {
    const country = localized(plan.country.names, tag);
    const percent = new Intl.NumberFormat(tag, { style: 'percent', useGrouping: false });
    const paragraphs = [
      t('specSheet.intro', { country }),
      ...(pdfs.length ? [t('specSheet.printing', { pdfx: versions, condition: conditions })] : []),
      ...(scaled ? [t('specSheet.billboard', { percent: percent.format(scaled.scale), fileBleed: number(bleedMm), bleed: number(scaled.bleedMm) })] : []),
      t('specSheet.checksums', { command: `sha256sum -c ${checksumsFileName}` }),
      ...(files.some((f) => f.proof) ? [t('printers.proof')] : []),
    ];
    return {
      tag,
      title: t('specSheet.title', { country }),
      meta: `${localized(content.campaign.name, tag)} · ${day}`,
      paragraphs,
      headings: {
        file: t('printers.file'),
        trim: t('specSheet.trim'),
        bleed: t('specSheet.bleed'),
        scale: t('specSheet.scale'),
        colours: t('specSheet.colours'),
        checksum: t('printers.checksum'),
        qr: t('specSheet.qr'),
      },
    };
  });
  const rows = [...files].sort((a, b) => byName(a.file, b.file)).flatMap((f) => specSheetRows(f));
  const english = locales.find((l) => l.tag === 'en') ?? locales[0];
  return {
    name: options.name,
    title: english ? english.t('specSheet.title', { country: localized(plan.country.names, english.tag) }) : options.name,
    author: content.campaign.brand,
    date: options.date,
    languages,
    rows: rows.sort((a, b) => byName(a.name, b.name)),
    proofMark: proofText,
  };
}

/**
 * Every character of the sheet that no Noto Sans subset has (the sheet would draw it as an empty
 * box): one error per language and character, naming the text and where its words come from.
 */
export function specSheetProblems(input: SpecSheetInput, country: string, fonts: FontSet = loadFonts()): Error[] {
  const chains = weights.map((w) => fonts.faces.get(w) ?? []);
  const covered = (cp: number) => chains.every((chain) => chain.some((face) => face.hasGlyphForCodePoint(cp)));
  const seen = new Set<string>();
  const problems: Error[] = [];
  const check = (tag: string, text: string, source: string) => {
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      if (covered(cp) || seen.has(`${tag}\0${char}`)) continue;
      seen.add(`${tag}\0${char}`);
      problems.push(new PrintProblem('SpecSheetGlyphMissing', { country, locale: tag, char, text, source }));
    }
  };
  for (const l of input.languages) {
    for (const text of [l.title, ...l.paragraphs, ...Object.values(l.headings)]) check(l.tag, text, `content/ui/${l.tag}.yaml`);
    check(l.tag, l.meta, 'name in content/campaign.yaml');
  }
  for (const r of input.rows) for (const text of [r.name, r.trim, r.bleed, r.scale, r.colours, r.qr ?? '']) check('(file names)', text, 'content');
  return problems;
}

/** The file's row, and its TIFF's when it has one. */
function specSheetRows(f: ZipManifestFile): SpecSheetRow[] {
  const scaled = f.scale !== 1;
  const print = f.trimMm && f.fileTrimMm;
  const trim = f.trimMm && f.fileTrimMm ? `${size(...f.trimMm)}${scaled ? ` (${size(...f.fileTrimMm)})` : ''}` : `${size(...(f.pixels ?? [0, 0]))} px`;
  const bleed = print ? `${number(f.bleedMm)}${scaled ? ` (${number(f.bleedMm / f.scale)})` : ''}` : '–';
  const scale = print ? `1:${f.scale}${scaled ? `, ${f.scale * 100} %` : ''}` : '–';
  const common = { trim, bleed, scale, qr: f.qrUrl, proof: f.proof };
  const colours = f.printing ? `CMYK ${f.printing.condition}, ${pdfxVersions[f.printing.pdfx].label}` : 'RGB PNG';
  return [
    { name: f.file, ...common, colours, sha256: f.sha256 },
    ...(f.tiff ? [{ name: f.tiff.file, ...common, colours: `CMYK TIFF, ${f.tiff.dpi} dpi, ${size(...f.tiff.pixels)} px`, sha256: f.tiff.sha256 }] : []),
  ];
}

// A4 portrait, in points.
const page = { width: 595.28, height: 841.89, margin: 42.5 };
const contentWidth = page.width - 2 * page.margin;
const bottom = page.height - page.margin - 14;
/** Columns of a row's second line: trim, bleed, scale, colours. */
const columns = [
  { key: 'trim', width: 130 },
  { key: 'bleed', width: 80 },
  { key: 'scale', width: 90 },
  { key: 'colours', width: contentWidth - 300 },
] as const;
const weights = [400, 700] as const satisfies readonly FontWeight[];
const ink = '#000000';
const rule = '#9a9a9a';

/** The parts of pdfkit's text API the sheet uses (the package's own declaration covers only the print writer's). */
interface SheetDocument {
  registerFont(name: string, data: Buffer): this;
  font(name: string): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: { lineBreak: false }): this;
  fillColor(colour: string): this;
  strokeColor(colour: string): this;
  lineWidth(width: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  stroke(): this;
  addPage(): this;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  end(): void;
}

const sfnt = new Map<string, Buffer>();

/**
 * Writes text in the Noto Sans subsets: each run of characters in the first subset file that has
 * them (spaces stay in the run they are in). A character no subset has is an error, not a box.
 */
class SheetWriter {
  readonly doc: SheetDocument;
  private readonly faces: Map<FontWeight, { name: string; has(cp: number): boolean }[]>;
  constructor(doc: SheetDocument, fonts: FontSet) {
    this.doc = doc;
    this.faces = new Map();
    for (const weight of weights) {
      const chain = fontSubsets.map((subset, i) => {
        const file = fonts.files.find((f) => f.subset === subset && f.weight === weight);
        if (!file) throw new Error(`spec sheet: no Noto Sans ${subset} ${weight} font file`);
        const name = `${subset}-${weight}`;
        const data = sfnt.get(file.path) ?? woffToSfnt(file.data);
        sfnt.set(file.path, data);
        doc.registerFont(name, data);
        const face = fonts.faces.get(weight)?.[i];
        return { name, has: (cp: number) => Boolean(face?.hasGlyphForCodePoint(cp)) };
      });
      this.faces.set(weight, chain);
    }
  }

  runs(text: string, weight: FontWeight): { font: string; text: string }[] {
    const chain = this.faces.get(weight) ?? [];
    const out: { font: string; text: string }[] = [];
    for (const char of text) {
      const last = out.at(-1);
      if (char === ' ' && last) {
        last.text += char;
        continue;
      }
      const cp = char.codePointAt(0) as number;
      const face = chain.find((f) => f.has(cp));
      if (!face) throw new Error(`spec sheet: no font has the character "${char}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) in "${text}"`);
      if (last?.font === face.name) last.text += char;
      else out.push({ font: face.name, text: char });
    }
    return out;
  }

  width(text: string, size: number, weight: FontWeight): number {
    return this.runs(text, weight).reduce((w, r) => w + this.doc.font(r.font).fontSize(size).widthOfString(r.text), 0);
  }

  /**
   * Greedy lines at spaces; a word wider than the line is cut where it must be (addresses, checksums).
   * A line is as wide as its words and the spaces between them (no kerning pair or contextual rule of
   * these fonts reads a space, and every subset's space is 260 units: test/measure.test.ts), so each
   * word is measured once, not every line that grows by it.
   */
  wrap(text: string, size: number, weight: FontWeight, width: number): string[] {
    const lines: string[] = [];
    const space = this.width(' ', size, weight);
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(' ').filter(Boolean)) {
      const wordWidth = this.width(word, size, weight);
      const joined = line ? lineWidth + space + wordWidth : wordWidth;
      if (joined <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = joined;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      lineWidth = wordWidth;
      while (lineWidth > width) {
        let cut = line.length - 1;
        while (cut > 1 && this.width(line.slice(0, cut), size, weight) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
        lineWidth = this.width(line, size, weight);
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** One line at (x, y) (y: top of the line), or ending at x + width when `right`. */
  line(text: string, x: number, y: number, size: number, weight: FontWeight, right?: number) {
    let at = right === undefined ? x : x + right - this.width(text, size, weight);
    for (const r of this.runs(text, weight)) {
      this.doc.font(r.font).fontSize(size).fillColor(ink).text(r.text, at, y, { lineBreak: false });
      at += this.doc.widthOfString(r.text);
    }
  }
}

/** Renders the sheet: A4 pages, the words in each language, then the table of files, page numbers in the footer. */
export async function renderSpecSheet(input: SpecSheetInput, fonts: FontSet = loadFonts()): Promise<Buffer> {
  const date = new Date(input.date);
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: page.margin,
    // No default font (pdfkit would load Helvetica's metrics); the Noto Sans subsets are registered below.
    font: null,
    bufferPages: true,
    lang: input.languages[0]?.tag ?? 'en',
    displayTitle: true,
    info: {
      Title: input.title,
      Author: input.author,
      Subject: 'Print files: trim, bleed, scale, colours, QR code targets and SHA-256 checksums',
      Creator: 'campaign kit @repo/print (spec sheet)',
      Producer: 'campaign kit @repo/print (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  }) as unknown as SheetDocument;
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const w = new SheetWriter(doc, fonts);
  const left = page.margin;
  let y = page.margin;
  const newPage = () => {
    doc.addPage();
    y = page.margin;
  };
  const hr = (at: number) =>
    doc
      .strokeColor(rule)
      .lineWidth(0.5)
      .moveTo(left, at)
      .lineTo(left + contentWidth, at)
      .stroke();

  // The words, one language after another.
  input.languages.forEach((l, i) => {
    const title = w.wrap(l.title, 13, 700, contentWidth);
    if (i > 0 && y + title.length * 17 + 40 > bottom) newPage();
    for (const line of title) {
      w.line(line, left, y, 13, 700);
      y += 17;
    }
    w.line(l.meta, left, y, 8.5, 400);
    y += 16;
    for (const paragraph of l.paragraphs) {
      for (const line of w.wrap(paragraph, 9, 400, contentWidth)) {
        if (y + 12.5 > bottom) newPage();
        w.line(line, left, y, 9, 400);
        y += 12.5;
      }
      y += 5;
    }
    y += 6;
    hr(y);
    y += 12;
  });

  // The table: a heading block in every language, then two to four lines per file.
  const joined = (key: keyof SpecSheetLanguage['headings']) => input.languages.map((l) => l.headings[key]).join(' / ');
  const heading = () => {
    const file = w.wrap(joined('file'), 7, 700, contentWidth);
    const cells = columns.map((c) => w.wrap(joined(c.key), 7, 700, c.width - 8));
    const checksum = w.wrap(joined('checksum'), 7, 700, contentWidth);
    const qr = w.wrap(joined('qr'), 7, 700, contentWidth);
    const cellLines = Math.max(...cells.map((c) => c.length));
    return {
      height: (file.length + cellLines + checksum.length + qr.length) * 9 + 8,
      draw: () => {
        for (const line of file) {
          w.line(line, left, y, 7, 700);
          y += 9;
        }
        let x = left;
        cells.forEach((lines, c) => {
          lines.forEach((line, k) => {
            w.line(line, x, y + k * 9, 7, 700);
          });
          x += columns[c]?.width ?? 0;
        });
        y += cellLines * 9;
        for (const line of [...checksum, ...qr]) {
          w.line(line, left, y, 7, 700);
          y += 9;
        }
        y += 3;
        hr(y);
        y += 5;
      },
    };
  };
  const head = heading();
  const rowHeight = (r: SpecSheetRow | undefined) => 11 + 10 + 9 + (r?.qr ? 9 : 0) + 7;
  if (y + head.height + rowHeight(input.rows[0]) > bottom) newPage();
  head.draw();
  for (const r of input.rows) {
    if (y + rowHeight(r) > bottom) {
      newPage();
      head.draw();
    }
    w.line(r.name, left, y, 8, 700);
    if (r.proof) w.line(input.proofMark, left, y + 1, 6.5, 700, contentWidth);
    y += 11;
    let x = left;
    for (const c of columns) {
      w.line(r[c.key], x, y, 7.5, 400);
      x += c.width;
    }
    y += 10;
    w.line(r.sha256, left, y, 7, 400);
    y += 9;
    if (r.qr) {
      w.line(r.qr, left, y, 7, 400);
      y += 9;
    }
    y += 2;
    hr(y);
    y += 5;
  }

  // Footers: the sheet's name, date and page number on every page.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    w.line(`${input.name} · ${input.date.slice(0, 10)} · ${i + 1} / ${range.count}`, left, page.height - page.margin, 7, 400, contentWidth);
  }
  doc.end();
  return done;
}
