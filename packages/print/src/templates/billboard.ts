import { wordsOf } from '@repo/content';
import { CopyfitError, type TextBox } from '../errors.ts';
import type { FontWeight } from '../fonts.ts';
import type { PrintJob } from '../jobs.ts';
import type { FitRequest, FitResult } from '../measure.ts';
import { type LayoutContext, textBox } from './blocks.ts';
import { div, type El, keyed } from './h.ts';

/*
 * Billboards, made for the road: a driver reads 7–10 words in passing. A board shows the design's
 * billboard lines (a headline of at most 7 words, a call to action of at most 5: content/posters,
 * checked by @repo/content's loader), ONE helpline number (the country's first poster helpline), the
 * web address, the campaign mark and the funding statement in its short form (`fundingShort` in
 * content/campaign.yaml): at most 30 words in all. No body text, no helpline table, no photo; a QR
 * code only where the format's viewing distance allows one (`shows.qr` in @repo/design).
 *
 *   ┌───────────────────────────────────────────────┐  message band: mark, headline (balanced)
 *   │ ■ VICTOR                                      │
 *   │ Too good to be true?                          │
 *   │ Check before you go.                          │
 *   ├───────────────────────────────────────────────┤  call-to-action band: the call to action
 *   │ Not sure? Call and ask.     0 800 800 678     │  and the number (side by side, else stacked)
 *   ├───────────────────────────────────────────────┤  footer: the address and the funding line
 *   │ ro.victor-campaign.example   Funded by the …  │  (side by side, else stacked; QR at the right)
 *   └───────────────────────────────────────────────┘
 *
 * Every position is computed here as a number, from the ink of the glyphs (their bounding boxes in
 * the font, for the characters actually set: the circumflex of Î, the comma of Ș, the tails of g, j,
 * у), never from the font's ascender and descender: no ink enters the safe margin.
 */

/**
 * Legibility from a distance. The US Sign Council's legibility index (USSC, "Sign Legibility: Rules
 * of Thumb", 2006; the Penn State / USSC letter visibility chart, 1998) has plain sans-serif capitals
 * read from about 30 feet per inch of letter height in daylight: 25.4 mm per 9.1 m, about 2.8 mm of
 * capital height per metre of distance (the rounder "25 mm per 10 m" rule of thumb is slightly laxer).
 * Every text on a billboard has at least this cap height at the format's viewing distance.
 */
export const capHeightMmPerMetre = 2.8;

/** Smallest cap height, in real millimetres, readable from `distanceM` metres. */
export function minCapHeightMm(distanceM: number): number {
  return capHeightMmPerMetre * distanceM;
}

/** Most words a board may carry, everything it draws counted (the words a driver can take in are fewer: 7–10). */
export const billboardMaxWords = 30;

/** Largest sizes of a billboard's texts, in percent of the shorter trim side; the smallest is the legibility floor. */
export const billboardTypeSizes = {
  headline: 17,
  cta: 8.5,
  number: 12,
  url: 6,
  funding: 4.2,
  mark: 6,
} as const;

/** Ink bounds of a placed text block, in canvas units. */
export interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One text block of a board: what it says, how it is set and where its box and its ink are. */
export interface BillboardText {
  box: TextBox;
  fit: FitResult;
  weight: FontWeight;
  colour: string;
  lineHeight: number;
  /** Widest a line may be (the width it was set in). */
  maxWidth: number;
  /** Top-left corner of the block's box (its first line box), canvas units. */
  x: number;
  y: number;
  ink: InkBox;
}

/** A flat rectangle of a board (bands, the mark's square). */
export interface BillboardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

/** A board as numbers: what the element tree is built from, and what the tests measure. */
export interface BillboardPlan {
  rects: BillboardRect[];
  texts: BillboardText[];
  /** The QR code's box (quiet zone included), where the format shows one. */
  qr?: { x: number; y: number; size: number };
  /** The area inside the safe margin, canvas units. */
  safe: InkBox;
  /** The legibility floor: smallest font size any text may have, layout units. */
  minSize: number;
  /** Every word drawn, in reading order. */
  words: string[];
}

/** A text set for a box of `width`: its ink relative to the block's top-left corner, `shift` right of a negative side bearing. */
interface Placed {
  fit: FitResult;
  ink: InkBox;
  shift: number;
  width: number;
}

