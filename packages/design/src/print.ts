/**
 * Print design tokens: the formats a poster design can be produced in and the poster templates that
 * exist. Content names them by id (content/posters/*.yaml); @repo/print implements them.
 */

/**
 * What a format is: a `poster` (paper, from A4 to city light), a `billboard` (a road board, drawn at
 * 1:10 and read from a distance) or a `social` image (pixels, for screens). Everything a format shows
 * or produces is declared on it below (`shows`, `output`, `wideFormat`), not derived from its kind.
 */
export type FormatKind = 'poster' | 'billboard' | 'social';

/** What a format's files show besides the headline, call to action, mark and helplines every format has. */
export interface FormatShows {
  /** The body text under the headline (billboards are read in passing; link cards and square posts are too small). */
  body: boolean;
  /** The QR code to the design's page, with the web address under it; without it, the address alone. */
  qr: boolean;
  /** The design's photo, when it has one: a band across the top. */
  photo: boolean;
}

export interface PrintFormat {
  /** Id used in content and in output file names, e.g. `a4`, `billboard-18-1`. */
  id: string;
  /** Name printers know it by. */
  label: string;
  kind: FormatKind;
  /** What its files show: read by the templates, the job planner and the manifest (its `qrUrl`). */
  shows: FormatShows;
  /**
   * The file it is delivered as: `pdf` (PDF/X, CMYK, 3 mm bleed, crop marks, a PNG preview beside
   * it) or `png` (an RGB PNG at its pixel size, for screens; the file is its own preview).
   */
  output: 'pdf' | 'png';
  /** Printed on wide-format printers: apps/print's `--tiff` also writes a CMYK TIFF of it (every billboard, posters larger than A2). */
  wideFormat: boolean;
  /** Finished (trim) width: millimetres for print, pixels for social images. Real size, not scaled. */
  width: number;
  /** Finished (trim) height, as `width`. */
  height: number;
  /**
   * The file is drawn at 1:`scale`. Billboards are built at 1:10 because at 1:1 they exceed PDF's
   * 200-inch page limit; the printer enlarges them tenfold. Stated in the file and in the manifest.
   */
  scale: 1 | 10;
  /**
   * Distance in metres from which people read the poster and scan its QR code. The QR code is at
   * least a tenth of it wide (the usual 10:1 rule for scanning distance), so 0.5 m gives 50 mm; where
   * that code would not fit (`qrFitsAt`) the format shows none. Billboards size their type by it.
   */
  viewingDistanceM: number;
  /** Margin in real millimetres (pixels for social) inside the trim that holds no text or code. */
  safeMargin: number;
}

/** What a format table row names; the rest follows from the kind of format. */
type FormatRow = Pick<PrintFormat, 'id' | 'label' | 'width' | 'height'>;

/** Paper posters: everything shown, PDF, 1:1; `wideFormat` for the sizes larger than A2. */
const paper = (row: FormatRow & Pick<PrintFormat, 'viewingDistanceM' | 'safeMargin'> & { wideFormat?: true }): PrintFormat => ({
  kind: 'poster',
  shows: { body: true, qr: true, photo: true },
  output: 'pdf',
  wideFormat: false,
  scale: 1,
  ...row,
});
// Billboards: posted from sheets that overlap and are trimmed by eye, so the safe margin is wide
// (about 5 % of the short side, in real millimetres). Read in passing: no body text, no photo; read
// from the road (30 m: every text at least 84 mm cap height, packages/print/src/templates/billboard.ts),
// so a QR code only where that distance allows one (`qrFitsAt`: none of these).
const billboard = (row: FormatRow & Pick<PrintFormat, 'viewingDistanceM'>): PrintFormat => ({
  kind: 'billboard',
  shows: { body: false, qr: qrFitsAt(row), photo: false },
  output: 'pdf',
  wideFormat: true,
  scale: 10,
  safeMargin: 120,
  ...row,
});

