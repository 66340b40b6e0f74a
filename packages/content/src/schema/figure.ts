import { z } from 'zod';
import { id, localizedText } from './common.ts';

/** Scopes that are not one country: a figure with one of these may be quoted on every site. */
export const regionScopes = ['world', 'eu', 'region'] as const;

/** What a figure is about, so that no site shows another country's figure as if it were its own (its description says how). */
export const figureScope = z
  .union(
    [z.enum(regionScopes), z.array(z.string().regex(/^[a-z]{2}$/, 'must be a lower-case ISO 3166-1 code such as rs')).min(1, 'list at least one country')],
    {
      error: (issue) =>
        issue.input === undefined
          ? 'is missing: every figure needs a scope: world, eu, region, or a list of the countries it is about such as [rs]'
          : 'must be world, eu, region, or a list of country codes such as [rs]',
    },
  )
  .meta({
    description:
      "What the figure is about, as its source says: `world` (the whole world, e.g. UNICEF's global estimate); `eu` (the EU member states as a whole, " +
      "e.g. Eurostat's EU data); `region` (the campaign's region as a whole, Southeast Europe or the Balkans, e.g. the US Department of State's Balkan " +
      'figure); or a list of country codes such as `[rs]`: only those countries (each must have a file in content/countries/). A region-wide figure may ' +
      'be quoted on every site; its label must say what it is about ("worldwide", "in EU member states"). A country figure may be quoted only on the ' +
      'sites of its countries: a page other countries also show must wrap it in `<ForCountry countries="rs">…</ForCountry>`. The loader checks this ' +
      'for every page and site.',
  });
export type FigureScope = z.infer<typeof figureScope>;

/** A number the campaign quotes. Never invent one: each must come from a listed source. */
export const figureSchema = z.strictObject({
  id: id.meta({ description: 'Identifier used by `<Figure id="…" />` in pages.' }),
  value: localizedText.meta({ description: 'The number as it is quoted, per locale (number formats differ), e.g. "$12 billion" or "15%".' }),
  label: localizedText.meta({ description: 'What the number measures, per locale.' }),
  attribution: z.string().min(1).meta({ description: 'Who produced the number, as the source names them, e.g. "UNICEF".' }),
  source: id.meta({ description: 'Id of the source in content/sources.yaml that quotes it.' }),
  year: z.union([z.int().min(1990).max(2100), z.literal('undated')]).meta({ description: 'Year the source published it, or `undated`.' }),
  scope: figureScope,
});
export type Figure = z.infer<typeof figureSchema>;

export const figuresFileSchema = z.strictObject({
  figures: z
    .array(figureSchema)
    .meta({ description: 'Every figure pages may quote. Never invent one: each must come from a listed source, with its attribution, year and scope.' }),
});
