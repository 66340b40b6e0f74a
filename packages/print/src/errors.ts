/**
 * Where a problem is: the design (or, for a page card, the page), language and format it breaks, and
 * the country when known.
 */
export interface PosterWhere {
  design?: string;
  /** A page card: the page id, and the content file its title comes from. */
  page?: string;
  source?: string;
  locale: string;
  format: string;
  country?: string;
}

export function describeWhere(w: PosterWhere): string {
  const what = w.page !== undefined ? `card of page "${w.page}"` : `design "${w.design}"`;
  return `${what}, locale ${w.locale}, format ${w.format}${w.country ? ` (${w.country})` : ''}`;
}

/** A line that cannot fit its box even at the design's minimum size. */
export class CopyfitError extends Error {
  readonly where: PosterWhere;
  readonly box: string;
  readonly text: string;
  constructor(where: PosterWhere, box: string, text: string, reason: string) {
    super(`${describeWhere(where)}: the ${box} does not fit: ${reason}. Text: "${text}". Fix: ${copyfitFix(where, box)}.`);
    this.name = 'CopyfitError';
    this.where = where;
    this.box = box;
    this.text = text;
  }
}

/** Where to shorten the text of a box that does not fit. */
export function copyfitFix(w: PosterWhere, box: string): string {
  const design = `content/posters/${w.design}.yaml`;
  const country = `content/countries/${w.country ?? '<country>'}.yaml`;
  if (w.page !== undefined && box === 'page title') return `shorten title in ${w.source ?? `the page "${w.page}"`}`;
  if (box === 'headline' || box === 'body text' || box === 'call to action') {
    const field = box === 'headline' ? 'headline' : box === 'body text' ? 'body' : 'cta';
    return `shorten lines.${w.locale}.${field} in ${design}, or lower sizes.${field}.min there`;
  }
  if (box === 'message area') return `shorten the headline and body in ${design}, or drop the format ${w.format} from its formats`;
  if (box.startsWith('helpline'))
    return box === 'helpline label'
      ? `shorten helplines.call in content/ui/${w.locale}.yaml`
      : `shorten the purpose (${w.locale}) of the helplines in ${country}`;
  if (box === 'funding statement') return `shorten funding.${w.locale} in content/campaign.yaml`;
  if (box === 'photo credit') return `shorten image.credit in ${design}`;
  if (box === 'web address') return `use a shorter siteUrl in ${country}`;
  if (w.page !== undefined) return 'shorten the text';
  return `shorten the text, or drop the format ${w.format} from ${design}`;
}

/** A photo that cannot print well where a design puts it: too few pixels for its printed size. */
export class AssetError extends Error {
  readonly where: PosterWhere;
  readonly file: string;
  constructor(where: PosterWhere, file: string, problem: string, fix: string) {
    super(`${describeWhere(where)}: the photo ${file} ${problem}. Fix: ${fix}.`);
    this.name = 'AssetError';
    this.where = where;
    this.file = file;
  }
}

/** A character that none of the poster fonts can draw. */
export class GlyphError extends Error {
  readonly locale: string;
  readonly label: string;
  readonly text: string;
  readonly char: string;
  constructor(locale: string, label: string, text: string, char: string) {
    const cp = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `locale ${locale}, ${label}: no poster font has the character "${char}" (${cp}) in "${text}". Fix: replace the character, or add a font that covers it to packages/print/src/fonts.ts.`,
    );
    this.name = 'GlyphError';
    this.locale = locale;
    this.label = label;
    this.text = text;
    this.char = char;
  }
}

/** Several problems found in one pass, so an editor fixes them all at once. */
export class PrintErrors extends Error {
  readonly errors: Error[];
  constructor(errors: Error[], heading: string) {
    super(`${heading}\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'PrintErrors';
    this.errors = errors;
  }
}
