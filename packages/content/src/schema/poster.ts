import { posterTemplateIds, printFormatIds } from '@repo/design';
import { z } from 'zod';
import { id, localeTag, localizedText } from './common.ts';

/** A range of type sizes for one text box, in percent of the format's shorter trim side. */
export const posterSizeRangeSchema = z
  .strictObject({
    /** Size the copyfitter tries first, e.g. 10 (a tenth of the short side). */
    max: z.number().positive().max(30),
    /** Smallest size allowed; a line that does not fit at this size fails the build. */
    min: z.number().positive(),
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
  /** At most 7 words, e.g. "Too good to be true? Check first." Hyphenated words count as one. */
  headline: z.string().trim().min(1, 'must not be empty'),
  /** At most 5 words, beside the helpline number, e.g. "Not sure? Call and ask." */
  cta: z.string().trim().min(1, 'must not be empty'),
});

/** The words of one poster design in one language. */
export const posterLinesSchema = z.strictObject({
  /** `source` for English; `draft` for a translation until a native speaker has reviewed it, then `reviewed`. */
  translation: z.enum(['source', 'draft', 'reviewed']),
  /** Who reviewed the translation; required when `translation` is `reviewed`. */
  reviewedBy: z.string().min(1).optional(),
  /** The line that stops a passer-by; the largest text on the poster. Keep it short. */
  headline: z.string().trim().min(1, 'must not be empty'),
  /** One to three sentences under the headline. Billboards and link cards leave it out. */
  body: z.string().trim().min(1, 'must not be empty'),
  /** What to do now, shown beside the helpline, e.g. "Not sure? Call and ask." */
  cta: z.string().trim().min(1, 'must not be empty'),
  /** The billboard's headline and call to action; required when the design lists a billboard format. */
  billboard: billboardLinesSchema.optional(),
});

/** A photo on a design's posters: a band across the top, cropped to each format's shape. */
export const posterImageSchema = z.strictObject({
  /**
   * The photo, a JPEG or PNG under content/assets/, e.g. `assets/posters/station.jpg`. It must reach
   * 150 dpi at its printed size in every poster format of the design: the build names each format
   * that needs more pixels, and how many.
   */
  file: z.string().regex(/^assets\/[\w./-]+\.(?:jpe?g|png)$/i, 'must be a .jpg, .jpeg or .png path under assets/, e.g. assets/posters/station.jpg'),
  /** Who took it and the licence, printed small beside it, e.g. "Photo: Ana Pop, CC BY 4.0". A photo needs the right to print it. */
  credit: z.string().trim().min(1, 'must not be empty: name the photographer and licence'),
  /** The point to keep in view when the photo is cropped, as fractions of its width and height from the top left. */
  focus: z
    .strictObject({
      x: z.number().min(0).max(1),
      y: z.number().min(0).max(1),
    })
    .default({ x: 0.5, y: 0.5 }),
});

/** One poster design: its words per language, the template that lays them out and its formats. */
export const posterSchema = z.strictObject({
  /** Identifier: also the file name (`<id>.yaml`) and the folder of the print files. */
  id,
  /** Name of the design, per locale, for the printers' page; English required. */
  name: localizedText,
  /** Which countries get it: those whose `roles` include this audience. */
  audience: z.enum(['origin', 'destination']),
  /** Layout, one of the templates in packages/design/src/print.ts (`posterTemplates`). */
  template: z.enum(posterTemplateIds, { error: (i) => `unknown template "${String(i.input)}"` }),
  /** Id of the page (content/pages/en/<page>.mdx) the QR code opens, in the poster's language. */
  page: id,
  /** Formats to produce, ids from packages/design/src/print.ts (`printFormats`), each once. */
  formats: z.array(z.enum(printFormatIds, { error: (i) => `unknown format "${String(i.input)}"` })).min(1, 'list at least one format'),
  /** Optional type sizes overriding the template's, in percent of the short side. */
  sizes: z
    .strictObject({
      /** Headline sizes. */
      headline: posterSizeRangeSchema.optional(),
      /** Body text sizes. */
      body: posterSizeRangeSchema.optional(),
      /** Call-to-action sizes. */
      cta: posterSizeRangeSchema.optional(),
    })
    .default({}),
  /** Optional photo across the top of the posters (A4 … city light); billboards and social images leave it out. */
  image: posterImageSchema.optional(),
  /** The words per locale: English (`translation: source`) and every language of the countries it is for. */
  lines: z.record(localeTag, posterLinesSchema),
});
export type Poster = z.infer<typeof posterSchema>;
export type PosterLines = z.infer<typeof posterLinesSchema>;
export type BillboardLines = z.infer<typeof billboardLinesSchema>;
export type PosterImage = z.infer<typeof posterImageSchema>;
