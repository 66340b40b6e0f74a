import { isLocale, locales, sourceLocale } from '@repo/i18n';
import { z } from 'zod';

/** A BCP 47 tag declared in content/locales.yaml (the loader reads that file first; see @repo/i18n's registry). */
export const localeTag = z.string().superRefine((tag, ctx) => {
  if (!isLocale(tag)) ctx.addIssue(unknownLocale(tag));
});

/** The issue of a tag that content/locales.yaml does not declare (the loader reports it as UnknownLocale). */
export function unknownLocale(tag: string, path?: string[]) {
  const known = [...locales.keys()];
  return {
    code: 'custom' as const,
    ...(path ? { path } : {}),
    message: `unknown locale "${tag}": use one of ${known.join(', ')} (or declare it in content/locales.yaml)`,
    params: { code: 'UnknownLocale', tag, known },
  };
}

/** Text given per locale; the source locale (English) is required and is shown where a locale is missing. */
export const localizedText = z.record(z.string(), z.string().trim().min(1, 'must not be empty')).superRefine((value, ctx) => {
  if (!(sourceLocale in value)) {
    ctx.addIssue({ code: 'custom', message: `needs an "${sourceLocale}" entry: English is the fallback for every locale` });
  }
  for (const tag of Object.keys(value)) {
    if (!isLocale(tag)) ctx.addIssue(unknownLocale(tag, [tag]));
  }
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/** Identifier used to refer to a record from other files: lower-case words joined by hyphens. */
export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "seed-000"');
