import { type PosterTemplateId, posterTypeSizes } from '@repo/design';
import type { CardJob } from '../cards.ts';
import { AssetError, CopyfitError, type PosterWhere, type TextBox } from '../errors.ts';
import type { FontWeight } from '../fonts.ts';
import type { Geometry } from '../geometry.ts';
import type { PrintJob } from '../jobs.ts';
import { type FitRequest, type FitResult, fitText, type TextMeasurer } from '../measure.ts';
import { type QrMatrix, qrSymbolMm, quietZoneModules } from '../qr.ts';
import { tokenOf } from '../render/colour.ts';
import { textBoxes } from '../text-boxes.ts';
import { div, type El, keyed } from './h.ts';
import { type Scheme, schemes } from './schemes.ts';

export const proofText = 'PROOF — NOT FOR PRINT';

/** What a layout lays out: a poster job or a page card. */
export type LayoutJob = PrintJob | CardJob;

/** Where a job's problems are, for CopyfitError: its design (or page), locale, format and country. */
export function whereOf(job: LayoutJob): PosterWhere {
  return 'design' in job
    ? { design: job.design, locale: job.locale, format: job.format, country: job.country }
    : { page: job.page, source: job.source, locale: job.locale, format: job.format, country: job.country };
}

/** What a layout needs: the job, the page geometry, a measurer, colours, and the QR code if shown. */
export class LayoutContext<J extends LayoutJob = LayoutJob> {
  readonly job: J;
  readonly where: PosterWhere;
  readonly g: Geometry;
  readonly m: TextMeasurer;
  readonly scheme: Scheme;
  readonly qr: QrMatrix | undefined;
  /** Poster unit: 1 % of the shorter trim side. */
  readonly u: number;
  /** Inset of all text and codes from the trim edge. */
  readonly margin: number;

  constructor(job: J, g: Geometry, m: TextMeasurer, qr: QrMatrix | undefined) {
    this.job = job;
    this.where = whereOf(job);
    this.g = g;
    this.m = m;
    this.scheme = schemes[job.template as PosterTemplateId];
    if (!this.scheme) throw new Error(`Unknown template "${job.template}" in ${'design' in job ? `design ${job.design}` : `the card of page ${job.page}`}.`);
    this.qr = g.format.shows.qr ? qr : undefined;
    this.u = Math.min(g.trimW, g.trimH) / 100;
    this.margin = Math.max(g.safe, 5 * this.u);
  }

  /** The format shows body text (`shows.body` in @repo/design's printFormats). */
  get showBody() {
    return this.g.format.shows.body;
  }

  /** The format shows a QR code (`shows.qr` in @repo/design's printFormats). */
  get showQr() {
    return this.g.format.shows.qr;
  }

  /** Size range of a text box in layout units: the design's override, else the template default. */
  range(box: keyof typeof posterTypeSizes): { max: number; min: number } {
    const sizes: PrintJob['sizes'] = 'sizes' in this.job ? this.job.sizes : {};
    const override = box === 'headline' || box === 'body' || box === 'cta' ? sizes[box] : undefined;
    const r = override ?? posterTypeSizes[box];
    return { max: r.max * this.u, min: r.min * this.u };
  }

  /** Copyfits `text`, or throws a CopyfitError naming design, locale, format and the text. */
  fit(box: TextBox, req: FitRequest): FitResult {
    const result = fitText(req, this.m);
    if ('reason' in result) {
      throw new CopyfitError(this.where, box, req.text, result.reason);
    }
    return result;
  }

  /** Side of the QR code with its quiet zone, and the module size, in layout units. */
  qrSize(): { outer: number; module: number } | undefined {
    if (!this.qr) return undefined;
    const g = this.g;
    const n = this.qr.size;
    let module: number;
    if (g.unitsPerRealMm) {
      module = (qrSymbolMm(g.format.viewingDistanceM) * g.unitsPerRealMm) / n;
    } else {
      // Social images: whole pixels per module, so the code stays crisp.
      module = Math.max(3, Math.round((0.17 * Math.min(g.trimW, g.trimH)) / n));
    }
    return { outer: (n + 2 * quietZoneModules) * module, module };
  }
}

