// What a translator sees of a unit: its text cut into words to translate and codes to keep
// (XLIFF inline codes). Codes are the values of an interface string (`{country}`, and `#` for the
// number of a plural form) and the components of a page (`<Figure id="…" />`, `<ForCountry …>`).
// A plural interface string becomes one text per plural form of the target language, each the whole
// sentence with that form, so a translator never edits ICU syntax.

import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { UnitSource } from '@repo/content';
import { type MessageFormatElement, parseMessage } from '@repo/i18n';

/** A code the translation must keep: `code` is its text in the content, `kind` what it is. */
export interface Code {
  code: string;
  kind: 'argument' | 'component';
}
/** Text and codes, in order. */
export type Segment = string | Code;

/** Values of a message (`{size}`, `{width, number}`) and the `#` of a plural form. */
const argumentPattern = /\{\s*[\p{L}\p{N}_]+\s*(?:,\s*(?:number|date|time)\s*(?:,[^{}]*)?)?\}|#/gu;
/** Components and HTML in MDX: an opening, closing or self-closing tag. */
const componentPattern = /<\/?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?\s*\/?>|\{[^{}\n]*\}/g;

/** `text` cut into text and codes of the unit's kind. */
export function segmentsOf(unit: Pick<UnitSource, 'kind' | 'id'>, text: string): Segment[] {
  const isBody = unit.kind === 'page' && unit.id.endsWith(':body');
  const pattern = unit.kind === 'ui' ? argumentPattern : isBody ? componentPattern : undefined;
  if (!pattern) return text ? [text] : [];
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ code: m[0], kind: unit.kind === 'ui' ? 'argument' : 'component' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The codes of segments, in order. */
export function codesOf(segments: Segment[]): string[] {
  return segments.filter((s): s is Code => typeof s !== 'string').map((s) => s.code);
}

export function joinSegments(segments: Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.code)).join('');
}

/** A message with one plural element at its top level: the text before and after it, the value and the forms. */
export interface PluralMessage {
  name: string;
  before: MessageFormatElement[];
  after: MessageFormatElement[];
  forms: Map<string, MessageFormatElement[]>;
}

/** The plural of a message, when it has exactly one, at the top level (the shape plural interface strings have). */
export function pluralOf(message: string): PluralMessage | undefined {
  const parsed = parseMessage(message);
  if ('error' in parsed) return undefined;
  const plurals = parsed.ast.map((el, i) => [el, i] as const).filter(([el]) => el.type === 6 && el.pluralType !== 'ordinal');
  if (plurals.length !== 1) return undefined;
  const [el, i] = plurals[0] as [MessageFormatElement & { value: string; options: Record<string, { value: MessageFormatElement[] }> }, number];
  return {
    name: el.value,
    before: parsed.ast.slice(0, i),
    after: parsed.ast.slice(i + 1),
    forms: new Map(Object.entries(el.options).map(([form, option]) => [form, option.value])),
  };
}

/** The whole sentence of one plural form: text before, the form, text after (`# files, ZIP, {size}`). */
export function pluralVariant(plural: PluralMessage, form: string): string | undefined {
  const body = plural.forms.get(form) ?? plural.forms.get('other');
  if (!body) return undefined;
  return printAST([...plural.before, ...body, ...plural.after]);
}

/** One plural message from the whole sentence of each form: `{name, plural, one {…} few {…} other {…}}`. */
export function assemblePlural(name: string, variants: Map<string, string>): string {
  return `{${name}, plural, ${[...variants].map(([form, text]) => `${form} {${text}}`).join(' ')}}`;
}

/** A number that takes plural form `form` in `locale`, for translators' notes (`few`: 3 in Romanian). */
export function exampleNumber(locale: string, form: string): number | undefined {
  const rules = new Intl.PluralRules(locale);
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === form) return n;
  for (const n of [0.5, 1.5, 2.5]) if (rules.select(n) === form) return n;
  return undefined;
}
