import { type UiKey, uiStringKeys } from '@repo/i18n';
import { z } from 'zod';
import { translationStatus } from './page.ts';

const keys = Object.keys(uiStringKeys) as [UiKey, ...UiKey[]];
const text = z.string().trim().min(1, 'must not be empty');
/** Each key's string, described as packages/i18n/src/strings.ts describes it (editors show it). */
const described = (key: UiKey) => text.meta({ description: uiStringKeys[key] });

/** content/ui/en.yaml: every interface string, since English is every other locale's fallback. */
export const sourceUiSchema = z.strictObject({
  translation: z.literal('source').meta({ description: 'Always `source` for English.' }),
  strings: z
    .strictObject(Object.fromEntries(keys.map((k) => [k, described(k)])) as Record<UiKey, typeof text>)
    .meta({ description: 'Every key of `uiStringKeys` in @repo/i18n (packages/i18n/src/strings.ts), as an ICU message.' }),
});

/** content/ui/<locale>.yaml for any other locale: any subset of the keys. */
export const translatedUiSchema = z.strictObject({
  translation: translationStatus.exclude(['source']).meta({ description: '`draft` until a native speaker has reviewed it, then `reviewed`.' }),
  strings: z
    .strictObject(Object.fromEntries(keys.map((k) => [k, described(k).optional()])) as Record<UiKey, z.ZodOptional<typeof text>>)
    .meta({ description: 'Interface strings as ICU messages, any of the keys of en.yaml; a missing key shows the English words.' }),
});
