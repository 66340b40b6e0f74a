// `npm run bench`: times a cold full build and a no-change rebuild, and records pages built, ms per
// page and peak memory in benchmarks/build.md and benchmarks/build.json. Figures from one run are
// compared as ratios: these machines are noisy.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Sum of the resident memory of a process and all its descendants, from /proc (Linux only). */
function treeRssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    for (const [child, parent] of parents) if (parent === pid) stack.push(child);
  }
  return total;
}

/** Runs a command, returning wall time and the peak memory of its process tree (sampled every 100 ms). */
function measure(command: string, args: string[]): Promise<{ ms: number; peakBytes: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } });
    let peakBytes = 0;
    const timer = setInterval(() => {
      if (child.pid) peakBytes = Math.max(peakBytes, treeRssBytes(child.pid));
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else done({ ms: performance.now() - started, peakBytes });
    });
  });
}

function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.endsWith('404.html')).length;
}

// Cold: no turbo cache, no Astro build roots, no previous site or print output.
for (const dir of ['apps/site/.build', 'apps/site/dist', 'apps/print/dist']) rmSync(join(root, dir), { recursive: true, force: true });
// Both runs go through the same command, so Turborepo sees the same environment.
const cold = await measure(process.execPath, ['scripts/build.ts', '--force']);
const pages = countPages(join(root, 'dist/sites'));
const printManifest = JSON.parse(readFileSync(join(root, 'apps/print/dist/manifest.json'), 'utf8')) as { files: unknown[]; cards?: unknown[] };
const warm = await measure(process.execPath, ['scripts/build.ts']);

const mb = (b: number) => Math.round(b / 1024 / 1024);
const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores, Node ${process.version}`,
  pagesBuilt: pages,
  printFiles: printManifest.files.length,
  pageCards: printManifest.cards?.length ?? 0,
  coldBuildMs: Math.round(cold.ms),
  msPerPage: Math.round(cold.ms / pages),
  coldPeakMemoryMB: mb(cold.peakBytes),
  noChangeRebuildMs: Math.round(warm.ms),
  noChangeRatio: Number((warm.ms / cold.ms).toFixed(3)),
};
writeFileSync(join(root, 'benchmarks/build.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(root, 'benchmarks/build.md'),
  `# Build benchmark

Written by \`npm run bench\` (scripts/bench.ts) on ${results.date}, ${results.machine}.
Cold = \`node scripts/build.ts --force\` (what \`npm run build\` runs, every cache ignored): print files,
then sites, with no Astro build roots and no previous site or print output, then publish (staging,
every quality gate, swap). No-change = the same command again without --force: a Turborepo cache
hit, and the gates' verdict on byte-identical sites stands. Peak memory is the sum of the resident
memory of the build's whole process tree, sampled every 100 ms.

| figure | value |
|---|---|
| pages built (all sites, all locales, 404 pages not counted) | ${results.pagesBuilt} |
| print files and page cards rendered | ${results.printFiles} + ${results.pageCards} |
| cold full build | ${(results.coldBuildMs / 1000).toFixed(1)} s |
| per page (cold total ÷ pages: includes print files and gates) | ${results.msPerPage} ms |
| peak memory, cold build | ${results.coldPeakMemoryMB} MB |
| no-change rebuild | ${(results.noChangeRebuildMs / 1000).toFixed(2)} s |
| no-change ÷ cold (goal < 0.10) | ${results.noChangeRatio} |
`,
);
console.log(results);
