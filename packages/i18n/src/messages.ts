// Interface strings are ICU MessageFormat messages: `{name}` for a value, and plural forms such as
// `{files, plural, one {# file} other {# files}}`, with every plural category the language has
// (`Intl.PluralRules`: Slovenian has one, two, few and other; Russian one, few, many and other).
// Parsed by @formatjs/icu-messageformat-parser and formatted by intl-messageformat, whose numbers and
// dates go through `Intl` in the reader's locale.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlPluralCategories, localeInfo, sourceLocale } from './locales.ts';
import type { UiKey, UiStrings } from './strings.ts';

export type { MessageFormatElement };

/** One thing wrong with a message, said for the person who wrote it. */
export interface MessageProblem {
  /** The plural form concerned (`few`), when the problem is one form. */
  form?: string;
  message: string;
  fix: string;
}

/** `<` and `>` are ordinary characters in interface strings: no rich-text tags. */
const parseOptions = { ignoreTag: true } as const;

/** The message's elements, or the syntax error. */
export function parseMessage(text: string): { ast: MessageFormatElement[] } | { error: string } {
  try {
    return { ast: parse(text, parseOptions) };
  } catch (error) {
    // The parser's message is a code such as EXPECT_ARGUMENT_CLOSING_BRACE.
    const code = (error as { message?: string }).message ?? String(error);
    return { error: /^[A-Z_]+$/.test(code) ? code.replace(/_/g, ' ').toLowerCase() : code };
  }
}

/** What a message does with one value: shows it, chooses a plural form by it, or chooses by it (select). */
export type ArgumentKind = 'value' | 'plural' | 'select';

/** The values a message uses, by name. */
export function messageArguments(ast: MessageFormatElement[]): Map<string, ArgumentKind> {
  const out = new Map<string, ArgumentKind>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        if (!out.has(el.value)) out.set(el.value, 'value');
      } else if (el.type === TYPE.plural) {
        out.set(el.value, 'plural');
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        out.set(el.value, 'select');
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return out;
}

/** Each plural element of a message (cardinal or ordinal), with the forms it gives. */
function pluralElements(ast: MessageFormatElement[]): { name: string; ordinal: boolean; forms: string[] }[] {
  const out: { name: string; ordinal: boolean; forms: string[] }[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural) {
        out.push({ name: el.value, ordinal: el.pluralType === 'ordinal', forms: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return out;
}

/** The plural categories a locale's messages must give: the registry's, which the loader checked against Intl. */
export function pluralCategoriesOf(locale: string, ordinal = false): string[] {
  if (ordinal) return new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories;
  try {
    return localeInfo(locale).plurals;
  } catch {
    return intlPluralCategories(locale);
  }
}

/**
 * Everything wrong with a message in `locale`: a syntax error (an unclosed brace), a plural element
 * without every category the language has or with one it does not have, and, when `source` (the
 * English message of the same key) is given, a value the English does not have (a misspelt
 * `{contry}`) or one it has that the translation leaves out.
 */
export function checkMessage(text: string, locale: string, source?: string): MessageProblem[] {
  const parsed = parseMessage(text);
  if ('error' in parsed) {
    return [
      {
        message: `is not a valid message (${parsed.error})`,
        fix: 'close every { with }; write a value as {name} and plural forms as {count, plural, one {…} other {…}}; a literal brace is written between apostrophes',
      },
    ];
  }
  const problems: MessageProblem[] = [];
  for (const plural of pluralElements(parsed.ast)) {
    const needed = pluralCategoriesOf(locale, plural.ordinal);
    const forms = plural.forms.filter((f) => !f.startsWith('='));
    for (const form of needed.filter((c) => !forms.includes(c))) {
      problems.push({
        form,
        message: `gives no "${form}" form for {${plural.name}}: ${locale} needs ${needed.join(', ')}`,
        fix: `add ${form} {…} to the plural of {${plural.name}}`,
      });
    }
    for (const form of forms.filter((f) => !needed.includes(f))) {
      problems.push({
        form,
        message: `gives a "${form}" form for {${plural.name}}, which ${locale} does not have (its forms: ${needed.join(', ')})`,
        fix: `remove ${form} {…}, or use one of ${needed.join(', ')} (or an exact value such as =0)`,
      });
    }
  }
  if (source !== undefined) {
    const own = messageArguments(parsed.ast);
    const english = parseMessage(source);
    const wanted = 'ast' in english ? messageArguments(english.ast) : new Map<string, ArgumentKind>();
    for (const name of own.keys()) {
      if (!wanted.has(name)) {
        problems.push({
          message: `uses {${name}}, which the English message does not have`,
          fix: wanted.size ? `use only ${[...wanted.keys()].map((n) => `{${n}}`).join(', ')}` : 'remove it: the English message has no values',
        });
      }
    }
    for (const name of wanted.keys()) {
      if (!own.has(name))
        problems.push({ message: `leaves out {${name}}, which the English message has`, fix: `put {${name}} where the value belongs in the sentence` });
    }
  }
  return problems;
}

/** Values for a message: text, or numbers (a plural chooses its form by a number, and `#` shows it through Intl). */
export type MessageValues = Record<string, string | number>;

/**
 * Looks up interface strings for one locale, falling back to the source locale's words key by key
 * (formatted with English plural rules then). Messages are compiled once per key. A value the
 * message needs but the caller left out throws, naming key and value: the loader has checked every
 * message, so this is a mistake in the code that calls it.
 */
export function createTranslator(strings: UiStrings, fallback: Record<UiKey, string>, locale: string = sourceLocale) {
  const compiled = new Map<UiKey, IntlMessageFormat>();
  return (key: UiKey, vars: MessageValues = {}): string => {
    let format = compiled.get(key);
    if (!format) {
      const own = strings[key];
      format = new IntlMessageFormat(own ?? fallback[key], own ? locale : sourceLocale, undefined, parseOptions);
      compiled.set(key, format);
    }
    try {
      return String(format.format(vars));
    } catch (error) {
      throw new Error(`Interface string "${key}" (${locale}) could not be formatted with ${JSON.stringify(vars)}: ${(error as Error).message}`);
    }
  };
}

export type Translate = ReturnType<typeof createTranslator>;
