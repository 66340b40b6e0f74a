// The words of the content format that readers must never see: schema field names and interface
// string keys. The internals gate (@repo/gates) fails any public page whose text contains one, so a
// build that leaks a notice meant for the campaign team ("… has no verifiedOn date"), or a missing
// interface string shown by its key, is never published.
import { uiStringKeys } from '@repo/i18n';
import type { z } from 'zod';
import { campaignSchema, countrySchema, figuresFileSchema, pageFrontmatterSchema, posterSchema, sourcesFileSchema } from './schema/index.ts';

/** Every field name of a zod schema, however deeply nested (objects, arrays, records, unions, wrappers). */
export function fieldNames(schema: z.ZodType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape)
      for (const [key, value] of Object.entries(shape)) {
        names.add(key);
        walk(value);
      }
    for (const key of ['element', 'innerType', 'valueType', 'in', 'out', 'left', 'right']) walk(def[key]);
    for (const option of (def.options as unknown[] | undefined) ?? []) walk(option);
  };
  walk(schema);
  return names;
}

/**
 * Names a reader would only see through a leak: field names that are not plain words (camelCase or
 * with digits, such as `verifiedOn`, `siteUrl`, `e164`; plain ones like `title` or `number` are
 * ordinary words) and every interface string key (`helplines.heading`).
 */
export function internalNames(): string[] {
  const fields = new Set<string>();
  for (const schema of [campaignSchema, countrySchema, figuresFileSchema, pageFrontmatterSchema, posterSchema, sourcesFileSchema])
    for (const name of fieldNames(schema)) fields.add(name);
  const technical = [...fields].filter((name) => /[a-z][A-Z]|\d/.test(name));
  return [...technical, ...Object.keys(uiStringKeys)].sort();
}
