// Slugs: a page's URL segment in its own language, written in lower-case ASCII so that an address
// stays readable wherever it is shared. A link in native script is percent-encoded by SMS apps,
// messengers and many mail clients (/%CE%B7-%CE%B1%CE%B3%CE%BF%CF%81%CE%AC/), which nobody can read
// or type; a romanised one (/i-agora-vlaptei/) survives. Each language is romanised by its own
// official standard, so a reader recognises the words:
//
// - Greek (el): ELOT 743 (ISO 843), the transcription of Greek passports: η ι υ → i i y, αυ/ευ → av/ev
//   or af/ef (before a voiceless consonant or at the end of a word), μπ → b at the start of a word;
// - Russian (ru): ICAO Doc 9303, as in Russian passports (х kh, ц ts, щ shch, ю iu, я ia);
// - Ukrainian (uk): the Cabinet of Ministers' Resolution No. 55 of 27 January 2010 (KMU 2010: г h,
//   и y, і i, є ie, ю iu, я ia; ye, yi, y, yu, ya at the start of a word; зг zgh);
// - Bulgarian (bg): the Streamlined System of the Transliteration Act 2009 (щ sht, ъ a, ю yu, я ya,
//   -ия at the end of a word ia);
// - Macedonian (mk): the digraph romanisation North Macedonia's authorities use in passports and on
//   road signs (ѓ gj, ж zh, ѕ dz, ќ kj, ц c, ч ch, џ dj, ш sh);
// - Serbian (sr-Cyrl, sr-Latn): the Serbian Latin alphabet (the same rule as `transliterate`), then
//   without diacritics (č ć → c, đ → d, š → s, ž → z), as Serbian, Croatian and Bosnian addresses are
//   written;
// - every language in Latin script (en, ro, sl, hr, bs, sq, hu…): its letters without diacritics
//   (ș → s, ë → e, ç → c, ő → o; đ → d, ß → ss, æ → ae, ø → o, ł → l);
// - another language in Cyrillic or Greek script: the Russian or Greek table above, with the letters
//   of the other Cyrillic alphabets.
//
// A slug stays content: `slugify` makes the suggestion the content check prints; editors shorten it by
// hand (content/pages/<locale>/<page>.mdx `slug`).
import { transliterate } from './scripts.ts';

/** The romanisation a locale's slugs follow (see the comment at the top of this file). */
export type SlugRule = 'elot-743' | 'icao-9303' | 'kmu-2010' | 'bulgarian-streamlined' | 'macedonian-official' | 'serbian-latin' | 'latin';

/** The standard each rule follows, for messages and the README. */
export const slugRuleNames: Record<SlugRule, string> = {
  'elot-743': 'Greek ELOT 743 (ISO 843)',
  'icao-9303': 'Russian ICAO Doc 9303',
  'kmu-2010': 'Ukrainian KMU 2010 (Resolution No. 55)',
  'bulgarian-streamlined': 'Bulgarian Streamlined System (Transliteration Act 2009)',
  'macedonian-official': 'Macedonian official romanisation (digraphs)',
  'serbian-latin': 'Serbian Latin alphabet without diacritics',
  latin: 'the Latin letters without diacritics',
};

const byLanguage: Record<string, SlugRule> = {
  el: 'elot-743',
  ru: 'icao-9303',
  uk: 'kmu-2010',
  bg: 'bulgarian-streamlined',
  mk: 'macedonian-official',
  sr: 'serbian-latin',
};

/** The rule for a BCP 47 tag: by its language, else by its script (Greek, Cyrillic, else Latin). */
export function slugRule(locale: string): SlugRule {
  const tag = new Intl.Locale(locale);
  const rule = byLanguage[tag.language];
  if (rule) return rule;
  const script = tag.maximize().script;
  if (script === 'Grek') return 'elot-743';
  if (script === 'Cyrl') return 'icao-9303';
  return 'latin';
}

/**
 * The slug of `text` (a page title) in `locale`: romanised by the locale's rule, without diacritics,
 * lower case, words joined by hyphens (`"Η αγορά βλάπτει"`, `el` → `i-agora-vlaptei`;
 * `"Як розпізнати вербувальника"`, `uk` → `yak-rozpiznaty-verbuvalnyka`). Digits are kept,
 * apostrophes dropped, everything else separates words. May be empty when `text` has no letter or
 * digit of a known script.
 */
