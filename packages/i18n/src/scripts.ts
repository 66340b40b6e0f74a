// Scripts: which letters belong to a locale's writing system, and Serbian Latin made from Serbian
// Cyrillic by rule.
import type { FontScript, TransliterationRule } from './locales.ts';

/** A word of a text written in a script other than the locale's. */
export interface ForeignWord {
  word: string;
  /** The letters of the word that are not in the locale's script. */
  letters: string;
}

/** Web and e-mail addresses, which any text may contain: left out of the script check. */
const addressPattern = /(?:https?:\/\/|mailto:)\S+|[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}|(?:[\p{L}\p{N}-]+\.)+(?:[a-z]{2,})(?:\/\S*)?/gu;
/** A word: letters, marks and digits (a hyphen or an apostrophe ends it, so "QR-код" is two words). */
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
const letterPattern = /\p{L}/u;

/**
 * The words of `text` with a letter outside `script` (ISO 15924), e.g. a Latin "c" typed inside a
 * Cyrillic word, or a Cyrillic word in a Latin text. Allowed: the words and names of several words
 * in `allowed` (brand names, organisations' own names and abbreviations the campaign declares in
 * content/locales.yaml), words with a digit (codes and versions such as SHA256SUMS or FOGRA39), and
 * web and e-mail addresses.
 */
export function foreignWords(text: string, script: FontScript, allowed: ReadonlySet<string>): ForeignWord[] {
  const own = new RegExp(`[\\p{Script=${script}}\\p{Script=Common}\\p{Script=Inherited}]`, 'u');
  const out: ForeignWord[] = [];
  // Names of more than one word ("The Smile of the Child", "PROOF — NOT FOR PRINT") are taken out whole, longest first.
  let rest = text.replace(addressPattern, ' ');
  for (const phrase of [...allowed].filter((a) => !/^[\p{L}\p{M}\p{N}]+$/u.test(a)).sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join(' ');
  for (const [word] of rest.matchAll(wordPattern)) {
    if (allowed.has(word) || /\p{N}/u.test(word)) continue;
    const letters = [...word].filter((ch) => letterPattern.test(ch) && !own.test(ch));
    if (letters.length > 0) out.push({ word, letters: [...new Set(letters)].join('') });
  }
  return out;
}

// Serbian Cyrillic to Latin (Vuk's alphabet to Gaj's): one letter each, except љ, њ and џ, which are
// the digraphs lj, nj and dž. A capital digraph is written "Lj" at the start of a word in lower case
// and "LJ" inside a word in capitals.
const serbianLower: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
};
const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

function serbianCyrillicToLatin(text: string): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const lower = ch.toLowerCase();
      const latin = serbianLower[lower];
      if (latin === undefined) return ch;
      if (ch === lower) return latin;
      // A capital: a digraph is all capitals when a neighbouring letter is a capital too (ЉУБАВ → LJUBAV).
      if (latin.length === 1) return latin.toUpperCase();
      const capitals = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !/\p{L}/u.test(chars[i + 1] ?? ''));
      return capitals ? latin.toUpperCase() : (latin[0] as string).toUpperCase() + latin.slice(1);
    })
    .join('');
}

/** `text` written by `rule`: letters the rule knows are replaced, everything else (Latin brand names, digits, markup) is kept. */
export function transliterate(text: string, rule: TransliterationRule): string {
  switch (rule) {
    case 'serbian-cyrillic-to-latin':
      return serbianCyrillicToLatin(text);
  }
}
