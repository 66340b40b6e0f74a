import { z } from 'zod';

const description = z.string().trim().min(20, 'write a sentence of at least 20 characters').max(200, 'keep descriptions under 200 characters');

/** Who a page speaks to; a site shows the pages of its country's roles and every `all` page. */
export const audience = z.enum(['origin', 'destination', 'all']);

/** Where a translation stands: `source` is the English original; `draft` awaits a native speaker. */
export const translationStatus = z.enum(['source', 'draft', 'reviewed']);

/** Frontmatter of a page in content/pages/<locale>/<page-id>.mdx. */
export const pageFrontmatterSchema = z.strictObject({
  /** Page title, shown as the heading and in the browser tab. */
  title: z.string().trim().min(1).max(90, 'keep titles under 90 characters so they fit search results'),
  /** One-sentence summary for search results, link previews and the home page. */
  description,
  /**
   * Optional summaries for the sites of one role, e.g. `descriptions: { destination: "…" }` when
   * `description` speaks to children and parents (origin) but the page is also shown on destination
   * sites, whose readers are potential "clients". A site whose country has only that role shows it
   * instead of `description`; a country with both roles (Serbia) shows `description`, so write that
   * one for both. Read it through `pageDescription(page, country)` from @repo/content. A translation
   * needs the same keys as the English page where a country speaking its language has that role only.
   */
  descriptions: z.strictObject({ origin: description.optional(), destination: description.optional() }).optional(),
  /** URL segment in this locale: lower-case ASCII words joined by hyphens; empty only for the home page. */
  slug: z.string().regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'must be lower-case ASCII words joined by hyphens, e.g. "how-to-report"'),
  /** Which sites show this page. Must be the same in every locale. */
  audience,
  /** Position in menus, lowest first. */
  order: z.int().min(0),
  /** Translation state; English pages are `source`. */
  translation: translationStatus,
  /** Who reviewed the translation, when `translation` is `reviewed`. */
  reviewedBy: z.string().optional(),
  /**
   * Fingerprint of the English original this translation was made from; `npm run translations`
   * reports the translation as outdated once the English changes. Written by
   * `npm run translations -- --mark-current <locale>`.
   */
  sourceHash: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be the 12-character fingerprint written by npm run translations')
    .optional(),
});
export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
export type Audience = z.infer<typeof audience>;
