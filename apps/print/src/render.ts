// Render: the files whose inputs changed, on worker threads (pool.ts, worker.ts), into a staging
// folder that mirrors the output folder, with progress. Nothing here touches the output itself: a
// file that fails is collected with every other failure and reported at once (publish.ts runs only
// when every file rendered).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { type FontSet, isCardJob, PrintErrors, PrintProblem, preflight, TextMeasurer } from '@repo/print';
import type { HashedCard, HashedPrint } from './cache.ts';
import type { RenderPool } from './pool.ts';
import type { TiffResult, WorkRequest } from './worker.ts';

/** What one rendered file came out as. */
export interface Rendered {
  bytes: number;
  sha256: string;
  tiff?: TiffResult;
}

export interface RenderOutcome {
  /** By job key. */
  results: Map<string, Rendered>;
  /** Per-stage render times summed over the rendered files, ms. */
  timings: { svg: number; pdf: number; png: number; tiff: number };
}

export interface RenderOptions {
  /** The staging folder (inside the output folder, so the files move into place by rename). */
  staging: string;
  /** The worker threads that render (pool.ts), started by the caller. */
  pool: RenderPool;
  progress?: (done: number, total: number, elapsedMs: number) => void;
}

/**
 * Every problem of the files to be made, found before anything renders: the glyphs, copyfit and
 * photo resolution of each job (`preflight`). Unchanged files passed it when they were rendered.
 */
export function preflightProblems(todo: (HashedPrint | HashedCard)[], fonts: FontSet): Error[] {
  return preflight(
    todo.map((p) => p.job),
    fonts,
    new TextMeasurer(fonts),
  );
}

/** Threads a run uses: one per core (or `workers`), no more than there are files. */
export function threadCount(todo: number, workers?: number): number {
  return Math.min(workers ?? availableParallelism(), todo);
}

/** The default number of TIFF renders at once: one per 8 GB of RAM. */
export function defaultTiffSlots(): number {
  return Math.max(1, Math.floor(totalmem() / 8 / 2 ** 30));
}

/** Removes staging folders a killed run left behind. */
export function removeLeftoverStaging(outDir: string): void {
  for (const name of readdirSync(outDir, { withFileTypes: true })) {
    if (name.name.startsWith('.staging-')) rmSync(join(outDir, name.name), { recursive: true, force: true });
  }
}

/** Renders `todo` into `options.staging`; throws PrintErrors naming every file that failed. */
export async function renderFiles(todo: (HashedPrint | HashedCard)[], options: RenderOptions): Promise<RenderOutcome> {
  const results = new Map<string, Rendered>();
  const timings = { svg: 0, pdf: 0, png: 0, tiff: 0 };
  if (!todo.length) return { results, timings };
  const failures: Error[] = [];
  mkdirSync(options.staging, { recursive: true });
  const started = performance.now();
  let done = 0;
  const requests: WorkRequest[] = todo.map((p) => ({
    job: p.job,
    staging: options.staging,
    file: p.file,
    preview: p.preview,
    ...(!isCardJob(p.job) && 'tiff' in p && p.tiff ? { tiff: { file: p.tiff.file, dpi: p.tiff.dpi } } : {}),
  }));
  // The folders the workers write into (a file, its preview and its TIFF may each have their own).
  for (const dir of new Set(requests.flatMap((r) => [r.file, r.preview, ...(r.tiff ? [r.tiff.file] : [])].map((rel) => dirname(join(options.staging, rel)))))) {
    mkdirSync(dir, { recursive: true });
  }
  await options.pool.run(requests, (r) => {
    done++;
    if (r.ok) {
      results.set(r.key, { bytes: r.bytes, sha256: r.sha256, ...(r.tiff ? { tiff: r.tiff } : {}) });
      timings.svg += r.timings.svg;
      timings.pdf += r.timings.pdf;
      timings.png += r.timings.png;
      timings.tiff += r.timings.tiff ?? 0;
    } else {
      // A problem of the catalogue keeps its code; anything else is the file failing to render.
      failures.push(
        r.code
          ? Object.assign(new Error(`${r.key}: ${r.message}`), { name: r.name, code: r.code, args: r.args })
          : new PrintProblem('RenderFailed', { key: r.key, name: r.name, message: r.message }),
      );
    }
    options.progress?.(done, todo.length, performance.now() - started);
  });
  if (failures.length) throw new PrintErrors(failures, 'while rendering');
  return { results, timings };
}
