import { z } from 'zod';
import { id, localizedText } from './common.ts';

/** The campaign as a whole: identity, funding and release settings shared by every site. */
export const campaignSchema = z.strictObject({
  /** Short identifier, used in file names. */
  id,
  /** Full name of the campaign, per locale. */
  name: localizedText,
  /** Short brand name shown in the header, e.g. "VICTOR". */
  brand: z.string().min(1),
  /** One-line tagline under the brand, per locale. */
  tagline: localizedText,
  /** Who funded the work, per locale, as the sources state it. */
  funding: localizedText,
  /** Id of the source for the funding statement. */
  fundingSource: id,
  /** Date every build is stamped with (sitemaps, PDFs, ZIPs), so builds are reproducible. */
  releaseDate: z.iso.date({ error: 'must be a date written as YYYY-MM-DD' }),
});
export type Campaign = z.infer<typeof campaignSchema>;
