import { type PosterWhere, type TextBox, textBoxes } from './text-boxes.ts';

export type { PosterWhere, TextBox } from './text-boxes.ts';

export function describeWhere(w: PosterWhere): string {
  const what = w.page !== undefined ? `card of page "${w.page}"` : `design "${w.design}"`;
  return `${what}, locale ${w.locale}, format ${w.format}${w.country ? ` (${w.country})` : ''}`;
}

/** A text box that cannot fit even at the design's minimum size, found by the copyfitter or, late, by the renderer. */
export class CopyfitError extends Error {
  readonly where: PosterWhere;
  readonly box: TextBox;
  readonly text: string;
  constructor(where: PosterWhere, box: TextBox, text: string, reason: string) {
    super(`${describeWhere(where)}: the ${textBoxes[box].label} does not fit: ${reason}. Text: "${text}". Fix: ${copyfitFix(where, box)}.`);
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
