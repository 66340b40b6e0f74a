import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from './issues.ts';

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
      issues.push({
        file,
        ...(line ? { line: line + lineOffset } : {}),
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        fix: 'check indentation, colons and quotes on that line; quote text that contains ": " or starts with a symbol',
      });
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const problem of result.error.issues) {
    const path = problem.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const line = lineOf(doc, path, lineCounter);
    issues.push({
      file,
      ...(line ? { line: line + lineOffset } : {}),
      ...(path.length ? { field: path.join('.') } : {}),
      message: describe(problem),
      fix: fixFor(problem),
    });
  }
  return undefined;
}

export function readYaml<S extends z.ZodType>(path: string, schema: S, file: string, issues: ContentIssue[]) {
  return parseYaml(readFileSync(path, 'utf8'), schema, file, issues);
}

/** Line of the deepest node that exists along `path`, so a missing field points at its parent. */
function lineOf(doc: ReturnType<typeof parseDocument>, path: (string | number)[], counter: LineCounter) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range && (depth === 0 || node !== undefined)) {
      if (depth === path.length || isMap(node) || isSeq(node) || depth === 0) return counter.linePos(range[0]).line;
    }
  }
  return undefined;
}

function describe(problem: z.core.$ZodIssue): string {
  if (problem.code === 'invalid_type' && problem.input === undefined) return `is missing (expected ${problem.expected})`;
  if (problem.code === 'unrecognized_keys') return `has unknown field${problem.keys.length > 1 ? 's' : ''} ${problem.keys.map((k) => `"${k}"`).join(', ')}`;
  if (problem.code === 'invalid_type')
    return `has the wrong type: expected ${problem.expected}, got ${typeof problem.input === 'object' ? (Array.isArray(problem.input) ? 'a list' : problem.input === null ? 'nothing' : 'a mapping') : typeof problem.input}`;
  return problem.message;
}

function fixFor(problem: z.core.$ZodIssue): string {
  if (problem.code === 'invalid_type' && problem.input === undefined) return 'add the field; see the schema comments in packages/content/src/schema';
  if (problem.code === 'unrecognized_keys') return 'remove it or correct its spelling; see the schema comments in packages/content/src/schema';
  if (problem.code === 'invalid_value') return `use one of: ${problem.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return 'correct the value; see the schema comments in packages/content/src/schema';
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
  if (actual !== expected) {
    issues.push({
      file,
      field,
      message: `is "${actual}" but the file is named ${name}`,
      fix: `rename the file to ${actual}.yaml or write ${field}: ${expected}`,
    });
  }
}

/** The line of a field in a YAML text (1-based), or of its deepest existing parent; undefined when the text cannot be read. */
export function fieldLine(text: string, path: (string | number)[]): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  return lineOf(doc, path, counter);
}
