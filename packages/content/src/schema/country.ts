import { z } from 'zod';
import { id, localeTag, localizedText } from './common.ts';
import { helplineSchema, localNames } from './helpline.ts';

/** An organisation working with the campaign in this country, named as the seeds name it. */
export const partnerSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .meta({ description: "Name as published by the cited source: the original, shown wherever `names` has no entry for the reader's locale." }),
  nameLanguage: localeTag.optional().meta({ description: "Language of `name` as written, for the page's `lang` markup; `en` when omitted." }),
  names: localNames.optional().meta({
    description:
      'The name in other languages, by locale tag, exactly as a cited source writes it, e.g. `{ sl: Društvo Ključ }`: only names a source gives, never a ' +
      'translation of our own. A page in a listed locale shows that name; every other locale shows `name`, marked with its language.',
  }),
  role: z.string().min(1).meta({ description: 'Role in the partnership, as the source states it, e.g. "Full partner".' }),
  source: id.meta({ description: 'Id of the source in content/sources.yaml that names it.' }),
});

/** One country of the campaign, which gets its own microsite. */
export const countrySchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be a lower-case ISO 3166-1 alpha-2 code such as "gr"')
    .meta({ description: 'Lower-case ISO 3166-1 alpha-2 code; also the file name and the output folder.' }),
  names: localizedText.meta({ description: 'Country name per locale.' }),
  roles: z
    .array(z.enum(['origin', 'destination']))
    .min(1, 'list at least one role: origin or destination')
    .meta({ description: '`origin` sites address children, young people and parents; `destination` sites address potential "clients".' }),
  languages: z.array(localeTag).min(1).meta({ description: 'Languages of the site, including English.' }),
  defaultLanguage: localeTag.meta({ description: 'Language of the site root `/`; must be one of `languages`.' }),
  siteUrl: z
    .url({ protocol: /^https?$/, error: 'must be a full address such as https://gr.example.org' })
    .refine((u) => !u.endsWith('/'), 'must not end with "/"')
    .meta({ description: 'Canonical address of the deployed site, without a trailing slash, e.g. https://example.org.' }),
  exitUrl: z
    .url({ protocol: /^https$/, error: 'must be a full https:// address' })
    .meta({ description: 'Neutral page the "Exit this page" control goes to, e.g. a Wikipedia front page in the country\'s language.' }),
  helplines: z.array(helplineSchema).meta({ description: 'Phone lines shown on every page, most specific first.' }),
  partners: z.array(partnerSchema).default([]).meta({ description: 'Partner organisations in this country.' }),
});
export type Country = z.infer<typeof countrySchema>;
export type Role = Country['roles'][number];
