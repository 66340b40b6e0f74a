import { type ArgsOf, causeKey, count, describe, type ErrorArgs, type PrintCode } from '@repo/errors';
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
  /** What is wrong and the fix, as the catalogue words them. */
  readonly problem: string;
  readonly fix: string;
  constructor(code: PrintCode, args: ErrorArgs, source?: PrintSource, shownAt?: string) {
    const { message, hint } = describe(code, args as ArgsOf<typeof code>);
    super(problemText(source, shownAt ? [shownAt] : [], message, hint));
    this.name = 'PrintProblem';
    this.code = code;
    this.args = args;
    this.source = source;
    this.shownAt = shownAt;
    this.problem = message;
    this.fix = hint;
  }
}

function problemText(source: PrintSource | undefined, shownAt: string[], message: string, hint: string): string {
  const at = shownAt.length ? `(${shownAt.join('; ')})` : '';
  return `${[placeOf(source), at].filter(Boolean).join(' ')}${source || at ? ': ' : ''}${message}. Fix: ${hint}.`;
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

/**
 * Several problems found in one pass, so an editor fixes them all at once: one line per cause. The
 * same cause found in many files (a web address too long for every format of every design that shows
 * it) is one line naming every place it shows, with the figures of the first. `stage` says where they
 * were found, for the heading: "1 problem (reported 60 times) in the print preflight; nothing was written:".
 */
export class PrintErrors extends Error {
  readonly errors: Error[];
  /** How many distinct causes the errors have. */
  readonly causes: number;
  constructor(errors: Error[], stage: string) {
    const lines = printProblemLines(errors);
    const reported = errors.length > lines.length ? ` (reported ${errors.length} times)` : '';
    super(`${count(lines.length, 'problem', 'problems')}${reported} ${stage}; nothing was written:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'PrintErrors';
    this.errors = errors;
    this.causes = lines.length;
  }
}

/** The errors as lines, one per cause (the lines of PrintErrors' message). */
export function printProblemLines(errors: Error[]): string[] {
  const byCause = new Map<string, Error[]>();
  for (const e of errors) {
    const key = e instanceof PrintProblem ? `${e.code}\u0000${causeKey(e.code, e.args)}\u0000${placeOf(e.source)}` : e.message;
    byCause.set(key, [...(byCause.get(key) ?? []), e]);
  }
  return [...byCause.values()].map((same) => {
    const first = same[0] as Error;
    if (!(first instanceof PrintProblem)) return first.message;
    const places = same.length === 1 ? (first.shownAt ? [first.shownAt] : []) : placesOf(same as PrintProblem[]);
    return `[${first.code}] ${problemText(first.source, places, first.problem, first.fix)}`;
  });
}

/**
 * Where problems of one cause show, gathered: formats per design and locale
 * (`design "youth", locale ro: a4, a3 (md, ro)`), pages per locale for page cards
 * (`page cards, locale ro: home, about (ro)`).
 */
function placesOf(problems: PrintProblem[]): string[] {
  const groups = new Map<string, { items: Set<string>; countries: Set<string> }>();
  const others: string[] = [];
  for (const p of problems) {
    const where = 'where' in p ? (p.where as PosterWhere) : undefined;
    if (!where) {
      if (p.shownAt && !others.includes(p.shownAt)) others.push(p.shownAt);
      continue;
    }
    const card = where.page !== undefined;
    const key = `${card ? 'page cards' : `design "${where.design}"`}, locale ${where.locale}`;
    const group = groups.get(key) ?? { items: new Set(), countries: new Set() };
    group.items.add(card ? (where.page as string) : where.format);
    if (where.country) group.countries.add(where.country);
    groups.set(key, group);
  }
  return [...[...groups].map(([key, g]) => `${key}: ${[...g.items].join(', ')}${g.countries.size ? ` (${[...g.countries].join(', ')})` : ''}`), ...others];
}
