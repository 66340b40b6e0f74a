// The editors' JSON Schemas (src/json-schemas.ts, schemas/*.schema.json): current, referenced from
// every content YAML file, accepting all the real content, refusing what an editor should be told
// about, and documenting every field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  astroContentIntellisense,
  contentFileKind,
  contentFileKinds,
  contentJsonSchema,
  contentJsonSchemaFiles,
  jsonSchemaFileName,
  withYamlSchemaLine,
  yamlSchemaLine,
} from '../src/json-schemas.ts';

const repo = resolve(import.meta.dirname, '../../..');
const contentDir = join(repo, 'content');
const contentFiles = (readdirSync(contentDir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
const yamlFiles = contentFiles.filter((f) => /\.ya?ml$/.test(f));
const pageFiles = contentFiles.filter((f) => /^pages\/[^/]+\/[^/]+\.mdx$/.test(f));
const regenerate = 'run `npm run schemas` (scripts/schemas.ts writes them from packages/content/src/schema/)';

const ajv = new Ajv2020({ allErrors: true, strict: true });
// The formats as yaml-language-server checks them: an address with a scheme (zod's z.url() takes
// what `new URL` takes), a date as YYYY-MM-DD (the schemas' patterns say which dates exist).
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const validators = new Map(contentFileKinds.map((kind) => [kind.name, ajv.compile(contentJsonSchema(kind))]));

function kindNamed(name: string) {
  const kind = contentFileKinds.find((k) => k.name === name);
  if (!kind) throw new Error(`no kind ${name}`);
  return kind;
}

/** The data of a content file as the loader reads it: a YAML file whole, a page's frontmatter. */
function dataOf(file: string): unknown {
  const text = readFileSync(join(contentDir, file), 'utf8');
  const yaml = file.endsWith('.mdx') ? (/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)?.[1] ?? '') : text;
  return parseDocument(yaml, { uniqueKeys: true }).toJS();
}

/** The problems the schema of `kind` finds in `data`, as `path: message`. */
function problems(kind: string, data: unknown): string[] {
  const validate = validators.get(kind);
  if (!validate) throw new Error(`no kind ${kind}`);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

describe('the JSON Schemas in schemas/', () => {
  it('are the ones the zod schemas give (a changed schema needs npm run schemas)', () => {
    const stale: string[] = [];
    const files = contentJsonSchemaFiles();
    for (const [name, text] of files) {
      const path = join(repo, 'schemas', name);
      if (!existsSync(path)) stale.push(`schemas/${name} is missing`);
      else if (readFileSync(path, 'utf8') !== text) stale.push(`schemas/${name} differs from what the zod schemas give`);
    }
    for (const name of readdirSync(join(repo, 'schemas')).filter((n) => n.endsWith('.schema.json') && !files.has(n))) {
      stale.push(`schemas/${name} belongs to no kind of content file`);
    }
    expect(stale, `The JSON Schemas are stale: ${regenerate}.\n${stale.join('\n')}`).toEqual([]);
  });

  it('are generated the same every time, as draft 2020-12 with a title and description', () => {
    expect([...contentJsonSchemaFiles()]).toEqual([...contentJsonSchemaFiles()]);
    for (const kind of contentFileKinds) {
      const schema = contentJsonSchema(kind);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toBeTruthy();
      expect(schema.description).toBeTruthy();
    }
  });

  it('describe every field, so editors show what it is for', () => {
    const undocumented: string[] = [];
    const unchecked: string[] = [];
    const walk = (schema: Record<string, unknown>, at: string) => {
      for (const [name, field] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof field.description !== 'string' || field.description.length < 10) undocumented.push(`${at}.${name}`);
        // A field zod could not express (a z.custom, a preprocess) comes out as {} and checks nothing: say what it takes in `representations`.
        if (!['type', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', '$ref'].some((k) => k in field)) unchecked.push(`${at}.${name}`);
        walk(field, `${at}.${name}`);
      }
      for (const key of ['items', 'additionalProperties']) {
        const sub = schema[key];
        if (typeof sub === 'object' && sub !== null) walk(sub as Record<string, unknown>, `${at}[]`);
      }
      for (const sub of (schema.anyOf ?? []) as Record<string, unknown>[]) walk(sub, at);
    };
    for (const kind of contentFileKinds) walk(contentJsonSchema(kind), kind.name);
    expect(undocumented, 'fields without .meta({ description }) in packages/content/src/schema/').toEqual([]);
    expect(unchecked, 'fields whose JSON Schema checks nothing').toEqual([]);
  });

  it('accept every content file (they are looser than zod, never stricter)', () => {
    const refused: string[] = [];
    for (const file of [...yamlFiles, ...pageFiles]) {
      const kind = contentFileKind(file);
      if (!kind) continue;
      for (const problem of problems(kind.name, dataOf(file))) refused.push(`content/${file} ${problem}`);
    }
    expect(pageFiles.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });

  it('refuse what an editor should see underlined', () => {
    const country = dataOf('countries/gr.yaml') as Record<string, unknown>;
    expect(problems('country', { ...country, roles: ['destinaton'] })).toEqual(['/roles/0: must be equal to one of the allowed values']);
    expect(problems('country', { ...country, website: 'x' })).toEqual(['/: must NOT have additional properties']);
    expect(problems('country', { ...country, code: 'GR' })).toEqual(['/code: must match pattern "^[a-z]{2}$"']);
    const { helplines: _, ...noHelplines } = country;
    expect(problems('country', noHelplines)).toEqual(["/: must have required property 'helplines'"]);

    const page = dataOf('pages/en/about.mdx') as Record<string, unknown>;
    expect(problems('page-frontmatter', { ...page, audience: 'everyone' })).toEqual(['/audience: must be equal to one of the allowed values']);
    expect(problems('page-frontmatter', { ...page, description: 'Too short.' })).toEqual(['/description: must NOT have fewer than 20 characters']);
    expect(problems('page-frontmatter', { ...page, order: 1.5 })).toEqual(['/order: must be integer']);

    const campaign = dataOf('campaign.yaml') as Record<string, unknown>;
    expect(problems('campaign', { ...campaign, releaseDate: '2025-13-01' })).not.toEqual([]);
    // YAML reads `pdfx: 4` as a number, which the zod schema accepts.
    expect(problems('campaign', { ...campaign, printing: { pdfx: 4 } })).toEqual([]);
    expect(problems('campaign', { ...campaign, printing: { pdfx: '1a', condition: 'FOGRA47' } })).toEqual([]);
    expect(problems('campaign', { ...campaign, printing: { pdfx: 5 } })).toEqual(['/printing/pdfx: must be equal to one of the allowed values']);

    expect(problems('ui-translated', { translation: 'draft', strings: { 'site.menuu': 'Μενού' } })).toEqual(['/strings: must NOT have additional properties']);
    expect(problems('ui-translated', { translation: 'source', strings: {} })).toEqual(['/translation: must be equal to one of the allowed values']);
    expect(problems('ui-source', { translation: 'source', strings: { 'site.menu': 'Menu' } })).not.toEqual([]);
    expect(problems('translation-record', { units: { 'ui:site.menu': { state: 'checked' } } })).toEqual([
      '/units/ui:site.menu/state: must be equal to one of the allowed values',
    ]);
  });

  it('document each interface string key as packages/i18n/src/strings.ts does', () => {
    const schema = contentJsonSchema(kindNamed('ui-translated')) as { properties: { strings: { properties: Record<string, { description: string }> } } };
    expect(schema.properties.strings.properties['site.menu']?.description).toBe('Heading of the list of pages in this language.');
  });
});

describe('the schema line of content YAML files', () => {
  it('is the first line of every content YAML file and names its schema (npm run schemas adds it)', () => {
    const wrong: string[] = [];
    for (const file of yamlFiles) {
      const line = yamlSchemaLine(file);
      if (!line) {
        wrong.push(`content/${file}: no kind of content file matches it (contentFileKinds in packages/content/src/json-schemas.ts)`);
        continue;
      }
      const first = readFileSync(join(contentDir, file), 'utf8').split(/\r?\n/)[0];
      if (first !== line) wrong.push(`content/${file}: the first line should be ${line}`);
    }
    expect(yamlFiles.length).toBeGreaterThan(10);
    expect(wrong, `Content YAML files without their schema line: ${regenerate}.\n${wrong.join('\n')}`).toEqual([]);
  });

  it('points from each folder to the schema beside content/', () => {
    expect(yamlSchemaLine('campaign.yaml')).toBe('# yaml-language-server: $schema=../schemas/campaign.schema.json');
    expect(yamlSchemaLine('countries/gr.yaml')).toBe('# yaml-language-server: $schema=../../schemas/country.schema.json');
    expect(yamlSchemaLine('ui/en.yaml')).toBe('# yaml-language-server: $schema=../../schemas/ui-source.schema.json');
    expect(yamlSchemaLine('ui/el.yaml')).toBe('# yaml-language-server: $schema=../../schemas/ui-translated.schema.json');
    expect(yamlSchemaLine('translations/el.yaml')).toBe('# yaml-language-server: $schema=../../schemas/translation-record.schema.json');
    expect(yamlSchemaLine('pages/en/home.mdx')).toBeUndefined();
    expect(yamlSchemaLine('notes.yaml')).toBeUndefined();
  });

  it('is added once, above the comments a file has, and corrected when the file moved', () => {
    const line = '# yaml-language-server: $schema=../../schemas/country.schema.json';
    const text = '# Greece: country of destination.\ncode: gr\n';
    const once = withYamlSchemaLine(text, line);
    expect(once).toBe(`${line}\n${text}`);
    expect(withYamlSchemaLine(once, line)).toBe(once);
    // A stale line (the file moved, or its kind changed) is replaced; Windows line ends are kept.
    expect(withYamlSchemaLine('# yaml-language-server: $schema=../schemas/poster.schema.json\r\ncode: gr\r\n', line)).toBe(`${line}\r\ncode: gr\r\n`);
  });
});

describe('the editor settings', () => {
  it('map every YAML kind to its schema and recommend the YAML, MDX and Astro extensions', () => {
    const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'));
    const expected = Object.fromEntries(
      contentFileKinds.filter((k) => k.format === 'yaml').map((k) => [`./schemas/${jsonSchemaFileName(k)}`, `content/${k.files}`]),
    );
    expect(settings['yaml.schemas']).toEqual(expected);
    expect(settings['astro.content-intellisense']).toBe(true);
    const extensions = JSON.parse(readFileSync(join(repo, '.vscode/extensions.json'), 'utf8'));
    expect(extensions.recommendations).toEqual(expect.arrayContaining(['redhat.vscode-yaml', 'unifiedjs.vscode-mdx', 'astro-build.astro-vscode']));
  });

  it("give the Astro extension each page by the lower-case file URL its language server looks up, with the frontmatter's schema", () => {
    const files = astroContentIntellisense([join(repo, 'content/pages/sr-Latn/Home Page.mdx')]);
    const manifest = JSON.parse(files.get('.astro/collections/collections.json') ?? '');
    expect(manifest.collections).toEqual([{ hasSchema: true, name: 'page-frontmatter' }]);
    const [key] = Object.keys(manifest.entries);
    expect(key).toMatch(/^file:\/\/.*\/content\/pages\/sr-latn\/home page\.mdx$/);
    expect(JSON.parse(files.get('.astro/collections/page-frontmatter.schema.json') ?? '')).toEqual(contentJsonSchema(kindNamed('page-frontmatter')));
  });
});
