import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContentError, type ContentIssue, loadContent } from '@repo/content';
import { posterTemplateIds, printFormatIds } from '@repo/design';
import { describe, expect, it } from 'vitest';
import { schemes } from '../src/index.ts';
import { copyContent, realContent } from './helpers.ts';

function issuesAfter(edit: (dir: string) => void): ContentIssue[] {
  const dir = copyContent();
  edit(dir);
  try {
    loadContent(dir);
  } catch (error) {
    return (error as ContentError).issues;
  }
  return [];
}

function replaceIn(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not in ${file}`);
  writeFileSync(path, after);
}

describe('poster designs as content', () => {
  it('the real designs load: three designs, each with English and the languages of its countries', () => {
    const posters = realContent().posters;
    expect(posters.map((p) => p.id)).toEqual(['destination-demand', 'origin-parents', 'origin-youth']);
    for (const p of posters) {
      expect(p.lines.en?.translation).toBe('source');
      const needed = realContent()
        .countries.filter((c) => c.roles.includes(p.audience))
        .flatMap((c) => c.languages);
      for (const locale of needed) expect(Object.keys(p.lines)).toContain(locale);
    }
  });

  it('every template named in the design tokens has an implementation', () => {
    expect(Object.keys(schemes).sort()).toEqual([...posterTemplateIds].sort());
  });

  it('reports an unknown template, an unknown format, a missing line and a missing language at once, each with file, field and fix', () => {
    const issues = issuesAfter((dir) => {
      replaceIn(dir, 'posters/origin-youth.yaml', 'template: panel', 'template: glossy');
      replaceIn(dir, 'posters/origin-youth.yaml', 'formats: [a4,', 'formats: [a5, a4,');
      replaceIn(dir, 'posters/origin-parents.yaml', /\n {4}cta: Тревожите се за дете\? Обадете се за съвет\./, '');
      replaceIn(dir, 'posters/destination-demand.yaml', /\n {2}sl:\n(?: {4}.*\n){4}/, '\n');
    });
    const find = (file: string, field: string) => issues.find((i) => i.file === file && i.field === field);
    expect(find('posters/origin-youth.yaml', 'template')?.message).toBe('unknown template "glossy"');
    expect(find('posters/origin-youth.yaml', 'template')?.fix).toContain('"panel"');
    expect(find('posters/origin-youth.yaml', 'formats.0')?.message).toBe('unknown format "a5"');
    expect(find('posters/origin-youth.yaml', 'formats.0')?.fix).toContain(printFormatIds[0]);
    expect(find('posters/origin-parents.yaml', 'lines.bg.cta')?.message).toMatch(/is missing/);
    expect(find('posters/destination-demand.yaml', 'lines.sl')?.message).toBe('is missing: si speaks Slovenian and gets this design');
    for (const i of issues) {
      expect(i.file).toMatch(/^posters\//);
      expect(i.fix).toBeTruthy();
    }
  });

  it('reports a QR page that does not exist or is for the other audience, and English lines that are not the source', () => {
    const issues = issuesAfter((dir) => {
      replaceIn(dir, 'posters/origin-youth.yaml', 'page: recruitment', 'page: recruiting');
      replaceIn(dir, 'posters/origin-parents.yaml', 'page: parents-teachers', 'page: demand');
      replaceIn(dir, 'posters/destination-demand.yaml', /en:\n {4}translation: source/, 'en:\n    translation: draft');
    });
    expect(issues.find((i) => i.file === 'posters/origin-youth.yaml' && i.field === 'page')?.message).toContain(
      'content/pages/en/recruiting.mdx does not exist',
    );
    expect(issues.find((i) => i.file === 'posters/origin-parents.yaml' && i.field === 'page')?.message).toContain('which is for destination sites');
    expect(issues.find((i) => i.file === 'posters/destination-demand.yaml' && i.field === 'lines.en.translation')?.fix).toBe('write translation: source');
  });
});
