import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { ContentError, type ContentIssue, loadContent } from '../src/index.ts';

export const validFixture = resolve(import.meta.dirname, 'fixtures/valid');

/** A private copy of the valid fixture set, to break on purpose. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(validFixture, dir, { recursive: true });
  return dir;
}

/** A copy of the valid fixture set for one test, removed when the test finishes. */
export function scratchFixture(): string {
  const dir = copyFixture();
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every issue the loader refuses a content folder with; fails the test when the content loads. */
export function refusedIssues(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error('expected the content to be refused');
}

/** Replaces text in a file of a fixture copy, failing loudly if the text is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit(): ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

export function write(dir: string, file: string, text: string) {
  writeFileSync(join(dir, file), text);
}

/** A one-format destination poster design, posters/road.yaml, with these calls to action in English and Greek. */
export function writeRoadPoster(dir: string, cta: { en: string; el: string }) {
  mkdirSync(join(dir, 'posters'), { recursive: true });
  write(
    dir,
    'posters/road.yaml',
    [
      'id: road',
      'name: { en: The person you pay may be a child }',
      'audience: destination',
      'template: stark',
      'page: demand',
      'formats: [a4]',
      'lines:',
      `  en: { translation: source, headline: The person you pay may be a child., body: Behind it there can be a child., cta: ${cta.en} }`,
      `  el: { translation: draft, headline: Μπορεί να είναι παιδί., body: Πίσω του μπορεί να κρύβεται ένα παιδί., cta: ${cta.el} }`,
    ].join('\n'),
  );
}

/** What a test compares of an issue: where it is, its code and its arguments (never its wording). */
export function coded<T extends { code: string; args: unknown; line?: number; file?: string; field?: string }>(issue: T) {
  return {
    ...(issue.file !== undefined ? { file: issue.file } : {}),
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.field !== undefined ? { field: issue.field } : {}),
    code: issue.code,
    args: issue.args,
  };
}
