import { z } from 'zod';

/** The 12-character fingerprint of a text (`fingerprint()` in @repo/content), as pages' `sourceHash`. */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12-character fingerprint written by npm run translations');

/** Where a translation stands: `draft` awaits a native speaker; `reviewed` has been checked by one (`reviewer`). */
export const unitStateSchema = z.enum(['draft', 'reviewed', 'derived']);

/**
 * The record of one translated text (a unit), in content/translations/<locale>.yaml. Written by
 * `npm run translations` (import, derive, mark-current); read by the status report and the release rule.
 */
export const unitRecordSchema = z
  .strictObject({
    from: fingerprintSchema
      .optional()
      .meta({ description: 'Fingerprint of the English text it was translated from: once the English changes, the unit is outdated.' }),
    state: unitStateSchema.optional().meta({
      description:
        '`draft` until a native speaker has reviewed it, then `reviewed` (with `reviewer`); `derived` when the text is made by rule from another ' +
        "locale's (Serbian Latin). Left out: the state of the file or block the text is in (`translation:` of a UI file or of a poster's lines).",
    }),
    reviewer: z.string().trim().min(1).optional().meta({ description: 'Who reviewed it, when `state` is `reviewed`.' }),
    over: fingerprintSchema.optional().meta({
      description:
        "In a derived locale, a reviewer's own wording instead of the derived text: the fingerprint of the text it was derived from (Serbian " +
        'Cyrillic) when the reviewer wrote it. Kept by `derive` until that text changes.',
    }),
  })
  .refine((r) => r.state !== 'reviewed' || r.reviewer, { message: 'a reviewed unit needs its reviewer', path: ['reviewer'] });
export type UnitRecord = z.infer<typeof unitRecordSchema>;

/** content/translations/<locale>.yaml: the record of every translated text of one locale, by unit id. */
export const translationRecordSchema = z.strictObject({
  units: z
    .record(z.string(), unitRecordSchema)
    .default({})
    .meta({ description: 'By unit id, e.g. `ui:site.menu`, `poster:origin-youth:headline`, `helpline:rs-116000:purpose`.' }),
});
export type TranslationRecord = z.infer<typeof translationRecordSchema>;
