import { Worker } from 'node:worker_threads';
import type { WorkRequest, WorkResult } from './worker.ts';

export interface PoolOptions {
  /** Requests with a TIFF that may run at once across all workers. */
  tiffSlots?: number;
}

/**
 * Worker threads (worker.ts) that render requests, each taking the next request when it finishes
 * one. The workers start as soon as the pool is made, so they load the code and the fonts while the
 * main thread still plans and preflights; `run` then feeds them.
 *
 * A worker is replaced only after a request with a TIFF (wide formats under --tiff hold a few GB each
 * at 300 dpi: at most `tiffSlots` of them run at once across all workers, and a worker waiting for a
 * slot takes other requests first); a replacement costs a cold start (code, fonts, every word shaped
 * again). Not for memory otherwise: measured on @resvg/resvg-js 2.6.2, the pixmaps it allocates are
 * freed when V8 collects their objects, which a worker's event loop lets it do between requests (a
 * whole set of 829 files peaks at the same ~1 GB with or without replacing workers).
 *
 * A worker that fails to start, throws or exits unasked makes `run` reject with its error; the
 * requests not yet handed out are dropped.
 */
export class RenderPool {
  private readonly workers: (Worker | undefined)[];
  private readonly url = new URL('./worker.ts', import.meta.url);
  private readonly tiffSlots: number;
  /** Workers this pool stopped itself: their exit is no failure. */
  private readonly stopped = new WeakSet<Worker>();
  /** A worker failed to start or crashed: the error `run` rejects with. */
  private failure: Error | undefined;
  private onFailure: ((error: Error) => void) | undefined;

  constructor(size: number, options: PoolOptions = {}) {
    this.tiffSlots = options.tiffSlots ?? 1;
    this.workers = Array.from({ length: Math.max(1, size) }, () => this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(this.url);
    const fail = (error: Error) => {
      this.failure ??= error;
      this.onFailure?.(error);
    };
    w.on('error', fail);
    // Without an error first (killed, out of memory, process.exit in a dependency): its request would wait forever.
    w.on('exit', (code) => {
      if (!this.stopped.has(w)) fail(new Error(`a print worker stopped unexpectedly (exit code ${code})`));
    });
    return w;
  }

  private stop(w: Worker): Promise<number> {
    this.stopped.add(w);
    return w.terminate();
  }

  /** Renders every request, calling `onResult` with each result as it comes; at most one `run` at a time. */
  async run(requests: WorkRequest[], onResult: (r: WorkResult) => void): Promise<void> {
    if (this.failure) throw this.failure;
    const queue = [...requests];
    let tiffsRunning = 0;
    const waiting: (() => void)[] = [];
    /** The next request a lane may take: the first one, or the first without a TIFF while every TIFF slot is taken. */
    const take = (): WorkRequest | undefined => {
      const i = tiffsRunning < this.tiffSlots ? 0 : queue.findIndex((r) => !r.tiff);
      return i < 0 ? undefined : queue.splice(i, 1)[0];
    };
    const laneCount = Math.max(1, Math.min(this.workers.length, requests.length));
    const failed = new Promise<never>((_, reject) => {
      this.onFailure = (error) => {
        // The other workers finish what they hold; nothing more is handed out.
        queue.length = 0;
        reject(error);
      };
    });
    const lane = (index: number) =>
      new Promise<void>((resolve) => {
        const feed = () => {
          if (!queue.length) {
            resolve();
            return;
          }
          const req = take();
          if (!req) {
            // Only TIFF requests left and every slot taken: wait for one to finish.
            waiting.push(feed);
            return;
          }
          let worker = this.workers[index];
          if (!worker) {
            worker = this.spawn();
            this.workers[index] = worker;
          }
          if (req.tiff) tiffsRunning++;
          worker.once('message', (r: WorkResult) => {
            if (req.tiff) {
              tiffsRunning--;
              for (const wake of waiting.splice(0)) wake();
              void this.stop(worker);
              this.workers[index] = undefined;
            }
            onResult(r);
            feed();
          });
          worker.postMessage(req);
        };
        feed();
      });
    try {
      await Promise.race([Promise.all(Array.from({ length: laneCount }, (_, i) => lane(i))), failed]);
    } finally {
      this.onFailure = undefined;
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w && this.stop(w)));
    this.workers.fill(undefined);
  }
}
