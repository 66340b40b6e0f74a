import { isLocale, locales } from '@repo/i18n';
import { z } from 'zod';
import { id, isoDate, localeTag, localizedText } from './common.ts';

/**
 * An organisation's name in other languages, by locale tag, exactly as a cited source writes it,
 * e.g. `{ sl: Društvo Ključ }`. Only names a source gives: the team never translates a name. A page
 * in a listed locale shows that name; every other locale shows the original name, once, marked with
 * its language (see `localName` in @repo/content).
 */
export const localNames = z.record(z.string(), z.string().trim().min(1, 'must not be empty')).superRefine((value, ctx) => {
  for (const tag of Object.keys(value)) {
    if (!isLocale(tag)) ctx.addIssue({ code: 'custom', path: [tag], message: `unknown locale "${tag}": use one of ${[...locales.keys()].join(', ')}` });
  }
});
export type LocalNames = z.infer<typeof localNames>;

/** A phone line shown on a country's site and posters. Only numbers from shared/facts/helplines.md. */
export const helplineSchema = z.strictObject({
  /** Identifier, e.g. `gr-116000`. */
  id,
  /** The number exactly as its source writes it; shown to readers. */
  number: z.string().min(3),
  /**
   * What a phone dials: E.164 (`+` and 7–15 digits) for a full number, or the digits alone for a
   * national short code such as 112 or 116 000, which has no E.164 form. Used as the `tel:` href.
   */
  e164: z.string().regex(/^(\+[1-9]\d{6,14}|\d{3,6})$/, 'must be E.164 such as +35928078050, or the digits of a short code such as 116000'),
  /** Who answers, as the source names them; `null` when the source does not confirm an operator. */
  operator: z.string().min(1).nullable(),
  /** Language of `operator` as written, for the page's `lang` markup; `en` when omitted. */
  operatorLanguage: localeTag.optional(),
  /** The operator's name in other languages, only where a source gives it, e.g. `{ uk: … }`. See `localNames`. */
  operatorNames: localNames.optional(),
  /** What the line is for, per locale. */
  purpose: localizedText,
  /** When it answers, e.g. "24/7"; `null` when the source does not say. */
  hours: z.string().min(1).nullable(),
  /** What a call costs: `free`, `standard` or `unknown` when the source does not say. */
  cost: z.enum(['free', 'standard', 'unknown']),
  /** Id of the source in content/sources.yaml. Required: a number without a source is refused. */
  source: id,
  /**
   * Date a campaign team member confirmed the number with its operator, or empty. Release builds
   * refuse any number without it.
   */
  verifiedOn: isoDate.nullable(),
  /** Also shown on posters, not only on the site. */
  onPosters: z.boolean().default(true),
});
export type Helpline = z.infer<typeof helplineSchema>;