/** The element tree of a billboard: flat bands and absolutely placed blocks, from `planBillboard`. */
export function layoutBillboard(ctx: LayoutContext<PrintJob>): El {
  const plan = planBillboard(ctx);
  const { g } = ctx;
  const at = (x: number, y: number) => ({ position: 'absolute', left: x, top: y }) as const;
  const seen = new Map<TextBox, number>();
  return div(
    { position: 'relative', width: g.canvasW, height: g.canvasH, flexShrink: 0 },
    ...plan.rects.map((r) => div({ ...at(r.x, r.y), width: r.width, height: r.height, backgroundColor: r.colour })),
    plan.qr && keyed('qr', { ...at(plan.qr.x, plan.qr.y), width: plan.qr.size, height: plan.qr.size, backgroundColor: ctx.scheme.footer.qrBg }),
    ...plan.texts.map((t) => {
      const n = seen.get(t.box) ?? 0;
      seen.set(t.box, n + 1);
      return div(
        at(t.x, t.y),
        textBox(ctx, {
          box: t.box,
          ...(n > 0 ? { instance: n } : {}),
          fit: t.fit,
          weight: t.weight,
          colour: t.colour,
          lineHeight: t.lineHeight,
          maxWidth: t.maxWidth,
        }),
      );
    }),
  );
}

/**
 * Lays a billboard out as numbers. The type is as large as the board allows, never below the
 * legibility floor of its viewing distance; the call to action, number, address and funding line
 * shrink together (8 % at a time) until the headline fits the height they leave. Throws a
 * CopyfitError naming the box, design, locale, format and the content field to shorten.
 */
