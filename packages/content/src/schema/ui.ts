import { type UiKey, uiStringKeys } from '@repo/i18n';
import { z } from 'zod';
import { translationStatus } from './page.ts';

const keys = Object.keys(uiStringKeys) as [UiKey, ...UiKey[]];
const text = z.string().trim().min(1, 'must not be empty');

/** content/ui/en.yaml: every interface string, since English is every other locale's fallback. */
export const sourceUiSchema = z.strictObject({
  /** Always `source` for English. */
  translation: z.literal('source'),
  /** Every key of `uiStringKeys` in @repo/i18n. */
  strings: z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as Record<UiKey, typeof text>),
});

/** content/ui/<locale>.yaml for any other locale: any subset of the keys. */
export const translatedUiSchema = z.strictObject({
  /** `draft` until a native speaker has reviewed it. */
  translation: translationStatus.exclude(['source']),
  /** Interface strings; a missing key shows the English words. */
  strings: z.strictObject(Object.fromEntries(keys.map((k) => [k, text.optional()])) as Record<UiKey, z.ZodOptional<typeof text>>),
});
