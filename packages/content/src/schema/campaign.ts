import { defaultPrinting, type PdfxVersion, pdfxVersionIds, printingConditionIds } from '@repo/design';
import { z } from 'zod';
import { id, localizedText } from './common.ts';
import { wordsOf } from './poster.ts';

/** Most words of the short funding statement: a billboard carries at most 30 words in all. */
export const fundingShortMaxWords = 8;

/** The re-check period when campaign.yaml does not set `recheckMonths`. */
export const defaultRecheckMonths = 12;
const recheckMonthsMessage = 'must be a whole number of months, at least 1';
/** What to do about a bad `recheckMonths`: the loader gives it with the error. */
export const recheckMonthsFix = `write a whole number of months without quotes, e.g. recheckMonths: ${defaultRecheckMonths}, or leave the field out for ${defaultRecheckMonths}`;

/**
 * What the print files are made for: the printing condition their CMYK is separated for, and the
 * PDF/X version printers' preflight checks them against (packages/print/README.md, "What a print file is").
 */
export const printingSchema = z.strictObject({
  /**
   * The registered printing condition, named in every PDF's output intent: `FOGRA39` (offset on coated
   * paper, the default) or `FOGRA47` (offset on uncoated paper). The conditions and their profiles are
   * `printingConditions` in packages/design/src/print.ts; every colour token needs CMYK values for it.
   */
  condition: z
    .enum(printingConditionIds, {
      error: (issue) =>
        `unknown printing condition ${JSON.stringify(issue.input)}; the known conditions are ${printingConditionIds.join(', ')} (printingConditions in packages/design/src/print.ts)`,
    })
    .default(defaultPrinting.condition),
  /**
   * The PDF/X version of the print files: `1a` (PDF/X-1a:2001, the default: what every printer's
   * preflight accepts) or `4` (PDF/X-4: the output profile embedded, XMP metadata). apps/print's
   * `--pdfx` overrides it for one run.
   */
  pdfx: z.preprocess(
    // YAML reads `pdfx: 4` as a number.
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .custom<PdfxVersion>((value) => pdfxVersionIds.includes(value as PdfxVersion), {
        error: (issue) => `unknown PDF/X version ${JSON.stringify(issue.input)}: use 1a (PDF/X-1a:2001) or 4 (PDF/X-4)`,
      })
      .default(defaultPrinting.pdfx),
  ),
});
export type Printing = z.infer<typeof printingSchema>;

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
  /**
   * The funding statement in its short form, per locale, for billboards (read from the road): only what
   * `funding` states, e.g. "Funded by the European Commission (ISEC 2012)". At most 8 words.
   */
  fundingShort: localizedText.superRefine((value, ctx) => {
    for (const [locale, text] of Object.entries(value)) {
      const n = wordsOf(text).length;
      if (n > fundingShortMaxWords) {
        ctx.addIssue({
          code: 'custom',
          path: [locale],
          message: `has ${n} words; the short funding statement (${locale}) has at most ${fundingShortMaxWords}: a billboard carries at most 30 words in all. Shorten it`,
        });
      }
    }
  }),
  /** Id of the source for the funding statement. */
  fundingSource: id,
  /** Date every build is stamped with (sitemaps, PDFs, ZIPs), so builds are reproducible. */
  releaseDate: z.iso.date({ error: 'must be a date written as YYYY-MM-DD' }),
  /**
   * How many months a helpline's `verifiedOn` date stays good, counted back from `releaseDate`: a
   * number confirmed longer ago counts as unverified again, so its files are proofs and a release
   * build refuses it (packages/content/src/release.ts). A whole number, at least 1; 12 when left out.
   */
  recheckMonths: z
    .number({ error: recheckMonthsMessage })
    .int({ error: recheckMonthsMessage })
    .min(1, { error: recheckMonthsMessage })
    .default(defaultRecheckMonths),
  /** What the print files are made for: printing condition and PDF/X version; FOGRA39 and PDF/X-1a when left out. */
  printing: printingSchema.default({ ...defaultPrinting }),
});
export type Campaign = z.infer<typeof campaignSchema>;