/**
 * Whether a QR code can be scanned from where a print format is read: a code is read from up to about
 * ten times its side (the 10:1 rule of `viewingDistanceM`), and a layout gives it at most a third of
 * the format's shorter side. A billboard read from the road at 30 m would need a 3 m code.
 */
export function qrFitsAt(f: Pick<PrintFormat, 'viewingDistanceM' | 'width' | 'height'>): boolean {
  return f.viewingDistanceM * 100 <= Math.min(f.width, f.height) / 3;
}
/** Social images: an RGB PNG at its pixel size; what each shows is its own choice. */
const social = (row: FormatRow & { shows: Omit<FormatShows, 'photo'> }): PrintFormat => ({
  kind: 'social',
  output: 'png',
  wideFormat: false,
  scale: 1,
  viewingDistanceM: 0.4,
  safeMargin: Math.round(Math.min(row.width, row.height) * 0.05),
  ...row,
  shows: { ...row.shows, photo: false },
});

/** Every format the kit can produce, by id. */
export const printFormats = {
  a4: paper({ id: 'a4', label: 'A4 (210 × 297 mm)', width: 210, height: 297, viewingDistanceM: 0.4, safeMargin: 10 }),
  a3: paper({ id: 'a3', label: 'A3 (297 × 420 mm)', width: 297, height: 420, viewingDistanceM: 0.5, safeMargin: 12 }),
  a2: paper({ id: 'a2', label: 'A2 (420 × 594 mm)', width: 420, height: 594, viewingDistanceM: 0.8, safeMargin: 15 }),
  a1: paper({ id: 'a1', label: 'A1 (594 × 841 mm)', width: 594, height: 841, viewingDistanceM: 1, safeMargin: 20, wideFormat: true }),
  b1: paper({ id: 'b1', label: 'B1 (700 × 1000 mm)', width: 700, height: 1000, viewingDistanceM: 1.2, safeMargin: 25, wideFormat: true }),
  '50x70': paper({ id: '50x70', label: 'Poster 50 × 70 cm', width: 500, height: 700, viewingDistanceM: 1, safeMargin: 20, wideFormat: true }),
  citylight: paper({
    id: 'citylight',
    label: 'City light poster (1185 × 1750 mm)',
    width: 1185,
    height: 1750,
    viewingDistanceM: 1.5,
    safeMargin: 40,
    wideFormat: true,
  }),
  'billboard-504x238': billboard({ id: 'billboard-504x238', label: 'Billboard 504 × 238 cm', width: 5040, height: 2380, viewingDistanceM: 30 }),
  'billboard-400x300': billboard({ id: 'billboard-400x300', label: 'Billboard 400 × 300 cm', width: 4000, height: 3000, viewingDistanceM: 30 }),
  'billboard-18-1': billboard({ id: 'billboard-18-1', label: 'Billboard 18/1 (356 × 252 cm)', width: 3560, height: 2520, viewingDistanceM: 30 }),
  // A square post is seen in a feed at thumbnail size; a story fills a phone screen and is screenshotted
  // (so it carries the QR code); a link card sits under a shared link, which is the address.
  'social-square': social({ id: 'social-square', label: 'Social post 1080 × 1080 px', width: 1080, height: 1080, shows: { body: false, qr: false } }),
  'social-story': social({ id: 'social-story', label: 'Social story 1080 × 1920 px', width: 1080, height: 1920, shows: { body: true, qr: true } }),
  'social-link': social({ id: 'social-link', label: 'Link card 1200 × 630 px', width: 1200, height: 630, shows: { body: false, qr: false } }),
} as const satisfies Record<string, PrintFormat>;

export type PrintFormatId = keyof typeof printFormats;
export const printFormatIds = Object.keys(printFormats) as PrintFormatId[];

/** Bleed around the trim of posters and billboards, in millimetres of the file (so 30 mm real at 1:10). */
export const bleedMm = 3;

/**
 * Poster templates: named layouts built from these tokens. Both lay out portrait, square and landscape
 * formats; both are flat (solid colours only: no gradients, no transparency).
 */
