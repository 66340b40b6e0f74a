// A render worker: loads the fonts once, then renders the jobs the main thread sends (posters and page
// cards), writing each file (and its preview) into the staging folder. Replies with sizes and
// checksums, or the error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { loadFonts, type RenderJob, renderPoster, sha256, TextMeasurer } from '@repo/print';

export interface WorkRequest {
  job: RenderJob;
  /** Folder the files are written into, mirroring their final place. */
  staging: string;
  file: string;
  preview: string;
}

export type WorkResult =
  | { ok: true; key: string; bytes: number; sha256: string; previewBytes: number; timings: { svg: number; pdf: number; png: number } }
  | { ok: false; key: string; name: string; message: string };

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
    port.postMessage({
      ok: true,
      key: req.job.key,
      bytes: r.file.length,
      sha256: sha256(r.file),
      previewBytes: r.preview.length,
      timings: r.timings,
    } satisfies WorkResult);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ ok: false, key: req.job.key, name: e.name, message: e.message } satisfies WorkResult);
  }
});
