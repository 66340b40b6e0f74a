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

/** The content file and field a print problem comes from: `content/posters/youth.yaml`, `lines.ro.headline`. */
export interface PrintSource {
  file: string;
  field?: string;
}

interface TextBoxSpec {
  /** How messages name it: "the headline does not fit". */
  label: string;
  /** What to change when it does not fit: which content field to shorten, in which file. */
  fix: (w: PosterWhere) => string;
  /** The file and field its text comes from (or the template that draws it). */
  source: (w: PosterWhere) => PrintSource;
}

const design = (w: PosterWhere) => `content/posters/${w.design}.yaml`;
const country = (w: PosterWhere) => `content/countries/${w.country ?? '<country>'}.yaml`;
const posterLine = (field: 'headline' | 'body' | 'cta') => (w: PosterWhere) =>
  `shorten lines.${w.locale}.${field} in ${design(w)}, or lower sizes.${field}.min there`;
const orDropFormat = (w: PosterWhere) => (w.design ? `, or drop the format ${w.format} from ${design(w)}` : '');

const lines = (field: string) => (w: PosterWhere) => ({ file: design(w), field: `lines.${w.locale}.${field}` });
const campaign = (field: (w: PosterWhere) => string) => (w: PosterWhere) => ({ file: 'content/campaign.yaml', field: field(w) });
const ofCountry = (field: string) => (w: PosterWhere) => ({ file: country(w), field });
const page = (w: PosterWhere) => w.source ?? `content/pages/${w.locale}/${w.page ?? '<page>'}.mdx`;

/** Every text box: its name in messages, its fix and the field its text comes from. */
export const textBoxes: Record<TextBox, TextBoxSpec> = {
  headline: { label: 'headline', fix: posterLine('headline'), source: lines('headline') },
  body: { label: 'body text', fix: posterLine('body'), source: lines('body') },
  cta: { label: 'call to action', fix: posterLine('cta'), source: lines('cta') },
  'billboard-headline': {
    label: 'billboard headline',
    fix: (w) => `shorten lines.${w.locale}.billboard.headline in ${design(w)}`,
    source: lines('billboard.headline'),
  },
  'billboard-cta': { label: 'billboard call to action', fix: (w) => `shorten lines.${w.locale}.billboard.cta in ${design(w)}`, source: lines('billboard.cta') },
  'funding-short': {
    label: 'short funding statement',
    fix: (w) => `shorten fundingShort.${w.locale} in content/campaign.yaml`,
    source: campaign((w) => `fundingShort.${w.locale}`),
  },
  message: {
    label: 'message area',
    fix: (w) =>
      `shorten lines.${w.locale}.headline, lines.${w.locale}.body or lines.${w.locale}.cta in ${design(w)}, or drop the format ${w.format} from its formats`,
    source: (w) => ({ file: design(w), field: `lines.${w.locale}` }),
  },
  mark: { label: 'campaign mark', fix: (w) => `shorten brand in content/campaign.yaml${orDropFormat(w)}`, source: campaign(() => 'brand') },
  'helpline-label': {
    label: 'helpline label',
    fix: (w) => `shorten helplines.call in content/ui/${w.locale}.yaml`,
    source: (w) => ({ file: `content/ui/${w.locale}.yaml`, field: 'strings.helplines.call' }),
  },
  'helpline-number': {
    label: 'helpline number',
    fix: (w) => `write the number of the helplines in ${country(w)} without words or extensions${orDropFormat(w)}`,
    source: ofCountry('helplines'),
  },
  'helpline-note': {
    label: 'helpline note',
    fix: (w) => `shorten the purpose (${w.locale}) or hours of the helplines in ${country(w)}`,
    source: ofCountry('helplines'),
  },
  helplines: {
    label: 'helpline box',
    fix: (w) => `shorten the purpose (${w.locale}) of the helplines in ${country(w)}, or show fewer of them (onPosters: false)`,
    source: ofCountry('helplines'),
  },
  url: { label: 'web address', fix: (w) => `use a shorter siteUrl in ${country(w)}`, source: ofCountry('siteUrl') },
  funding: { label: 'funding statement', fix: (w) => `shorten funding.${w.locale} in content/campaign.yaml`, source: campaign((w) => `funding.${w.locale}`) },
  credit: { label: 'photo credit', fix: (w) => `shorten image.credit in ${design(w)}`, source: (w) => ({ file: design(w), field: 'image.credit' }) },
  title: { label: 'page title', fix: (w) => `shorten title in ${page(w)}`, source: (w) => ({ file: page(w), field: 'title' }) },
  proof: {
    label: 'proof mark',
    fix: (w) => `the proof mark is the template's own text: widen its band in packages/print/src/templates/blocks.ts${orDropFormat(w)}`,
    source: () => ({ file: 'packages/print/src/templates/blocks.ts' }),
  },
  slug: {
    label: 'slug line',
    fix: () => 'the slug is the renderer’s own text: shorten the design id or widen the slug in packages/print/src/render/marks.ts',
    source: () => ({ file: 'packages/print/src/render/marks.ts' }),
  },
};
