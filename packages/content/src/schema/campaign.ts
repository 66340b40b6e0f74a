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
  condition: z
    .enum(printingConditionIds, {
      error: (issue) =>
        `unknown printing condition ${JSON.stringify(issue.input)}; the known conditions are ${printingConditionIds.join(', ')} (printingConditions in packages/design/src/print.ts)`,
    })
    .default(defaultPrinting.condition)
    .meta({
      description:
        "The registered printing condition, named in every PDF's output intent: `FOGRA39` (offset on coated paper, the default) or `FOGRA47` (offset on " +
        'uncoated paper). The conditions and their profiles are `printingConditions` in packages/design/src/print.ts; every colour token needs CMYK values for it.',
    }),
  pdfx: z
    .preprocess(
      // YAML reads `pdfx: 4` as a number.
      (value) => (typeof value === 'number' ? String(value) : value),
      z
        .custom<PdfxVersion>((value) => pdfxVersionIds.includes(value as PdfxVersion), {
          error: (issue) => `unknown PDF/X version ${JSON.stringify(issue.input)}: use 1a (PDF/X-1a:2001) or 4 (PDF/X-4)`,
        })
        .default(defaultPrinting.pdfx),
    )
    .meta({
      description:
        "The PDF/X version of the print files: `1a` (PDF/X-1a:2001, the default: what every printer's preflight accepts) or `4` (PDF/X-4: the output " +
        "profile embedded, XMP metadata). apps/print's `--pdfx` overrides it for one run.",
    }),
});
export type Printing = z.infer<typeof printingSchema>;

/** The campaign as a whole: identity, funding and release settings shared by every site. */
export const campaignSchema = z.strictObject({
  id: id.meta({ description: 'Short identifier, used in file names.' }),
  name: localizedText.meta({ description: 'Full name of the campaign, per locale.' }),
  brand: z.string().min(1).meta({ description: 'Short brand name shown in the header, e.g. "VICTOR".' }),
  tagline: localizedText.meta({ description: 'One-line tagline under the brand, per locale.' }),
  funding: localizedText.meta({ description: 'Who funded the work, per locale, as the sources state it.' }),
  fundingShort: localizedText
    .superRefine((value, ctx) => {
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
    })
    .meta({
      description:
        'The funding statement in its short form, per locale, for billboards (read from the road): only what `funding` states, e.g. "Funded by the ' +
        `European Commission (ISEC 2012)". At most ${fundingShortMaxWords} words.`,
    }),
  fundingSource: id.meta({ description: 'Id of the source for the funding statement.' }),
  releaseDate: z.iso
    .date({ error: 'must be a date written as YYYY-MM-DD' })
    .meta({ description: 'Date every build is stamped with (sitemaps, PDFs, ZIPs), so builds are reproducible. Written as YYYY-MM-DD.' }),
  recheckMonths: z
    .number({ error: recheckMonthsMessage })
    .int({ error: recheckMonthsMessage })
    .min(1, { error: recheckMonthsMessage })
    .default(defaultRecheckMonths)
    .meta({
      description:
        "How many months a helpline's `verifiedOn` date stays good, counted back from `releaseDate`: a number confirmed longer ago counts as unverified " +
        `again, so its files are proofs and a release build refuses it (packages/content/src/release.ts). A whole number, at least 1; ${defaultRecheckMonths} when left out.`,
    }),
  printing: printingSchema
    .default({ ...defaultPrinting })
    .meta({ description: 'What the print files are made for: printing condition and PDF/X version; FOGRA39 and PDF/X-1a when left out.' }),
});
export type Campaign = z.infer<typeof campaignSchema>;
