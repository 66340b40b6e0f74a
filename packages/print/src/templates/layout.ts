import { CopyfitError } from '../errors.ts';
import type { DrawnString } from '../glyphs.ts';
import type { PrintJob } from '../jobs.ts';
import { layoutBillboard } from './billboard.ts';
import {
  ctaFit,
  fundingFit,
  helplineBlock,
  hostBlock,
  type LayoutContext,
  mark,
  message,
  photoBand,
  photoCreditFit,
  proofBands,
  proofText,
  qrBlock,
  rowColumns,
  textBox,
} from './blocks.ts';
import { div, type El } from './h.ts';

/**
 * Lays out a poster: portrait and square formats as a column (message, call-to-action band, helpline
 * footer); landscape formats (billboards, link cards) as a row (message left, helpline right).
 * Returns the element tree for satori; the QR code's modules are drawn into its keyed box afterwards.
 */
export function layoutPoster(ctx: LayoutContext<PrintJob>): El {
  const { g } = ctx;
  const content = g.format.kind === 'billboard' ? layoutBillboard(ctx) : g.trimW / g.trimH > 1.2 ? row(ctx) : column(ctx);
  return div(
    { width: g.canvasW, height: g.canvasH, position: 'relative', fontFamily: ctx.m.fonts.familyChain, backgroundColor: ctx.scheme.footer.bg },
    content,
    ...(ctx.job.unverified.length > 0 ? proofBands(ctx) : []),
  );
}

function column(ctx: LayoutContext<PrintJob>): El {
  const { g, u, scheme, job } = ctx;
  const b = g.bleed;
  const m = ctx.margin;
  const W = g.trimW - 2 * m;
  const qr = ctx.qrSize();
  const gap = 3 * u;

  // Footer: helplines left, QR code right, funding statement across the bottom.
  // Without a QR code the domain takes its place, on the right.
  const qrCol = qr ? qrBlock(ctx, qr.outer, W * 0.45) : undefined;
  const sideW = qrCol ? qrCol.width : Math.round(W * 0.34);
  const leftW = W - sideW - gap;
  const funding = fundingFit(ctx, W, 4);
  const credit = job.photo ? photoCreditFit(ctx, job.photo.credit, W) : undefined;
  const side = qrCol ?? hostBlock(ctx, sideW);
  const footerTop = 3.5 * u;
  const fundingGap = 2.5 * u;
  const help = helplineBlock(ctx, leftW, g.trimH * 0.32);
  const footerBody = Math.max(help.height, side.height);
  const creditGap = u;
  const footerH = footerTop + footerBody + fundingGap + funding.height + (credit ? creditGap + credit.height : 0) + m;

  const cta = ctaFit(ctx, W);
  const ctaPad = 2.4 * u;
  const ctaH = cta.height + 2 * ctaPad;

  const markSize = 4.2 * u;
  // A photo takes up to 28 % of the height, and never more than a third of what the footer and the call
  // to action leave: the message keeps the rest.
  const photoH = job.photo ? Math.round(Math.min(g.trimH * 0.28, (g.trimH - footerH - ctaH) / 3)) : 0;
  const photo = photoH > 0 ? photoBand(ctx, photoH) : undefined;
  const messageH = g.trimH - footerH - ctaH - photoH;
  const available = messageH - m - markSize * 1.25 - 5 * u - 3.5 * u;
  if (available < g.trimH * 0.15) {
    throw new CopyfitError(
      ctx.where,
      'message',
      job.lines.headline,
      `the ${photo ? 'photo, ' : ''}helplines, QR code and funding statement leave only ${Math.round(available)} of ${Math.round(g.trimH)} for the message`,
    );
  }
  const msg = message(ctx, W, available);

  // The photo, when there is one, takes the top bleed; the message panel starts below it.
  const top = photo ? 0 : b;
  return div(
    { flexDirection: 'column', width: g.canvasW, height: g.canvasH },
    photo,
    div(
      {
        flexDirection: 'column',
        justifyContent: 'space-between',
        backgroundColor: scheme.message.bg,
        height: top + messageH,
        paddingTop: top + m,
        paddingLeft: b + m,
        paddingRight: b + m,
        paddingBottom: 3.5 * u,
      },
      mark(ctx, markSize, scheme.message.mark),
      msg.el,
    ),
    div(
      { flexDirection: 'column', justifyContent: 'center', backgroundColor: scheme.cta.bg, height: ctaH, paddingLeft: b + m, paddingRight: b + m },
      textBox(ctx, { box: 'cta', fit: cta, weight: 700, colour: scheme.cta.text, lineHeight: 1.15, maxWidth: W }),
    ),
    div(
      { flexDirection: 'column', backgroundColor: scheme.footer.bg, height: footerH + b, paddingTop: footerTop, paddingLeft: b + m, paddingRight: b + m },
      div({ flexDirection: 'row', justifyContent: 'space-between', height: footerBody }, help.el, side.el),
      textBox(ctx, { box: 'funding', fit: funding, weight: 400, colour: scheme.footer.text, lineHeight: 1.3, maxWidth: W, style: { marginTop: fundingGap } }),
      credit &&
        textBox(ctx, { box: 'credit', fit: credit, weight: 400, colour: scheme.footer.text, lineHeight: 1.3, maxWidth: W, style: { marginTop: creditGap } }),
    ),
  );
}

