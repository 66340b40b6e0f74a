import satori from 'satori';
import { type CardJob, isCardJob } from '../cards.ts';
import { formatById, type Geometry, geometry } from '../geometry.ts';
import type { PrintJob } from '../jobs.ts';
import type { TextMeasurer } from '../measure.ts';
import { qrMatrix } from '../qr.ts';
import { LayoutContext } from '../templates/blocks.ts';
import { layoutCard } from '../templates/card.ts';
import type { El } from '../templates/h.ts';
import { layoutPoster } from '../templates/layout.ts';

/** Anything the renderer draws: a poster job or a page card. */
export type RenderJob = PrintJob | CardJob;

/** Element tree of a job (poster or page card), without rendering it: geometry, layout, copyfit. Throws CopyfitError. */
export function layoutJob(job: RenderJob, m: TextMeasurer): { el: El; ctx: LayoutContext } {
  const format = formatById(job.format);
  if (isCardJob(job)) {
    // A page card is a social image: no bleed, no marks, no QR code.
    const ctx = new LayoutContext(job, geometry(format, { cropMarks: false }), m, undefined);
    return { el: layoutCard(ctx), ctx };
  }
  const ctx = new LayoutContext(job, geometry(format, { cropMarks: job.cropMarks }), m, format.shows.qr ? qrMatrix(job.url) : undefined);
  return { el: layoutPoster(ctx), ctx };
}

/** A box as satori laid it out: its key (when the template gave it one) and its border box in layout units, from the canvas's top-left corner. */
export interface LaidOutBox {
  key: string | undefined;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * satori as the layout engine: it lays out `el` on the canvas (the bleed box) and reports every
 * element's box through `onNodeDetected`, in tree order (depth first, parents before children). Its
 * SVG is not used. Text blocks reach it as empty boxes of their measured size (render/text.ts), so
 * it needs no fonts; a hundredth of a unit (`pointScaleFactor: 100`) keeps boxes where the layout
 * puts them (satori rounds to whole units by default: 3.5 mm on a 1:10 billboard).
 */
export async function satoriBoxes(el: El, g: Geometry): Promise<LaidOutBox[]> {
  const boxes: LaidOutBox[] = [];
  await satori(el as never, {
    width: g.canvasW,
    height: g.canvasH,
    fonts: [],
    pointScaleFactor: 100,
    onNodeDetected: (node) => {
      boxes.push({
        key: node.key === undefined || node.key === null ? undefined : String(node.key),
        left: node.left,
        top: node.top,
        width: node.width,
        height: node.height,
      });
    },
  });
  return boxes;
}
