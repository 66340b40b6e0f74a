import { isLocale, locales, sourceLocale } from '@repo/i18n';
import { z } from 'zod';

/** A BCP 47 tag from the locale registry in @repo/i18n. */
export const localeTag = z.string().refine(isLocale, {
  error: (issue) => `unknown locale "${String(issue.input)}": use one of ${[...locales.keys()].join(', ')} (or add it to packages/i18n/src/locales.ts)`,
});

/** Text given per locale; the source locale (English) is required and is shown where a locale is missing. */
export const localizedText = z.record(z.string(), z.string().trim().min(1, 'must not be empty')).superRefine((value, ctx) => {
  if (!(sourceLocale in value)) {
    ctx.addIssue({ code: 'custom', message: `needs an "${sourceLocale}" entry: English is the fallback for every locale` });
  }
  for (const tag of Object.keys(value)) {
    if (!isLocale(tag)) ctx.addIssue({ code: 'custom', path: [tag], message: `unknown locale "${tag}"` });
  }
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/** Identifier used to refer to a record from other files: lower-case words joined by hyphens. */
export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "seed-000"');