export const posterTemplates = {
  panel: { description: 'The message reversed out of a brand-blue panel, the call to action on an accent band, the helpline on paper below.' },
  stark: { description: 'Black message on paper with a brand-blue rule, the call to action reversed out of brand blue: for demand reduction.' },
} as const;

export type PosterTemplateId = keyof typeof posterTemplates;
export const posterTemplateIds = Object.keys(posterTemplates) as PosterTemplateId[];

/**
 * Default type sizes of each text box of a poster, in percent of the format's shorter trim side. The
 * copyfitter starts at `max` and shrinks towards `min`; text that does not fit at `min` fails the build.
 * A design may override headline, body and cta.
 */
export const posterTypeSizes = {
  headline: { max: 10, min: 4.6 },
  body: { max: 3.4, min: 2.2 },
  cta: { max: 4.6, min: 2.8 },
  helpline: { max: 8, min: 4 },
  helplineNote: { max: 2.6, min: 1.6 },
  funding: { max: 1.5, min: 1.05 },
} as const;

/**
 * A registered printing condition: the press, paper and process the CMYK values are separated for.
 * Every PDF names it in its PDF/X output intent, so the printer knows what the numbers mean.
 */
export interface PrintingCondition {
  /** `OutputConditionIdentifier`: the condition's name in the ICC registry of characterisation data. */
  identifier: string;
  /** `RegistryName`: the registry that defines the identifier. */
  registryName: string;
  /** `OutputCondition` and `Info`: the condition in words, for the printer. */
  description: string;
  /**
   * An ICC output profile of the condition (path from the repository root) that PDF/X-4 files embed
   * as their `DestOutputProfile`; its provenance is in assets/icc/README.md. Absent: no
   * redistributable profile is known, so PDF/X-4 cannot be made for this condition (PDF/X-1a can).
   */
  profile?: string;
}

/** The printing conditions a campaign can choose (content/campaign.yaml `printing.condition`), by id. */
export const printingConditions = {
  FOGRA39: {
    identifier: 'FOGRA39',
    registryName: 'http://www.color.org',
    description: 'Offset printing on coated paper (ISO 12647-2:2004/Amd 1, paper type 1 or 2), characterised by FOGRA39',
    profile: 'assets/icc/FOGRA39-argyll.icc',
  },
  FOGRA47: {
    identifier: 'FOGRA47',
    registryName: 'http://www.color.org',
    description: 'Offset printing on uncoated white paper (ISO 12647-2:2004/Amd 1, paper type 4), characterised by FOGRA47',
  },
} as const satisfies Record<string, PrintingCondition>;

export type PrintingConditionId = keyof typeof printingConditions;
export const printingConditionIds = Object.keys(printingConditions) as PrintingConditionId[];

/**
 * The PDF/X versions the print files can conform to (content/campaign.yaml `printing.pdfx`, or
 * `--pdfx` on apps/print's CLI): `1a` is PDF/X-1a:2001 (ISO 15930-1: PDF 1.3, CMYK and spot colours
 * only, the condition named by its registered identifier), `4` is PDF/X-4 (ISO 15930-7: PDF 1.6, the
 * output profile embedded, XMP metadata).
 */
export const pdfxVersions = {
  '1a': { label: 'PDF/X-1a:2001', pdfVersion: '1.3' },
  '4': { label: 'PDF/X-4', pdfVersion: '1.6' },
} as const;

export type PdfxVersion = keyof typeof pdfxVersions;
// Listed, not Object.keys(): JavaScript puts the integer-like key '4' first.
export const pdfxVersionIds: PdfxVersion[] = ['1a', '4'];

/** What the print files are made for: the printing condition their CMYK is for, and their PDF/X version. */
export interface Printing {
  condition: PrintingConditionId;
  pdfx: PdfxVersion;
}

/** What the print files are made for when content/campaign.yaml says nothing: FOGRA39, PDF/X-1a. */
export const defaultPrinting: Printing = { condition: 'FOGRA39', pdfx: '1a' };
