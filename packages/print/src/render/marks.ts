import { bleedMm } from '@repo/design';
import { cropMark, formatById, type Geometry, ptPerMm } from '../geometry.ts';
import type { PrintJob } from '../jobs.ts';
import { fitText, type TextMeasurer } from '../measure.ts';
import { proofText } from '../templates/blocks.ts';
import type { CropMark, SlugLabel } from './display-list.ts';
import { lineRun } from './text.ts';

/** One line saying what a file is, for the slug and the PDF's Subject: size, bleed, scale. */
export function specLine(job: Pick<PrintJob, 'format'>): string {
  const f = formatById(job.format);
  if (f.output === 'png') return `${f.label}, RGB PNG`;
  const scale =
    f.scale === 1
      ? 'scale 1:1'
      : `scale 1:${f.scale}: enlarge ${f.scale * 100} % to ${f.width} × ${f.height} mm; trim in this file ${f.width / f.scale} × ${f.height / f.scale} mm`;
  return `${f.label}, trim ${f.width} × ${f.height} mm, bleed ${bleedMm * f.scale} mm, ${scale}, colours CMYK`;
}

/**
 * Eight marks at the trim lines, starting 2 mm beyond the bleed, in page coordinates: at each corner
 * a vertical mark above or below it and a horizontal one beside it.
 */
export function cropMarks(g: Geometry): CropMark[] {
  const t0 = g.slug + g.bleed;
  const xs = [t0, g.mediaW - t0];
  const ys = [t0, g.mediaH - t0];
  const start = g.bleed + cropMark.gapMm * ptPerMm;
  const length = cropMark.lengthMm * ptPerMm;
  const marks: CropMark[] = [];
  for (const x of xs) {
    for (const y of ys) {
      const dy = y === ys[0] ? -1 : 1;
      const dx = x === xs[0] ? -1 : 1;
      marks.push({ type: 'crop-mark', from: [x, y + dy * start], to: [x, y + dy * (start + length)], lineWidth: cropMark.lineWidthPt });
      marks.push({ type: 'crop-mark', from: [x + dx * start, y], to: [x + dx * (start + length), y], lineWidth: cropMark.lineWidthPt });
    }
  }
  return marks;
}

/** The slug line above the trim: file identity and specification, outlined, on one line of at most 6 pt. */
export function slugLabel(job: PrintJob, g: Geometry, m: TextMeasurer): SlugLabel {
  const proof = job.unverified.length > 0;
  const text = [`${job.brand} ${job.design} ${job.locale} ${job.country}`, specLine(job), job.date.slice(0, 10), proof ? proofText : '']
    .filter(Boolean)
    .join(' · ');
  const width = g.trimW - 12 * ptPerMm;
  const height = 9;
  const fit = fitText({ text, weight: 400, width, height, maxSize: 6, minSize: 3.5, lineHeight: 1.2, maxLines: 1 }, m);
  const size = 'reason' in fit ? 3.5 : fit.size;
  return {
    type: 'slug',
    x: g.slug + g.bleed + 6 * ptPerMm,
    y: (g.slug - height) / 2,
    width,
    height,
    run: lineRun(m, { text, size, weight: 400, height }, 0, 0, 'slug'),
  };
}
