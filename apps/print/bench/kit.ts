// The kit's two contenders: the PDF alone (job → display list → PDF/X) and the build's own path,
// renderPoster (the same PDF, then the PNG preview).
import { displayList, type FontSet, type PrintJob, proofText, renderPoster, specLine, TextMeasurer, writePdf } from '@repo/print';

/**
 * The kit's PDF alone: the display list from the job, then the PDF/X writer; renderPoster's PDF branch
 * step for step, without the preview (renderPoster always makes one). The bench and its test check
 * that it gives renderPoster's bytes.
 */
export async function kitPdf(job: PrintJob, m: TextMeasurer): Promise<Buffer> {
  if (!job.printing) throw new Error(`${job.key}: not a PDF job`);
  const { list, geometry } = await displayList(job, m, job.printing.condition);
  const proof = job.unverified.length > 0;
  return writePdf(
    list,
    geometry,
    {
      title: `${job.brand}: ${job.title} (${job.design}, ${job.locale}, ${job.format}, ${job.country})${proof ? ` ${proofText}` : ''}`,
      author: job.brand,
      subject: specLine(job),
      keywords: [job.brand, job.design, job.locale, job.format, job.country, proof ? 'proof' : 'release'].join(', '),
      date: new Date(job.date),
    },
    { printing: job.printing, compress: true },
  );
}

/** The build's path: PDF and PNG preview (renderPoster, as apps/print's workers call it). */
export async function kitPdfPreview(job: PrintJob, m: TextMeasurer) {
  return renderPoster(job, { fonts: m.fonts, measurer: m });
}

/**
 * A measurer for one render. The kit's caches, and which of them a timed run may keep:
 * - per process, kept (font- and glyph-level, what Typst and Chromium keep too): the parsed fonts
 *   (`loadFonts`, and HarfBuzz's faces of them in measure.ts), each glyph's compressed PDF stream
 *   (render/pdf.ts) and SVG outline (render/svg.ts), the QR matrix per URL (qr.ts: the other
 *   contenders get the modules ready-made), a photo's crop (render/photo.ts), the ICC profile (X-4);
 * - per TextMeasurer, emptied before every timed render by taking a new one (as Typst's evicted
 *   cache): each word's shaping, each line's, its ink bounds, each text's break opportunities
 *   (typeset.ts).
 * Nothing caches a poster's output: every run lays the job out, copyfits it, builds its display list
 * and writes the PDF (and the preview) again.
 */
export const freshMeasurer = (fonts: FontSet) => new TextMeasurer(fonts);
