// The print manifest: what apps/print writes (dist/manifest.json, and one per country inside its ZIP)
// and the site's "For printers" page reads. The types, the names files download and unzip as, and the
// checksum list live here, in a package, so the site depends on @repo/print and never on the app.
import type { UnverifiedFact } from '@repo/content';
import { type FormatKind, type PdfxVersion, type PrintFormatId, type PrintingConditionId, printFormats } from '@repo/design';

/**
 * Version of the manifest's shape. A renderer reading a manifest of another version does not reuse
 * its entries (it renders everything again), so no field has to be guessed.
 */
export const manifestVersion = 2;

/** The printing condition a PDF's CMYK is separated for and its PDF/X version (`1a` or `4`). */
export interface ManifestPrinting {
  condition: PrintingConditionId;
  pdfx: PdfxVersion;
}

/** A CMYK TIFF for wide-format printers (`--tiff`): trim + bleed at `dpi` of the file's size (1:10 for billboards, like the PDF). */
export interface ManifestTiff {
  /** `<cc>/<design>/<locale>/<format>.tif`, relative to the manifest's folder. */
  file: string;
  /** The name it downloads and unzips as (`downloadName`). */
  name: string;
  dpi: number;
  pixels: [number, number];
  bytes: number;
  sha256: string;
}

/** One print file: what printers (and the site's "For printers" page) need to know. */
export interface ManifestFile {
  country: string;
  design: string;
  locale: string;
  format: string;
  formatLabel: string;
  kind: FormatKind;
  /** `<cc>/<design>/<locale>/<format>.pdf` (or `.png`), relative to the manifest's folder: where it is on the site. */
  file: string;
  /** The name it downloads and unzips as, e.g. `victor-ro-origin-youth-ro-a4.pdf` (`downloadName`). */
  name: string;
  mediaType: 'application/pdf' | 'image/png';
  /** PNG preview of the trim area, relative path (the file itself for social images). */
  preview: string;
  /** Finished size in real millimetres (print) or null (social images). */
  trimMm: [number, number] | null;
  /** Bleed in real millimetres around the trim (0 for social images). */
  bleedMm: number;
  /** Pixel size of social images, else null. */
  pixels: [number, number] | null;
  /** 1 = 1:1; 10 = drawn at 1:10, to be enlarged tenfold. */
  scale: number;
  /** Trim size inside the file, in millimetres (trimMm ÷ scale). */
  fileTrimMm: [number, number] | null;
  /** The printing condition and PDF/X version of a PDF; null for a PNG (RGB, for screens). */
  printing: ManifestPrinting | null;
  spec: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** True when a fact on it is unverified: it carries "PROOF — NOT FOR PRINT". */
  proof: boolean;
  /** The unverified facts it shows, from the release rule (@repo/content `releaseFacts`): what, file and field to fix. */
  unverified: UnverifiedFact[];
  translation: 'source' | 'draft' | 'reviewed';
  /** What the QR code opens; null for formats that carry no QR code. */
  qrUrl: string | null;
  inputHash: string;
  /** The CMYK TIFF for wide-format printers (`--tiff`; billboards and posters larger than A2). Absent when there is none. */
  tiff?: ManifestTiff;
}

/** A file apps/print writes beside a country's ZIP (its spec sheet), with its checksum. */
export interface ManifestSideFile {
  /** Relative to the manifest's folder, e.g. `ro/victor-ro-spec-sheet.pdf`. */
  file: string;
  bytes: number;
  sha256: string;
  /** SHA-256 of everything it is made from: unchanged, it is not made again. */
  inputHash: string;
}

/** One country's ZIP: every print file (and TIFF) of the country under its download name, its manifest, SHA256SUMS and spec sheet. */
export interface ManifestZip {
  country: string;
  /** `<cc>/<campaign>-print-<cc>.zip`, relative to the manifest's folder. */
  file: string;
  /** Print files in it (PDF, PNG and TIFF), not counting the spec sheet, SHA256SUMS and manifest.json. */
  files: number;
  /** Every entry in it. */
  entries: number;
  bytes: number;
  sha256: string;
  /** SHA-256 of its entries' names and checksums and its date: unchanged, the ZIP is not written again. */
  inputHash: string;
  /**
   * `<cc>/SHA256SUMS`, relative to the manifest's folder: the SHA-256 of every print file of the country
   * as the site serves it (paths relative to `<cc>/`), its TIFFs, the spec sheet and this ZIP, in
   * `sha256sum -c` format. The ZIP carries its own SHA256SUMS, over its entries.
   */
  checksums: string;
  /** The spec sheet (PDF), also inside the ZIP: every file with trim, bleed, scale, colours, QR target and checksum. */
  specSheet: ManifestSideFile;
}

