import { z } from 'zod';
import { id } from './common.ts';

/** A public source that a figure, a helpline or a statement of law is taken from. */
export const sourceSchema = z.strictObject({
  id: id.meta({ description: 'Identifier other files use to cite this source, e.g. `seed-000`.' }),
  title: z.string().min(1).meta({ description: 'Title of the page or document, as it is published.' }),
  publisher: z.string().min(1).meta({ description: 'Who published it.' }),
  where: z.string().min(1).meta({ description: 'Where it can be found, written as the source list gives it (a site name or an address).' }),
  url: z
    .url({ protocol: /^https$/, error: 'must be a full https:// address' })
    .optional()
    .meta({ description: 'Full https:// address, where one is known; checked by the external link report, never by the build.' }),
  year: z.union([z.int().min(1990).max(2100), z.literal('undated')]).meta({ description: 'Year of publication, or `undated` when the source gives none.' }),
  status: z.string().optional().meta({ description: 'How current the source looks: `current-looking`, `old`, or a year. Shown to editors, not to readers.' }),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({
  sources: z.array(sourceSchema).min(1).meta({ description: 'Every source the content cites.' }),
});