export function planBillboard(ctx: LayoutContext<PrintJob>): BillboardPlan {
  const { job, g, m, u, scheme } = ctx;
  const lines = job.lines.billboard;
  if (!lines) throw new Error(`${job.key}: the design has no billboard lines in ${job.locale} (the content loader requires them for billboard formats)`);
  const k = g.unitsPerRealMm;
  if (!k) throw new Error(`${job.key}: billboards are print formats (real millimetres)`);
  const safe: InkBox = { left: g.bleed + g.safe, top: g.bleed + g.safe, right: g.bleed + g.trimW - g.safe, bottom: g.bleed + g.trimH - g.safe };
  const W = safe.right - safe.left;
  const capMm = minCapHeightMm(g.format.viewingDistanceM);
  const floor = (weight: FontWeight) => (capMm * k) / m.capHeight(weight);
  const minSize = Math.max(floor(400), floor(700), floor(800));
  const max = (box: keyof typeof billboardTypeSizes, scale = 1) => Math.max(minSize, billboardTypeSizes[box] * u * scale);
  const gutter = 4 * u;
  const number = job.helplines[0]?.number;

  // At most 30 words, counted before anything is set: the headline and call to action are limited
  // by the loader (7 and 5), the short funding line to 8; the mark, number and address make the rest.
  const words = [job.brand, lines.headline, lines.cta, number ?? '', job.host, job.fundingShort].flatMap(wordsOf);
  if (words.length > billboardMaxWords) {
    const count = (text: string) => wordsOf(text).length;
    throw new CopyfitError(
      ctx.where,
      'funding-short',
      job.fundingShort,
      `the board would carry ${words.length} words, at most ${billboardMaxWords} (mark ${count(job.brand)}, headline ${count(lines.headline)}, call to action ${count(lines.cta)}, number ${count(number ?? '')}, address 1, funding ${count(job.fundingShort)})`,
    );
  }

  /** Sets `req` in a box `width` wide: moved right of a negative side bearing, and narrowed until its ink stays inside the box. */
  const place = (box: TextBox, req: Omit<FitRequest, 'width'>, width: number): Placed => {
    let w = width;
    for (let attempt = 0; ; attempt++) {
      const fit = ctx.fit(box, { ...req, width: w });
      const ink = blockInk(ctx, fit, req.weight, req.lineHeight);
      const shift = Math.max(0, -ink.left);
      const over = shift + ink.right - width;
      if (over <= 0.001 || attempt === 3) {
        if (over > 0.001) throw new CopyfitError(ctx.where, box, req.text, `its ink is ${Math.round(over)} wider than the box`);
        return { fit, ink, shift, width: w };
      }
      w -= over;
    }
  };

  const planAt = (scale: number): BillboardPlan => {
    const texts: BillboardText[] = [];
    const put = (box: TextBox, p: Placed, weight: FontWeight, lineHeight: number, colour: string, x: number, inkTop: number) => {
      const y = inkTop - p.ink.top;
      const bx = x + p.shift;
      const t: BillboardText = {
        box,
        fit: p.fit,
        weight,
        colour,
        lineHeight,
        maxWidth: p.width,
        x: bx,
        y,
        ink: { left: bx + p.ink.left, top: y + p.ink.top, right: bx + p.ink.right, bottom: y + p.ink.bottom },
      };
      texts.push(t);
      return t;
    };
    const inkH = (p: Placed) => p.ink.bottom - p.ink.top;

    // Mark: an accent square and the brand, on one line.
    const markSize = max('mark');
    const square = markSize * 0.72;
    const mark = place(
      'mark',
      { text: job.brand, weight: 800, height: markSize * 2, maxSize: markSize, minSize, lineHeight: 1.2, maxLines: 1, nowrap: true },
      W - square * 1.45,
    );
    const markH = Math.max(square, inkH(mark));

    // Footer: the address (one line, never broken) and the short funding statement; a QR code at the right where shown.
    const qr = ctx.qrSize();
    const footerW = qr ? W - qr.outer - gutter : W;
    const urlReq = {
      text: job.host,
      weight: 700 as const,
      height: max('url', scale) * 2,
      maxSize: max('url', scale),
      minSize,
      lineHeight: 1.2,
      maxLines: 1,
      nowrap: true,
    };
    const fundingReq = (maxLines: number) => ({
      text: job.fundingShort,
      weight: 400 as const,
      height: max('funding', scale) * 1.25 * maxLines,
      maxSize: max('funding', scale),
      minSize,
      lineHeight: 1.25,
      maxLines,
    });
    // Side by side where both fit (the address in at most half the width), else stacked: the address
    // on its own line across the width, the funding line under it.
    let footer: { url: Placed; funding: Placed; side: boolean; height: number } | undefined;
    if (!qr) {
      try {
        const url = place('url', urlReq, W * 0.5);
        const urlW = url.shift + url.ink.right;
        const funding = place('funding-short', fundingReq(2), W - urlW - gutter * 2);
        footer = { url, funding, side: true, height: Math.max(inkH(url), inkH(funding)) };
      } catch (error) {
        if (!(error instanceof CopyfitError)) throw error;
      }
    }
    if (!footer) {
      const url = place('url', urlReq, footerW);
      const funding = place('funding-short', fundingReq(3), footerW);
      footer = { url, funding, side: false, height: inkH(url) + 1.5 * u + inkH(funding) };
    }
    const footerH = Math.max(footer.height, qr?.outer ?? 0);

    // Call-to-action band: the call to action and the number, side by side where they fit, else stacked.
    const ctaReq = (width: number) =>
      place(
        'billboard-cta',
        { text: lines.cta, weight: 700, height: max('cta', scale) * 1.1 * 2, maxSize: max('cta', scale), minSize, lineHeight: 1.1, maxLines: 2, balance: true },
        width,
      );
    const numberAt = (width: number) =>
      number === undefined
        ? undefined
        : place(
            'helpline-number',
            { text: number, weight: 800, height: max('number', scale) * 2, maxSize: max('number', scale), minSize, lineHeight: 1.1, maxLines: 1, nowrap: true },
            width,
          );
    let band: { cta: Placed; number?: Placed; side: boolean; height: number };
    {
      const n = numberAt(W * 0.5);
      const nW = n ? n.shift + n.ink.right : 0;
      let cta: Placed | undefined;
      try {
        cta = ctaReq(W - nW - (n ? gutter * 2 : 0));
      } catch (error) {
        if (!(error instanceof CopyfitError)) throw error;
      }
      if (cta) band = { cta, ...(n ? { number: n } : {}), side: true, height: Math.max(inkH(cta), n ? inkH(n) : 0) };
      else {
        const full = ctaReq(W);
        const nFull = numberAt(W);
        band = { cta: full, ...(nFull ? { number: nFull } : {}), side: false, height: inkH(full) + (nFull ? 2 * u + inkH(nFull) : 0) };
      }
    }
    const bandPad = 4 * u;
    const footerPad = 3.5 * u;
    const markGap = 4 * u;

    // The headline takes the height left between the mark and the call-to-action band.
    const available = safe.bottom - safe.top - markH - markGap - bandPad - band.height - bandPad - footerPad - footerH - bandPad;
    if (available < 2 * minSize) {
      throw new CopyfitError(
        ctx.where,
        'billboard-headline',
        lines.headline,
        `the call to action, number, address and funding line leave ${Math.round(available / k)} mm of the ${Math.round(g.trimH / k)} mm height`,
      );
    }
    const headlineMax = Math.max(minSize, billboardTypeSizes.headline * u);
    let headline: Placed | undefined;
    for (let height = available; !headline; ) {
      const p = place('billboard-headline', { text: lines.headline, weight: 800, height, maxSize: headlineMax, minSize, lineHeight: 1.05, balance: true }, W);
      // Fitted by line boxes; accents and descenders may reach beyond them: fit the ink.
      const over = inkH(p) - available;
      if (over <= 0.001) headline = p;
      else if (height - over < minSize) {
        throw new CopyfitError(
          ctx.where,
          'billboard-headline',
          lines.headline,
          `its ink is ${Math.round(over / k)} mm taller than the ${Math.round(available / k)} mm left for it`,
        );
      } else height -= over;
    }

    // Place from the bottom up: the footer's ink ends on the safe margin, the band above it; the
    // headline sits in the middle of what is left under the mark.
    const footerTop = safe.bottom - footerH;
    const bandBottom = footerTop - footerPad;
    const bandTop = bandBottom - bandPad - band.height - bandPad;
    const markTop = safe.top;
    const headSpace = bandTop - bandPad - (markTop + markH + markGap);
    const headTop = markTop + markH + markGap + Math.max(0, (headSpace - inkH(headline)) / 2);

    const rects: BillboardRect[] = [
      { x: 0, y: 0, width: g.canvasW, height: bandTop, colour: scheme.message.bg },
      { x: 0, y: bandTop, width: g.canvasW, height: bandBottom - bandTop, colour: scheme.cta.bg },
      { x: safe.left, y: markTop + (markH - square) / 2, width: square, height: square, colour: scheme.message.markSquare },
    ];
    put('mark', mark, 800, 1.2, scheme.message.mark, safe.left + square * 1.45, markTop + (markH - inkH(mark)) / 2);
    put('billboard-headline', headline, 800, 1.05, scheme.message.headline, safe.left, headTop);
    const bandInk = bandTop + bandPad;
    if (band.side) {
      put('billboard-cta', band.cta, 700, 1.1, scheme.cta.text, safe.left, bandInk + (band.height - inkH(band.cta)) / 2);
      if (band.number) {
        const nx = safe.right - (band.number.shift + band.number.ink.right);
        put('helpline-number', band.number, 800, 1.1, scheme.cta.text, nx, bandInk + (band.height - inkH(band.number)) / 2);
      }
    } else {
      put('billboard-cta', band.cta, 700, 1.1, scheme.cta.text, safe.left, bandInk);
      if (band.number) put('helpline-number', band.number, 800, 1.1, scheme.cta.text, safe.left, bandInk + inkH(band.cta) + 2 * u);
    }
    const footerInk = footerTop + (footerH - footer.height);
    put('url', footer.url, 700, 1.2, scheme.footer.text, safe.left, footer.side ? footerInk + (footer.height - inkH(footer.url)) : footerInk);
    put(
      'funding-short',
      footer.funding,
      400,
      1.25,
      scheme.footer.text,
      footer.side ? safe.right - (footer.funding.shift + footer.funding.ink.right) : safe.left,
      footer.side ? safe.bottom - inkH(footer.funding) : footerInk + inkH(footer.url) + 1.5 * u,
    );

    const drawn = texts.flatMap((t) => t.fit.lines.flatMap(wordsOf));
    if (drawn.length !== words.length) throw new Error(`${job.key}: the board draws ${drawn.length} words, its texts have ${words.length}`);
    return {
      rects,
      texts,
      ...(qr ? { qr: { x: safe.right - qr.outer, y: safe.bottom - qr.outer, size: qr.outer } } : {}),
      safe,
      minSize,
      words: drawn,
    };
  };

  let lastError: unknown;
  for (let scale = 1; ; scale *= 0.92) {
    const atFloor = max('cta', scale) <= minSize && max('number', scale) <= minSize && max('url', scale) <= minSize && max('funding', scale) <= minSize;
    try {
      return planAt(scale);
    } catch (error) {
      if (!(error instanceof CopyfitError)) throw error;
      lastError = error;
    }
    if (atFloor) throw lastError;
  }
}

/**
 * The ink of a set block relative to its top-left corner: each line's glyph bounding boxes, on the
 * baseline the renderer draws it on (a line box `size × lineHeight` high, the text centred in it by
 * the half-leading model: render/text.ts).
 */
export function blockInk(ctx: LayoutContext, fit: FitResult, weight: FontWeight, lineHeight: number): InkBox {
  const { m } = ctx;
  const lineBox = fit.size * lineHeight;
  let box: InkBox | undefined;
  fit.lines.forEach((line, i) => {
    const baseline = i * lineBox + (lineBox - fit.size) / 2 + fit.size * m.baseline(weight);
    const ink = m.ink(line, weight);
    const b = { left: ink.left * fit.size, right: ink.right * fit.size, top: baseline - ink.top * fit.size, bottom: baseline - ink.bottom * fit.size };
    box = box
      ? { left: Math.min(box.left, b.left), right: Math.max(box.right, b.right), top: Math.min(box.top, b.top), bottom: Math.max(box.bottom, b.bottom) }
      : b;
  });
  return box ?? { left: 0, top: 0, right: 0, bottom: 0 };
}
