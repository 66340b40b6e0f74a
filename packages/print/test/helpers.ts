import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { type Content, loadContent } from '@repo/content';
import { loadFonts, type PrintJob, planJobs, TextMeasurer } from '../src/index.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/**
 * The print tests' own content (fixtures/README.md): two countries, two designs, a Latin, a Cyrillic
 * and a Greek language. The campaign's real content/ is only rendered by live-content.test.ts, which
 * asserts nothing about its words.
 */
export const fixtureDir = join(import.meta.dirname, 'fixtures/content');

let content: Content | undefined;
/** The fixture content, loaded once per test file. */
export function fixtureContent(): Content {
  content ??= loadContent(fixtureDir);
  return content;
}

export function fixtureJobs(options: Parameters<typeof planJobs>[1] = {}): PrintJob[] {
  return planJobs(fixtureContent(), options);
}

/** One job of the fixture by key (`<cc>/<design>/<locale>/<format>`). */
export function job(key: string, options: Parameters<typeof planJobs>[1] = {}): PrintJob {
  const found = fixtureJobs(options).find((j) => j.key === key);
  if (!found) throw new Error(`no job ${key} in the fixture`);
  return found;
}

export const fonts = loadFonts();
export const measurer = new TextMeasurer(fonts);

/** A private copy of the fixture content to break on purpose. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'print-content-'));
  cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

/** A PDF read back: the text of every object, with every FlateDecode stream inflated. */
export function readPdf(pdf: Buffer): string {
  const latin = pdf.toString('latin1');
  let out = '';
  let at = 0;
  const streamRe = /(?<!end)stream\r?\n/g;
  for (let m = streamRe.exec(latin); m; m = streamRe.exec(latin)) {
    const dictStart = latin.lastIndexOf('obj', m.index);
    const dict = latin.slice(dictStart, m.index);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const data = pdf.subarray(start, start + length);
    out += latin.slice(at, start);
    out += /\/FlateDecode/.test(dict) ? inflateSync(data).toString('latin1') : data.toString('latin1');
    at = start + length;
    streamRe.lastIndex = at;
  }
  return out + latin.slice(at);
}

/** A PDF box as [x0, y0, x1, y1] points. */
export function box(text: string, name: string): number[] {
  const m = new RegExp(`/${name} \\[([^\\]]*)\\]`).exec(text);
  if (!m?.[1]) throw new Error(`no /${name} in PDF`);
  return m[1].trim().split(/\s+/).map(Number);
}

export const mm = (n: number) => (n * 72) / 25.4;

/** A string entry of the PDF's info dictionary, direct (as the writer puts them) or indirect; UTF-16 when needed. */
export function info(text: string, key: string): string {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text)?.[1];
  const raw = ref
    ? new RegExp(`(?:^|\\n)${ref} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(text)?.[1]
    : new RegExp(`/${key} \\(((?:\\\\[\\s\\S]|[^\\\\)])*)\\)`).exec(text)?.[1];
  if (raw === undefined) throw new Error(`no /${key} in PDF`);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const unescaped = raw.replace(/\\([()\\nrtbf])/g, (_, c: string) => escapes[c] ?? c);
  if (!unescaped.startsWith('\u00fe\u00ff')) return unescaped;
  return Buffer.from(unescaped.slice(2), 'latin1').swap16().toString('utf16le');
}
