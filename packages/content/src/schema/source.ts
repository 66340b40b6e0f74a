import { z } from 'zod';
import { id } from './common.ts';

/** A public source that a figure, a helpline or a statement of law is taken from. */
export const sourceSchema = z.strictObject({
  /** Identifier other files use to cite this source, e.g. `seed-000`. */
  id,
  /** Title of the page or document, as it is published. */
  title: z.string().min(1),
  /** Who published it. */
  publisher: z.string().min(1),
  /** Where it can be found, written as the source list gives it (a site name or an address). */
  where: z.string().min(1),
  /** Full address, where one is known; checked by the external link report, never by the build. */
  url: z.url({ protocol: /^https$/, error: 'must be a full https:// address' }).optional(),
  /** Year of publication, or `undated` when the source gives none. */
  year: z.union([z.int().min(1990).max(2100), z.literal('undated')]),
  /** How current the source looks: `current-looking`, `old`, or a year. Shown to editors, not to readers. */
  status: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({
  /** Every source the content cites. */
  sources: z.array(sourceSchema).min(1),
});
