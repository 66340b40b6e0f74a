import { colours } from '@repo/design';
import satori from 'satori';
import { type CardJob, isCardJob } from '../cards.ts';
import { CopyfitError } from '../errors.ts';
import type { FontSet } from '../fonts.ts';
import { formatById, type Geometry, geometry } from '../geometry.ts';
import type { PrintJob } from '../jobs.ts';
import type { TextMeasurer } from '../measure.ts';
import { qrMatrix, qrPathData, quietZoneModules } from '../qr.ts';
import { LayoutContext, photoSentinel } from '../templates/blocks.ts';
import { layoutCard } from '../templates/card.ts';
import type { El } from '../templates/h.ts';
import { layoutPoster } from '../templates/layout.ts';
import { preparePhoto } from './photo.ts';
import { placeholderBoxes, replacePlaceholders } from './placeholders.ts';
import { detachText, paintText } from './text.ts';

/** Anything the renderer draws: a poster job or a page card. */
export type RenderJob = PrintJob | CardJob;

/** Stands in for the QR symbol in satori's output; replaced by the modules as one path. */
const qrSentinel = '#fe0102';

export interface PosterSvg {
  svg: string;
  geometry: Geometry;
  /** The URL the QR code encodes, when there is one. */
  qrText?: string;
  /** Font size of every text box, by box key (first line), for reports and tests. */
  sizes: Record<string, number>;
}

/** Element tree of a job (poster or page card), without rendering it: geometry, layout, copyfit. Throws CopyfitError. */
export function layoutJob(job: RenderJob, m: TextMeasurer): { el: El; ctx: LayoutContext } {
  if (isCardJob(job)) {
    // A page card is a social image: no bleed, no marks, no QR code.
    const ctx = new LayoutContext(job, geometry(formatById(job.format), { cropMarks: false }), m, undefined);
    return { el: layoutCard(ctx), ctx };
  }
  const g = geometry(formatById(job.format), { cropMarks: job.cropMarks });
  const ctx = new LayoutContext(job, g, m, qrMatrix(job.url));
  return { el: layoutPoster(ctx), ctx };
}

/**
 * satori → SVG of the bleed box. satori lays out the boxes (text taken out first, see text.ts);
 * each line is then drawn as glyph outlines exactly as the copyfitter measured it, every colour a
 * design token, the QR code's modules as one path in ink. A line wider than its box throws: nothing
 * overflows sideways.
 */
export async function renderSvg(job: RenderJob, fonts: FontSet, m: TextMeasurer): Promise<PosterSvg> {
  if (m.fonts !== fonts) throw new Error('renderSvg: the measurer must measure with the same fonts');
  const { el, ctx } = layoutJob(job, m);
  const g = ctx.g;
  const qrSize = ctx.qrSize();
  if (qrSize) {
    // The sentinel sits inside the quiet zone: 4 modules of paper on every side.
    const inner = qrSize.module * (ctx.qr?.size ?? 0);
    const q = findKeyed(el, 'qr');
    if (q) {
      q.props.style = { ...q.props.style, padding: quietZoneModules * qrSize.module };
      q.props.children = [{ type: 'div', props: { style: { display: 'flex', width: inner, height: inner, backgroundColor: qrSentinel } } }];
    }
  }
  const blocks = detachText(el, m);
  const sizes: Record<string, number> = {};
  for (const line of blocks.flatMap((b) => b.lines)) {
    const limit = ctx.lineLimits.get(line.key);
    if (limit !== undefined && line.width > limit + 0.01) {
      throw new CopyfitError(
        ctx.where,
        line.key.split(':')[1] ?? line.key,
        line.text,
        `the line is ${Math.round(line.width)} wide, the box ${Math.round(limit)}`,
      );
    }
    const [, box, index] = line.key.split(':');
    if (box && index === '0') sizes[box] = line.size;
  }

  let svg = await satori(el as never, {
    width: g.canvasW,
    height: g.canvasH,
    // No text is left for satori to draw, so it needs no fonts; hundredths of a unit keep boxes where
    // the layout puts them (satori rounds to whole units by default: 3.5 mm on a 1:10 billboard).
    fonts: [],
    pointScaleFactor: 100,
  });

  if (ctx.qr && qrSize) {
    const qr = ctx.qr;
    if (placeholderBoxes(svg, qrSentinel).length !== 1) throw new Error(`QR code placeholder missing in ${job.key}`);
    svg = replacePlaceholders(svg, qrSentinel, ({ x, y }) => `<path fill="${colours.ink.screen}" d="${qrPathData(qr, x, y, qrSize.module)}"/>`);
  }
  svg = paintText(flatten(svg, job.key), blocks, m);
  if ('photo' in job && job.photo) {
    const [box] = placeholderBoxes(svg, photoSentinel);
    if (!box) throw new Error(`photo placeholder missing in ${job.key}`);
    const k = g.unitsPerRealMm ?? 1;
    const jpeg = await preparePhoto(job.photo, box.width / k, box.height / k);
    svg = replacePlaceholders(
      svg,
      photoSentinel,
      ({ x, y, width, height }) =>
        `<image x="${x}" y="${y}" width="${width}" height="${height}" preserveAspectRatio="none" href="data:image/jpeg;base64,${jpeg.toString('base64')}"/>`,
    );
  }
  return { svg, geometry: g, ...(ctx.qr ? { qrText: ctx.qr.text } : {}), sizes };
}

/** Drops satori's unused overflow masks and refuses anything that would become PDF transparency. */
function flatten(svg: string, key: string): string {
  let out = svg;
  if (!/mask="url\(/.test(out)) out = out.replace(/<mask id="[^"]*">(?:(?!<\/mask>)[\s\S])*<\/mask>/g, '');
  const forbidden = /opacity|Gradient|<mask|clip-path=|<image|<filter|<pattern/.exec(out);
  if (forbidden) {
    throw new Error(`${key}: the template produced "${forbidden[0]}", which becomes PDF transparency or a nested image; print templates must stay flat`);
  }
  return out;
}

function findKeyed(el: El | string, key: string): El | undefined {
  if (typeof el === 'string') return undefined;
  if (el.key === key) return el;
  const kids = el.props.children;
  for (const child of Array.isArray(kids) ? kids : kids ? [kids] : []) {
    const hit = findKeyed(child, key);
    if (hit) return hit;
  }
  return undefined;
}