/**
 * One page card: the 1200 × 630 PNG Open Graph image of one page of a country's site. Not a print
 * file: cards are listed here, not in `files`, and are not in the country's ZIP.
 */
export interface ManifestCard {
  country: string;
  /** Site locale of the page (BCP 47, e.g. `sr-Latn`). */
  locale: string;
  /** Page id, e.g. `report`. */
  page: string;
  /** The page's path on the site, e.g. `/en/how-to-report/`. */
  path: string;
  /** `<cc>/cards/<locale>/<page>.png`, relative to the manifest's folder. */
  file: string;
  bytes: number;
  sha256: string;
  inputHash: string;
}

/** apps/print/dist/manifest.json: every print file, ZIP and page card of every country. */
export interface Manifest {
  version: typeof manifestVersion;
  campaign: string;
  date: string;
  files: ManifestFile[];
  zips: ManifestZip[];
  cards: ManifestCard[];
}

/** A print file as the manifest inside a ZIP lists it: `file` (and `tiff.file`) are ZIP entry names. */
export type ZipManifestFile = Omit<ManifestFile, 'file' | 'name' | 'preview' | 'unverified' | 'inputHash' | 'tiff'> & {
  /** Its entry name in the ZIP (its download name). */
  file: string;
  tiff?: Omit<ManifestTiff, 'name'>;
};

/**
 * The manifest.json inside a country's ZIP: exactly the ZIP's entries, by their names in the ZIP. It
 * leaves out what only the renderer and the campaign team use (site paths, previews, input hashes,
 * which facts are unverified: the files say that they are proofs).
 */
export interface ZipManifest {
  version: typeof manifestVersion;
  campaign: string;
  country: string;
  date: string;
  /** Every entry of the ZIP, this manifest included, in the ZIP's order. */
  entries: string[];
  /** Entry name of the spec sheet. */
  specSheet: string;
  /** Entry name of the checksum list (`sha256sum -c SHA256SUMS`): every other entry. */
  checksums: typeof checksumsFileName;
  files: ZipManifestFile[];
}

/** The checksum list, in each country's folder and in its ZIP (`sha256sum -c SHA256SUMS`). */
export const checksumsFileName = 'SHA256SUMS';
/** The manifest's name, in dist/ and in each ZIP. */
export const manifestFileName = 'manifest.json';

/**
 * The name a print file downloads and unzips as: campaign, country, design, locale and format, and
 * the scale for files drawn smaller than their real size: `victor-ro-origin-youth-ro-a4.pdf`,
 * `victor-ro-origin-youth-ro-billboard-18-1-1to10.pdf`. `extension` without the dot.
 */
export function downloadName(campaign: string, file: { country: string; design: string; locale: string; format: string }, extension: string): string {
  // From @repo/design directly: the site loads this module, and nothing of the renderer with it.
  const format = printFormats[file.format as PrintFormatId] as { scale: number } | undefined;
  if (!format) throw new Error(`Unknown format "${file.format}" of ${file.country}/${file.design}/${file.locale}.`);
  const scale = format.scale;
  return `${[campaign, file.country, file.design, file.locale, file.format].join('-')}${scale === 1 ? '' : `-1to${scale}`}.${extension}`;
}

/** `<campaign>-print-<cc>.zip`. */
export function zipName(campaign: string, country: string): string {
  return `${campaign}-print-${country}.zip`;
}

/** `<campaign>-<cc>-spec-sheet.pdf`. */
export function specSheetName(campaign: string, country: string): string {
  return `${campaign}-${country}-spec-sheet.pdf`;
}

/** Names in byte order, as the ZIP and SHA256SUMS list them (not the locale's collation). */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A `sha256sum -c` list: one `<sha256>  <name>` line per file (two spaces: text mode), sorted by name. */
export function sha256sums(files: { name: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => byName(a.name, b.name))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('');
}

/** A country's print file as the manifest inside its ZIP lists it. */
export function zipManifestFile(f: ManifestFile): ZipManifestFile {
  const { file: _file, name, preview: _preview, unverified: _unverified, inputHash: _inputHash, tiff, ...rest } = f;
  return { ...rest, file: name, ...(tiff ? { tiff: { file: tiff.name, dpi: tiff.dpi, pixels: tiff.pixels, bytes: tiff.bytes, sha256: tiff.sha256 } } : {}) };
}
