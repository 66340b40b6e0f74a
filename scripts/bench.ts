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
// --no-edits: the cold and the no-change builds only (the three edits are recorded as not run), for
// a large n on a machine with little time. --deadline <date and time>: a build still running then is
// stopped, and what it reached (the stages it finished, the pages and files it made, its peak
// memory) is recorded as stopped, left out of the fits.
// Runs of different n combine: each run replaces the recorded run of its n in benchmarks/scale.json
// and keeps the others, so n = 1, 3 and 10 may be separate invocations; the growth is fitted over
// all of them.
//
// Peak memory is the proportional resident memory (PSS) of the build's whole process tree
// (Turborepo, npm, the tasks, Astro, Chromium), sampled twice a second, with what each kind of
// process held at the peak; the sum of the processes' RSS, which counts memory they share once per
// process, is recorded beside it. Busy cores: the CPU time of the build's own processes over wall
// time (2 = both cores busy), from /proc. Linux only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { scaleContent } from './scale-content.ts';
import { makeWorkspace } from './test/workspace.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-edits': { type: 'boolean', default: false },
    deadline: { type: 'string' },
  },
});
const withEdits = !values['no-edits'];
const deadline = values.deadline ? Date.parse(values.deadline) : undefined;
if (deadline !== undefined && Number.isNaN(deadline)) {
  console.error(`--deadline ${values.deadline}: give a date and time, e.g. 2026-11-29T05:00Z.`);
  process.exit(1);
}
const scale = Number(values.scale ?? 1);
if (!Number.isInteger(scale) || scale < 1) {
  console.error(`--scale ${values.scale}: give a whole number of times, 1 or more (1, 3, 10).`);
  process.exit(1);
}

// --- Measuring ----------------------------------------------------------------------------------

