// `npm run bench [-- --scale <n>]`: times `npm run build` (scripts/build.ts) cold and after small
// changes, in a copy of the repository of its own (scripts/test/workspace.ts: this working tree, in a
// temporary folder, never the repository's dist/), and records per stage time, files per second,
// peak memory and how busy the cores were.
//
//   cold          every cache empty (no Turborepo cache, no print or site output, no published
//                 dist/ and so no gates' record): print files, sites, every gate on every page
//   no change     the same command again
//   MDX line      one line of one Slovenian page (content/pages/sl/about.mdx)
//   poster line   one Slovenian poster line (content/posters/destination-demand.yaml)
//   country YAML  one line of Slovenia's file (content/countries/si.yaml)
// Each change is new to the caches (a marker with the run's time). The issue's goals are ratios to
// the cold build of the same run: MDX line ≤ 0.10, poster line ≤ 0.10, country YAML ≤ 0.15,
// no change ≤ 0.03.
//
// --scale n (1, 3, 10): the content multiplied n times (scaleContent below): n× the countries, each
// copy speaking copies of its languages (`sl-x-k1`: the same texts under private-use tags), so n×
// the locales, pages, sites and print files. Results per n in benchmarks/scale.json and, with the
// fitted growth (time and memory against n on log-log axes: an exponent ≤ 1 is no faster than
// linear), benchmarks/scale.md. Without --scale: n = 1, also written to benchmarks/build.md and
// build.json, then the print benchmark (apps/print/bench.ts) runs.
//
// Peak memory is the proportional resident memory (PSS) of the build's whole process tree
// (Turborepo, npm, the tasks, Astro, Chromium), sampled twice a second; the sum of the processes'
// RSS, which counts memory they share once per process, is recorded beside it. Busy cores: the CPU
// time of the build's own processes over wall time (2 = both cores busy), from /proc. Linux only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { scaleContent } from './scale-content.ts';
import { makeWorkspace } from './test/workspace.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { scale: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const scale = Number(values.scale ?? 1);
if (!Number.isInteger(scale) || scale < 1) {
  console.error(`--scale ${values.scale}: give a whole number of times, 1 or more (1, 3, 10).`);
  process.exit(1);
}

// --- Measuring ----------------------------------------------------------------------------------

/**
 * Resident memory (sum of RSS) of a process and all its descendants, and the CPU time they have used
 * (clock ticks: each live process's own and that of the children it has waited for), from /proc.
 */
function treeStats(rootPid: number): { rss: number; cpu: number } {
  const parents = new Map<number, number>();
  const stats = new Map<number, { rss: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      // Fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 here, 24 (rss) is 21.
      const cpu = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
      stats.set(Number(entry), { rss: Number(fields[21]) * 4096, cpu });
    } catch {
      // The process ended while we looked.
    }
  }
  const total = { rss: 0, cpu: 0 };
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total.rss += stats.get(pid)?.rss ?? 0;
    total.cpu += stats.get(pid)?.cpu ?? 0;
    for (const [child, parent] of parents) if (parent === pid) stack.push(child);
  }
  return total;
}
/** Clock ticks per second of the CPU times in /proc (USER_HZ). */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * Proportional resident memory (PSS) of a process tree: each shared page (Chromium's processes share
 * most of theirs) counted once in all, where a sum of RSS would count it once per process.
 */
function treePssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone.
    }
  }
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) for (const [child, parent] of parents) if (parent === pids[i]) pids.push(child);
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

type Stage = 'print' | 'sites' | 'publish';
interface Sample {
  at: number;
  cpu: number;
}
interface Measured {
  ms: number;
  /** Peak proportional resident memory of the build's process tree (PSS), and the peak sum of RSS. */
  peakBytes: number;
  peakRssBytes: number;
  /** Peak PSS within each stage. */
  stagePeakBytes: Record<Stage, number>;
  output: string;
  /** Each stage's duration (from the build's own summary line), ms. */
  stages: { print: number; sites: number; publish: number; gates: number };
  /** Cores the build's own processes kept busy on average during each stage (CPU time over wall time). */
  busy: { print: number; sites: number; publish: number; all: number };
}

