import { coloursCondition, type PrintingConditionId } from '@repo/design';
import { CopyfitError } from '../errors.ts';
import type { Geometry } from '../geometry.ts';
import type { TextMeasurer } from '../measure.ts';
import { quietZoneModules } from '../qr.ts';
import type { El } from '../templates/h.ts';
import type { TextBox } from '../text-boxes.ts';
import { overprints, tokenOf } from './colour.ts';
import type { Artwork, DisplayList, Paint } from './display-list.ts';
import { type LaidOutBox, layoutJob, type RenderJob, satoriBoxes } from './layout.ts';
import { cropMarks, slugLabel } from './marks.ts';
import { preparePhoto } from './photo.ts';
import { childrenOf, detachText, lineRun, type TextLine } from './text.ts';

/** A job drawn: its display list, the page geometry, what its QR code encodes, and the size each text box was set in. */
export interface DrawnJob {
  list: DisplayList;
  geometry: Geometry;
  qrText?: string;
  /** Font size of each text box (its first block), for reports and tests. */
  sizes: Partial<Record<TextBox, number>>;
}

/** Style properties that would paint something other than a flat fill (strokes, shadows, transparency, clipping): print templates may not use them. */
const unflat = /^(border|outline|boxShadow|textShadow|opacity|filter|background(?!Color$)|mask|clipPath|transform|mixBlendMode|overflow)/;

/**
 * Lays out a job and turns it into its display list. The template's element tree (copyfitted by
 * measurement) goes to satori with each text block as an empty box of its measured size; satori
 * reports every box as numbers (`onNodeDetected`); this pass walks the tree with those boxes and
 * emits, in paint order: a rect for each background, the glyph runs of each text block, the QR
 * modules in the `qr` box, the photo in the `photo` box. Every colour is a design token; K100 under
 * `condition` overprints, everything else knocks out. For PDF formats the crop marks and the slug
 * line follow, when the job has crop marks. A line wider than its box throws a CopyfitError naming
 * the box's content field: nothing overflows sideways.
 */
export async function displayList(job: RenderJob, m: TextMeasurer, condition: PrintingConditionId = coloursCondition): Promise<DrawnJob> {
  const { el, ctx } = layoutJob(job, m);
  const g = ctx.g;
  const texts = detachText(el, m);
  const sizes: DrawnJob['sizes'] = {};
  for (const [block, lines] of texts) {
    const { box, maxWidth } = block.props.text as NonNullable<El['props']['text']>;
    for (const line of lines) {
      if (line.width > maxWidth + 0.01) {
        throw new CopyfitError(ctx.where, box, line.text, `the line is ${Math.round(line.width)} wide, the box ${Math.round(maxWidth)}`);
      }
    }
    if (lines[0]) sizes[box] ??= lines[0].size;
  }
  const boxes = boxesOf(el, await satoriBoxes(el, g), job.key);

  let photo: Buffer | undefined;
  const photoBox = [...boxes].find(([node]) => node.key === 'photo')?.[1];
  if ('photo' in job && job.photo) {
    if (!photoBox) throw new Error(`${job.key}: the layout has no photo box for the design's photo`);
    const k = g.unitsPerRealMm ?? 1;
    photo = await preparePhoto(job.photo, photoBox.width / k, photoBox.height / k);
  }

  const paints = new Map<string, Paint>();
  const paint = (screen: string, where: string): Paint => {
    let p = paints.get(screen);
    if (!p) {
      const colour = tokenOf(screen, `${job.key}: ${where}`);
      p = { colour, overprint: overprints(colour, condition) };
      paints.set(screen, p);
    }
    return p;
  };

  const items: Artwork[] = [];
  const draw = (node: El, box: LaidOutBox, lines: TextLine[] | undefined) => {
    const style = node.props.style ?? {};
    const name = `box ${node.key ?? 'without a key'}`;
    for (const property of Object.keys(style)) {
      if (unflat.test(property)) throw new Error(`${job.key}: ${name} has ${property}: print templates stay flat (solid fills of design tokens only)`);
    }
    const bg = style.backgroundColor;
    if (typeof bg === 'string' && box.width > 0 && box.height > 0) {
      items.push({ type: 'rect', x: box.left, y: box.top, width: box.width, height: box.height, paint: paint(bg, name) });
    }
    if (node.key === 'qr' && ctx.qr) {
      const size = ctx.qrSize();
      if (!size) throw new Error(`${job.key}: a QR code without a size`);
      const quiet = quietZoneModules * size.module;
      items.push({
        type: 'qr',
        x: box.left + quiet,
        y: box.top + quiet,
        module: size.module,
        matrix: ctx.qr,
        paint: paint(ctx.scheme.footer.qrInk, 'the QR code'),
      });
    }
    if (node.key === 'photo' && photo) items.push({ type: 'photo', x: box.left, y: box.top, width: box.width, height: box.height, jpeg: photo });
    const text = node.props.text;
    if (text && lines) {
      for (const line of lines) {
        items.push({ ...lineRun(m, line, box.left, box.top + line.top, text.box), paint: paint(line.colour, `the ${text.box} text`) });
      }
    }
  };
  for (const node of paintOrder(el)) draw(node, boxes.get(node) as LaidOutBox, texts.get(node));
  if ('photo' in job && job.photo && !items.some((i) => i.type === 'photo')) throw new Error(`${job.key}: the photo box was not drawn`);
  if (ctx.qr && !items.some((i) => i.type === 'qr')) throw new Error(`${job.key}: the layout has no box for the QR code (key "qr")`);

  const marks = 'cropMarks' in job && job.cropMarks && g.format.output === 'pdf' ? [...cropMarks(g), slugLabel(job, g, m)] : [];
  return { list: { width: g.canvasW, height: g.canvasH, items, marks }, geometry: g, ...(ctx.qr ? { qrText: ctx.qr.text } : {}), sizes };
}

/**
 * Pairs every element of the tree with the box satori laid it out in: satori reports them in tree
 * order, parents first, so the n-th report is the n-th element. A mismatch (a key in the wrong place,
 * a box too many or too few) is a renderer error, not a guess.
 */
function boxesOf(el: El, reported: LaidOutBox[], key: string): Map<El, LaidOutBox> {
  const boxes = new Map<El, LaidOutBox>();
  let next = 0;
  const visit = (node: El) => {
    const box = reported[next++];
    if (!box || box.key !== node.key) {
      throw new Error(`${key}: satori reported ${box ? `box "${box.key}"` : 'no box'} where the layout has element "${node.key}" (element ${next})`);
    }
    boxes.set(node, box);
    for (const child of childrenOf(node)) if (typeof child !== 'string') visit(child);
  };
  visit(el);
  if (next !== reported.length) throw new Error(`${key}: satori reported ${reported.length} boxes for ${next} elements`);
  return boxes;
}

/**
 * The elements in paint order, as satori (and CSS) paints them: in tree order, except that an
 * absolutely positioned element (the proof bands, a billboard's blocks) and what is inside it come
 * after everything in the normal flow, in tree order among themselves.
 */
function paintOrder(el: El): El[] {
  const order: El[] = [];
  const positioned: El[] = [];
  const visit = (node: El) => {
    order.push(node);
    for (const child of childrenOf(node)) {
      if (typeof child === 'string') continue;
      if (child.props.style?.position === 'absolute') positioned.push(child);
      else visit(child);
    }
  };
  visit(el);
  for (let i = 0; i < positioned.length; i++) visit(positioned[i] as El);
  return order;
}
