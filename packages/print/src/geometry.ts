import { bleedMm, type PrintFormat, type PrintFormatId, printFormats } from '@repo/design';

export const ptPerMm = 72 / 25.4;

/** Crop marks: a gap after the bleed, then the mark; the slug beyond the bleed holds both and a label line. */
export const cropMark = { gapMm: 2, lengthMm: 6, lineWidthPt: 0.25 } as const;
/** Width of the slug (outside the bleed) when crop marks are on. */
export const slugMm = cropMark.gapMm + cropMark.lengthMm + 4;

/**
 * Where everything is on the page. Print formats are laid out in PDF points of the file (so a 1:10
 * billboard file is a tenth of the real size); social images in pixels. The template canvas is the
 * bleed box: its origin is the bleed's top-left corner, the trim starts at (bleed, bleed).
 */
export interface Geometry {
  format: PrintFormat;
  /** `pt` for print files, `px` for social images. */
  unit: 'pt' | 'px';
  /** Trim size in layout units. */
  trimW: number;
  trimH: number;
  /** Bleed in layout units: 3 mm of the file for print, 0 for social. */
  bleed: number;
  /** Slug beyond the bleed (crop marks and label), 0 when marks are off. */
  slug: number;
  /** Canvas (bleed box) size. */
  canvasW: number;
  canvasH: number;
  /** Whole page (media box) size. */
  mediaW: number;
  mediaH: number;
  /** Margin inside the trim that holds no text or code, in layout units. */
  safe: number;
  /** 1 = 1:1; 10 = the file is drawn at 1:10. */
  scale: number;
  /** Layout units per real millimetre (pt per mm ÷ scale); undefined for social images. */
  unitsPerRealMm?: number;
}

export function formatById(id: string): PrintFormat {
  const format = printFormats[id as PrintFormatId] as PrintFormat | undefined;
  if (!format) throw new Error(`Unknown format "${id}". Known formats: ${Object.keys(printFormats).join(', ')}.`);
  return format;
}

export function geometry(format: PrintFormat, options: { cropMarks: boolean }): Geometry {
  // A PNG (a social image) is pixels at its finished size: no bleed, no slug, no marks.
  if (format.output === 'png') {
    return {
      format,
      unit: 'px',
      trimW: format.width,
      trimH: format.height,
      bleed: 0,
      slug: 0,
      canvasW: format.width,
      canvasH: format.height,
      mediaW: format.width,
      mediaH: format.height,
      safe: format.safeMargin,
      scale: 1,
    };
  }
  const k = ptPerMm / format.scale;
  const trimW = format.width * k;
  const trimH = format.height * k;
  const bleed = bleedMm * ptPerMm;
  const slug = options.cropMarks ? slugMm * ptPerMm : 0;
  return {
    format,
    unit: 'pt',
    trimW,
    trimH,
    bleed,
    slug,
    canvasW: trimW + 2 * bleed,
    canvasH: trimH + 2 * bleed,
    mediaW: trimW + 2 * (bleed + slug),
    mediaH: trimH + 2 * (bleed + slug),
    safe: format.safeMargin * k,
    scale: format.scale,
    unitsPerRealMm: k,
  };
}

/** PDF boxes in points, [x0 y0 x1 y1] from the bottom-left corner of the page. */
export function pdfBoxes(g: Geometry) {
  // Unrounded: pdfkit writes every number (the MediaBox too) to six decimals.
  const box = (inset: number) => [inset, inset, g.mediaW - inset, g.mediaH - inset];
  return { media: box(0), bleed: box(g.slug), trim: box(g.slug + g.bleed) };
}
