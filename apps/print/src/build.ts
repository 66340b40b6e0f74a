// buildPrint: the print files of every country, in four stages, each its own module:
//   plan.ts     which files, from the content (and the release refusal)
//   cache.ts    input hashes; which files are unchanged since the last run
//   render.ts   preflight, then the changed files on worker threads into a staging folder
//   publish.ts  files into place, stale files out, spec sheets, ZIPs, SHA256SUMS, manifest.json
// Every problem is reported at once before anything is written; on any error the output folder
// stays as it was.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentShared } from '@repo/content';
import { type FontSet, isCardJob, loadFonts, type Manifest, PrintErrors } from '@repo/print';
import { type CacheState, compareWithPrevious } from './cache.ts';
import { type Plan, type PlanOptions, planBuild } from './plan.ts';
import { RenderPool } from './pool.ts';
import { checkSpecSheets, publish } from './publish.ts';
import { defaultTiffSlots, preflightProblems, removeLeftoverStaging, renderFiles, threadCount } from './render.ts';

/** What a run is asked for (PlanOptions: which files and how), plus where and how fast it runs. */
export interface BuildOptions extends PlanOptions {
  /** content/ folder. */
  contentDir: string;
  /** Output folder (apps/print/dist). */
  outDir: string;
  /** TIFF renders running at once across all workers (each holds GBs at 300 dpi). Default: 1 per 8 GB of RAM. */
  tiffSlots?: number;
  workers?: number;
  log?: (line: string) => void;
  /** Called with done, total and elapsed ms while rendering. */
  progress?: (done: number, total: number, elapsedMs: number) => void;
}

export interface BuildSummary {
  /** Files and page cards planned, rendered, skipped (inputs unchanged) and removed (stale). */
  total: number;
  rendered: number;
  skipped: number;
  removed: number;
  /** Print files that are proofs. */
  proofs: number;
  /** Page cards planned, rendered, and showing unverified facts (proof bands). */
  cards: { total: number; rendered: number; proofs: number };
  ms: number;
  manifest: Manifest;
  /** Per-stage render times of the rendered files, ms. */
  timings: { svg: number; pdf: number; png: number; tiff: number };
  /** TIFFs rendered in this run. */
  tiffs: number;
}

/**
 * Renders every design × locale × format for every country whose role the design serves, and one
 * page card per planned page of each country's site; renders only files whose input hash changed,
 * and publishes them with a spec sheet, a ZIP and SHA256SUMS per country and manifest.json.
 */
export async function buildPrint(o: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const plan = planBuild(loadContentShared(o.contentDir), o);
  const fonts = loadFonts();
  const cache = await compareWithPrevious(plan, o.outDir, fonts, Boolean(o.tiff));
  const { todo } = cache;
  const tiffSlots = o.tiffSlots ?? defaultTiffSlots();
  // The workers start now: they load the code and the fonts while this thread runs the preflight.
  const pool = todo.length ? new RenderPool(threadCount(todo.length, o.workers), { tiffSlots }) : undefined;
  try {
    // Everything to be made is checked before anything renders: every problem at once, nothing written.
    const problems = [...preflightProblems(todo, fonts), ...checkSpecSheets(plan, fonts)];
    if (problems.length) throw new PrintErrors(problems, 'in the print preflight');
    return await renderAndPublish(o, plan, cache, pool, { started, log, fonts, tiffSlots });
  } finally {
    await pool?.close();
  }
}

async function renderAndPublish(
  o: BuildOptions,
  plan: Plan,
  cache: CacheState,
  pool: RenderPool | undefined,
  { started, log, fonts, tiffSlots }: { started: number; log: (line: string) => void; fonts: FontSet; tiffSlots: number },
): Promise<BuildSummary> {
  const { todo } = cache;

  if (cache.outdated)
    log(
      `print: ${join(o.outDir, 'manifest.json')} was written by an older renderer: everything is rendered again, and countries outside this run leave the manifest until a run renders them`,
    );
  const total = cache.prints.length + cache.cards.length;
  const todoCards = todo.filter((p) => isCardJob(p.job)).length;
  const todoTiffs = todo.filter((p) => 'tiff' in p && p.tiff).length;
  log(
    `print: ${cache.prints.length} files${plan.withCards ? ` and ${cache.cards.length} page cards` : ''}; ${total - todo.length} unchanged (skipped), ${todo.length ? `${todo.length} to render on ${threadCount(todo.length, o.workers)} worker threads` : 'nothing to render'}`,
  );
  if (todoTiffs)
    log(`print: ${todoTiffs} of them with a CMYK TIFF at ${plan.tiffDpi} dpi (at most ${tiffSlots} TIFF render${tiffSlots === 1 ? '' : 's'} at a time)`);

  mkdirSync(o.outDir, { recursive: true });
  removeLeftoverStaging(o.outDir);
  const staging = join(o.outDir, `.staging-${process.pid}`);
  try {
    const rendered = pool
      ? await renderFiles(todo, { staging, pool, ...(o.progress ? { progress: o.progress } : {}) })
      : { results: new Map(), timings: { svg: 0, pdf: 0, png: 0, tiff: 0 } };
    // Their memory goes back before the spec sheets and ZIPs are made.
    await pool?.close();
    const published = await publish(plan, cache, rendered, { outDir: o.outDir, staging, fonts });
    const { manifest } = published;
    if (!manifest.files.length && !manifest.cards.length) log('print: nothing to render (no design serves the selected countries)');
    return {
      total,
      rendered: todo.length,
      skipped: total - todo.length,
      removed: published.removed,
      proofs: cache.prints.filter((p) => p.job.unverified.length > 0).length,
      cards: { total: cache.cards.length, rendered: todoCards, proofs: cache.cards.filter((c) => c.job.unverified.length > 0).length },
      ms: performance.now() - started,
      manifest,
      timings: rendered.timings,
      tiffs: todoTiffs,
    };
  } finally {
    // Workers still busy after a failure would write into the staging folder again: stop them first.
    await pool?.close();
    rmSync(staging, { recursive: true, force: true });
  }
}
