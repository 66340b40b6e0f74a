import type { Country, Helpline } from './schema/index.ts';

/** The digits a number is dialled with, so "116 000", "116000" and "+116 000" compare equal. */
const digits = (number: string) => number.replace(/[^\d+]/g, '');

/**
 * The country's helpline with this number (as written on screen or as dialled), or undefined. Pages
 * quote numbers in running text through it, so a shared page can only dial a number that the
 * reading country's own file lists, with its source.
 */
export function helplineByNumber(country: Pick<Country, 'helplines'>, number: string): Helpline | undefined {
  const wanted = digits(number);
  return country.helplines.find((h) => digits(h.number) === wanted || digits(h.e164) === wanted);
}

/**
 * The country's emergency line: the helpline dialled as 112, the emergency number of every EU member
 * and candidate state (shared/facts/helplines.md). Shown beside the first helpline at the top of
 * every page for someone in immediate danger; undefined where the country's file does not list it.
 */
export function emergencyHelpline(country: Country): Helpline | undefined {
  return country.helplines.find((h) => h.e164 === '112');
}
