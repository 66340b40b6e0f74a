// Phone numbers in the texts the public reads. Only the helplines a country's file lists (with their
// source) may be shown to its readers, so the loader looks for anything that reads as a phone number
// in every text of every locale, and in a helpline record checks that what is shown (`number`) and
// what is dialled (`e164`) are the same line.
//
// Detection is deliberately narrow, so that years, figures, dates and article numbers never trip it:
// - international: "+" then at least 6 digits, grouped by spaces, hyphens, dots or parentheses
//   (`+40 21 555 1234`, `+373 (22) 23 33 09`);
// - national with its trunk 0: at least 6 digits in groups separated by spaces or hyphens
//   (`0 800 500 500`, `0722-000-000`), or at least 9 digits written together (`0722000000`: shorter
//   runs led by 0 are postcodes and codes);
// - national without a trunk prefix (Greece: `210 555 0000`): three or more groups of digits
//   separated by spaces or hyphens, at least 8 digits, not grouped in thousands like a quantity
//   (`12 000 000`) and not shaped like a date (`2024-01-15`, `15 01 2024`);
// - the EU harmonised numbers: 116 xxx and 112.
// Short national codes (119, 1109, 1547) are left alone: in running text they cannot be told from a
// year or a quantity. libphonenumber-js (not a dependency) is not used: it has no short numbers (116 000,
// 112), and it reads a national number only for one region at a time, while one text is shown in
// several countries; what is wanted here is a rule an editor can predict, not validity.

/** A phone number found in a text: as written, and where it starts (a character offset). */
export interface PhoneMention {
  number: string;
  index: number;
}

/** Digit groups joined by single separators (space, no-break space, line break, hyphen, dot), optionally after "+". */
const candidatePattern = /(\+[ \u00a0]?)?(?:\(\d+\)|\d+)(?:[ \u00a0\t\r\n.-]?(?:\(\d+\)|\d+))*/g;
/** What may not stand right before a number: it is part of a word, an address, a time, a decimal or a longer number. */
const gluedBefore = /[\p{L}\p{N}\p{M}_/@#&=?:.,+-]/u;
/** What may not stand right after it: a letter or digit, or a dot, hyphen, @ or slash before one (`080020100.bg`). */
const gluedAfter = /^(?:[\p{L}\p{N}\p{M}_]|[.@/-][\p{L}\p{N}])/u;

/** Every phone number in a text, in order. */
export function phoneNumbersIn(text: string): PhoneMention[] {
  const found: PhoneMention[] = [];
  for (const match of text.matchAll(candidatePattern)) {
    const index = match.index;
    const written = match[0];
    if (index > 0 && gluedBefore.test(text[index - 1] as string)) continue;
    if (gluedAfter.test(text.slice(index + written.length, index + written.length + 2))) continue;
    if (isPhoneNumber(written)) found.push({ number: written.replace(/\s+/g, ' '), index });
  }
  return found;
}

/** Whether a run of digit groups (as candidatePattern matches it) is written like a phone number. */
function isPhoneNumber(written: string): boolean {
  const body = written.replace(/^\+\s?/, '');
  const groups = body.split(/[\s.-]/).map((g) => g.replace(/[()]/g, ''));
  const digits = groups.join('');
  if (written.startsWith('+')) return digits.length >= 6;
  if (groups.length === 1 && /^(112|116\d{3})$/.test(digits)) return true;
  if (groups.length === 2 && groups[0] === '116' && /^\d{3}$/.test(groups[1] as string)) return true;
  // Dots and parentheses group only international numbers here: nationally they write dates and figures.
  if (/[.()]/.test(body)) return false;
  if (looksLikeDate(groups)) return false;
  if (digits.startsWith('0')) return groups.length > 1 ? digits.length >= 6 : digits.length >= 9;
  return groups.length >= 3 && digits.length >= 8 && !groupedInThousands(groups);
}

/** 15 01 2024, 2024-01-15. */
function looksLikeDate(groups: string[]): boolean {
  if (groups.length !== 3) return false;
  const lengths = groups.map((g) => g.length).join(',');
  return /^[12],[12],4$/.test(lengths) || /^4,[12],[12]$/.test(lengths);
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

/**
 * Whether a helpline's `number` (as shown) and `e164` (as dialled) are one line: the same digits
 * ("116 000" and "116000", "+38 044 284 19 15" and "+380442841915"), or the number written
 * nationally with its trunk 0 and `e164` the "+" and a calling code of 1–3 digits before the
 * national digits without that 0 ("0 800 800 678" and "+40800800678", "02 2777 070" and "+38922777070").
 */
export function numberMatchesE164(number: string, e164: string): boolean {
  const shown = dialled(number);
  const dialledAs = dialled(e164);
  if (shown === dialledAs) return true;
  if (!shown.startsWith('0') || !dialledAs.startsWith('+')) return false;
  const national = shown.slice(1);
  const callingCode = dialledAs.length - 1 - national.length;
  return callingCode >= 1 && callingCode <= 3 && dialledAs.endsWith(national) && !dialledAs.startsWith('+0');
}

/**
 * What `e164` should be for a number, where it can be told: the digits of a number written with "+"
 * or of a short code, or the country's calling code (as another of its helplines shows it) before the
 * national digits without the trunk 0.
 */
export function expectedE164(number: string, siblings: { number: string; e164: string }[]): string | undefined {
  const shown = dialled(number);
  if (shown.startsWith('+')) return shown;
  if (!shown.startsWith('0')) return shown.length <= 6 ? shown : undefined;
  for (const other of siblings) {
    const theirs = dialled(other.number);
    const theirE164 = dialled(other.e164);
    if (theirs.startsWith('0') && theirE164.startsWith('+') && theirs !== shown && numberMatchesE164(other.number, other.e164))
      return `${theirE164.slice(0, theirE164.length - (theirs.length - 1))}${shown.slice(1)}`;
  }
  return undefined;
}
