import { transliterationRules } from '@repo/i18n';
import { z } from 'zod';

const pluralCategory = z.enum(['zero', 'one', 'two', 'few', 'many', 'other']);

/** One language the campaign speaks, in content/locales.yaml. */
export const localeSchema = z.strictObject({
  tag: z
    .string()
    .min(2)
    .meta({
      description:
        'BCP 47 tag in its canonical form (`Intl.getCanonicalLocales`), e.g. `hu`, `sr-Latn`: the name of its folder under content/pages/, of its ' +
        'content/ui/ file, its key in every per-language field and its `lang` and hreflang value.',
    }),
  path: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[a-z0-9]+)*$/, 'must be the tag in lower case, e.g. "sr-latn"')
    .meta({ description: 'URL path segment of the language on a site: the tag in lower case, e.g. `sr-latn`.' }),
  nativeName: z.string().trim().min(1).meta({ description: 'Name of the language in itself, for the language switcher, e.g. `Magyar`.' }),
  englishName: z.string().trim().min(1).meta({ description: 'English name, for reports and error messages, e.g. `Hungarian`.' }),
  script: z
    .string()
    .regex(/^[A-Z][a-z]{3}$/, 'must be an ISO 15924 script code such as Latn, Cyrl or Grek')
    .meta({ description: "ISO 15924 script: one the kit's fonts cover (Latn, Cyrl or Grek); the loader checks it is the language's." }),
  dir: z.enum(['ltr', 'rtl']).meta({ description: 'Writing direction: `ltr`, or `rtl` for Arabic or Hebrew scripts.' }),
  plurals: z
    .array(pluralCategory)
    .min(1)
    .meta({
      description:
        "The language's plural categories, exactly as `Intl.PluralRules` names them (the loader checks), e.g. `[one, few, many, other]` for Russian: " +
        'every plural interface string gives each of them.',
    }),
  derivedFrom: z
    .strictObject({
      locale: z.string().meta({ description: 'The tag of the locale whose text the rule starts from, e.g. `sr-Cyrl`.' }),
      rule: z.enum(transliterationRules).meta({ description: 'The rule that makes the text, e.g. `serbian-cyrillic-to-latin`.' }),
    })
    .optional()
    .meta({
      description:
        "Text made by rule from another locale's instead of translated, e.g. Serbian Latin: `{ locale: sr-Cyrl, rule: serbian-cyrillic-to-latin }`. " +
        '`npm run translations -- derive <tag>` writes it; a reviewer may override a unit.',
    }),
});
export type LocaleEntry = z.infer<typeof localeSchema>;

/** content/locales.yaml. */
export const localesFileSchema = z.strictObject({
  allowedForeignWords: z
    .array(z.string().min(1))
    .default([])
    .meta({
      description:
        "Words any locale's text may contain in another script: brand and organisation names and abbreviations kept in Latin letters in Cyrillic and " +
        'Greek text (VICTOR, ZIP, PDF). Web addresses and codes with digits (SHA256SUMS) need no entry.',
    }),
  locales: z.array(localeSchema).min(1).meta({ description: 'Every language of the campaign, English first.' }),
});
