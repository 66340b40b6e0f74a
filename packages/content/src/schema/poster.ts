import { posterTemplateIds, printFormatIds } from '@repo/design';
import { z } from 'zod';
import { id, localeTag, localizedText } from './common.ts';

/** A range of type sizes for one text box, in percent of the format's shorter trim side. */
export const posterSizeRangeSchema = z
  .strictObject({
    max: z.number().positive().max(30).meta({ description: 'Size the copyfitter tries first, e.g. 10 (a tenth of the short side). At most 30.' }),
    min: z.number().positive().meta({ description: 'Smallest size allowed; a line that does not fit at this size fails the build.' }),
  })
  .refine((r) => r.min <= r.max, { message: 'min is larger than max', path: ['min'] });

/**
 * The words of a text as billboards count them: its space-separated parts that have a letter or a
 * digit ("з-за" and "e-mail" are one word each; a dash between spaces is none; "0 800 800 678" is four).
 */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Most words a billboard headline may have: a driver reads 7–10 words in passing. */
export const billboardHeadlineMaxWords = 7;
/** Most words a billboard call to action may have. */
export const billboardCtaMaxWords = 5;

/**
 * The words of a design on billboards, in one language: fewer than on a poster, read from the road.
 * Its translation state is the language's (`translation` beside it).
 */
export const billboardLinesSchema = z.strictObject({
  headline: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .meta({ description: `At most ${billboardHeadlineMaxWords} words, e.g. "Too good to be true? Check first." Hyphenated words count as one.` }),
  cta: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .meta({ description: `At most ${billboardCtaMaxWords} words, beside the helpline number, e.g. "Not sure? Call and ask."` }),
});

/** The words of one poster design in one language. */
export const posterLinesSchema = z.strictObject({
  translation: z
    .enum(['source', 'draft', 'reviewed'])
    .meta({ description: '`source` for English; `draft` for a translation until a native speaker has reviewed it, then `reviewed`.' }),
  reviewedBy: z.string().min(1).optional().meta({ description: 'Who reviewed the translation; required when `translation` is `reviewed`.' }),
  headline: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .meta({ description: 'The line that stops a passer-by; the largest text on the poster. Keep it short.' }),
  body: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .meta({ description: 'One to three sentences under the headline. Billboards and link cards leave it out.' }),
  cta: z.string().trim().min(1, 'must not be empty').meta({ description: 'What to do now, shown beside the helpline, e.g. "Not sure? Call and ask."' }),
  billboard: billboardLinesSchema
    .optional()
    .meta({ description: "The billboard's headline and call to action; required when the design lists a billboard format." }),
});

/** A photo on a design's posters: a band across the top, cropped to each format's shape. */
export const posterImageSchema = z.strictObject({
  file: z
    .string()
    .regex(/^assets\/[\w./-]+\.(?:jpe?g|png)$/i, 'must be a .jpg, .jpeg or .png path under assets/, e.g. assets/posters/station.jpg')
    .meta({
      description:
        'The photo, a JPEG or PNG under content/assets/, e.g. `assets/posters/station.jpg`. It must reach 150 dpi at its printed size in every poster ' +
        'format of the design: the build names each format that needs more pixels, and how many.',
    }),
  credit: z
    .string()
    .trim()
    .min(1, 'must not be empty: name the photographer and licence')
    .meta({ description: 'Who took it and the licence, printed small beside it, e.g. "Photo: Ana Pop, CC BY 4.0". A photo needs the right to print it.' }),
  focus: z
    .strictObject({
      x: z.number().min(0).max(1).meta({ description: 'From the left: 0 is the left edge, 1 the right edge.' }),
      y: z.number().min(0).max(1).meta({ description: 'From the top: 0 is the top edge, 1 the bottom edge.' }),
    })
    .default({ x: 0.5, y: 0.5 })
    .meta({
      description:
        'The point to keep in view when the photo is cropped, as fractions of its width and height from the top left; the middle, `{ x: 0.5, y: 0.5 }`, when left out.',
    }),
});

/** One poster design: its words per language, the template that lays them out and its formats. */
export const posterSchema = z.strictObject({
  id: id.meta({ description: 'Identifier: also the file name (`<id>.yaml`) and the folder of the print files.' }),
  name: localizedText.meta({ description: "Name of the design, per locale, for the printers' page; English required." }),
  audience: z.enum(['origin', 'destination']).meta({ description: 'Which countries get it: those whose `roles` include this audience.' }),
  template: z
    .enum(posterTemplateIds, { error: (i) => `unknown template "${String(i.input)}"` })
    .meta({ description: 'Layout, one of the templates in packages/design/src/print.ts (`posterTemplates`).' }),
  page: id.meta({ description: "Id of the page (content/pages/en/<page>.mdx) the QR code opens, in the poster's language." }),
  formats: z
    .array(z.enum(printFormatIds, { error: (i) => `unknown format "${String(i.input)}"` }))
    .min(1, 'list at least one format')
    .meta({ description: 'Formats to produce, ids from packages/design/src/print.ts (`printFormats`), each once.' }),
  sizes: z
    .strictObject({
      headline: posterSizeRangeSchema.optional().meta({ description: 'Headline sizes.' }),
      body: posterSizeRangeSchema.optional().meta({ description: 'Body text sizes.' }),
      cta: posterSizeRangeSchema.optional().meta({ description: 'Call-to-action sizes.' }),
    })
    .default({})
    .meta({ description: "Optional type sizes overriding the template's, in percent of the format's shorter trim side." }),
  image: posterImageSchema
    .optional()
    .meta({ description: 'Optional photo across the top of the posters (A4 … city light); billboards and social images leave it out.' }),
  lines: z
    .record(localeTag, posterLinesSchema)
    .meta({ description: 'The words per locale: English (`translation: source`) and every language of the countries it is for.' }),
});
export type Poster = z.infer<typeof posterSchema>;
export type PosterLines = z.infer<typeof posterLinesSchema>;
export type BillboardLines = z.infer<typeof billboardLinesSchema>;
export type PosterImage = z.infer<typeof posterImageSchema>;
