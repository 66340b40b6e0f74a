// What a benchmark's figures were taken on, and how they are summarised.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';

/** The value at quantile q (0…1) of a sample, nearest rank: the median is q = 0.5, p90 q = 0.9. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p90 = (xs: readonly number[]) => quantile(xs, 0.9);

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The machine, as `nproc`, `free -h`, /proc/cpuinfo and `node --version` would give it. */
export function machine() {
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' });
  const memLine = free.status === 0 ? free.stdout.split('\n').find((l) => l.startsWith('Mem:')) : undefined;
  return {
    nproc: availableParallelism(),
    cpu: model,
    memory: memLine ? memLine.replace(/\s+/g, ' ').trim() : `Mem: ${gib(totalmem())} total, ${gib(freemem())} free`,
    node: process.version,
    loadAtStart: loadAverage(),
  };
}
