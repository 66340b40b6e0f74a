import { type ArgsOf, describe, type ErrorArgs, type PrintCode } from '@repo/errors';
import { type PosterWhere, type PrintSource, type TextBox, textBoxes } from './text-boxes.ts';

export type { PosterWhere, PrintSource, TextBox } from './text-boxes.ts';

export function describeWhere(w: PosterWhere): string {
  const what = w.page !== undefined ? `card of page "${w.page}"` : `design "${w.design}"`;
  return `${what}, locale ${w.locale}, format ${w.format}${w.country ? ` (${w.country})` : ''}`;
}

/**
 * A problem that stops a print file from being made, from the catalogue (@repo/errors, group
 * `print`) by `code`. Its message names the content file and field it comes from, then where it
 * shows (design, locale, format and country), what is wrong and the fix.
 */
export class PrintProblem extends Error {
  readonly code: PrintCode;
  readonly args: ErrorArgs;
  readonly source: PrintSource | undefined;
  /** Where it shows, for the message: `design "youth", locale ro, format a4 (md)`. */
  readonly shownAt: string | undefined;
  constructor(code: PrintCode, args: ErrorArgs, source?: PrintSource, shownAt?: string) {
    const { message, hint } = describe(code, args as ArgsOf<typeof code>);
    super(`${[placeOf(source), shownAt && `(${shownAt})`].filter(Boolean).join(' ')}${source || shownAt ? ': ' : ''}${message}. Fix: ${hint}.`);
    this.name = 'PrintProblem';
    this.code = code;
    this.args = args;
    this.source = source;
    this.shownAt = shownAt;
  }
}

const placeOf = (source: PrintSource | undefined) => (source ? `${source.file}${source.field ? ` field "${source.field}"` : ''}` : '');

/** A text box that cannot fit even at the design's minimum size, found by the copyfitter or, late, by the renderer. */
export class CopyfitError extends PrintProblem {
  readonly where: PosterWhere;
  readonly box: TextBox;
  readonly text: string;
  constructor(where: PosterWhere, box: TextBox, text: string, reason: string) {
    const args = { box, label: textBoxes[box].label, reason, text, fix: copyfitFix(where, box) } satisfies ArgsOf<'TextOverflow'>;
    super('TextOverflow', args, textBoxes[box].source(where), describeWhere(where));
    this.name = 'CopyfitError';
    this.where = where;
    this.box = box;
    this.text = text;
  }
}

/** Where to shorten the text of a box that does not fit (the content field, in its file). */
export function copyfitFix(w: PosterWhere, box: TextBox): string {
  return textBoxes[box].fix(w);
}

/** A photo that cannot print well where a design puts it: too few pixels for its printed size. */
export class AssetError extends PrintProblem {
  readonly where: PosterWhere;
  readonly file: string;
  constructor(where: PosterWhere, args: ArgsOf<'PhotoTooSmall'>) {
    super('PhotoTooSmall', args, { file: `content/posters/${args.design}.yaml`, field: 'image.file' }, describeWhere(where));
    this.name = 'AssetError';
    this.where = where;
    this.file = args.file;
  }
}

/** Where a string a print file draws comes from, and where it shows. */
export interface GlyphPlace {
  /** The content file and field the string comes from (none for the template's own words). */
  source?: PrintSource;
  /** Formats (and countries) the string is drawn on: `a4, a3 (md, ro)`. */
  shownOn?: string;
}

/** A character that none of the poster fonts can draw. */
export class GlyphError extends PrintProblem {
  readonly locale: string;
  readonly label: string;
  readonly text: string;
  readonly char: string;
  constructor(locale: string, label: string, text: string, char: string, place: GlyphPlace = {}) {
    super('GlyphMissing', { char, text, label }, place.source, `locale ${locale}${place.shownOn ? `, ${place.shownOn}` : ''}`);
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
    super(`${heading}\n${errors.map((e) => `  - ${'code' in e ? `[${String(e.code)}] ` : ''}${e.message}`).join('\n')}`);
    this.name = 'PrintErrors';
    this.errors = errors;
  }
}