export function slugify(text: string, locale: string): string {
  return romanize(text, locale)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đðþßæœøłıħŧŋ]/g, (ch) => latinSpecial[ch] as string)
    .replace(/['’ʼ‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `text` in Latin letters by the locale's rule (still with diacritics where the rule gives them: Serbian č ć đ). */
export function romanize(text: string, locale: string): string {
  const lower = text.toLocaleLowerCase(locale);
  switch (slugRule(locale)) {
    case 'elot-743':
      return greek(lower);
    case 'serbian-latin':
      return transliterate(lower, 'serbian-cyrillic-to-latin');
    case 'kmu-2010':
      return cyrillic(lower.replace(/зг/g, 'zgh'), ukrainian, ukrainianInitial);
    case 'bulgarian-streamlined':
      return cyrillic(lower.replace(/ия(?!\p{L})/gu, 'ia'), bulgarian);
    case 'macedonian-official':
      return cyrillic(lower, macedonian);
    case 'icao-9303':
      return cyrillic(lower, russian);
    case 'latin':
      return lower;
  }
}

const latinSpecial: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
};

/** Letters every Cyrillic table shares, and the letters of the other alphabets (a Serbian ђ in a Russian text). */
const cyrillicCommon: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  ь: '',
  ђ: 'dj',
  ћ: 'c',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  џ: 'dj',
  ґ: 'g',
  є: 'ie',
  і: 'i',
  ї: 'i',
  ў: 'u',
};

/** ICAO Doc 9303 (Russian passports). */
const russian: Record<string, string> = {
  ...cyrillicCommon,
  ё: 'e',
  й: 'i',
  х: 'kh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** KMU 2010, inside a word. */
const ukrainian: Record<string, string> = {
  ...cyrillicCommon,
  г: 'h',
  ґ: 'g',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  є: 'ie',
  х: 'kh',
  щ: 'shch',
  ю: 'iu',
  я: 'ia',
};
/** KMU 2010, at the start of a word. */
const ukrainianInitial: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** The Streamlined System (Bulgaria's Transliteration Act 2009). */
const bulgarian: Record<string, string> = {
  ...cyrillicCommon,
  й: 'y',
  х: 'h',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};

/** North Macedonia's official digraph romanisation. */
const macedonian: Record<string, string> = {
  ...cyrillicCommon,
  ѓ: 'gj',
  ѕ: 'dz',
  ј: 'j',
  ќ: 'kj',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  џ: 'dj',
  ш: 'sh',
};

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** Letter by letter through `table` (and `initial` at the start of a word); anything else is kept. */
function cyrillic(text: string, table: Record<string, string>, initial: Record<string, string> = {}): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const atStart = !isLetter(chars[i - 1]);
      return (atStart ? initial[ch] : undefined) ?? table[ch] ?? ch;
    })
    .join('');
}

// ELOT 743 (ISO 843), transcription. Accents (tonos) are dropped; a diaeresis keeps two vowels apart
// (ϊ, ϋ: "αϋπνία" → aypnia, not avpnia).
const greekLetters: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};
/** After αυ, ευ, ηυ: f before these (voiceless consonants) and at the end of a word, else v. */
const voiceless = new Set(['θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ']);
const vowelDigraphs: Record<string, string> = { αι: 'ai', ει: 'ei', οι: 'oi', υι: 'yi', ου: 'ou' };
const consonantDigraphs: Record<string, string> = { γγ: 'ng', γκ: 'gk', γξ: 'nx', γχ: 'nch', ντ: 'nt' };

function greek(text: string): string {
  // Each letter without its accent, and whether it carried a diaeresis.
  const letters = [...text.normalize('NFD')].reduce<{ ch: string; diaeresis: boolean }[]>((out, ch) => {
    if (ch === '\u0308' && out.length) (out[out.length - 1] as { diaeresis: boolean }).diaeresis = true;
    else if (!/\p{M}/u.test(ch)) out.push({ ch, diaeresis: false });
    return out;
  }, []);
  const isGreek = (i: number) => letters[i] !== undefined && /\p{Script=Greek}/u.test((letters[i] as { ch: string }).ch);
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const { ch } = letters[i] as { ch: string };
    const next = letters[i + 1];
    const pair = next && !next.diaeresis ? ch + next.ch : '';
    if (vowelDigraphs[pair]) {
      out += vowelDigraphs[pair];
      i++;
    } else if (pair === 'αυ' || pair === 'ευ' || pair === 'ηυ') {
      const after = letters[i + 2];
      out += `${greekLetters[ch]}${!after || !isGreek(i + 2) || voiceless.has(after.ch) ? 'f' : 'v'}`;
      i++;
    } else if (pair === 'μπ') {
      out += isGreek(i - 1) ? 'mp' : 'b';
      i++;
    } else if (consonantDigraphs[pair]) {
      out += consonantDigraphs[pair];
      i++;
    } else {
      out += greekLetters[ch] ?? ch;
    }
  }
  return out;
}
