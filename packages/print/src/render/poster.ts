import { bleedMm, colours } from '@repo/design';
import { isCardJob } from '../cards.ts';
import { type FontSet, loadFonts } from '../fonts.ts';
import { formatById, type Geometry, ptPerMm } from '../geometry.ts';
import type { PrintJob } from '../jobs.ts';
import { fitText, TextMeasurer } from '../measure.ts';
import { proofText } from '../templates/blocks.ts';
import { svgToPdf } from './pdf.ts';
import { svgToPng } from './png.ts';
import { type RenderJob, renderSvg } from './svg.ts';
import { GlyphDefs } from './text.ts';

/** Long side of the PNG previews of print files, in pixels. */
export const previewLongSide = 800;

export interface RenderedPoster {
  /** The print file: a PDF for posters and billboards, the PNG itself for social images. */
  file: Buffer;
  fileType: 'pdf' | 'png';
  /** PNG preview of the trim area (for social images: the same bytes as `file`). */
  preview: Buffer;
  geometry: Geometry;
  /** The SVG of the bleed box both were drawn from (the TIFF is rasterised from it too). */
  svg: string;
  /** What the QR code encodes. */
  qrText?: string;
  /** Font size chosen for each text box by the copyfitter. */
  sizes: Record<string, number>;
  /** Time spent in each stage, ms. */
  timings: { svg: number; pdf: number; png: number };
}

export interface RenderOptions {
  fonts?: FontSet;
  measurer?: TextMeasurer;
  /** Uncompressed PDF streams (tests read them back). */
  compressPdf?: boolean;
  previewLongSide?: number;
  /** SVG → PDF engine; see PdfOptions. */
  engine?: 'direct' | 'svg-to-pdfkit';
}

/** One line saying what a file is, for the slug and the PDF's Subject: size, bleed, scale. */
export function specLine(job: Pick<RenderJob, 'format'>): string {
  const f = formatById(job.format);
  if (f.kind === 'social') return `${f.label}, RGB PNG`;
  const scale =
    f.scale === 1
      ? 'scale 1:1'
      : `scale 1:${f.scale}: enlarge ${f.scale * 100} % to ${f.width} × ${f.height} mm; trim in this file ${f.width / f.scale} × ${f.height / f.scale} mm`;
  return `${f.label}, trim ${f.width} × ${f.height} mm, bleed ${bleedMm * f.scale} mm, ${scale}, colours CMYK`;
}

/** Renders one job (a poster or a page card): SVG, then the PDF (print) or PNG (social, cards), then a preview. */
export async function renderPoster(job: RenderJob, options: RenderOptions = {}): Promise<RenderedPoster> {
  const fonts = options.fonts ?? loadFonts();
  const m = options.measurer ?? new TextMeasurer(fonts);
  const t0 = performance.now();
  const { svg, geometry: g, qrText, sizes } = await renderSvg(job, fonts, m);
  const t1 = performance.now();
  if (g.format.kind === 'social' || isCardJob(job)) {
    const png = svgToPng(svg, g);
    const t2 = performance.now();
    return {
      file: png,
      fileType: 'png',
      preview: png,
      geometry: g,
      svg,
      ...(qrText ? { qrText } : {}),
      sizes,
      timings: { svg: t1 - t0, pdf: 0, png: t2 - t1 },
    };
  }
  const proof = job.unverified.length > 0;
  const slugLabel = job.cropMarks ? slugSvg(job, g, m, proof) : undefined;
  const pdf = await svgToPdf(
    svg,
    g,
    {
      title: `${job.brand}: ${job.title} (${job.design}, ${job.locale}, ${job.format}, ${job.country})${proof ? ` ${proofText}` : ''}`,
      author: job.brand,
      subject: specLine(job),
      keywords: [job.brand, job.design, job.locale, job.format, job.country, proof ? 'proof' : 'release'].join(', '),
      date: new Date(job.date),
    },
    { cropMarks: job.cropMarks, compress: options.compressPdf ?? true, engine: options.engine ?? 'direct', ...(slugLabel ? { slugLabel } : {}) },
  );
  const t2 = performance.now();
  const preview = svgToPng(svg, g, options.previewLongSide ?? previewLongSide);
  const t3 = performance.now();
  return { file: pdf, fileType: 'pdf', preview, geometry: g, svg, ...(qrText ? { qrText } : {}), sizes, timings: { svg: t1 - t0, pdf: t2 - t1, png: t3 - t2 } };
}

/** The slug line above the trim: file identity and specification, as outlined text in ink. */
function slugSvg(job: PrintJob, g: Geometry, m: TextMeasurer, proof: boolean) {
  const text = [`${job.brand} ${job.design} ${job.locale} ${job.country}`, specLine(job), job.date.slice(0, 10), proof ? proofText : '']
    .filter(Boolean)
    .join(' · ');
  const width = g.trimW - 12 * ptPerMm;
  const height = 9;
  const fit = fitText({ text, weight: 400, width, height, maxSize: 6, minSize: 3.5, lineHeight: 1.2, maxLines: 1 }, m);
  const size = 'reason' in fit ? 3.5 : fit.size;
  const defs = new GlyphDefs(m);
  const line = defs.draw(text, 400, size, 0, defs.baseline(0, height, size, 400), colours.ink.screen);
  const svg = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${defs.defs()}${line}</svg>`;
  return { svg, width, height };
}
