import { z } from 'zod';
import { id, localizedText } from './common.ts';

/** A number the campaign quotes. Never invent one: each must come from a listed source. */
export const figureSchema = z.strictObject({
  /** Identifier used by `<Figure id="…" />` in pages. */
  id,
  /** The number as it is quoted, per locale (number formats differ), e.g. "$12 billion" or "15%". */
  value: localizedText,
  /** What the number measures, per locale. */
  label: localizedText,
  /** Who produced the number, as the source names them, e.g. "UNICEF". */
  attribution: z.string().min(1),
  /** Id of the source in content/sources.yaml that quotes it. */
  source: id,
  /** Year the source published it, or `undated`. */
  year: z.union([z.int().min(1990).max(2100), z.literal('undated')]),
});
export type Figure = z.infer<typeof figureSchema>;

export const figuresFileSchema = z.strictObject({
  /** Every figure pages may quote. */
  figures: z.array(figureSchema),
});
