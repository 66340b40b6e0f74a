import { coloursCondition } from '@repo/design';
import { isCardJob } from '../cards.ts';
import { type FontSet, loadFonts } from '../fonts.ts';
import { formatById, type Geometry } from '../geometry.ts';
import { TextMeasurer } from '../measure.ts';
import { proofText } from '../templates/blocks.ts';
import type { TextBox } from '../text-boxes.ts';
import { printingProblems } from './colour.ts';
import type { DisplayList } from './display-list.ts';
import type { RenderJob } from './layout.ts';
import { specLine } from './marks.ts';
import { displayList } from './paint.ts';
import { writePdf } from './pdf.ts';
import { listToPng } from './png.ts';

/** Long side of the PNG previews of print files, in pixels. */
export const previewLongSide = 800;

export interface RenderedPoster {
  /** The print file: a PDF for posters and billboards, the PNG itself for social images. */
  file: Buffer;
  fileType: 'pdf' | 'png';
  /** PNG preview of the trim area (for social images: the same bytes as `file`). */
  preview: Buffer;
  geometry: Geometry;
  /** The display list both were drawn from (apps/print rasterises the TIFF from it too). */
  list: DisplayList;
  /** What the QR code encodes. */
  qrText?: string;
  /** Font size chosen for each text box by the copyfitter (its first block). */
  sizes: Partial<Record<TextBox, number>>;
  /**
   * Time spent in each stage, ms: `svg` the layout (templates, copyfit, satori's boxes) and the
   * display list (the name is the stage's old one, kept for apps/print's totals), `pdf` the PDF
   * writer, `png` the SVG writer and resvg.
   */
  timings: { svg: number; pdf: number; png: number };
}

export interface RenderOptions {
  fonts?: FontSet;
  measurer?: TextMeasurer;
  /** Uncompressed PDF streams (tests read them back). */
  compressPdf?: boolean;
  previewLongSide?: number;
}

/**
 * Renders one job (a poster or a page card): its display list, then from it the PDF/X (PDF formats,
 * in the job's printing condition and PDF/X version) and the PNG preview, or the PNG itself (social
 * images, page cards).
 */
export async function renderPoster(job: RenderJob, options: RenderOptions = {}): Promise<RenderedPoster> {
  const fonts = options.fonts ?? loadFonts();
  const m = options.measurer ?? new TextMeasurer(fonts);
  if (m.fonts !== fonts) throw new Error('renderPoster: the measurer must measure with the same fonts');
  const pdf = formatById(job.format).output === 'pdf';
  const printing = 'printing' in job ? job.printing : undefined;
  if (pdf && !printing) throw new Error(`${job.key}: a PDF job without printing settings (condition, PDF/X version): plan jobs with planJobs()`);
  // Every token without CMYK values for the condition at once, before anything is drawn.
  const problems = printing ? printingProblems(printing) : [];
  if (problems.length) throw new Error(problems.map((e) => e.message).join('\n'));
  const t0 = performance.now();
  const { list, geometry: g, qrText, sizes } = await displayList(job, m, printing?.condition ?? coloursCondition);
  const t1 = performance.now();
  const drawn = { geometry: g, list, ...(qrText ? { qrText } : {}), sizes };
  if (!pdf || !printing || isCardJob(job)) {
    const png = listToPng(list, g);
    return { file: png, fileType: 'png', preview: png, ...drawn, timings: { svg: t1 - t0, pdf: 0, png: performance.now() - t1 } };
  }
  const proof = job.unverified.length > 0;
  const file = await writePdf(
    list,
    g,
    {
      title: `${job.brand}: ${job.title} (${job.design}, ${job.locale}, ${job.format}, ${job.country})${proof ? ` ${proofText}` : ''}`,
      author: job.brand,
      subject: specLine(job),
      keywords: [job.brand, job.design, job.locale, job.format, job.country, proof ? 'proof' : 'release'].join(', '),
      date: new Date(job.date),
    },
    { printing, compress: options.compressPdf ?? true },
  );
  const t2 = performance.now();
  const preview = listToPng(list, g, options.previewLongSide ?? previewLongSide);
  return { file, fileType: 'pdf', preview, ...drawn, timings: { svg: t1 - t0, pdf: t2 - t1, png: performance.now() - t2 } };
}
