import { z } from 'zod';
import { id, localizedText } from './common.ts';

/** Scopes that are not one country: a figure with one of these may be quoted on every site. */
export const regionScopes = ['world', 'eu', 'region'] as const;

/**
 * What a figure is about, so that no site shows another country's figure as if it were its own:
 * - `world`: the whole world (e.g. UNICEF's global estimate);
 * - `eu`: the EU member states as a whole (e.g. Eurostat's EU data);
 * - `region`: the campaign's region as a whole, Southeast Europe or the Balkans (e.g. the US
 *   Department of State's Balkan figure);
 * - a list of country codes, e.g. `[rs]`: only those countries (each must have a file in
 *   content/countries/).
 * A region-wide figure (`world`, `eu`, `region`) may be quoted on every site; its label must say
 * what it is about ("worldwide", "in EU member states"). A country figure may be quoted only on the
 * sites of its countries: a page other countries also show must wrap it in
 * `<ForCountry countries="rs">…</ForCountry>`. The loader checks this for every page and site.
 */
export const figureScope = z.union(
  [z.enum(regionScopes), z.array(z.string().regex(/^[a-z]{2}$/, 'must be a lower-case ISO 3166-1 code such as rs')).min(1, 'list at least one country')],
  {
    error: (issue) =>
      issue.input === undefined
        ? 'is missing: every figure needs a scope: world, eu, region, or a list of the countries it is about such as [rs]'
        : 'must be world, eu, region, or a list of country codes such as [rs]',
  },
);
export type FigureScope = z.infer<typeof figureScope>;

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
  /** What the figure is about, as its source says: `world`, `eu`, `region` or a list of country codes such as `[rs]`. See `figureScope`. */
  scope: figureScope,
});
export type Figure = z.infer<typeof figureSchema>;

export const figuresFileSchema = z.strictObject({
  /** Every figure pages may quote. */
  figures: z.array(figureSchema),
});