/** Columns of the row layout (billboards, link cards, page cards): a wide left panel and a right column. */
export function rowColumns(ctx: LayoutContext) {
  const { g, u } = ctx;
  const m = ctx.margin;
  const gutter = 4 * u;
  const leftW = Math.round(g.trimW * 0.58);
  return { m, gutter, leftW, WL: leftW - m - gutter, WR: g.trimW - leftW - gutter - m, HR: g.trimH - 2 * m };
}

/** What `textBox` draws: a fitted text in one box, its lines each drawn as given (no re-wrapping). */
export interface TextBoxOptions {
  box: TextBox;
  /** Which of several blocks of one box this is (helpline rows, billboard blocks): only names its element (`text:<box>.<instance>`). */
  instance?: string | number;
  fit: FitResult;
  weight: FontWeight;
  /** A design token's screen colour (a scheme entry). */
  colour: string;
  /** Line height as a multiple of the size, as the text was fitted with. */
  lineHeight: number;
  /** The widest any line may be: a line shaped wider fails the render, naming the box. */
  maxWidth: number;
  /** Extra box style: a top margin, or a fixed width for a column (else the block is as wide as its longest line). */
  style?: { marginTop?: number; width?: number };
}

/**
 * A fitted text as a column of single-line boxes. The renderer hands satori the column as one box of
 * the lines' measured size and draws the lines itself as glyph runs (render/text.ts); the HTML
 * version (html.ts) keeps the lines as text.
 */
export function textBox(ctx: LayoutContext, o: TextBoxOptions): El {
  // A colour that is not a design token is a template error: found while laying out (the preflight), not at render time.
  tokenOf(o.colour, `${ctx.job.key}: the ${textBoxes[o.box].label}`);
  const block = keyed(
    o.instance === undefined ? `text:${o.box}` : `text:${o.box}.${o.instance}`,
    { flexDirection: 'column', alignItems: 'flex-start', ...o.style },
    ...o.fit.lines.map((line, i) =>
      keyed(
        `line:${o.box}:${i}`,
        {
          fontSize: o.fit.size,
          fontWeight: o.weight,
          color: o.colour,
          lineHeight: 1,
          height: o.fit.size * o.lineHeight,
          alignItems: 'center',
          whiteSpace: 'pre',
        },
        line,
      ),
    ),
  );
  block.props.text = { box: o.box, maxWidth: o.maxWidth };
  return block;
}

/**
 * @deprecated The positional form of `textBox`, kept for templates written before it: `key` is a
 * text box (`headline`, `url`…) or one of the old drawing keys (`host`, `helpline-<i>-note`, `proof-top`).
 */
export function textBlock(
  ctx: LayoutContext,
  key: string,
  fit: FitResult,
  weight: FontWeight,
  color: string,
  lineHeight: number,
  maxWidth: number,
  box: { marginTop?: number; width?: number } = {},
): El {
  const row = /^helpline-\d+-(number|note)$/.exec(key)?.[1] as 'number' | 'note' | undefined;
  const named: TextBox = row ? `helpline-${row}` : key.startsWith('proof-') ? 'proof' : key === 'host' ? 'url' : (key as TextBox);
  if (!(named in textBoxes)) throw new Error(`textBlock in a template of ${ctx.job.key}: "${key}" is not a text box (${Object.keys(textBoxes).join(', ')})`);
  return textBox(ctx, { box: named, fit, weight, colour: color, lineHeight, maxWidth, style: box });
}

/** The campaign mark: an accent square and the brand name. Height: 1.25 × size. */
export function mark(ctx: LayoutContext, size: number, color: string): El {
  const fit = ctx.fit('mark', {
    text: ctx.job.brand,
    weight: 800,
    width: ctx.g.trimW,
    height: size * 2,
    maxSize: size,
    minSize: size,
    lineHeight: 1.25,
    maxLines: 1,
  });
  return div(
    { flexDirection: 'row', alignItems: 'center', height: size * 1.25 },
    div({ width: size * 0.8, height: size * 0.8, backgroundColor: ctx.scheme.message.markSquare, marginRight: size * 0.35 }),
    textBox(ctx, { box: 'mark', fit, weight: 800, colour: color, lineHeight: 1.25, maxWidth: ctx.g.trimW }),
  );
}

/**
 * Call label, the first helpline large, its note, then the other poster helplines as rows. All of it
 * shrinks together (in 4 % steps, down to the notes' minimum size) until it fits `maxHeight`.
 */
