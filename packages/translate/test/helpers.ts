// Helpers of the translate tests: private copies of the real content (the posters and their print
// formats are needed to measure poster lines), and edits of exported XLIFF units.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const contentDir = resolve(import.meta.dirname, '../../../content');
const copies: string[] = [];
export function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'translate-'));
  cpSync(contentDir, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** Every file of a folder, hashed: to prove a refused import changed nothing. */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

export const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
export const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
  const before = read(dir, file);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit(): ${String(from)} not in ${file}`);
  writeFileSync(join(dir, file), after);
};

/** A unit of an exported XLIFF file (1.2 <trans-unit>, 2.0 <unit>), changed by `change` (which gets and returns its XML). */
export function changeUnit(xliff: string, id: string, change: (unit: string) => string): string {
  const element = xliff.includes(`<trans-unit id="${id}"`) ? 'trans-unit' : 'unit';
  const start = xliff.indexOf(`<${element} id="${id}"`);
  if (start < 0) throw new Error(`no unit ${id}`);
  const end = xliff.indexOf(`</${element}>`, start) + `</${element}>`.length;
  return xliff.slice(0, start) + change(xliff.slice(start, end)) + xliff.slice(end);
}
export const setTarget =
  (text: string, state = 'translated', extra = '') =>
  (unit: string) =>
    unit.replace(/<target[^>]*>[\s\S]*?<\/target>|(?=<note)/, `<target state="${state}">${text}</target>${extra}`);