/** Every process's parent, resident memory and CPU time (clock ticks: its own and that of the children it has waited for), from /proc. */
function processTable(): Map<number, { parent: number; rss: number; cpu: number }> {
  const table = new Map<number, { parent: number; rss: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 here, 24 (rss) is 21.
      const cpu = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
      table.set(Number(entry), { parent: Number(fields[1]), rss: Number(fields[21]) * 4096, cpu });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** A process and all its descendants, parents before children. */
function treePids(rootPid: number, table = processTable()): number[] {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) for (const [child, { parent }] of table) if (parent === pids[i]) pids.push(child);
  return pids.filter((pid) => table.has(pid));
}

/** Resident memory (sum of RSS) of a process and all its descendants, and the CPU time they have used. */
function treeStats(rootPid: number): { rss: number; cpu: number } {
  const table = processTable();
  const total = { rss: 0, cpu: 0 };
  for (const pid of treePids(rootPid, table)) {
    total.rss += table.get(pid)?.rss ?? 0;
    total.cpu += table.get(pid)?.cpu ?? 0;
  }
  return total;
}

/**
 * Stops a process and all its descendants, again until none is left: a task the tree started
 * after it was listed would otherwise live on and hold the build's output open.
 */
function stopTree(rootPid: number): void {
  for (let round = 0; round < 10; round++) {
    const pids = treePids(rootPid);
    if (pids.length === 0) return;
    for (const pid of pids.reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
  }
}

/** Clock ticks per second of the CPU times in /proc (USER_HZ). */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Which part of the build a process is, from its command line. */
function kindOf(commandLine: string): string {
  const kinds: [RegExp, string][] = [
    [/chrom(e|ium)/, 'Chromium'],
    // Before the scripts it starts, whose names are in its command line too.
    [/country-task\.ts/, 'task wrapper'],
    [/src\/cli\.ts/, 'print'],
    // Astro builds inside it.
    [/build-sites\.ts/, 'site task'],
    [/publish\.ts/, 'publish'],
    [/turbo/, 'Turborepo'],
    [/\bnpm\b|npm-cli/, 'npm'],
    [/scripts\/build\.ts/, 'build.ts'],
  ];
  return kinds.find(([pattern]) => pattern.test(commandLine))?.[1] ?? 'other';
}

/**
 * Proportional resident memory (PSS) of a process tree: each shared page (Chromium's processes share
 * most of theirs) counted once in all, where a sum of RSS would count it once per process. With the
 * PSS of each kind of process (kindOf).
 */
function treePss(rootPid: number): { bytes: number; byKind: Record<string, number> } {
  const pids = treePids(rootPid);
  let bytes = 0;
  const byKind: Record<string, number> = {};
  for (const pid of pids) {
    try {
      const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      const kind = kindOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      bytes += pss;
      byKind[kind] = (byKind[kind] ?? 0) + pss;
    } catch {
      // Gone.
    }
  }
  return { bytes, byKind };
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
  /** PSS of each kind of process (kindOf) at the peak. */
  peakByKind: Record<string, number>;
  /** Why the build failed (the end of its output), when it did. */
  failed?: string;
  /** The stages it finished (all three, unless it failed or was stopped). */
  completed: Stage[];
  output: string;
  /** Each stage's duration (from the build's own summary line, else from when each began), ms. */
  stages: { print: number; sites: number; publish: number; gates: number };
  /** CPU time the build's own processes used, seconds (less sensitive than wall time to other work on the machine). */
  cpuSeconds: number;
  /** Cores the build's own processes kept busy on average during each stage (CPU time over wall time). */
  busy: { print: number; sites: number; publish: number; all: number };
}

function measureBuild(ws: string, args: string[]): Promise<Measured> {
  return new Promise((done) => {
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
    let peakByKind: Record<string, number> = {};
    let peakRssBytes = 0;
    const stagePeakBytes: Record<Stage, number> = { print: 0, sites: 0, publish: 0 };
    let tick = 0;
    let stopped = false;
    const timer = setInterval(() => {
      if (child.pid && deadline !== undefined && Date.now() > deadline && !stopped) {
        stopped = true;
        output += `\nbench: stopped at the deadline (${values.deadline}).\n`;
        stopTree(child.pid);
      }
      if (child.pid && !stopped) {
        const tree = treeStats(child.pid);
        samples.push({ at: performance.now() - started, cpu: tree.cpu });
        peakRssBytes = Math.max(peakRssBytes, tree.rss);
        // PSS costs the kernel a walk of each process's pages: twice a second is enough for peaks
        // that last seconds.
        if (tick++ % 5 === 0) {
          const { bytes: pss, byKind } = treePss(child.pid);
          if (pss > peakBytes) {
            peakBytes = pss;
            peakByKind = byKind;
          }
          const stage = marks[marks.length - 1]?.stage;
          if (stage) stagePeakBytes[stage] = Math.max(stagePeakBytes[stage], pss);
        }
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      const failed = stopped
        ? `stopped at the deadline (${values.deadline}) after ${(ms / 1000).toFixed(0)} s:\n${output.slice(-4000)}`
        : code === 0
          ? undefined
          : `scripts/build.ts ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`;
      const summary = /Build done in [\d.]+ s \(print ([\d.]+) s, sites ([\d.]+) s, publish ([\d.]+) s\)/.exec(output);
      const gates = /gates took ([\d.]+) s/.exec(output);
      // CPU time grows between samples; it drops when a process exits unreaped by the tree (Chromium's
      // renderers when the browser closes), so only the growth is summed.
      const cpuSeconds = (from: number, to: number) => {
        const inside = samples.filter((s) => s.at >= from && s.at <= to);
        let ticks = 0;
        for (let i = 1; i < inside.length; i++) ticks += Math.max(0, (inside[i] as Sample).cpu - (inside[i - 1] as Sample).cpu);
        const span = inside.length > 1 ? ((inside[inside.length - 1] as Sample).at - (inside[0] as Sample).at) / 1000 : 0;
        return { seconds: ticks / ticksPerSecond, span };
      };
      const window = (from: number, to: number) => {
        const { seconds, span } = cpuSeconds(from, to);
        return span > 0 ? Number((seconds / span).toFixed(2)) : 0;
      };
      const at = (stage: string) => marks.find((m) => m.stage === stage)?.at;
      const printAt = at('print') ?? 0;
      // A build that failed has no marks for the stages it did not reach.
      const sitesAt = at('sites') ?? ms;
      const publishAt = at('publish') ?? ms;
      done({
        ms,
        cpuSeconds: Number(cpuSeconds(0, ms).seconds.toFixed(1)),
        peakBytes,
        peakRssBytes,
        stagePeakBytes,
        peakByKind,
        output,
        ...(failed ? { failed } : {}),
        completed: failed
          ? (['print', 'sites'] as const).filter((stage) => at(stage === 'print' ? 'sites' : 'publish') !== undefined)
          : ['print', 'sites', 'publish'],
        stages: summary
          ? {
              print: Number(summary[1]) * 1000,
              sites: Number(summary[2]) * 1000,
              publish: Number(summary[3]) * 1000,
              gates: Number(gates?.[1] ?? 0) * 1000,
            }
          : { print: sitesAt - printAt, sites: publishAt - sitesAt, publish: ms - publishAt, gates: Number(gates?.[1] ?? 0) * 1000 },
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
    // A country a stopped build did not finish has no manifest yet.
    if (!existsSync(join(base, cc, 'manifest.json'))) continue;
    const m = JSON.parse(readFileSync(join(base, cc, 'manifest.json'), 'utf8')) as { files: unknown[]; cards?: unknown[] };
    files += m.files.length;
    cards += m.cards?.length ?? 0;
  }
  return { files, cards };
};
// The pages each site build made (apps/site/dist/<cc>/), 404 pages not counted: there even when
// the publish failed.
const countPages = () =>
  readdirSync(join(ws, 'apps/site/dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.endsWith('404.html')).length;
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
const pages = existsSync(join(ws, 'apps/site/dist')) ? countPages() : 0;
const { files, cards } = countFiles();
if (cold.failed) console.log(`bench: the cold build did not finish (${(cold.ms / 1000).toFixed(1)} s); recording what it reached.\n${cold.failed}`);
type Edit = 'mdxLine' | 'posterLine' | 'countryYaml';
const incremental: Partial<Record<'noChange' | Edit, Measured>> = {};
if (!cold.failed) {
  console.log(`bench: cold ${(cold.ms / 1000).toFixed(1)} s; no change…`);
  incremental.noChange = await measureBuild(ws, []);
  console.log(`bench: no change ${(incremental.noChange.ms / 1000).toFixed(1)} s`);
}
const edits: [Edit, string, () => void][] = [
  ['mdxLine', 'one MDX line', () => edit('pages/sl/about.mdx', 'Partnerstvo si je zadalo', `Partnerstvo (${marker}) si je zadalo`)],
  ['posterLine', 'one poster line', () => edit('posters/destination-demand.yaml', /Ne glejte stran\./, `Ne glejte stran (${marker}).`)],
  ['countryYaml', "one country's YAML", () => edit('countries/si.yaml', /exitUrl: .*/, `exitUrl: https://www.google.si/search?q=${marker}`)],
];
if (!withEdits) console.log('bench: --no-edits: the cold and no-change builds only; the three edits are not run.');
for (const [name, label, change] of withEdits && !cold.failed ? edits : []) {
  if (Object.values(incremental).some((m) => m.failed)) break;
  console.log(`bench: ${label}…`);
  change();
  incremental[name] = await measureBuild(ws, []);
  console.log(`bench: ${label} ${((incremental[name] as Measured).ms / 1000).toFixed(1)} s`);
}

const mb = (b: number) => Math.round(b / 1024 / 1024);
const s = (ms: number) => Number((ms / 1000).toFixed(1));
const ratio = (m: Measured) => Number((m.ms / cold.ms).toFixed(3));
const countries = readdirSync(join(content, 'countries')).length;
const locales = (parse(readFileSync(join(content, 'locales.yaml'), 'utf8')) as { locales: unknown[] }).locales.length;
const sourcePages = readdirSync(join(content, 'pages'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
const perSecond = (count: number, ms: number) => (ms > 0 ? Number((count / (ms / 1000)).toFixed(1)) : 0);
interface IncrementalRun {
  s: number;
  ratio: number;
  goal: number;
  met: boolean;
  stages: Record<string, number>;
  peakMemoryMB: number;
  failed?: string;
}
const goals: Record<'noChange' | Edit, number> = { noChange: 0.03, mdxLine: 0.1, posterLine: 0.1, countryYaml: 0.15 };
const result = {
  scale,
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  content: { countries, locales, sourcePages, pagesBuilt: pages, printFiles: files, pageCards: cards },
  cold: {
    s: s(cold.ms),
    cpuSeconds: cold.cpuSeconds,
    ...(cold.failed ? { failed: cold.failed.slice(-1500) } : {}),
    completedStages: cold.completed,
    stages: { print: s(cold.stages.print), sites: s(cold.stages.sites), publish: s(cold.stages.publish), gates: s(cold.stages.gates) },
    filesPerSecond: {
      print: perSecond(files + cards, cold.stages.print),
      sitePages: perSecond(pages, cold.stages.sites),
      gatesPages: perSecond(pages, cold.stages.gates),
    },
    peakMemoryMB: mb(cold.peakBytes),
    peakMemoryByStageMB: { print: mb(cold.stagePeakBytes.print), sites: mb(cold.stagePeakBytes.sites), publish: mb(cold.stagePeakBytes.publish) },
    /** What each kind of process held at the peak, largest first. */
    peakMemoryByProcessMB: Object.fromEntries(
      Object.entries(cold.peakByKind)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, bytes]) => [kind, mb(bytes)]),
    ),
    peakRssSumMB: mb(cold.peakRssBytes),
    busyCores: cold.busy,
  },
  /** Builds after the cold one; an edit missing was not run (--no-edits, or a build before it failed). */
  incremental: Object.fromEntries(
    Object.entries(incremental).map(([name, m]) => [
      name,
      {
        s: s(m.ms),
        ratio: ratio(m),
        goal: goals[name as Edit],
        met: !m.failed && ratio(m) <= goals[name as Edit],
        stages: { print: s(m.stages.print), sites: s(m.stages.sites), publish: s(m.stages.publish) },
        peakMemoryMB: mb(m.peakBytes),
        ...(m.failed ? { failed: m.failed.slice(-1500) } : {}),
      },
    ]),
  ) as Partial<Record<'noChange' | Edit, IncrementalRun>>,
};
console.log(JSON.stringify(result, null, 1));

// --- Records ----------------------------------------------------------------------------------------

type Run = typeof result;
// Each n's newest run: this one replaces the recorded run of its n, the others are kept.
const all: Run[] = (() => {
  try {
    return (JSON.parse(readFileSync(join(root, 'benchmarks/scale.json'), 'utf8')) as { runs: Run[] }).runs.filter((r) => r.scale !== scale);
  } catch {
    return [];
  }
})();
all.push(result);
all.sort((a, b) => a.scale - b.scale);
/** Least-squares slope of log(y) against log(n): the exponent of the growth (≤ 1: no faster than linear). */
const exponent = (points: [number, number][]) => {
  const usable = points.filter(([n, y]) => n > 0 && y > 0);
  if (new Set(usable.map(([n]) => n)).size < 2) return null;
  const xs = usable.map(([n]) => Math.log(n));
  const ys = usable.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((acc, x, i) => acc + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  return Number((num / den).toFixed(2));
};
// A cold build that did not finish is left out of the fits, but for the stages it finished.
const fitted = all.filter((r) => !r.cold.failed);
const finished = (stage: Stage) => all.filter((r) => (r.cold.completedStages ?? ['print', 'sites', 'publish']).includes(stage));
const growth =
  finished('print').length >= 2
    ? {
        over: fitted.map((r) => r.scale),
        coldTime: exponent(fitted.map((r) => [r.scale, r.cold.s])),
        coldCpu: exponent(fitted.map((r) => [r.scale, r.cold.cpuSeconds])),
        printTime: exponent(finished('print').map((r) => [r.scale, r.cold.stages.print])),
        printPeakMemory: exponent(finished('print').map((r) => [r.scale, r.cold.peakMemoryByStageMB.print])),
        sitesTime: exponent(finished('sites').map((r) => [r.scale, r.cold.stages.sites])),
        sitesPeakMemory: exponent(finished('sites').map((r) => [r.scale, r.cold.peakMemoryByStageMB.sites])),
        gatesTime: exponent(fitted.map((r) => [r.scale, r.cold.stages.gates])),
        coldPeakMemory: exponent(fitted.map((r) => [r.scale, r.cold.peakMemoryMB])),
        noChangeTime: exponent(fitted.filter((r) => r.incremental.noChange).map((r) => [r.scale, r.incremental.noChange?.s ?? 0])),
      }
    : undefined;
const largest = all[all.length - 1] as Run;
mkdirSync(join(root, 'benchmarks'), { recursive: true });
writeFileSync(join(root, 'benchmarks/scale.json'), `${JSON.stringify({ runs: all, growth }, null, 1)}\n`);
const row = (label: string, f: (r: Run) => string | number) => `| ${label} | ${all.map((r) => f(r)).join(' | ')} |`;
const goalCell = (x: IncrementalRun | undefined) =>
  !x ? 'not run' : x.failed ? `failed after ${x.s} s` : `${x.s} s (${x.ratio}; goal ≤ ${x.goal} ${x.met ? '✓' : '✗'})`;
const slope = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `n^${x}${x <= 1.05 ? '' : ' (faster than linear)'}`);
const byProcess = (r: Run) =>
  Object.entries(r.cold.peakMemoryByProcessMB ?? {})
    .filter(([, v]) => v >= 20)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '?';
writeFileSync(
  join(root, 'benchmarks/scale.md'),
  `# Build at scale

Written by \`npm run bench -- --scale <n>\` (scripts/bench.ts): the content multiplied n times in a
temporary folder (n× the countries, each copy speaking copies of its languages: n× the locales,
pages, sites and print files; poster designs are not copied, see scaleContent), built cold and then
after one change each, in a copy of the repository with an empty cache. Ratios are to the cold build
of the same run. Peak memory: proportional resident memory (PSS) of the whole process tree, sampled
twice a second, and what each kind of process held at that moment. Busy cores: the CPU time of the
build's own processes over wall time during the stage (2 = both cores busy). CPU time is beside wall
time because these machines are shared: other work stretches wall time, not CPU time. Each column is
one run (the newest of its n), on the date and machine it names.

| | ${all.map((r) => `${r.scale}×`).join(' | ')} |
|---|${all.map(() => '---:').join('|')}|
${row('date', (r) => r.date)}
${row('machine', (r) => r.machine)}
${row('countries / locales / source pages', (r) => `${r.content.countries} / ${r.content.locales} / ${r.content.sourcePages}`)}
${row('pages built / print files + page cards', (r) => `${r.content.pagesBuilt} / ${r.content.printFiles} + ${r.content.pageCards}`)}
${row('cold build (CPU time of its processes)', (r) => `${r.cold.failed ? (r.cold.failed.startsWith('stopped') ? 'STOPPED after ' : 'FAILED after ') : ''}${r.cold.s} s (${r.cold.cpuSeconds} s)`)}
${row('— print (files/s)', (r) => `${r.cold.stages.print} s (${r.cold.filesPerSecond.print}/s)`)}
${row('— sites (pages/s)', (r) => `${r.cold.stages.sites} s (${r.cold.filesPerSecond.sitePages}/s)`)}
${row('— publish, gates included (gate pages/s)', (r) => `${r.cold.stages.publish} s, gates ${r.cold.stages.gates} s (${r.cold.filesPerSecond.gatesPages}/s)`)}
${row('busy cores: print / sites / publish', (r) => `${r.cold.busyCores.print} / ${r.cold.busyCores.sites} / ${r.cold.busyCores.publish}`)}
${row('peak memory, cold (PSS; print / sites / publish)', (r) => `${r.cold.peakMemoryMB} MB (${r.cold.peakMemoryByStageMB.print} / ${r.cold.peakMemoryByStageMB.sites} / ${r.cold.peakMemoryByStageMB.publish})`)}
${row('— at the peak, by process (MB)', byProcess)}
${row('peak sum of RSS, cold (shared pages counted per process)', (r) => `${r.cold.peakRssSumMB} MB`)}
${row('no change', (r) => goalCell(r.incremental.noChange))}
${row('one MDX line (sl)', (r) => goalCell(r.incremental.mdxLine))}
${row('one poster line (sl)', (r) => goalCell(r.incremental.posterLine))}
${row("one country's YAML (si)", (r) => goalCell(r.incremental.countryYaml))}
${all
  .filter((r) => r.cold.failed)
  .map(
    (r) =>
      `\nThe ${r.scale}× cold build did not finish; what it reached is recorded, and it is left out of the fits:\n\n\`\`\`\n${r.cold.failed?.trim().split('\n').slice(-12).join('\n')}\n\`\`\`\n`,
  )
  .join('')}${
  growth
    ? `
Growth fitted over n = ${growth.over.join(', ')} (least squares of log y on log n; 1 is linear; a stage's
figures also from a run that finished that stage but not the build): cold build time ${slope(growth.coldTime)},
its CPU time ${slope(growth.coldCpu)} (print ${slope(growth.printTime)}, sites ${slope(growth.sitesTime)}, gates
${slope(growth.gatesTime)}); cold peak memory ${slope(growth.coldPeakMemory)} (print stage ${slope(growth.printPeakMemory)},
sites stage ${slope(growth.sitesPeakMemory)}); no-change build ${slope(growth.noChangeTime)}.
`
    : ''
}
Peak memory at ${largest.scale}×: ${largest.cold.peakMemoryMB} MB, ${largest.cold.peakMemoryMB < 2048 ? 'under' : 'OVER'} the 2 GB goal${largest.scale === 10 ? '' : ' (the goal is for 10×)'}.
`,
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
| cold full build (CPU time of its processes) | ${r.cold.failed ? 'FAILED after ' : ''}${r.cold.s} s (${r.cold.cpuSeconds} s) |
| — print files | ${r.cold.stages.print} s (${r.cold.filesPerSecond.print} files/s; ${r.cold.busyCores.print} cores busy) |
| — sites | ${r.cold.stages.sites} s (${r.cold.filesPerSecond.sitePages} pages/s; ${r.cold.busyCores.sites} cores busy) |
| — publish (every gate on every page) | ${r.cold.stages.publish} s, of which gates ${r.cold.stages.gates} s (${r.cold.busyCores.publish} cores busy) |
| peak memory, cold build (PSS of every process; print / sites / publish) | ${r.cold.peakMemoryMB} MB (${r.cold.peakMemoryByStageMB.print} / ${r.cold.peakMemoryByStageMB.sites} / ${r.cold.peakMemoryByStageMB.publish}) |
| — at the peak, by process (MB) | ${byProcess(r)} |
| peak sum of RSS, cold build (shared pages counted once per process) | ${r.cold.peakRssSumMB} MB |
| no change (goal ≤ 0.03) | ${goalCell(inc.noChange)} |
| one MDX line in one locale (goal ≤ 0.10) | ${goalCell(inc.mdxLine)} |
| one poster line in one locale (goal ≤ 0.10) | ${goalCell(inc.posterLine)} |
| one country's YAML (goal ≤ 0.15) | ${goalCell(inc.countryYaml)} |
`,
  );
}

if (!values.keep) rmSync(work, { recursive: true, force: true });
// A build that failed or was stopped fails the benchmark too (its figures are recorded all the same).
if (cold.failed || Object.values(incremental).some((m) => m.failed)) process.exit(1);
if (values.scale === undefined) {
  const print = spawnSync(process.execPath, [join(root, 'apps/print/bench.ts')], { cwd: root, stdio: 'inherit' });
  process.exit(print.status ?? 1);
}
