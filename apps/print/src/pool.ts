import { Worker } from 'node:worker_threads';
import type { WorkRequest, WorkResult } from './worker.ts';

/**
 * Runs requests on `size` worker threads, each taking the next request when it finishes one.
 * A worker is replaced after `recycleAfter` jobs: @resvg/resvg-js 2.6.2 leaks memory per render.
 */
export async function runPool(requests: WorkRequest[], size: number, onResult: (r: WorkResult) => void, recycleAfter = 150): Promise<void> {
  let next = 0;
  const url = new URL('./worker.ts', import.meta.url);
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker | undefined;
      let done = 0;
      const spawn = () => {
        const w = new Worker(url);
        w.on('error', reject);
        w.on('message', (r: WorkResult) => {
          onResult(r);
          done++;
          feed();
        });
        worker = w;
      };
      const feed = () => {
        if (next >= requests.length) {
          void worker?.terminate();
          resolve();
          return;
        }
        if (!worker || done >= recycleAfter) {
          void worker?.terminate();
          done = 0;
          spawn();
        }
        worker?.postMessage(requests[next++]);
      };
      feed();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, requests.length)) }, lane));
}
