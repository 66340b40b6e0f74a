// Phone numbers in the texts the public reads. Only the helplines a country's file lists (with their
// source) may be shown to its readers, so the loader looks for anything that reads as a phone number
// in every text of every locale, and in a helpline record checks that what is shown (`number`) and
// what is dialled (`e164`) are the same line.
//
// Detection is deliberately narrow, so that years, figures, dates and article numbers rarely trip it
// (a count that is also an emergency number, "112 victims", does: the fix says how to write it):
// - international: "+" then at least 6 digits, grouped by spaces, hyphens, dots or parentheses
//   (`+40 21 555 1234`, `+373 (22) 23 33 09`);
// - national with its trunk 0: at least 6 digits in groups separated by spaces or hyphens
//   (`0 800 500 500`, `0722-000-000`), or at least 9 digits written together (`0722000000`: shorter
//   runs led by 0 are postcodes and codes);
// - national without a trunk prefix (Greece: `210 555 0000`): three or more groups of digits
//   separated by spaces or hyphens, at least 8 digits, not grouped in thousands like a quantity
//   (`12 000 000`) and not shaped like a date (`2024-01-15`, `15 01 2024`);
// - the EU harmonised numbers: 116 xxx and 112, complete at a group boundary ("116 000 24/7").
// A run of digit groups that is not a number as a whole (a number, then the hours) is read as the
// longest start of it that is one. Short national codes (119, 1109, 1547) are left alone: in running text they cannot be told from a
// year or a quantity. libphonenumber-js (not a dependency) is not used: it has no short numbers (116 000,
// 112), and it reads a national number only for one region at a time, while one text is shown in
// several countries; what is wanted here is a rule an editor can predict, not validity. Its metadata
// does give each country's calling code, which the number/e164 check needs (callingCode).
import { type CountryCode, getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';

/** A phone number found in a text: as written, and where it starts (a character offset). */
export interface PhoneMention {
  number: string;
  index: number;
}

/** Digit groups joined by single separators (space, no-break space, line break, hyphen, dot), optionally after "+". */
const candidatePattern = /(\+[ \u00a0]?)?(?:\(\d+\)|\d+)(?:[ \u00a0\t\r\n.-]?(?:\(\d+\)|\d+))*/g;
/** What may not stand right before a number: it is part of a word, an address, a time, a decimal or a longer number. */
const gluedBefore = /[\p{L}\p{N}\p{M}_/@#&=?:.,+-]/u;
/** A colon after a label ("Tel:0722 000 000", "Tel.:…") does not glue; after a digit it is a time. */
const labelColon = /[\p{L}.]:$/u;
/** What may not stand right after it: a letter or digit, or a dot, hyphen, @ or slash before one (`080020100.bg`). */
const gluedAfter = /^(?:[\p{L}\p{N}\p{M}_]|[.@/:-][\p{L}\p{N}])/u;

/** Every phone number in a text, in order. */
export function phoneNumbersIn(text: string): PhoneMention[] {
  const found: PhoneMention[] = [];
  for (const match of text.matchAll(candidatePattern)) {
    const index = match.index;
    if (index > 0 && gluedBefore.test(text[index - 1] as string) && !labelColon.test(text.slice(Math.max(0, index - 2), index))) continue;
    // The longest start of the run that is a number and ends where a number may end: "0800 500 500"
    // of "0800 500 500 24/7", "116 000" of "116 000 24".
    const run = match[0];
    const groupEnds = [...run.matchAll(/\(\d+\)|\d+/g)].map((g) => g.index + g[0].length).reverse();
    for (const end of groupEnds) {
      const written = run.slice(0, end);
      if (gluedAfter.test(text.slice(index + end, index + end + 2))) continue;
      if (isPhoneNumber(written)) {
        found.push({ number: written.replace(/\s+/g, ' '), index });
        break;
      }
    }
  }
  return found;
}

/** Whether a run of digit groups (as candidatePattern matches it) is written like a phone number. */
function isPhoneNumber(written: string): boolean {
  const body = written.replace(/^\+\s?/, '');
  const groups = body.split(/[\s.-]/).map((g) => g.replace(/[()]/g, ''));
  const digits = groups.join('');
  if (written.startsWith('+')) return digits.length >= 6;
  // 112 and 116 xxx are whole numbers: more groups after them are something else (hours, a count).
  if (/^(112|116\d{3})$/.test(groups[0] as string) || (groups[0] === '116' && /^\d{3}$/.test(groups[1] ?? '')))
    return groups.length === 1 || (groups.length === 2 && groups[0] === '116' && /^\d{3}$/.test(groups[1] as string));
  if (groups[0] === '112' || groups[0] === '116') return false;
  // An ISBN: 13 digits from 978 or 979.
  if (digits.length === 13 && /^97[89]/.test(digits)) return false;
  // Dots and parentheses group only international numbers here: nationally they write dates and figures.
  if (/[.()]/.test(body)) return false;
  if (looksLikeDate(groups)) return false;
  if (digits.startsWith('0')) return groups.length > 1 ? digits.length >= 6 : digits.length >= 9;
  return groups.length >= 3 && digits.length >= 8 && !groupedInThousands(groups) && !(isYear(groups[0] as string) && quantityAfterYear(groups.slice(1)));
}

const isYear = (group: string) => /^(19|20)\d\d$/.test(group);

/** "2023 12 000": a year, then a count with its thousands apart. */
function quantityAfterYear(rest: string[]): boolean {
  return rest.length === 1 || groupedInThousands(rest);
}

/** 15 01 2024, 2024-01-15: a year of 19xx or 20xx with a month and a day ("0800 77 99" is a number). */
function looksLikeDate(groups: string[]): boolean {
  if (groups.length !== 3) return false;
  const [a = '', b = '', c = ''] = groups;
  const dayMonth = (day: string, month: string) =>
    day.length <= 2 && month.length <= 2 && Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;
  return (isYear(c) && (dayMonth(a, b) || dayMonth(b, a))) || (isYear(a) && dayMonth(c, b));
}

/** 12 000 000: a quantity with its thousands apart. */
function groupedInThousands(groups: string[]): boolean {
  const [first = '', ...rest] = groups;
  return first.length >= 1 && first.length <= 3 && !first.startsWith('0') && rest.every((g) => g.length === 3);
}

/** The digits of a number, with a leading "+" kept: "+40 21 555 1234" → "+40215551234". */
function dialled(number: string): string {
  const digits = number.replace(/\D/g, '');
  return number.trim().startsWith('+') ? `+${digits}` : digits;
}

/** A country's calling code (E.164) from libphonenumber-js's metadata: "40" for ro; undefined for a code it does not know. */
function callingCode(country: string): string | undefined {
  const iso = country.toUpperCase();
  return isSupportedCountry(iso) ? getCountryCallingCode(iso as CountryCode) : undefined;
}

/**
 * Whether a helpline's `number` (as shown) and `e164` (as dialled) are one line: the same digits
 * ("116 000" and "116000", "+38 044 284 19 15" and "+380442841915"), or the country's calling code
 * before the national number, without its trunk 0 where it has one ("0 800 800 678" and
 * "+40800800678" in ro, "210 555 0000" and "+302105550000" in gr). A country libphonenumber-js does
 * not know is judged by the form alone: a calling code of 1–3 digits.
 */
export function numberMatchesE164(number: string, e164: string, country: string): boolean {
  const shown = dialled(number);
  const dialledAs = dialled(e164);
  if (shown === dialledAs) return true;
  if (shown.startsWith('+') || !dialledAs.startsWith('+')) return false;
  const code = callingCode(country);
  const national = [shown, ...(shown.startsWith('0') ? [shown.slice(1)] : [])];
  if (code) return national.some((n) => dialledAs === `+${code}${n}`);
  return national.some((n) => {
    const length = dialledAs.length - 1 - n.length;
    return length >= 1 && length <= 3 && dialledAs.endsWith(n) && !dialledAs.startsWith('+0');
  });
}

/**
 * What `e164` should be for a number, where it can be told: the digits of a number written with "+"
 * or of a short code, else the country's calling code before the national digits without a trunk 0.
 */
export function expectedE164(number: string, country: string): string | undefined {
  const shown = dialled(number);
  if (shown.startsWith('+')) return shown;
  if (!shown.startsWith('0') && shown.length <= 6) return shown;
  const code = callingCode(country);
  return code ? `+${code}${shown.replace(/^0/, '')}` : undefined;
}
