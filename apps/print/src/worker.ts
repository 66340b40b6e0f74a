// A render worker: loads the fonts once, then renders the jobs the main thread sends (posters and page
// cards), writing each file (and its preview) into the staging folder, with one measurer for all of
// them (a word of a design and language is shaped once, for every format). Replies with sizes and
// checksums, or the error. With `tiff` in the request (wide formats under --tiff) it also writes the
// CMYK TIFF (tiff.ts) from the same display list; the pool runs those one at a time per worker and
// replaces the worker after each. The printing condition and PDF/X version travel on each job.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { loadFonts, PrintProblem, type RenderJob, renderPoster, sha256, TextMeasurer } from '@repo/print';

export interface WorkRequest {
  job: RenderJob;
  /** Folder the files are written into, mirroring their final place. */
  staging: string;
  file: string;
  preview: string;
  /** Also write a CMYK TIFF of trim + bleed at `dpi` (wide formats with --tiff). */
  tiff?: { file: string; dpi: number };
}

export interface TiffResult {
  file: string;
  dpi: number;
  pixels: [number, number];
  bytes: number;
  sha256: string;
}

export type WorkResult =
  | {
      ok: true;
      key: string;
      bytes: number;
      sha256: string;
      previewBytes: number;
      timings: { svg: number; pdf: number; png: number; tiff?: number };
      tiff?: TiffResult;
    }
  /** A failure; `code` and `args` when it is a problem of the catalogue (a line too wide, found late). */
  | { ok: false; key: string; name: string; message: string; code?: string; args?: Record<string, unknown> };

const fonts = loadFonts();
const measurer = new TextMeasurer(fonts);
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of cli.ts');

port.on('message', async (req: WorkRequest) => {
  try {
    const r = await renderPoster(req.job, { fonts, measurer });
    const file = join(req.staging, req.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, r.file);
    if (req.preview !== req.file) writeFileSync(join(req.staging, req.preview), r.preview);
    let tiff: TiffResult | undefined;
    let tiffMs = 0;
    if (req.tiff) {
      const t0 = performance.now();
      // Loaded only when asked for: tiff.ts (and sharp, unless a photo needed it) stays out of the workers of a run without --tiff.
      const { listToTiff } = await import('./tiff.ts');
      const t = await listToTiff(r.list, r.geometry, req.tiff.dpi);
      writeFileSync(join(req.staging, req.tiff.file), t.data);
      tiff = { file: req.tiff.file, dpi: req.tiff.dpi, pixels: t.pixels, bytes: t.data.length, sha256: sha256(t.data) };
      tiffMs = performance.now() - t0;
    }
    port.postMessage({
      ok: true,
      key: req.job.key,
      bytes: r.file.length,
      sha256: sha256(r.file),
      previewBytes: r.preview.length,
      timings: tiff ? { ...r.timings, tiff: tiffMs } : r.timings,
      ...(tiff ? { tiff } : {}),
    } satisfies WorkResult);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const coded = e instanceof PrintProblem ? { code: e.code, args: e.args } : {};
    port.postMessage({ ok: false, key: req.job.key, name: e.name, message: e.message, ...coded } satisfies WorkResult);
  }
});