function measureBuild(ws: string, args: string[]): Promise<Measured> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', CI: '', RELEASE: '' };
    // Everything local: no shared cache in a benchmark.
    for (const name of ['TURBO_API', 'TURBO_TEAM', 'TURBO_TEAMID', 'TURBO_TOKEN', 'TURBO_REMOTE_CACHE_SIGNATURE_KEY']) delete env[name];
    const child = spawn(process.execPath, ['scripts/build.ts', ...args], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const marks: { at: number; stage: Stage }[] = [];
    const samples: Sample[] = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      output += chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      const at = performance.now() - started;
      for (const line of lines) {
        if (/^print: \d+ of \d+ countries/.test(line)) marks.push({ at, stage: 'print' });
        else if (/^sites: \d+ of \d+ countries/.test(line)) marks.push({ at, stage: 'sites' });
        else if (/^Quality gates/.test(line)) marks.push({ at, stage: 'publish' });
      }
    });
    child.stderr.on('data', (d) => (output += d));
    let peakBytes = 0;
    let peakRssBytes = 0;
    const stagePeakBytes: Record<Stage, number> = { print: 0, sites: 0, publish: 0 };
    let tick = 0;
    const timer = setInterval(() => {
      if (child.pid) {
        const tree = treeStats(child.pid);
        samples.push({ at: performance.now() - started, cpu: tree.cpu });
        peakRssBytes = Math.max(peakRssBytes, tree.rss);
        // PSS costs the kernel a walk of each process's pages: twice a second is enough for peaks
        // that last seconds.
        if (tick++ % 5 === 0) {
          const pss = treePssBytes(child.pid);
          peakBytes = Math.max(peakBytes, pss);
          const stage = marks[marks.length - 1]?.stage;
          if (stage) stagePeakBytes[stage] = Math.max(stagePeakBytes[stage], pss);
        }
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) return fail(new Error(`scripts/build.ts ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
      const summary = /Build done in [\d.]+ s \(print ([\d.]+) s, sites ([\d.]+) s, publish ([\d.]+) s\)/.exec(output);
      const gates = /gates took ([\d.]+) s/.exec(output);
      // CPU time grows between samples; it drops when a process exits unreaped by the tree (Chromium's
      // renderers when the browser closes), so only the growth is summed.
      const window = (from: number, to: number) => {
        const inside = samples.filter((s) => s.at >= from && s.at <= to);
        let ticks = 0;
        for (let i = 1; i < inside.length; i++) ticks += Math.max(0, (inside[i] as Sample).cpu - (inside[i - 1] as Sample).cpu);
        const span = inside.length > 1 ? ((inside[inside.length - 1] as Sample).at - (inside[0] as Sample).at) / 1000 : 0;
        return span > 0 ? Number((ticks / ticksPerSecond / span).toFixed(2)) : 0;
      };
      const at = (stage: string) => marks.find((m) => m.stage === stage)?.at;
      const printAt = at('print') ?? 0;
      const sitesAt = at('sites') ?? printAt;
      const publishAt = at('publish') ?? sitesAt;
      done({
        ms,
        peakBytes,
        peakRssBytes,
        stagePeakBytes,
        output,
        stages: {
          print: Number(summary?.[1] ?? 0) * 1000,
          sites: Number(summary?.[2] ?? 0) * 1000,
          publish: Number(summary?.[3] ?? 0) * 1000,
          gates: Number(gates?.[1] ?? 0) * 1000,
        },
        busy: { print: window(printAt, sitesAt), sites: window(sitesAt, publishAt), publish: window(publishAt, ms), all: window(0, ms) },
      });
    });
  });
}

// --- The runs -------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), `bench-${scale}x-`));
const content = join(work, 'content');
scaleContent(join(root, 'content'), content, scale);
console.log(`bench: ${scale}× content in ${content}; workspace ${join(work, 'kit')}`);
const ws = makeWorkspace(join(work, 'kit'), { content, install: 'link' });

const countFiles = () => {
  const base = join(ws, 'apps/print/dist/countries');
  let files = 0;
  let cards = 0;
  for (const cc of existsSync(base) ? readdirSync(base) : []) {
    const m = JSON.parse(readFileSync(join(base, cc, 'manifest.json'), 'utf8')) as { files: unknown[]; cards?: unknown[] };
    files += m.files.length;
    cards += m.cards?.length ?? 0;
  }
  return { files, cards };
};
const countPages = () =>
  readdirSync(join(ws, 'dist/sites'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.endsWith('404.html')).length;
const marker = `${Date.now().toString(36)}`;
const edit = (file: string, from: RegExp | string, to: string) => {
  const path = join(ws, 'content', file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`bench: the edit of ${file} changed nothing`);
  writeFileSync(path, changed);
};

console.log('bench: cold build…');
for (const dir of ['dist', 'apps/print/dist', 'apps/site/dist', 'apps/site/.build', '.turbo']) rmSync(join(ws, dir), { recursive: true, force: true });
const cold = await measureBuild(ws, ['--force']);
const pages = countPages();
const { files, cards } = countFiles();
console.log(`bench: cold ${(cold.ms / 1000).toFixed(1)} s; no change…`);
const none = await measureBuild(ws, []);
console.log(`bench: no change ${(none.ms / 1000).toFixed(1)} s; one MDX line…`);
edit('pages/sl/about.mdx', 'Partnerstvo si je zadalo', `Partnerstvo (${marker}) si je zadalo`);
const mdx = await measureBuild(ws, []);
console.log(`bench: MDX line ${(mdx.ms / 1000).toFixed(1)} s; one poster line…`);
edit('posters/destination-demand.yaml', /Ne glejte stran\./, `Ne glejte stran (${marker}).`);
const poster = await measureBuild(ws, []);
console.log(`bench: poster line ${(poster.ms / 1000).toFixed(1)} s; one country's YAML…`);
edit('countries/si.yaml', /exitUrl: .*/, `exitUrl: https://www.google.si/search?q=${marker}`);
const yaml = await measureBuild(ws, []);
console.log(`bench: country YAML ${(yaml.ms / 1000).toFixed(1)} s`);

const mb = (b: number) => Math.round(b / 1024 / 1024);
const s = (ms: number) => Number((ms / 1000).toFixed(1));
const ratio = (m: Measured) => Number((m.ms / cold.ms).toFixed(3));
const countries = readdirSync(join(content, 'countries')).length;
const locales = (parse(readFileSync(join(content, 'locales.yaml'), 'utf8')) as { locales: unknown[] }).locales.length;
const sourcePages = readdirSync(join(content, 'pages'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
const result = {
  scale,
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  content: { countries, locales, sourcePages, pagesBuilt: pages, printFiles: files, pageCards: cards },
  cold: {
    s: s(cold.ms),
    stages: { print: s(cold.stages.print), sites: s(cold.stages.sites), publish: s(cold.stages.publish), gates: s(cold.stages.gates) },
    filesPerSecond: {
      print: Number(((files + cards) / (cold.stages.print / 1000)).toFixed(1)),
      sitePages: Number((pages / (cold.stages.sites / 1000)).toFixed(1)),
      gatesPages: Number((pages / (cold.stages.gates / 1000)).toFixed(1)),
    },
    peakMemoryMB: mb(cold.peakBytes),
    peakMemoryByStageMB: { print: mb(cold.stagePeakBytes.print), sites: mb(cold.stagePeakBytes.sites), publish: mb(cold.stagePeakBytes.publish) },
    peakRssSumMB: mb(cold.peakRssBytes),
    busyCores: cold.busy,
  },
  incremental: Object.fromEntries(
    (
      [
        ['noChange', none, 0.03],
        ['mdxLine', mdx, 0.1],
        ['posterLine', poster, 0.1],
        ['countryYaml', yaml, 0.15],
      ] as const
    ).map(([name, m, goal]) => [
      name,
      {
        s: s(m.ms),
        ratio: ratio(m),
        goal,
        met: ratio(m) <= goal,
        stages: { print: s(m.stages.print), sites: s(m.stages.sites), publish: s(m.stages.publish) },
        peakMemoryMB: mb(m.peakBytes),
      },
    ]),
  ) as Record<
    'noChange' | 'mdxLine' | 'posterLine' | 'countryYaml',
    { s: number; ratio: number; goal: number; met: boolean; stages: Record<string, number>; peakMemoryMB: number }
  >,
};
console.log(JSON.stringify(result, null, 1));

// --- Records ----------------------------------------------------------------------------------------

const all: (typeof result)[] = (() => {
  try {
    return (JSON.parse(readFileSync(join(root, 'benchmarks/scale.json'), 'utf8')) as { runs: (typeof result)[] }).runs.filter((r) => r.scale !== scale);
  } catch {
    return [];
  }
})();
all.push(result);
all.sort((a, b) => a.scale - b.scale);
/** Least-squares slope of log(y) against log(n): the exponent of the growth (≤ 1: no faster than linear). */
const exponent = (points: [number, number][]) => {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((acc, x, i) => acc + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : Number((num / den).toFixed(2));
};
const fit = all.length >= 2;
const growth = fit
  ? {
      coldTime: exponent(all.map((r) => [r.scale, r.cold.s])),
      coldPeakMemory: exponent(all.map((r) => [r.scale, r.cold.peakMemoryMB])),
      noChangeTime: exponent(all.map((r) => [r.scale, r.incremental.noChange.s])),
    }
  : undefined;
mkdirSync(join(root, 'benchmarks'), { recursive: true });
writeFileSync(join(root, 'benchmarks/scale.json'), `${JSON.stringify({ runs: all, growth }, null, 1)}\n`);
const row = (label: string, f: (r: typeof result) => string | number) => `| ${label} | ${all.map((r) => f(r)).join(' | ')} |`;
const goalCell = (x: { s: number; ratio: number; goal: number; met: boolean }) => `${x.s} s (${x.ratio}; goal ≤ ${x.goal} ${x.met ? '✓' : '✗'})`;
writeFileSync(
  join(root, 'benchmarks/scale.md'),
  `# Build at scale

Written by \`npm run bench -- --scale <n>\` (scripts/bench.ts): the content multiplied n times in a
temporary folder (n× the countries, each copy speaking copies of its languages: n× the locales,
pages, sites and print files; poster designs are not copied, see scaleContent), built cold and then
after one change each, in a copy of the repository with an empty cache. Ratios are to the cold build
of the same run. Peak memory: proportional resident memory (PSS) of the whole process tree. Busy cores: the CPU time
of the build's own processes over wall time during the stage (2 = both cores busy). Each column is one run, on the
date and machine it names; these machines are shared, so compare within a column.

| | ${all.map((r) => `${r.scale}×`).join(' | ')} |
|---|${all.map(() => '---:').join('|')}|
${row('date', (r) => r.date)}
${row('machine', (r) => r.machine)}
${row('countries / locales / source pages', (r) => `${r.content.countries} / ${r.content.locales} / ${r.content.sourcePages}`)}
${row('pages built / print files + page cards', (r) => `${r.content.pagesBuilt} / ${r.content.printFiles} + ${r.content.pageCards}`)}
${row('cold build', (r) => `${r.cold.s} s`)}
${row('— print (files/s)', (r) => `${r.cold.stages.print} s (${r.cold.filesPerSecond.print}/s)`)}
${row('— sites (pages/s)', (r) => `${r.cold.stages.sites} s (${r.cold.filesPerSecond.sitePages}/s)`)}
${row('— publish, gates included (gate pages/s)', (r) => `${r.cold.stages.publish} s, gates ${r.cold.stages.gates} s (${r.cold.filesPerSecond.gatesPages}/s)`)}
${row('busy cores: print / sites / publish', (r) => `${r.cold.busyCores.print} / ${r.cold.busyCores.sites} / ${r.cold.busyCores.publish}`)}
${row('peak memory, cold (PSS; print / sites / publish)', (r) => `${r.cold.peakMemoryMB} MB (${r.cold.peakMemoryByStageMB.print} / ${r.cold.peakMemoryByStageMB.sites} / ${r.cold.peakMemoryByStageMB.publish})`)}
${row('peak sum of RSS, cold (shared pages counted per process)', (r) => `${r.cold.peakRssSumMB} MB`)}
${row('no change', (r) => goalCell(r.incremental.noChange))}
${row('one MDX line (sl)', (r) => goalCell(r.incremental.mdxLine))}
${row('one poster line (sl)', (r) => goalCell(r.incremental.posterLine))}
${row("one country's YAML (si)", (r) => goalCell(r.incremental.countryYaml))}
${
  growth
    ? `
Growth fitted over n = ${all.map((r) => r.scale).join(', ')} (least squares of log y on log n; 1 is linear):
cold build time n^${growth.coldTime}, cold peak memory n^${growth.coldPeakMemory}, no-change build n^${growth.noChangeTime}.
`
    : ''
}`,
);

if (scale === 1) {
  const r = result;
  writeFileSync(join(root, 'benchmarks/build.json'), `${JSON.stringify(r, null, 2)}\n`);
  const inc = r.incremental;
  writeFileSync(
    join(root, 'benchmarks/build.md'),
    `# Build benchmark

Written by \`npm run bench\` (scripts/bench.ts) on ${r.date}, ${r.machine}, in a copy of the
repository with an empty cache. Cold = \`node scripts/build.ts --force\` with no Turborepo cache, no
print or site output and no published dist/: every country's print files, then every site (two
tasks at a time), then publish (staging, every gate on every page, swap). Then the same command
after each change; each ratio is to the cold build of this run. Peak memory: proportional resident
memory (PSS) of the build's whole process tree, sampled twice a second. At scale: benchmarks/scale.md.

| figure | value |
|---|---|
| countries, locales, source pages | ${r.content.countries}, ${r.content.locales}, ${r.content.sourcePages} |
| pages built (all sites, all locales, 404 pages not counted) | ${r.content.pagesBuilt} |
| print files and page cards rendered | ${r.content.printFiles} + ${r.content.pageCards} |
| cold full build | ${r.cold.s} s |
| — print files | ${r.cold.stages.print} s (${r.cold.filesPerSecond.print} files/s; ${r.cold.busyCores.print} cores busy) |
| — sites | ${r.cold.stages.sites} s (${r.cold.filesPerSecond.sitePages} pages/s; ${r.cold.busyCores.sites} cores busy) |
| — publish (every gate on every page) | ${r.cold.stages.publish} s, of which gates ${r.cold.stages.gates} s (${r.cold.busyCores.publish} cores busy) |
| peak memory, cold build (PSS of every process; print / sites / publish) | ${r.cold.peakMemoryMB} MB (${r.cold.peakMemoryByStageMB.print} / ${r.cold.peakMemoryByStageMB.sites} / ${r.cold.peakMemoryByStageMB.publish}) |
| peak sum of RSS, cold build (shared pages counted once per process) | ${r.cold.peakRssSumMB} MB |
| no change (goal ≤ 0.03) | ${goalCell(inc.noChange)} |
| one MDX line in one locale (goal ≤ 0.10) | ${goalCell(inc.mdxLine)} |
| one poster line in one locale (goal ≤ 0.10) | ${goalCell(inc.posterLine)} |
| one country's YAML (goal ≤ 0.15) | ${goalCell(inc.countryYaml)} |
`,
  );
}

if (!values.keep) rmSync(work, { recursive: true, force: true });
if (values.scale === undefined) {
  const print = spawnSync(process.execPath, [join(root, 'apps/print/bench.ts')], { cwd: root, stdio: 'inherit' });
  process.exit(print.status ?? 1);
}
