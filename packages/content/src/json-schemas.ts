// JSON Schemas of every kind of content file, made from the zod schemas for editors: VS Code (and any
// editor using yaml-language-server) completes, documents and validates fields while typing. Each
// field's `.meta({ description })` in src/schema/ becomes its `description`. `npm run schemas`
// (scripts/schemas.ts) writes them to schemas/ and the first line of every content YAML file that
// points to its schema; test/json-schemas.test.ts fails when either is stale.
//
// A JSON Schema is looser than the zod schema it comes from: zod's refinements (an `en` entry in every
// per-locale field, locale tags declared in content/locales.yaml, word counts, cross-file checks) have
// no JSON Schema form, so `npm run check:content` stays the authority. It never refuses valid content,
// but for one corner: a length limit counts the spaces around a quoted text, which zod trims first.
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfxVersionIds } from '@repo/design';
import { sourceLocale } from '@repo/i18n';
import { z } from 'zod';
import {
  campaignSchema,
  countrySchema,
  figuresFileSchema,
  localesFileSchema,
  pageFrontmatterSchema,
  posterSchema,
  printingSchema,
  sourcesFileSchema,
  sourceUiSchema,
  translatedUiSchema,
  translationRecordSchema,
} from './schema/index.ts';

/** One kind of content file and the zod schema it is validated with. */
export interface ContentFileKind {
  /** Its JSON Schema is `schemas/<name>.schema.json`. */
  name: string;
  /** Which files, relative to content/ with `/`: `*` stands for any name (first kind that matches wins). */
  files: string;
  /** `yaml` files, or the YAML frontmatter of `mdx` pages. */
  format: 'yaml' | 'mdx';
  title: string;
  description: string;
  schema: z.ZodType;
}

/** Every kind of file under content/, in the order a file is matched against them. */
export const contentFileKinds: readonly ContentFileKind[] = [
  {
    name: 'campaign',
    files: 'campaign.yaml',
    format: 'yaml',
    title: 'content/campaign.yaml',
    description: 'The campaign as a whole: identity, funding and release settings shared by every site.',
    schema: campaignSchema,
  },
  {
    name: 'locales',
    files: 'locales.yaml',
    format: 'yaml',
    title: 'content/locales.yaml',
    description: 'Every language the campaign speaks, English first, and the words any language may write in another script.',
    schema: localesFileSchema,
  },
  {
    name: 'sources',
    files: 'sources.yaml',
    format: 'yaml',
    title: 'content/sources.yaml',
    description: 'Every public source the content cites.',
    schema: sourcesFileSchema,
  },
  {
    name: 'figures',
    files: 'figures.yaml',
    format: 'yaml',
    title: 'content/figures.yaml',
    description: 'Every figure pages may quote with <Figure id="…" />, each with its source, year and scope.',
    schema: figuresFileSchema,
  },
  {
    name: 'country',
    files: 'countries/*.yaml',
    format: 'yaml',
    title: 'content/countries/<code>.yaml',
    description: 'One country of the campaign, which gets its own microsite: languages, helplines and partners.',
    schema: countrySchema,
  },
  {
    name: 'poster',
    files: 'posters/*.yaml',
    format: 'yaml',
    title: 'content/posters/<id>.yaml',
    description: 'One poster design: its words per language, the template that lays them out and its formats.',
    schema: posterSchema,
  },
  {
    name: 'ui-source',
    files: `ui/${sourceLocale}.yaml`,
    format: 'yaml',
    title: `content/ui/${sourceLocale}.yaml`,
    description: 'Every interface string in English, the fallback of every other language. What each key is for: packages/i18n/src/strings.ts.',
    schema: sourceUiSchema,
  },
  {
    name: 'ui-translated',
    files: 'ui/*.yaml',
    format: 'yaml',
    title: 'content/ui/<locale>.yaml',
    description: 'Interface strings in one language other than English: any of the keys; a missing key shows the English words.',
    schema: translatedUiSchema,
  },
  {
    name: 'translation-record',
    files: 'translations/*.yaml',
    format: 'yaml',
    title: 'content/translations/<locale>.yaml',
    description: 'The record of every translated text of one language, by unit id. Written by npm run translations.',
    schema: translationRecordSchema,
  },
  {
    name: 'page-frontmatter',
    files: 'pages/*/*.mdx',
    format: 'mdx',
    title: 'Frontmatter of content/pages/<locale>/<page-id>.mdx',
    description: 'The YAML between the --- lines at the top of a page.',
    schema: pageFrontmatterSchema,
  },
];

/** The kind of a file under content/ (`countries/gr.yaml`, `pages/en/home.mdx`), if it is one of contentFileKinds. */
export function contentFileKind(file: string): ContentFileKind | undefined {
  const path = file.split(sep).join('/');
  return contentFileKinds.find((kind) => globPattern(kind.files).test(path));
}

function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

/** What zod cannot express (a preprocess, z.custom), as the JSON Schema an editor should check. */
const representations = new Map<unknown, Record<string, unknown>>([
  // YAML reads `pdfx: 4` as a number; the schema turns it into "4".
  [printingSchema.shape.pdfx, { enum: [...pdfxVersionIds, ...pdfxVersionIds.filter((v) => /^\d+$/.test(v)).map(Number)] }],
]);

