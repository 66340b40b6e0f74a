// Writes the editors' JSON Schemas from the zod schemas (packages/content/src/json-schemas.ts):
// schemas/<kind>.schema.json, the `# yaml-language-server: $schema=…` first line of every content YAML
// file (added to a new file, corrected in a moved one, left alone when right), and, for page
// frontmatter in VS Code's Astro extension, .astro/collections/ (machine-local, not committed).
// `npm run schemas` after changing a schema or adding a content file; `-- --check` writes nothing
// and exits 1 if anything is stale (test/json-schemas.test.ts checks the same).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { astroContentIntellisense, contentJsonSchemaFiles, withYamlSchemaLine, yamlSchemaLine } from '@repo/content';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const changed: string[] = [];
const problems: string[] = [];

function write(file: string, text: string) {
  const path = join(root, file);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  changed.push(file);
  if (check) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// schemas/: one file per kind; a file no kind writes any more is removed.
const schemas = contentJsonSchemaFiles();
for (const [name, text] of schemas) write(`schemas/${name}`, text);
for (const name of existsSync(join(root, 'schemas')) ? readdirSync(join(root, 'schemas')) : []) {
  if (name.endsWith('.schema.json') && !schemas.has(name)) {
    changed.push(`schemas/${name} (removed)`);
    if (!check) rmSync(join(root, 'schemas', name));
  }
}

// The first line of every content YAML file.
const contentFiles = (readdirSync(join(root, 'content'), { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
for (const file of contentFiles.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))) {
  const line = yamlSchemaLine(file);
  if (!line) {
    problems.push(`content/${file}: no kind of content file matches it; add one to contentFileKinds in packages/content/src/json-schemas.ts`);
    continue;
  }
  const text = readFileSync(join(root, 'content', file), 'utf8');
  write(`content/${file}`, withYamlSchemaLine(text, line));
}

// Page frontmatter for the Astro extension (its manifest lists every page by absolute path).
if (!check) {
  const pages = contentFiles.filter((f) => /^pages\/[^/]+\/[^/]+\.mdx$/.test(f)).map((f) => join(root, 'content', f));
  for (const [file, text] of astroContentIntellisense(pages)) write(file, text);
}

for (const problem of problems) console.error(problem);
if (check) {
  if (changed.length > 0) {
    console.error(`Stale, run npm run schemas:\n${changed.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('The JSON Schemas and the schema lines of content files are current.');
} else {
  console.log(changed.length ? `Wrote:\n${changed.map((f) => `  ${f}`).join('\n')}` : 'Nothing to write: the JSON Schemas and schema lines are current.');
}
if (problems.length > 0) process.exit(1);
