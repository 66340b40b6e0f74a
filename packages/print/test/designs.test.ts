import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContentError, type ContentIssue, loadContent } from '@repo/content';
import { posterTemplateIds, printFormatIds } from '@repo/design';
import { describe, expect, it } from 'vitest';
import { schemes } from '../src/index.ts';
import { copyFixture, fixtureContent } from './helpers.ts';

function issuesAfter(edit: (dir: string) => void): ContentIssue[] {
  const dir = copyFixture();
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
  it('the designs load: each with English and the languages of its countries', () => {
    const posters = fixtureContent().posters;
    expect(posters.map((p) => p.id)).toEqual(['demand', 'youth']);
    for (const p of posters) {
      expect(p.lines.en?.translation).toBe('source');
      const needed = fixtureContent()
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
      replaceIn(dir, 'posters/youth.yaml', 'template: panel', 'template: glossy');
      replaceIn(dir, 'posters/youth.yaml', 'formats: [a4,', 'formats: [a5, a4,');
      replaceIn(dir, 'posters/youth.yaml', /\n {4}cta: Сомневаешься в предложении\? Позвони и спроси\./, '');
      replaceIn(dir, 'posters/demand.yaml', /\n {2}el:\n(?: {4}.*\n){5}/, '\n');
    });
    const find = (file: string, field: string) => issues.find((i) => i.file === file && i.field === field);
    expect(find('posters/youth.yaml', 'template')).toMatchObject({
      code: 'FieldNotOneOf',
      args: { rule: 'unknown template "glossy"', values: expect.arrayContaining(['panel']) },
    });
    expect(find('posters/youth.yaml', 'formats.0')).toMatchObject({
      code: 'FieldNotOneOf',
      args: { rule: 'unknown format "a5"', values: expect.arrayContaining([printFormatIds[0]]) },
    });
    expect(find('posters/youth.yaml', 'lines.ru.cta')?.code).toBe('FieldMissing');
    expect(find('posters/demand.yaml', 'lines.el')).toMatchObject({ code: 'PosterLinesMissing', args: { locale: 'el', language: 'Greek', countries: ['gr'] } });
    for (const i of issues) {
      expect(i.file).toMatch(/^posters\//);
      expect(i.fix).toBeTruthy();
    }
  });

  it('reports a QR page that does not exist or is for the other audience, and English lines that are not the source', () => {
    const issues = issuesAfter((dir) => {
      replaceIn(dir, 'posters/youth.yaml', 'page: recruitment', 'page: recruiting');
      replaceIn(dir, 'posters/demand.yaml', /en:\n {4}translation: source/, 'en:\n    translation: draft');
    });
    expect(issues.find((i) => i.file === 'posters/youth.yaml' && i.field === 'page')).toMatchObject({
      code: 'PosterPageMissing',
      args: { page: 'recruiting' },
    });
    expect(issues.find((i) => i.file === 'posters/demand.yaml' && i.field === 'lines.en.translation')?.code).toBe('EnglishLinesNotSource');
    const audience = issuesAfter((dir) => replaceIn(dir, 'posters/youth.yaml', 'page: recruitment', 'page: demand'));
    expect(audience.find((i) => i.file === 'posters/youth.yaml' && i.field === 'page')).toMatchObject({
      code: 'PosterPageAudience',
      args: { page: 'demand', pageAudience: 'destination' },
    });
  });
});