/** The sources of the regular expressions with flags a string schema checks. */
function flaggedPatterns(schema: unknown): string[] {
  const checks = (schema as { _zod?: { def?: { checks?: { _zod: { def: { pattern?: unknown } } }[] } } })._zod?.def?.checks ?? [];
  return checks.map((c) => c._zod.def.pattern).flatMap((p) => (p instanceof RegExp && p.flags !== '' ? [p.source] : []));
}

/** The JSON Schema of one kind of file, as an object. */
export function contentJsonSchema(kind: ContentFileKind): Record<string, unknown> {
  const generated = z.toJSONSchema(kind.schema, {
    target: 'draft-2020-12',
    // What an editor holds is the input: a field with a default may be left out.
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const represented = representations.get(zodSchema);
      if (represented) Object.assign(jsonSchema, represented);
      // z.int() bounds itself to safe integers; no one writes such numbers, and the bounds only clutter hovers.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      // A JSON Schema pattern has no flags: one zod checks case-insensitively (`/…\.png$/i`) would refuse what zod accepts.
      for (const pattern of flaggedPatterns(zodSchema)) {
        if (jsonSchema.pattern === pattern) delete jsonSchema.pattern;
        if (Array.isArray(jsonSchema.allOf)) jsonSchema.allOf = jsonSchema.allOf.filter((s) => (s as { pattern?: string }).pattern !== pattern);
      }
      // Keys of a YAML mapping are strings anyway.
      if (JSON.stringify(jsonSchema.propertyNames) === '{"type":"string"}') delete jsonSchema.propertyNames;
    },
  }) as Record<string, unknown>;
  const source = kind.format === 'mdx' ? `the frontmatter of content/${kind.files}` : `content/${kind.files}`;
  return ordered({
    ...generated,
    title: kind.title,
    description: kind.description,
    $comment: `Generated from the zod schemas in packages/content/src/schema/ by npm run schemas; do not edit. For ${source}.`,
  });
}

/** Every JSON Schema as the text of its file, by file name (`campaign.schema.json`). */
export function contentJsonSchemaFiles(): Map<string, string> {
  return new Map(contentFileKinds.map((kind) => [jsonSchemaFileName(kind), `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`]));
}

export function jsonSchemaFileName(kind: ContentFileKind): string {
  return `${kind.name}.schema.json`;
}

/**
 * The first line of a content YAML file (`countries/gr.yaml`, relative to content/), which points
 * yaml-language-server (VS Code's YAML extension) to its schema: `# yaml-language-server: $schema=…`,
 * a path relative to the file, since schemas/ and content/ sit side by side at the repository's root.
 */
export function yamlSchemaLine(file: string): string | undefined {
  const kind = contentFileKind(file);
  if (kind?.format !== 'yaml') return undefined;
  const depth = file.split(sep).join('/').split('/').length;
  return `${yamlSchemaLinePrefix}${'../'.repeat(depth)}schemas/${jsonSchemaFileName(kind)}`;
}

export const yamlSchemaLinePrefix = '# yaml-language-server: $schema=';

/** The text of a content YAML file with `line` first: replaces a schema line already there, else inserts it. */
export function withYamlSchemaLine(text: string, line: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const [first = '', ...rest] = text.split(newline);
  if (first.startsWith(yamlSchemaLinePrefix)) return [line, ...rest].join(newline);
  return `${line}${newline}${text}`;
}

/**
 * The files the Astro VS Code extension reads to validate and complete page frontmatter
 * (`astro.content-intellisense`): `.astro/collections/collections.json`, which names the collection
 * of every file by its lower-case file URL, and `.astro/collections/<collection>.schema.json`, by
 * their path relative to the repository's root (the folder VS Code opens). `pageFiles` are absolute
 * paths; the manifest holds them, so `npm run schemas` writes it on each machine (.astro/ is ignored).
 */
export function astroContentIntellisense(pageFiles: string[]): Map<string, string> {
  const kind = contentFileKinds.find((k) => k.format === 'mdx') as ContentFileKind;
  const entries: Record<string, string> = {};
  for (const file of [...pageFiles].sort()) {
    // The language server compares decodeURIComponent(uri).toLowerCase() with these keys.
    entries[decodeURIComponent(pathToFileURL(file).href).toLowerCase()] = kind.name;
  }
  const manifest = { collections: [{ hasSchema: true, name: kind.name }], entries };
  return new Map([
    ['.astro/collections/collections.json', `${JSON.stringify(manifest, null, 2)}\n`],
    [`.astro/collections/${jsonSchemaFileName(kind)}`, `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`],
  ]);
}

/** Schema keywords whose values are schemas, to order recursively; `properties` keeps the fields in their zod order. */
const subschemaKeywords = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'contains', 'unevaluatedProperties']);
const subschemaListKeywords = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const leadingKeywords = ['$schema', 'title', 'description', '$comment', 'type'];

/** A schema with its keywords in one order (leading ones, then alphabetical), so the files are stable and readable. */
function ordered(schema: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = schema[key];
    if (key === 'properties' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, Record<string, unknown>>).map(([name, s]) => [name, ordered(s)]));
    } else if (subschemaKeywords.has(key) && typeof value === 'object' && value !== null) {
      out[key] = ordered(value as Record<string, unknown>);
    } else if (subschemaListKeywords.has(key)) {
      out[key] = (value as Record<string, unknown>[]).map(ordered);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function rank(key: string): number {
  const i = leadingKeywords.indexOf(key);
  return i === -1 ? leadingKeywords.length : i;
}
