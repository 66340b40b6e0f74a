import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContentCode, type ErrorArgs, isErrorCode } from '@repo/errors';
import { type CST, isMap, isSeq, LineCounter, Parser, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type ContentIssue, contentIssue } from './issues.ts';

/**
 * Parses YAML text and validates it, turning syntax errors and schema errors into issues with line
 * numbers. The `yaml` package is used (rather than js-yaml) because it keeps node positions.
 */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: string, issues: ContentIssue[], lineOffset = 0): z.infer<S> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    // One issue per file: the parser goes on after its first error and reports what follows from it
    // (a `{` left open gives an error on each line after it). An unclosed flow mapping or list is
    // reported where it opens; the parser only notices it on a later line.
    const detail = error.message.split('\n')[0] ?? '';
    const unclosed = unclosedFlow(text).find((flow) => flow.offset <= error.pos[0]);
    const line = lineCounter.linePos(unclosed?.offset ?? error.pos[0]).line;
    issues.push(contentIssue('YamlSyntax', { detail, ...(unclosed ? { unclosed: unclosed.bracket } : {}) }, { file, line: line + lineOffset }));
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const problem of result.error.issues) {
    const path = problem.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // An unknown field is found on its parent: point at the field itself (its first, if several).
    const line = lineOf(doc, problem.code === 'unrecognized_keys' && problem.keys[0] !== undefined ? [...path, problem.keys[0]] : path, lineCounter);
    const at = { file, line: line ? line + lineOffset : undefined, field: path.length ? path.join('.') : undefined };
    const [code, args] = schemaProblem(problem);
    issues.push(contentIssue(code as 'FieldInvalid', args as { rule: string }, at));
  }
  return undefined;
}

/** Flow mappings and lists (`{ … }`, `[ … ]`) that are never closed, by where they open, last first. */
function unclosedFlow(text: string): { offset: number; bracket: '{' | '[' }[] {
  const found: { offset: number; bracket: '{' | '[' }[] = [];
  const visit = (token: CST.Token | undefined) => {
    if (!token) return;
    if (token.type === 'document') visit(token.value);
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') return;
    if (token.type === 'flow-collection' && !token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end'))
      found.push({ offset: token.offset, bracket: token.start.source === '[' ? '[' : '{' });
    for (const item of token.items) {
      visit(item.key ?? undefined);
      visit(item.value);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  // The innermost (last opened) before the error is the one that runs on.
  return found.sort((a, b) => b.offset - a.offset);
}

export function readYaml<S extends z.ZodType>(path: string, schema: S, file: string, issues: ContentIssue[]) {
  return parseYaml(readFileSync(path, 'utf8'), schema, file, issues);
}

/** Line of the deepest node that exists along `path` (at least `minDepth` deep), so a missing field points at its parent. */
function lineOf(doc: ReturnType<typeof parseDocument>, path: (string | number)[], counter: LineCounter, minDepth = 0) {
  for (let depth = path.length; depth >= minDepth; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range && (depth === 0 || node !== undefined)) {
      if (depth === path.length || isMap(node) || isSeq(node) || depth === 0) return counter.linePos(range[0]).line;
    }
  }
  return undefined;
}

/** What zod found, as a code of the catalogue and its arguments. A schema's own rule names its code in `params.code`. */
function schemaProblem(problem: z.core.$ZodIssue): [ContentCode, ErrorArgs] {
  if (problem.code === 'invalid_type' && problem.input === undefined) return ['FieldMissing', { expected: problem.expected }];
  if (problem.code === 'unrecognized_keys') return ['FieldUnknown', { keys: problem.keys }];
  if (problem.code === 'invalid_type') {
    const input = problem.input;
    const got = typeof input === 'object' ? (Array.isArray(input) ? 'a list' : input === null ? 'nothing' : 'a mapping') : typeof input;
    return ['FieldWrongType', { expected: problem.expected, got }];
  }
  if (problem.code === 'invalid_value') return ['FieldNotOneOf', { rule: problem.message, values: problem.values }];
  const { code, ...args } = (problem.code === 'custom' ? problem.params : undefined) ?? {};
  if (typeof code === 'string' && isErrorCode(code)) return [code as ContentCode, args];
  return ['FieldInvalid', { rule: problem.message }];
}

/** YAML files of a folder, sorted; none when the folder does not exist. */
export function yamlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
}

/** A record whose identifier must match its file name (`gr.yaml` holds `code: gr`). */
export function checkNamedAfterFile(file: string, name: string, actual: string, field: string, issues: ContentIssue[]) {
  const expected = name.replace(/\.ya?ml$/, '');
  if (actual !== expected) issues.push(contentIssue('NotNamedAfterFile', { actual, name, field, expected }, { file, field }));
}

/** The line of a field in a YAML text (1-based), or of its deepest existing parent; undefined when the text cannot be read. */
export function fieldLine(text: string, path: (string | number)[], minDepth = 0): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  return lineOf(doc, path, counter, minDepth);
}

/**
 * Gives every issue about a field of a YAML file or of a page's frontmatter the line of that field
 * (of its deepest existing parent when it is missing), where the check that found it did not.
 */
export function addFieldLines(root: string, issues: ContentIssue[]): void {
  const lineOf = placeLines(root);
  for (const issue of issues) {
    if (issue.line || !issue.field || !/\.(ya?ml|mdx)$/.test(issue.file)) continue;
    const line = lineOf(
      issue.file,
      issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    );
    if (line) issue.line = line;
  }
}

/**
 * The line of a field given as a path, in a content file (a page's frontmatter included). The path
 * is needed as a list: interface string keys have dots in them (`strings` → `site.footerNote`).
 */
export function placeLines(root: string): (file: string, path: (string | number)[]) => number | undefined {
  const texts = new Map<string, string | undefined>();
  return (file, path) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(join(root, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    const text = texts.get(file);
    if (text === undefined) return undefined;
    // Only a field or a parent below the top: the top of the file says nothing.
    if (!file.endsWith('.mdx')) return fieldLine(text, path, 1);
    // A page's frontmatter starts on the file's second line, after "---".
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    const line = frontmatter === undefined ? undefined : fieldLine(frontmatter, path, 1);
    return line === undefined ? undefined : line + 1;
  };
}
