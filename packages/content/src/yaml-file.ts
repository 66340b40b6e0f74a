import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContentCode, type ErrorArgs, isErrorCode } from '@repo/errors';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type ContentIssue, contentIssue } from './issues.ts';

/**
 * Parses YAML text and validates it, turning syntax errors and schema errors into issues with line
 * numbers. The `yaml` package is used (rather than js-yaml) because it keeps node positions.
 */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: string, issues: ContentIssue[], lineOffset = 0): z.infer<S> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      // linePos is only filled in with prettyErrors; pos (character offsets) always is.
      const line = error.linePos?.[0]?.line ?? (error.pos ? lineCounter.linePos(error.pos[0]).line : undefined);
      issues.push(contentIssue('YamlSyntax', { detail: error.message.split('\n')[0] ?? '' }, { file, line: line ? line + lineOffset : undefined }));
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const problem of result.error.issues) {
    const path = problem.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const line = lineOf(doc, path, lineCounter);
    const at = { file, line: line ? line + lineOffset : undefined, field: path.length ? path.join('.') : undefined };
    const [code, args] = schemaProblem(problem);
    issues.push(contentIssue(code as 'FieldInvalid', args as { rule: string }, at));
  }
  return undefined;
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
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(join(root, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  for (const issue of issues) {
    if (issue.line || !issue.field) continue;
    const path = issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const text = /\.ya?ml$/.test(issue.file) || /\.mdx$/.test(issue.file) ? textOf(issue.file) : undefined;
    if (text === undefined) continue;
    // A page's frontmatter starts on the file's second line, after "---".
    const frontmatter = issue.file.endsWith('.mdx') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
    // Only a field or a parent below the top: the top of the file says nothing.
    const line = frontmatter === undefined ? undefined : fieldLine(frontmatter, path, 1);
    if (line) issue.line = issue.file.endsWith('.mdx') ? line + 1 : line;
  }
}
