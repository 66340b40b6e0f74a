import { z } from 'zod';
import { id, localeTag, localizedText } from './common.ts';
import { helplineSchema, localNames } from './helpline.ts';

/** An organisation working with the campaign in this country, named as the seeds name it. */
export const partnerSchema = z.strictObject({
  /** Name as published by the cited source: the original, shown wherever `names` has no entry for the reader's locale. */
  name: z.string().min(1),
  /** Language of `name` as written, for the page's `lang` markup; `en` when omitted. */
  nameLanguage: localeTag.optional(),
  /** The name in other languages, only where a source gives it, e.g. `{ sl: Društvo Ključ }`. See `localNames`. */
  names: localNames.optional(),
  /** Role in the partnership, as the source states it, e.g. "Full partner". */
  role: z.string().min(1),
  /** Id of the source in content/sources.yaml that names it. */
  source: id,
});

/** One country of the campaign, which gets its own microsite. */
export const countrySchema = z.strictObject({
  /** Lower-case ISO 3166-1 alpha-2 code; also the file name and the output folder. */
  code: z.string().regex(/^[a-z]{2}$/, 'must be a lower-case ISO 3166-1 alpha-2 code such as "gr"'),
  /** Country name per locale. */
  names: localizedText,
  /** `origin` sites address children, young people and parents; `destination` sites address potential "clients". */
  roles: z.array(z.enum(['origin', 'destination'])).min(1, 'list at least one role: origin or destination'),
  /** Languages of the site, including English. */
  languages: z.array(localeTag).min(1),
  /** Language of the site root `/`; must be one of `languages`. */
  defaultLanguage: localeTag,
  /** Canonical address of the deployed site, without a trailing slash, e.g. https://example.org. */
  siteUrl: z
    .url({ protocol: /^https?$/, error: 'must be a full address such as https://gr.example.org' })
    .refine((u) => !u.endsWith('/'), 'must not end with "/"'),
  /** Neutral page the "Exit this page" control goes to, e.g. a Wikipedia front page in the country's language. */
  exitUrl: z.url({ protocol: /^https$/, error: 'must be a full https:// address' }),
  /** Phone lines shown on every page, most specific first. */
  helplines: z.array(helplineSchema),
  /** Partner organisations in this country. */
  partners: z.array(partnerSchema).default([]),
});
export type Country = z.infer<typeof countrySchema>;
export type Role = Country['roles'][number];
