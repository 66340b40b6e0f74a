// Reproducibility: two builds of the same commit, made in different folders, must give
// byte-identical files. A file that differs usually carries a timestamp, a random id, an absolute
// path or an order that depends on the file system; the report shows where the bytes part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure } from './failure.ts';
import { filesOf } from './site-files.ts';
import type { Failure, GateResult } from './types.ts';

/** Where two buffers first differ, with a little text around it when the file is text. */
export function firstDifference(a: Buffer, b: Buffer): { offset: number; a: string; b: string } | undefined {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === n && a.length === b.length) return undefined;
  const snippet = (buf: Buffer) => {
    const text = buf.subarray(Math.max(0, i - 30), i + 50);
    return text.includes(0) ? `${text.length} bytes of binary` : JSON.stringify(text.toString('utf8'));
  };
  return { offset: i, a: snippet(a), b: snippet(b) };
}

/** Names a file for a failure: `sites/gr/en/index.html` → site gr, page /en/index.html. */
function locate(file: string): { site: string; page: string } {
  const m = file.match(/^sites\/([^/]+)(\/.*)$/) ?? file.match(/^([^/]+)(\/.*)$/);
  return m ? { site: m[1] as string, page: m[2] as string } : { site: 'build', page: `/${file}` };
}

/** Compares two build folders file by file; every difference is a failure. */
export function compareTrees(first: string, second: string, options: { ignore?: (file: string) => boolean } = {}): GateResult {
  const keep = (f: string) => !options.ignore?.(f);
  const a = filesOf(first).filter(keep);
  const b = filesOf(second).filter(keep);
  const inB = new Set(b);
  const inA = new Set(a);
  const failures: Failure[] = [];
  for (const file of a) {
    if (!inB.has(file)) {
      failures.push(failure('OnlyInFirstBuild', {}, locate(file)));
      continue;
    }
    const diff = firstDifference(readFileSync(join(first, file)), readFileSync(join(second, file)));
    if (diff) failures.push(failure('BuildsDiffer', { offset: diff.offset, first: diff.a, second: diff.b }, locate(file)));
  }
  for (const file of b) if (!inA.has(file)) failures.push(failure('OnlyInSecondBuild', {}, locate(file)));
  return { gate: 'reproducible', failures, summary: `${a.length} files compared byte for byte` };
}
