import { z } from 'zod';

const description = z.string().trim().min(20, 'write a sentence of at least 20 characters').max(200, 'keep descriptions under 200 characters');

/** Who a page speaks to; a site shows the pages of its country's roles and every `all` page. */
export const audience = z.enum(['origin', 'destination', 'all']);

/** Where a translation stands: `source` is the English original; `draft` awaits a native speaker. */
export const translationStatus = z.enum(['source', 'draft', 'reviewed']);

/** Frontmatter of a page in content/pages/<locale>/<page-id>.mdx. */
export const pageFrontmatterSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1)
    .max(90, 'keep titles under 90 characters so they fit search results')
    .meta({ description: 'Page title, shown as the heading and in the browser tab. Under 90 characters.' }),
  description: description.meta({ description: 'One-sentence summary for search results, link previews and the home page: 20 to 200 characters.' }),
  descriptions: z
    .strictObject({
      origin: description.optional().meta({ description: 'The summary on the sites of countries of origin only.' }),
      destination: description.optional().meta({ description: 'The summary on the sites of countries of destination only.' }),
    })
    .optional()
    .meta({
      description:
        'Optional summaries for the sites of one role, e.g. `descriptions: { destination: "…" }` when `description` speaks to children and parents ' +
        '(origin) but the page is also shown on destination sites, whose readers are potential "clients". A site whose country has only that role ' +
        'shows it instead of `description`; a country with both roles (Serbia) shows `description`, so write that one for both. Read it through ' +
        '`pageDescription(page, country)` from @repo/content. A translation needs the same keys as the English page where a country speaking its ' +
        'language has that role only.',
    }),
  slug: z
    .string()
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'must be lower-case ASCII words joined by hyphens, e.g. "how-to-report"')
    .meta({ description: 'URL segment in this locale: lower-case ASCII words joined by hyphens; empty only for the home page.' }),
  audience: audience.meta({
    description: "Which sites show this page: `origin`, `destination` or `all` (a site shows its country's roles' pages). Must be the same in every locale.",
  }),
  order: z.int().min(0).meta({ description: 'Position in menus, lowest first.' }),
  translation: translationStatus.meta({
    description: 'Translation state: `source` for English pages; `draft` until a native speaker has reviewed the translation, then `reviewed`.',
  }),
  reviewedBy: z.string().optional().meta({ description: 'Who reviewed the translation, when `translation` is `reviewed`.' }),
  sourceHash: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be the 12-character fingerprint written by npm run translations')
    .optional()
    .meta({
      description:
        'Fingerprint of the English original this translation was made from; `npm run translations` reports the translation as outdated once the ' +
        'English changes. Written by `npm run translations -- --mark-current <locale>`.',
    }),
});
export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
export type Audience = z.infer<typeof audience>;
