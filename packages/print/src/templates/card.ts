import type { CardJob } from '../cards.ts';
import type { DrawnString } from '../glyphs.ts';
import type { FitResult } from '../measure.ts';
import { helplineBlock, type LayoutContext, mark, proofBands, proofText, rowColumns, textBox } from './blocks.ts';
import { div, type El } from './h.ts';

/**
 * A page card (1200 × 630, the Open Graph image of one page): the link card's row layout with the
 * page title in place of a poster's message. Left, on the brand panel: the mark and the page title
 * (copyfitted like a headline, balanced) over the accent rule; below it, on the accent band where a
 * link card has its call to action, the site's domain. Right, on paper: the country's first poster
 * helpline (call label, number, purpose). Proof bands when a fact on it is unverified, as on every
 * social image.
 */
export function layoutCard(ctx: LayoutContext<CardJob>): El {
  const { g, u, scheme, job } = ctx;
  const { m, gutter, leftW, WL, WR, HR } = rowColumns(ctx);

  // The domain on the accent band, where a link card has its call to action: it is where the link goes.
  const host = hostFit(ctx, WL);
  const bandPad = 2.4 * u;
  const bandH = host.height + bandPad + m;
  const help = helplineBlock(ctx, WR, HR);

  const markSize = 4.2 * u;
  const ruleH = Math.max(0.9 * u, 1);
  const ruleGap = 3 * u;
  const available = g.trimH - bandH - m - markSize * 1.25 - 4 * u - ruleH - 2 * ruleGap;
  const h = ctx.range('headline');
  const title = ctx.fit('title', {
    text: job.title,
    weight: 800,
    width: WL,
    height: available,
    maxSize: h.max,
    minSize: h.min,
    lineHeight: 1.1,
    balance: true,
  });

  const left = div(
    { flexDirection: 'column', width: leftW, height: g.canvasH },
    div(
      {
        flexDirection: 'column',
        justifyContent: 'space-between',
        backgroundColor: scheme.message.bg,
        flexGrow: 1,
        paddingTop: m,
        paddingLeft: m,
        paddingRight: gutter,
        paddingBottom: ruleGap,
      },
      mark(ctx, markSize, scheme.message.mark),
      div(
        { flexDirection: 'column', alignItems: 'flex-start' },
        textBox(ctx, { box: 'title', fit: title, weight: 800, colour: scheme.message.headline, lineHeight: 1.1, maxWidth: WL }),
        div({ width: 12 * u, height: ruleH, backgroundColor: scheme.message.rule, marginTop: ruleGap }),
      ),
    ),
    div(
      { flexDirection: 'column', backgroundColor: scheme.cta.bg, height: bandH, paddingTop: bandPad, paddingLeft: m, paddingRight: gutter },
      textBox(ctx, { box: 'url', fit: host, weight: 700, colour: scheme.cta.text, lineHeight: 1.15, maxWidth: WL }),
    ),
  );
  const right = div(
    {
      flexDirection: 'column',
      justifyContent: 'center',
      backgroundColor: scheme.footer.bg,
      width: g.canvasW - leftW,
      height: g.canvasH,
      paddingTop: m,
      paddingBottom: m,
      paddingLeft: gutter,
      paddingRight: m,
    },
    help.el,
  );
  return div(
    { width: g.canvasW, height: g.canvasH, position: 'relative', fontFamily: ctx.m.fonts.familyChain, backgroundColor: scheme.footer.bg },
    div({ flexDirection: 'row', width: g.canvasW, height: g.canvasH }, left, right),
    ...(job.unverified.length > 0 ? proofBands(ctx) : []),
  );
}

/** The site's domain on the accent band, at the call to action's sizes, on one line. */
function hostFit(ctx: LayoutContext<CardJob>, width: number): FitResult {
  const r = ctx.range('cta');
  return ctx.fit('url', {
    text: ctx.job.host,
    weight: 700,
    width,
    height: r.max * 1.15,
    maxSize: r.max,
    minSize: r.min,
    lineHeight: 1.15,
    maxLines: 1,
  });
}

/** Every string a page card draws, with its weight and the content field it comes from: what the glyph check covers. */
export function cardDrawnStrings(card: CardJob): DrawnString[] {
  const country = (field: string) => ({ file: `content/countries/${card.country}.yaml`, field });
  const strings: DrawnString[] = [
    { label: `page "${card.page}" title (${card.source})`, text: card.title, weight: 800, source: { file: card.source, field: 'title' } },
    {
      label: 'interface string helplines.call',
      text: card.labels.call,
      weight: 700,
      source: { file: `content/ui/${card.shownLocale}.yaml`, field: 'strings.helplines.call' },
    },
    { label: 'campaign brand', text: card.brand, weight: 800, source: { file: 'content/campaign.yaml', field: 'brand' } },
    { label: 'site address', text: card.host, weight: 700, source: country('siteUrl') },
    { label: 'proof mark', text: proofText, weight: 800, source: { file: 'packages/print/src/templates/blocks.ts' } },
  ];
  for (const h of card.helplines) {
    strings.push({ label: `helpline ${h.id} number`, text: h.number, weight: 800, source: country('helplines') });
    strings.push({ label: `helpline ${h.id} purpose`, text: h.note, weight: 400, source: country('helplines') });
  }
  return strings;
}