function row(ctx: LayoutContext<PrintJob>): El {
  const { g, u, scheme, job } = ctx;
  const b = g.bleed;
  const { m, gutter, leftW, WL, WR, HR } = rowColumns(ctx);
  const qr = ctx.qrSize();

  // Right column: helplines at the top; QR code with the address and funding statement at the bottom.
  const qrCol = qr ? qrBlock(ctx, qr.outer, WR * 0.6) : undefined;
  const besideQr = qrCol ? WR - qrCol.width - 2 * u : WR;
  const funding = fundingFit(ctx, besideQr, 7);
  // Without a QR code (link cards) the domain stands alone above the funding statement.
  const host = qr ? undefined : hostBlock(ctx, WR);
  const bottomH = Math.max(qrCol?.height ?? 0, funding.height + (host ? host.height + 2 * u : 0));
  const help = helplineBlock(ctx, WR, HR - bottomH - 3 * u);

  // Left panel: mark and message, the call to action on a band along the bottom.
  const cta = ctaFit(ctx, WL);
  const ctaPad = 2.4 * u;
  const ctaH = cta.height + ctaPad + m;
  const markSize = 4.2 * u;
  const available = g.trimH - ctaH - m - markSize * 1.25 - 4 * u - 3 * u;
  if (available < g.trimH * 0.2) {
    throw new CopyfitError(
      ctx.where,
      'message',
      job.lines.cta,
      `the call to action leaves only ${Math.round(available)} of ${Math.round(g.trimH)} for the headline`,
    );
  }
  const msg = message(ctx, WL, available);

  const left = div(
    { flexDirection: 'column', width: b + leftW, height: g.canvasH },
    div(
      {
        flexDirection: 'column',
        justifyContent: 'space-between',
        backgroundColor: scheme.message.bg,
        flexGrow: 1,
        paddingTop: b + m,
        paddingLeft: b + m,
        paddingRight: gutter,
        paddingBottom: 3 * u,
      },
      mark(ctx, markSize, scheme.message.mark),
      msg.el,
    ),
    div(
      { flexDirection: 'column', backgroundColor: scheme.cta.bg, height: ctaH + b, paddingTop: ctaPad, paddingLeft: b + m, paddingRight: gutter },
      textBox(ctx, { box: 'cta', fit: cta, weight: 700, colour: scheme.cta.text, lineHeight: 1.15, maxWidth: WL }),
    ),
  );
  const right = div(
    {
      flexDirection: 'column',
      justifyContent: 'space-between',
      backgroundColor: scheme.footer.bg,
      width: g.canvasW - b - leftW,
      height: g.canvasH,
      paddingTop: b + m,
      paddingBottom: b + m,
      paddingLeft: gutter,
      paddingRight: b + m,
    },
    help.el,
    div(
      { flexDirection: 'row', alignItems: 'flex-end' },
      qrCol?.el,
      div(
        { flexDirection: 'column', marginLeft: qr ? 2 * u : 0 },
        host && div({ marginBottom: 2 * u }, host.el),
        textBox(ctx, { box: 'funding', fit: funding, weight: 400, colour: scheme.footer.text, lineHeight: 1.3, maxWidth: besideQr }),
      ),
    ),
  );
  return div({ flexDirection: 'row', width: g.canvasW, height: g.canvasH }, left, right);
}

/** Every string a poster draws, with its weight and the content field it comes from: what the glyph check covers. */
export function drawnStrings(job: PrintJob): DrawnString[] {
  const design = `content/posters/${job.design}.yaml`;
  const lines = (field: string) => ({ file: design, field: `lines.${job.locale}.${field}` });
  const campaign = (field: string) => ({ file: 'content/campaign.yaml', field });
  const country = (field: string) => ({ file: `content/countries/${job.country}.yaml`, field });
  const strings: DrawnString[] = [
    { label: `design "${job.design}" headline`, text: job.lines.headline, weight: 800, source: lines('headline') },
    { label: `design "${job.design}" body`, text: job.lines.body, weight: 400, source: lines('body') },
    { label: `design "${job.design}" call to action`, text: job.lines.cta, weight: 700, source: lines('cta') },
    {
      label: 'interface string helplines.call',
      text: job.labels.call,
      weight: 700,
      source: { file: `content/ui/${job.locale}.yaml`, field: 'strings.helplines.call' },
    },
    { label: 'campaign brand', text: job.brand, weight: 800, source: campaign('brand') },
    { label: 'campaign funding statement', text: job.funding, weight: 400, source: campaign(`funding.${job.locale}`) },
    { label: 'site address', text: job.host, weight: 700, source: country('siteUrl') },
    { label: 'proof mark', text: proofText, weight: 800, source: { file: 'packages/print/src/templates/blocks.ts' } },
    // The slug line outside the trim: identity and specification, in English.
    {
      label: 'slug line',
      text: `${job.design} ${job.country} ${job.locale} × — · % : ( ) 0123456789 PROOF`,
      weight: 400,
      source: { file: 'packages/print/src/render/marks.ts' },
    },
  ];
  if (job.photo)
    strings.push({ label: `design "${job.design}" image.credit`, text: job.photo.credit, weight: 400, source: { file: design, field: 'image.credit' } });
  if (job.lines.billboard) {
    strings.push({ label: `design "${job.design}" billboard headline`, text: job.lines.billboard.headline, weight: 800, source: lines('billboard.headline') });
    strings.push({ label: `design "${job.design}" billboard call to action`, text: job.lines.billboard.cta, weight: 700, source: lines('billboard.cta') });
    strings.push({ label: 'campaign short funding statement', text: job.fundingShort, weight: 400, source: campaign(`fundingShort.${job.locale}`) });
  }
  for (const h of job.helplines) {
    strings.push({ label: `helpline ${h.id} number`, text: h.number, weight: 800, source: country('helplines') });
    strings.push({ label: `helpline ${h.id} number`, text: h.number, weight: 700, source: country('helplines') });
    strings.push({ label: `helpline ${h.id} purpose`, text: h.note, weight: 400, source: country('helplines') });
  }
  return strings;
}
