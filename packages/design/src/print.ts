/**
 * Print design tokens: the formats a poster design can be produced in and the poster templates that
 * exist. Content names them by id (content/posters/*.yaml); @repo/print implements them.
 */

/** What a format is for; it decides bleed, crop marks, output file and which lines a template shows. */
export type FormatKind = 'poster' | 'billboard' | 'social';

export interface PrintFormat {
  /** Id used in content and in output file names, e.g. `a4`, `billboard-18-1`. */
  id: string;
  /** Name printers know it by. */
  label: string;
  kind: FormatKind;
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
   * least a tenth of it wide (the usual 10:1 rule for scanning distance), so 0.5 m gives 50 mm.
   */
  viewingDistanceM: number;
  /** Margin in real millimetres (pixels for social) inside the trim that holds no text or code. */
  safeMargin: number;
}

const paper = (id: string, label: string, width: number, height: number, viewingDistanceM: number, safeMargin: number): PrintFormat => ({
  id,
  label,
  kind: 'poster',
  width,
  height,
  scale: 1,
  viewingDistanceM,
  safeMargin,
});
// Billboards: posted from sheets that overlap and are trimmed by eye, so the safe margin is wide
// (about 5 % of the short side, in real millimetres).
const billboard = (id: string, label: string, width: number, height: number): PrintFormat => ({
  id,
  label,
  kind: 'billboard',
  width,
  height,
  scale: 10,
  viewingDistanceM: 4,
  safeMargin: 120,
});
const social = (id: string, label: string, width: number, height: number): PrintFormat => ({
  id,
  label,
  kind: 'social',
  width,
  height,
  scale: 1,
  viewingDistanceM: 0.4,
  safeMargin: Math.round(Math.min(width, height) * 0.05),
});

/** Every format the kit can produce, by id. */
export const printFormats = {
  a4: paper('a4', 'A4 (210 × 297 mm)', 210, 297, 0.4, 10),
  a3: paper('a3', 'A3 (297 × 420 mm)', 297, 420, 0.5, 12),
  a2: paper('a2', 'A2 (420 × 594 mm)', 420, 594, 0.8, 15),
  a1: paper('a1', 'A1 (594 × 841 mm)', 594, 841, 1, 20),
  b1: paper('b1', 'B1 (700 × 1000 mm)', 700, 1000, 1.2, 25),
  '50x70': paper('50x70', 'Poster 50 × 70 cm', 500, 700, 1, 20),
  citylight: paper('citylight', 'City light poster (1185 × 1750 mm)', 1185, 1750, 1.5, 40),
  'billboard-504x238': billboard('billboard-504x238', 'Billboard 504 × 238 cm', 5040, 2380),
  'billboard-400x300': billboard('billboard-400x300', 'Billboard 400 × 300 cm', 4000, 3000),
  'billboard-18-1': billboard('billboard-18-1', 'Billboard 18/1 (356 × 252 cm)', 3560, 2520),
  'social-square': social('social-square', 'Social post 1080 × 1080 px', 1080, 1080),
  'social-story': social('social-story', 'Social story 1080 × 1920 px', 1080, 1920),
  'social-link': social('social-link', 'Link card 1200 × 630 px', 1200, 630),
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

/** What the print files are made for when content/campaign.yaml says nothing: FOGRA39, PDF/X-1a. */
export const defaultPrinting: { condition: PrintingConditionId; pdfx: PdfxVersion } = { condition: 'FOGRA39', pdfx: '1a' };