export function helplineBlock(ctx: LayoutContext, width: number, maxHeight: number): { el: El; height: number } {
  const { job } = ctx;
  const note = ctx.range('helplineNote');
  let last: unknown;
  for (let scale = 1; note.max * scale >= note.min - 0.001; scale *= 0.96) {
    try {
      const block = helplineBlockAt(ctx, width, scale);
      if (block.height <= maxHeight) return block;
      last = new CopyfitError(
        ctx.where,
        'helplines',
        job.helplines.map((h) => `${h.number} ${h.note}`).join(' / '),
        `the ${job.helplines.length} helplines need ${Math.round(block.height)} of height at the smallest size, the box has ${Math.round(maxHeight)}`,
      );
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

function helplineBlockAt(ctx: LayoutContext, width: number, scale: number): { el: El; height: number } {
  const { job, u } = ctx;
  const color = ctx.scheme.footer.text;
  const note = ctx.range('helplineNote');
  const noteMax = Math.max(note.min, note.max * scale);
  const [first, ...rest] = job.helplines;
  if (!first) return { el: div({}), height: 0 };
  const label = ctx.fit('helpline-label', {
    text: job.labels.call,
    weight: 700,
    width,
    height: noteMax * 2,
    maxSize: noteMax,
    minSize: note.min,
    lineHeight: 1.2,
    maxLines: 1,
  });
  const big = ctx.range('helpline');
  // Landscape formats (billboards, link cards) have the height for a larger number.
  const bigMax = Math.max(big.min, big.max * scale * (ctx.g.trimW > ctx.g.trimH * 1.2 ? 1.5 : 1));
  const number = ctx.fit('helpline-number', {
    text: first.number,
    weight: 800,
    width,
    height: bigMax * 2,
    maxSize: bigMax,
    minSize: big.min,
    lineHeight: 1.12,
    maxLines: 1,
  });
  const firstNote = ctx.fit('helpline-note', {
    text: first.note,
    weight: 400,
    width,
    height: noteMax * 1.3 * 4,
    maxSize: noteMax,
    minSize: note.min,
    lineHeight: 1.3,
    maxLines: 4,
  });
  let height = label.height + number.height + firstNote.height;
  const rows: El[] = [];
  // Other numbers: a number column as wide as the widest number, the purpose beside it; every row at
  // the size the longest purpose needs, so the list reads as one.
  let rowSize = firstNote.size;
  const numberColAt = (size: number) => Math.max(0, ...rest.map((h) => ctx.m.width(h.number, 700, size))) + 1.2 * u;
  const fitRow = (text: string, size: number, min: number) =>
    ctx.fit('helpline-note', {
      text,
      weight: 400,
      width: width - numberColAt(size),
      height: size * 1.3 * 4,
      maxSize: size,
      minSize: min,
      lineHeight: 1.3,
      maxLines: 4,
    });
  for (const h of rest) rowSize = Math.min(rowSize, fitRow(h.note, rowSize, note.min).size);
  const numberCol = numberColAt(rowSize);
  rest.forEach((h, i) => {
    const purpose = fitRow(h.note, rowSize, rowSize);
    const numberFit: FitResult = { size: rowSize, lines: [h.number], width: ctx.m.width(h.number, 700, rowSize), height: rowSize * 1.3 };
    const gap = i === 0 ? 1.6 * u * scale : 0.5 * u * scale;
    rows.push(
      div(
        { flexDirection: 'row', marginTop: gap, alignItems: 'flex-start' },
        textBox(ctx, { box: 'helpline-number', fit: numberFit, weight: 700, colour: color, lineHeight: 1.3, maxWidth: numberCol, style: { width: numberCol } }),
        textBox(ctx, { box: 'helpline-note', fit: purpose, weight: 400, colour: color, lineHeight: 1.3, maxWidth: width - numberCol }),
      ),
    );
    height += purpose.height + gap;
  });
  return {
    el: div(
      { flexDirection: 'column', width },
      textBox(ctx, { box: 'helpline-label', fit: label, weight: 700, colour: color, lineHeight: 1.2, maxWidth: width }),
      textBox(ctx, { box: 'helpline-number', fit: number, weight: 800, colour: color, lineHeight: 1.12, maxWidth: width }),
      textBox(ctx, { box: 'helpline-note', fit: firstNote, weight: 400, colour: color, lineHeight: 1.3, maxWidth: width }),
      ...rows,
    ),
    height,
  };
}

/**
 * The QR code's place (the `qr` key: quiet zone included; the modules are drawn into it after
 * layout) with the web address under it, on one line: a web address is never broken. The address
 * keeps to the code's width while it fits there at its minimum size; otherwise the column widens to
 * what it needs at that size, up to `maxWidth`. Returns the column's width with it.
 */
export function qrBlock(ctx: LayoutContext, size: number, maxWidth = size): { el: El; height: number; width: number } {
  const note = ctx.range('helplineNote');
  const request = {
    text: ctx.job.host,
    weight: 700 as const,
    height: note.max * 1.25,
    maxSize: note.max * 0.9,
    minSize: note.min,
    lineHeight: 1.25,
    maxLines: 1,
  };
  // At the minimum size as the copyfitter rounds it (to hundredths).
  const needed = ctx.m.width(ctx.job.host, 700, note.min + 0.01);
  const width = Math.min(maxWidth, Math.max(size, needed));
  const host = ctx.fit('url', { ...request, width });
  return {
    el: div(
      { flexDirection: 'column', width, alignItems: 'flex-start' },
      keyed('qr', { width: size, height: size, backgroundColor: ctx.scheme.footer.qrBg }),
      textBox(ctx, {
        box: 'url',
        fit: host,
        weight: 700,
        colour: ctx.scheme.footer.text,
        lineHeight: 1.25,
        maxWidth: width,
        style: { marginTop: 0.6 * ctx.u },
      }),
    ),
    height: size + 0.6 * ctx.u + host.height,
    width,
  };
}

/** The site's domain alone, for formats without a QR code. */
export function hostBlock(ctx: LayoutContext, width: number): { el: El; height: number } {
  const note = ctx.range('helplineNote');
  const host = ctx.fit('url', {
    text: ctx.job.host,
    weight: 700,
    width,
    height: note.max * 1.4 * 1.25,
    maxSize: note.max * 1.4,
    minSize: note.min,
    lineHeight: 1.25,
    maxLines: 1,
  });
  return { el: textBox(ctx, { box: 'url', fit: host, weight: 700, colour: ctx.scheme.footer.text, lineHeight: 1.25, maxWidth: width }), height: host.height };
}

/** The funding statement, small, in ink. */
export function fundingFit(ctx: LayoutContext<PrintJob>, width: number, maxLines: number): FitResult {
  const r = ctx.range('funding');
  return ctx.fit('funding', {
    text: ctx.job.funding,
    weight: 400,
    width,
    height: r.max * 1.3 * maxLines,
    maxSize: r.max,
    minSize: r.min,
    lineHeight: 1.3,
    maxLines,
  });
}

/** Headline and (where shown) body in the height available: the headline gets most, the body the rest. */
export function message(ctx: LayoutContext<PrintJob>, width: number, available: number): { el: El; height: number } {
  const { job, u, scheme } = ctx;
  const h = ctx.range('headline');
  const b = ctx.range('body');
  const ruleH = Math.max(0.9 * u, 1);
  const ruleGap = 3 * u;
  let lastError: unknown;
  for (const share of ctx.showBody ? [0.62, 0.5, 0.4] : [1]) {
    try {
      const headline = ctx.fit('headline', {
        text: job.lines.headline,
        weight: 800,
        width,
        height: available * share,
        maxSize: h.max,
        minSize: h.min,
        lineHeight: 1.1,
        balance: true,
      });
      const rest = available - headline.height - ruleH - 2 * ruleGap;
      const bodyWidth = Math.min(width, 34 * b.max);
      const body = ctx.showBody
        ? ctx.fit('body', { text: job.lines.body, weight: 400, width: bodyWidth, height: rest, maxSize: b.max, minSize: b.min, lineHeight: 1.35 })
        : undefined;
      const el = div(
        { flexDirection: 'column', alignItems: 'flex-start' },
        textBox(ctx, { box: 'headline', fit: headline, weight: 800, colour: scheme.message.headline, lineHeight: 1.1, maxWidth: width }),
        div({ width: 12 * u, height: ruleH, backgroundColor: scheme.message.rule, marginTop: ruleGap, marginBottom: body ? ruleGap : 0 }),
        body && textBox(ctx, { box: 'body', fit: body, weight: 400, colour: scheme.message.body, lineHeight: 1.35, maxWidth: bodyWidth }),
      );
      return { el, height: headline.height + ruleH + ruleGap + (body ? ruleGap + body.height : 0) };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The call to action, up to two lines. */
export function ctaFit(ctx: LayoutContext<PrintJob>, width: number): FitResult {
  const r = ctx.range('cta');
  return ctx.fit('cta', {
    text: ctx.job.lines.cta,
    weight: 700,
    width,
    height: r.max * 1.15 * 2,
    maxSize: r.max,
    minSize: r.min,
    lineHeight: 1.15,
    maxLines: 2,
    balance: true,
  });
}

/**
 * The proof mark for posters with unverified facts: red bands along the top and bottom edges, in the
 * margin that holds no content, each repeating "PROOF — NOT FOR PRINT" across the whole width.
 */
export function proofBands(ctx: LayoutContext): El[] {
  const { g, u } = ctx;
  const height = g.bleed + Math.max(ctx.margin * 0.85, 4 * u);
  const size = Math.min(3.2 * u, (height - g.bleed) * 0.6);
  const separator = '  •  ';
  const one = ctx.m.width(`${proofText}${separator}`, 800, size);
  const repeats = Math.max(1, Math.floor((g.trimW - 2 * ctx.margin) / one));
  const text = Array.from({ length: repeats }, () => proofText).join(separator);
  const fit = ctx.fit('proof', { text, weight: 800, width: g.trimW, height: size * 1.2, maxSize: size, minSize: size, lineHeight: 1.2, maxLines: 1 });
  return (['top', 'bottom'] as const).map((edge) =>
    div(
      {
        position: 'absolute',
        left: 0,
        [edge]: 0,
        width: g.canvasW,
        height,
        backgroundColor: ctx.scheme.proof.bg,
        alignItems: 'center',
        justifyContent: 'center',
        [edge === 'top' ? 'paddingTop' : 'paddingBottom']: g.bleed,
      },
      textBox(ctx, { box: 'proof', fit, weight: 800, colour: ctx.scheme.proof.text, lineHeight: 1.2, maxWidth: g.trimW }),
    ),
  );
}

/** Lowest effective resolution a photo may print at. */
export const minPhotoDpi = 150;

/**
 * The photo band across the top of a poster, `height` of the trim tall (plus the bleed on three
 * sides). Throws an AssetError when the photo has fewer than 150 pixels per inch at the band's
 * printed size (after cropping to the band's shape).
 */
export function photoBand(ctx: LayoutContext<PrintJob>, height: number): El {
  const { g, job } = ctx;
  const photo = job.photo;
  if (!photo) throw new Error('photoBand without a photo');
  const box = photoSlot(g, height);
  const dpi = Math.min(photo.width / (box.widthMm / 25.4), photo.height / (box.heightMm / 25.4));
  if (dpi < minPhotoDpi) {
    const needW = Math.ceil((box.widthMm / 25.4) * minPhotoDpi);
    const needH = Math.ceil((box.heightMm / 25.4) * minPhotoDpi);
    throw new AssetError(ctx.where, {
      file: `content/${photo.file}`,
      width: photo.width,
      height: photo.height,
      dpi: Math.floor(dpi),
      widthMm: Math.round(box.widthMm),
      heightMm: Math.round(box.heightMm),
      minDpi: minPhotoDpi,
      needWidth: needW,
      needHeight: needH,
      format: g.format.id,
      design: job.design,
    });
  }
  // The renderer puts the cropped photo into this box (the `photo` key) after layout.
  return keyed('photo', { width: box.width, height: box.height });
}

/** The photo's credit line, set like the funding statement (at most two lines). */
export function photoCreditFit(ctx: LayoutContext<PrintJob>, credit: string, width: number): FitResult {
  const r = ctx.range('funding');
  return ctx.fit('credit', { text: credit, weight: 400, width, height: r.max * 1.3 * 2, maxSize: r.max, minSize: r.min, lineHeight: 1.3, maxLines: 2 });
}

/** The photo box of a band `height` tall (trim part): its size in layout units and in real millimetres. */
export function photoSlot(g: Geometry, height: number): { width: number; height: number; widthMm: number; heightMm: number } {
  const k = g.unitsPerRealMm ?? 1;
  return { width: g.canvasW, height: g.bleed + height, widthMm: g.canvasW / k, heightMm: (g.bleed + height) / k };
}
