import { isLocale } from '@repo/i18n';
import { z } from 'zod';
import { id, isoDate, localeTag, localizedText, unknownLocale } from './common.ts';

/**
 * An organisation's name in other languages, by locale tag, exactly as a cited source writes it,
 * e.g. `{ sl: Društvo Ključ }`. Only names a source gives: the team never translates a name. A page
 * in a listed locale shows that name; every other locale shows the original name, once, marked with
 * its language (see `localName` in @repo/content).
 */
export const localNames = z.record(z.string(), z.string().trim().min(1, 'must not be empty')).superRefine((value, ctx) => {
  for (const tag of Object.keys(value)) {
    if (!isLocale(tag)) ctx.addIssue(unknownLocale(tag, [tag]));
  }
});
export type LocalNames = z.infer<typeof localNames>;

/** A phone line shown on a country's site and posters. Only numbers from shared/facts/helplines.md. */
export const helplineSchema = z.strictObject({
  id: id.meta({ description: 'Identifier, e.g. `gr-116000`.' }),
  number: z.string().min(3).meta({ description: 'The number exactly as its source writes it; shown to readers.' }),
  e164: z
    .string()
    .regex(/^(\+[1-9]\d{6,14}|\d{3,6})$/, 'must be E.164 such as +35928078050, or the digits of a short code such as 116000')
    .meta({
      description:
        'What a phone dials: E.164 (`+` and 7–15 digits) for a full number, or the digits alone for a national short code such as 112 or 116 000, ' +
        'which has no E.164 form. Used as the `tel:` href.',
    }),
  operator: z.string().min(1).nullable().meta({ description: 'Who answers, as the source names them; `null` when the source does not confirm an operator.' }),
  operatorLanguage: localeTag.optional().meta({ description: "Language of `operator` as written, for the page's `lang` markup; `en` when omitted." }),
  operatorNames: localNames.optional().meta({
    description:
      "The operator's name in other languages, by locale tag, exactly as a cited source writes it, e.g. `{ uk: … }`: only names a source gives, never " +
      'a translation of our own. A page in a listed locale shows that name; every other locale shows `operator`, marked with its language.',
  }),
  purpose: localizedText.meta({ description: 'What the line is for, per locale.' }),
  hours: z.string().min(1).nullable().meta({ description: 'When it answers, e.g. "24/7"; `null` when the source does not say.' }),
  cost: z.enum(['free', 'standard', 'unknown']).meta({ description: 'What a call costs: `free`, `standard` or `unknown` when the source does not say.' }),
  source: id.meta({ description: 'Id of the source in content/sources.yaml. Required: a number without a source is refused.' }),
  verifiedOn: isoDate.nullable().meta({
    description:
      'Date (YYYY-MM-DD) a campaign team member confirmed the number with its operator, or `null` until then. Release builds refuse any number ' +
      'without it, or confirmed longer ago than `recheckMonths` in campaign.yaml.',
  }),
  onPosters: z.boolean().default(true).meta({ description: 'Also shown on posters, not only on the site; `true` when left out.' }),
});
export type Helpline = z.infer<typeof helplineSchema>;
