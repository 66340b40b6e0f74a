import { Worker } from 'node:worker_threads';
import type { WorkRequest, WorkResult } from './worker.ts';

/**
 * Runs requests on `size` worker threads, each taking the next request when it finishes one.
 * A worker is replaced after `recycleAfter` jobs: @resvg/resvg-js 2.6.2 leaks memory per render.
 *
 * Requests with a TIFF (wide formats under --tiff) hold a few GB each at 300 dpi: at most `tiffSlots`
 * of them run at once across all workers (a worker waiting for a slot takes other requests first),
 * and the worker that ran one is replaced afterwards, so its memory goes back to the system.
 */
export async function runPool(requests: WorkRequest[], size: number, onResult: (r: WorkResult) => void, recycleAfter = 150, tiffSlots = 1): Promise<void> {
  const queue = [...requests];
  let tiffsRunning = 0;
  const waiting: (() => void)[] = [];
  const url = new URL('./worker.ts', import.meta.url);
  /** The next request this lane may take: the first one, or the first without a TIFF while every TIFF slot is taken. */
  const take = (): WorkRequest | undefined => {
    const i = tiffsRunning < tiffSlots ? 0 : queue.findIndex((r) => !r.tiff);
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  };
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker | undefined;
      let done = 0;
      let current: WorkRequest | undefined;
      const spawn = () => {
        const w = new Worker(url);
        w.on('error', reject);
        w.on('message', (r: WorkResult) => {
          if (current?.tiff) {
            tiffsRunning--;
            done = recycleAfter;
            for (const wake of waiting.splice(0)) wake();
          }
          current = undefined;
          onResult(r);
          done++;
          feed();
        });
        worker = w;
      };
      const feed = () => {
        if (!queue.length) {
          void worker?.terminate();
          resolve();
          return;
        }
        const req = take();
        if (!req) {
          // Only TIFF requests left and every slot taken: wait for one to finish.
          waiting.push(feed);
          return;
        }
        if (!worker || done >= recycleAfter) {
          void worker?.terminate();
          done = 0;
          spawn();
        }
        if (req.tiff) tiffsRunning++;
        current = req;
        worker?.postMessage(req);
      };
      feed();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, requests.length)) }, lane));
}
