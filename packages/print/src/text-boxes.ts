/**
 * The text boxes of a poster or page card: one name each, shared by the copyfitter (`ctx.fit(box, …)`),
 * the templates that draw them (`textBox(ctx, { box, … })`), the display list (every glyph run says
 * its box), the sizes a render reports and the errors: a box that does not fit, early or late, names
 * the content field to shorten.
 */
export type TextBox =
  | 'headline'
  | 'body'
  | 'cta'
  /** A billboard's own headline and call to action (`lines.<locale>.billboard`), and its short funding statement. */
  | 'billboard-headline'
  | 'billboard-cta'
  | 'funding-short'
  /** The headline and body together: the area the layout leaves for them. */
  | 'message'
  | 'mark'
  | 'helpline-label'
  | 'helpline-number'
  | 'helpline-note'
  /** The helplines together: label, numbers and notes in the height the layout leaves for them. */
  | 'helplines'
  | 'url'
  | 'funding'
  | 'credit'
  | 'title'
  | 'proof'
  | 'slug';

/** Where a problem is: the design (or, for a page card, the page), language and format, and the country when known. */
export interface PosterWhere {
  design?: string;
  /** A page card: the page id, and the content file its title comes from. */
  page?: string;
  source?: string;
  locale: string;
  format: string;
  country?: string;
}

interface TextBoxSpec {
  /** How messages name it: "the headline does not fit". */
  label: string;
  /** What to change when it does not fit: which content field to shorten, in which file. */
  fix: (w: PosterWhere) => string;
}

const design = (w: PosterWhere) => `content/posters/${w.design}.yaml`;
const country = (w: PosterWhere) => `content/countries/${w.country ?? '<country>'}.yaml`;
const posterLine = (field: 'headline' | 'body' | 'cta') => (w: PosterWhere) =>
  `shorten lines.${w.locale}.${field} in ${design(w)}, or lower sizes.${field}.min there`;
const orDropFormat = (w: PosterWhere) => (w.design ? `, or drop the format ${w.format} from ${design(w)}` : '');

/** Every text box: its name in messages and its fix. */
export const textBoxes: Record<TextBox, TextBoxSpec> = {
  headline: { label: 'headline', fix: posterLine('headline') },
  body: { label: 'body text', fix: posterLine('body') },
  cta: { label: 'call to action', fix: posterLine('cta') },
  'billboard-headline': { label: 'billboard headline', fix: (w) => `shorten lines.${w.locale}.billboard.headline in ${design(w)}` },
  'billboard-cta': { label: 'billboard call to action', fix: (w) => `shorten lines.${w.locale}.billboard.cta in ${design(w)}` },
  'funding-short': { label: 'short funding statement', fix: (w) => `shorten fundingShort.${w.locale} in content/campaign.yaml` },
  message: {
    label: 'message area',
    fix: (w) =>
      `shorten lines.${w.locale}.headline, lines.${w.locale}.body or lines.${w.locale}.cta in ${design(w)}, or drop the format ${w.format} from its formats`,
  },
  mark: { label: 'campaign mark', fix: (w) => `shorten brand in content/campaign.yaml${orDropFormat(w)}` },
  'helpline-label': { label: 'helpline label', fix: (w) => `shorten helplines.call in content/ui/${w.locale}.yaml` },
  'helpline-number': {
    label: 'helpline number',
    fix: (w) => `write the number of the helplines in ${country(w)} without words or extensions${orDropFormat(w)}`,
  },
  'helpline-note': { label: 'helpline note', fix: (w) => `shorten the purpose (${w.locale}) or hours of the helplines in ${country(w)}` },
  helplines: {
    label: 'helpline box',
    fix: (w) => `shorten the purpose (${w.locale}) of the helplines in ${country(w)}, or show fewer of them (onPosters: false)`,
  },
  url: { label: 'web address', fix: (w) => `use a shorter siteUrl in ${country(w)}` },
  funding: { label: 'funding statement', fix: (w) => `shorten funding.${w.locale} in content/campaign.yaml` },
  credit: { label: 'photo credit', fix: (w) => `shorten image.credit in ${design(w)}` },
  title: { label: 'page title', fix: (w) => `shorten title in ${w.source ?? `content/pages/${w.locale}/${w.page ?? '<page>'}.mdx`}` },
  proof: {
    label: 'proof mark',
    fix: (w) => `the proof mark is the template's own text: widen its band in packages/print/src/templates/blocks.ts${orDropFormat(w)}`,
  },
  slug: { label: 'slug line', fix: () => 'the slug is the renderer’s own text: shorten the design id or widen the slug in packages/print/src/render/marks.ts' },
};
