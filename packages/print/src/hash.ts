import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { RenderJob } from './render/layout.ts';
import { printingHashInput } from './render/pdf.ts';

const packageRoot = resolve(import.meta.dirname, '..');
const designSrc = resolve(packageRoot, '../design/src');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** SHA-256 over the renderer's own source (templates, layout, PDF writer) and the design tokens. */
export function codeHash(): string {
  const hash = createHash('sha256');
  for (const dir of [join(packageRoot, 'src'), designSrc]) {
    for (const path of files(dir)) hash.update(relative(packageRoot, path)).update('\0').update(readFileSync(path));
  }
  return hash.digest('hex');
}

/**
 * Everything a file depends on: the job (its lines or page title, helplines, URL, format, options), the renderer's
 * code, the fonts and the library versions; for a PDF also the printing condition and PDF/X version
 * (and the output profile PDF/X-4 embeds). Unchanged hash, unchanged file: the renderer skips it.
 */
export function jobInputHash(job: RenderJob, code: string, fonts: string, libraries: string): string {
  // A photo's absolute path says where the checkout is, not what the file shows (its sha256 does).
  const json = JSON.stringify(job, (key, value) => (key === 'photo' && value ? { ...value, path: undefined } : value));
  const hash = createHash('sha256').update(json).update('\0').update(code).update('\0').update(fonts).update('\0').update(libraries);
  // The printing settings are in the JSON of a PDF's job; PNGs (social images, page cards) have none,
  // so another --pdfx re-renders only the PDFs. An X-4 file also depends on the profile it embeds.
  if ('printing' in job && job.printing) hash.update('\0').update(printingHashInput(job.printing));
  return hash.digest('hex');
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
