// Writing translated texts into the content: YAML fields edited in place (yaml-edit.ts keeps
// comments and layout), page frontmatter the same way and the MDX body replaced, and each unit's
// record (content/translations/<locale>.yaml; a page's in its frontmatter). Nothing is written here:
// `planWrites` returns the new text of every file it would change, so an import can check the result
// in a copy of the content first and then write all of it or nothing.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Content, localeUnits, type Page, sourceFingerprint, type UnitRecord, type UnitSource, yamlSchemaLine } from '@repo/content';
import { localeInfo, slugify, sourceLocale } from '@repo/i18n';
import { parse } from 'yaml';
import { readRecords, recordsFile, recordsText } from './records.ts';
import { deleteYamlKey, setYamlString } from './yaml-edit.ts';

/** One text to write: the unit, its new text in the locale, and what to record about it. */
export interface Change {
  unit: UnitSource;
  text: string;
  state: 'draft' | 'reviewed' | 'derived';
  reviewer?: string;
  /** Derived locales: a reviewer's own wording, made over this fingerprint of the origin's text. */
  over?: string;
  /**
   * Fingerprint of the English the text was translated from (for a page, of its English title,
   * description and body), when that is not today's English: the unit then stays outdated.
   */
  from?: string;
}

/** A change that cannot be written as it is (e.g. a new page without its title), by unit. */
export class PlanError extends Error {
  readonly unit: string;
  constructor(unit: string, message: string) {
    super(message);
    this.unit = unit;
  }
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The new text of every content file the changes touch, by path relative to the content root. */
export function planWrites(content: Content, locale: string, changes: Change[]): Map<string, string> {
  const root = content.root;
  const out = new Map<string, string>();
  const read = (file: string): string | undefined => out.get(file) ?? (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);
  const records = { ...readRecords(root, locale) };
  const before = JSON.stringify(records);
  const current = new Map(localeUnits(content, locale).map((u) => [u.id, u]));
  const derived = !!localeInfo(locale).derivedFrom;
  const record = (c: Change) => {
    if (c.state === 'derived') {
      delete records[c.unit.id];
      return;
    }
    const r: UnitRecord = { from: c.from ?? c.unit.sourceHash, state: c.state };
    if (c.state === 'reviewed' && c.reviewer) r.reviewer = c.reviewer;
    if (c.over) r.over = c.over;
    records[c.unit.id] = r;
  };

  const pages = new Map<string, Change[]>();
  const blocks = new Map<string, Change[]>();
  for (const c of changes) {
    const place = c.unit.place(locale);
    if (c.unit.kind === 'page') {
      pages.set(c.unit.page as string, [...(pages.get(c.unit.page as string) ?? []), c]);
      if (derived) record(c);
      continue;
    }
    let text = read(place.file);
    if (text === undefined) {
      if (c.unit.kind !== 'ui') throw new PlanError(c.unit.id, `content/${place.file} does not exist`);
      text = `${yamlSchemaLine(place.file)}\n# Interface strings in ${localeInfo(locale).englishName} (draft translation of en.yaml, awaiting review by a native speaker).\n# What each key is for: packages/i18n/src/strings.ts\ntranslation: draft\nstrings:\n`;
      text = text.replace(/strings:\n$/, `strings:\n  ${JSON.stringify(place.path[1])}: ""\n`);
    }
    out.set(place.file, setYamlString(text, place.path, c.text));
    record(c);
    if (c.unit.poster && c.unit.poster.field[0] !== 'name') {
      const key = c.unit.poster.design;
      blocks.set(key, [...(blocks.get(key) ?? []), c]);
    }
  }

  // A poster's lines in a language are reviewed when every line is: `translation` and `reviewedBy` of the block say so.
  for (const [design, list] of blocks) {
    if (derived) continue;
    const file = content.posters.find((d) => d.id === design)?.file as string;
    const lineUnits = [...current.values()].filter((u) => u.poster?.design === design && u.poster.field[0] !== 'name');
    const states = lineUnits.map((u) => {
      const c = list.find((x) => x.unit.id === u.id);
      return c ? { state: c.state, reviewer: c.reviewer } : { state: u.state, reviewer: u.reviewer };
    });
    const reviewed = states.every((s) => s.state === 'reviewed');
    let text = read(file) as string;
    const block = (parse(text) as { lines?: Record<string, { translation?: string; reviewedBy?: string }> }).lines?.[locale];
    if (block?.translation === 'reviewed' && !reviewed) {
      // The block goes back to draft: lines reviewed before keep that in their own record.
      for (const u of lineUnits) {
        if (u.state === 'reviewed' && !list.some((x) => x.unit.id === u.id) && !records[u.id]?.state)
          records[u.id] = { from: records[u.id]?.from ?? u.sourceHash, state: 'reviewed', reviewer: u.reviewer ?? block.reviewedBy ?? 'unknown' };
      }
    }
    text = setYamlString(text, ['lines', locale, 'translation'], reviewed ? 'reviewed' : 'draft');
    if (reviewed) text = setYamlString(text, ['lines', locale, 'reviewedBy'], [...new Set(states.map((s) => s.reviewer).filter(Boolean))].join(', '));
    else text = deleteYamlKey(text, ['lines', locale, 'reviewedBy']);
    out.set(file, text);
  }

  for (const [id, list] of pages) writePage(content, locale, id, list, derived, current, read, out);

  if (JSON.stringify(records) !== before) out.set(recordsFile(locale), recordsText(locale, records));
  return out;
}

function writePage(
  content: Content,
  locale: string,
  id: string,
  list: Change[],
  derived: boolean,
  current: Map<string, { id: string; kind: string; page?: string; state: string; text?: string; needed: boolean }>,
  read: (file: string) => string | undefined,
  out: Map<string, string>,
) {
  const file = `pages/${locale}/${id}.mdx`;
  const english = content.pages.find((p) => p.locale === sourceLocale && p.id === id) as Page;
  const existing = read(file);
  const field = (name: string) => list.find((c) => c.unit.id === `page:${id}:${name}`);
  let fm: string;
  let body: string;
  if (existing) {
    const match = frontmatterPattern.exec(existing);
    if (!match) throw new PlanError(`page:${id}:body`, `content/${file} has no frontmatter`);
    fm = `${match[1]}\n`;
    body = existing.slice(match[0].length);
  } else {
    const missing = ['title', 'description', 'body'].filter((n) => !field(n));
    if (missing.length) {
      throw new PlanError(
        `page:${id}:${missing[0]}`,
        `page "${id}" has no ${locale} translation yet: its ${missing.map((m) => `page:${id}:${m}`).join(', ')} must come with it`,
      );
    }
    fm = [
      `title: ${JSON.stringify(field('title')?.text)}`,
      `description: ${JSON.stringify(field('description')?.text)}`,
      // A slug in the page's own language (@repo/i18n slugify: romanised, lower-case ASCII); editors may shorten it.
      `slug: ${JSON.stringify(english.data.slug === '' ? '' : slugify(field('title')?.text ?? '', locale) || english.data.slug)}`,
      `audience: ${english.data.audience}`,
      `order: ${english.data.order}`,
      'translation: draft',
      '',
    ].join('\n');
    body = '';
  }
  for (const c of list) {
    const path = c.unit.place(locale).path;
    if (path[0] === 'body') body = c.text;
    else fm = setYamlString(fm, path, c.text);
  }
  if (!derived) {
    const page = content.pages.find((p) => p.locale === locale && p.id === id);
    // Reviewed when every unit of the page given here is signed off and every other one already was:
    // those the locale's sites show (a role's description no site of the locale shows is never exported).
    const others = [...current.values()].filter(
      (u) => u.kind === 'page' && u.page === id && u.needed && u.text !== undefined && !list.some((c) => c.unit.id === u.id),
    );
    const reviewed = list.every((c) => c.state === 'reviewed') && others.every((u) => u.state === 'reviewed');
    const reviewers = [...new Set(list.map((c) => c.reviewer).filter(Boolean))].join(', ');
    fm = setYamlString(fm, ['translation'], reviewed ? 'reviewed' : 'draft');
    fm = reviewed ? setYamlString(fm, ['reviewedBy'], reviewers || (page?.data.reviewedBy ?? '')) : deleteYamlKey(fm, ['reviewedBy']);
    fm = setYamlString(fm, ['sourceHash'], list.find((c) => c.from !== undefined)?.from ?? sourceFingerprint(english));
  }
  out.set(file, `---\n${fm.replace(/\n$/, '')}\n---\n${body}`);
}

/** Writes files (relative to `root`) each through a temporary file and a rename, so none is left half-written. */
export function writeFiles(root: string, files: Map<string, string>): void {
  for (const [file, text] of files) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  }
}

/** A private copy of the content with the files written into it, for checking before the real write. */
export function trialCopy(root: string, files: Map<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'translations-'));
  cpSync(root, dir, { recursive: true });
  writeFiles(dir, files);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
