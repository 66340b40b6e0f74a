// node apps/print/bench.ts: the print kit against its peers, in one run (issue 9, requirement 8). Per poster:
// (a) the kit's PDF alone (job → display list → PDF/X), (b) the kit's PDF + PNG preview (renderPoster, the
// build's path), (c) Chromium's page.pdf of the same poster as HTML with the same Noto Sans files loaded
// (served over http; checked with document.fonts), (d) Typst compiling the same poster written in Typst,
// its cache evicted per render; where the preview's time goes; then the whole print set, cold.
// Writes apps/print/BENCHMARK.md. BENCH_RUNS (default 30) timed runs per contender and poster;
// BENCH_SET_RUNS (default 3) cold whole sets. Linux (reads the whole set's CPU time from /proc).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '@repo/content';
import { encodePng, listToPng, listToSvg, planJobs, previewLongSide } from '@repo/print';
import { Resvg } from '@resvg/resvg-js';
import { type ContenderId, Contenders, contenderIds, type Prepared } from './bench/contenders.ts';
import { loadAverage, machine, median, p90 } from './bench/machine.ts';
import { listToSvgRunPaths } from './bench/run-paths.ts';

const root = resolve(import.meta.dirname, '../..');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmups = 5;
/** Rounds of every contender on every poster before anything is timed (see where they run). */
const warmupRounds = 10;
const setRuns = Number(process.env.BENCH_SET_RUNS ?? 3);
const keys = ['md/origin-youth/ro/a4', 'gr/destination-demand/el/a1', 'ua/origin-parents/uk/b1', 'gr/destination-demand/el/billboard-504x238'];
/**
 * The issue's figure for the whole set: 499 files in 10.6 s on a fresh clone (47 files/s); the goal is
 * twice as fast. The content has grown since (more countries and languages), so the goal is judged by
 * files per second: at least 2 × 499 / 10.6 s.
 */
const issueSet = { files: 499, ms: 10_600 };
const goalFilesPerSecond = (2 * issueSet.files) / (issueSet.ms / 1000);

const jobs = planJobs(loadContent(join(root, 'content')));
const picked = keys.map((k) => {
  const job = jobs.find((j) => j.key === k);
  if (!job) throw new Error(`bench: no print job ${k} in content/`);
  return job;
});

const host = machine();
console.log(`bench: ${host.nproc} cores (${host.cpu}), ${host.memory}, Node ${host.node}, load average ${host.loadAtStart}`);
console.log(`bench: ${runs} timed runs per contender and poster, after ${warmups} warm-up runs, each contender in a block of its own`);

interface Row {
  key: string;
  ms: Record<ContenderId, number[]>;
  stages: { layout: number[]; pdf: number[]; png: number[] };
  sources: { html: number[]; typst: number[] };
  bytes: Record<ContenderId, number>;
}
/** Where a preview's time goes (the stages of listToPng, and resvg's own PNG encoder it replaced), ms, and the PNGs' sizes. */
interface PreviewRow {
  key: string;
  pixels: string;
  svg: number[];
  parse: number[];
  render: number[];
  parse600: number[];
  render600: number[];
  /** The same preview with each glyph run one path (bench/run-paths.ts) instead of a <use> per glyph. */
  parseRuns: number[];
  renderRuns: number[];
  resvgEncode: number[];
  kitEncode: number[];
  listToPng: number[];
  resvgBytes: number;
  kitBytes: number;
}
const rows: Row[] = [];
const previewRows: PreviewRow[] = [];
const c = new Contenders();
await c.start();
try {
  const prepared: Prepared[] = [];
  for (const job of picked) prepared.push(await c.prepare(job));
  // Everything met before any timing (code compiled, fonts read, each poster's glyphs outlined), in
  // `warmupRounds` rounds of every contender on every poster, and checked in the first: the kit's PDF
  // alone is renderPoster's PDF, byte for byte; Chromium drew Noto Sans. Why rounds and not only the
  // warm-up runs of each block: the kit is JavaScript, compiled as it runs. With 5 warm-up runs of
  // one poster at the start of the process, the first poster's kit PDF measured 6.2 ms against
  // 4.9 ms in a loop of 300 (same poster, same machine, 2026-11-29): a build's worker renders a few
  // hundred files, so the steady state is what a build sees. Every contender gets the same rounds.
  for (let round = 0; round < warmupRounds; round++)
    for (const p of prepared) {
      const alone = await c.run('kitPdf', p);
      const built = await c.run('kitPreview', p);
      await c.run('chromium', p);
      await c.run('typst', p);
      if (round > 0) continue;
      if (!alone.pdf.equals(built.pdf)) throw new Error(`${p.job.key}: the benchmark's kit PDF differs from renderPoster's`);
      await c.assertChromiumFonts(p);
    }
  for (const p of prepared) {
    const row: Row = {
      key: p.job.key,
      ms: { kitPdf: [], kitPreview: [], kitPdfWarm: [], kitPreviewWarm: [], chromium: [], typst: [], typstWarm: [] },
      stages: { layout: [], pdf: [], png: [] },
      sources: { html: [], typst: [] },
      bytes: { kitPdf: 0, kitPreview: 0, kitPdfWarm: 0, kitPreviewWarm: 0, chromium: 0, typst: 0, typstWarm: 0 },
    };
    // Each contender warm and timed in a block of its own: Chromium keeps working in its other
    // processes after page.pdf returns, which on 2 cores would land in an interleaved kit run.
    for (const id of contenderIds) {
      for (let i = 0; i < warmups; i++) await c.run(id, p);
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = await c.run(id, p);
        row.ms[id].push(performance.now() - t0);
        row.bytes[id] = r.pdf.length;
        if (r.stages && id === 'kitPreview') for (const s of ['layout', 'pdf', 'png'] as const) row.stages[s].push(r.stages[s]);
        if (id === 'chromium') await c.assertChromiumFonts(p); // not timed: every timed print was in Noto Sans
      }
    }
    // The peers' sources, written again (untimed for them): what their columns leave out.
    for (let i = 0; i < warmups + runs; i++) {
      const t = c.sources(p);
      if (i >= warmups) for (const s of ['html', 'typst'] as const) row.sources[s].push(t[s]);
    }
    rows.push(row);
    const m = (id: ContenderId) => median(row.ms[id]);
    console.log(
      `bench: ${p.job.key}: kit PDF ${m('kitPdf').toFixed(1)} ms (warm words ${m('kitPdfWarm').toFixed(1)}), + preview ${m('kitPreview').toFixed(1)} ms (${m('kitPreviewWarm').toFixed(1)}), ` +
        `Chromium ${m('chromium').toFixed(1)} ms, Typst ${m('typst').toFixed(1)} ms; PDF ÷ Chromium ${(m('kitPdf') / m('chromium')).toFixed(2)}, PDF + preview ÷ Typst ${(m('kitPreview') / m('typst')).toFixed(2)}`,
    );
  }

  // The preview, stage by stage, in a block of its own (the same display list each time).
  for (const p of prepared) {
    const g = p.geometry;
    const fit = (side: number) => (g.trimW >= g.trimH ? { mode: 'width' as const, value: side } : { mode: 'height' as const, value: side });
    const options = (side: number) => ({ fitTo: fit(side), font: { loadSystemFonts: false }, background: '#ffffff' });
    const row: PreviewRow = {
      key: p.job.key,
      pixels: '',
      svg: [],
      parse: [],
      render: [],
      parse600: [],
      render600: [],
      parseRuns: [],
      renderRuns: [],
      resvgEncode: [],
      kitEncode: [],
      listToPng: [],
      resvgBytes: 0,
      kitBytes: 0,
    };
    const time = <T>(into: number[], f: () => T): T => {
      const t0 = performance.now();
      const v = f();
      into.push(performance.now() - t0);
      return v;
    };
    for (let i = 0; i < warmups + runs; i++) {
      const warm = i < warmups;
      const sink = (xs: number[]) => (warm ? [] : xs);
      const svg = time(sink(row.svg), () => listToSvg(p.list, { view: { x: g.bleed, y: g.bleed, width: g.trimW, height: g.trimH } }));
      const resvg = time(sink(row.parse), () => new Resvg(svg, options(previewLongSide)));
      const image = time(sink(row.render), () => resvg.render());
      const smaller = time(sink(row.parse600), () => new Resvg(svg, options(600)));
      time(sink(row.render600), () => smaller.render());
      const runPaths = listToSvgRunPaths(p.list, { view: { x: g.bleed, y: g.bleed, width: g.trimW, height: g.trimH } });
      const byRun = time(sink(row.parseRuns), () => new Resvg(runPaths, options(previewLongSide)));
      time(sink(row.renderRuns), () => byRun.render());
      row.resvgBytes = time(sink(row.resvgEncode), () => image.asPng()).length;
      row.kitBytes = time(sink(row.kitEncode), () => encodePng(image.pixels, image.width, image.height)).length;
      time(sink(row.listToPng), () => listToPng(p.list, g, previewLongSide));
      row.pixels = `${image.width} × ${image.height}`;
    }
    previewRows.push(row);
  }
} finally {
  await c.close();
}
const loadAfterPosters = loadAverage();

// The whole set, cold: every file of the real content into an empty folder, as `npm run build` renders it.
const countFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
/** CPU seconds (user + system) of this process's finished children, from /proc/self/stat (cutime + cstime). */
const childCpuSeconds = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) / ticks;
};
const sets: { ms: number; cpu: number; rendered: number; onDisk: number; load: string; perFile: string }[] = [];
for (let i = 0; i < setRuns; i++) {
  const out = mkdtempSync(join(tmpdir(), 'print-bench-set-'));
  try {
    const load = loadAverage();
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'apps/print/src/cli.ts'), '--out', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const ms = performance.now() - t0;
    const cpu = childCpuSeconds() - cpu0;
    if (r.status !== 0) throw new Error(`the whole set failed:\n${r.stderr}${r.stdout}`);
    const rendered = Number(/: (\d+) rendered/.exec(r.stdout)?.[1] ?? Number.NaN);
    // The CLI's own sums of its workers' stage timings: "(worker CPU): SVG 14 ms, PDF 4 ms, PNG 19 ms".
    const stages = /\(worker CPU\): SVG (\d+) ms, PDF (\d+) ms, PNG (\d+) ms/.exec(r.stdout);
    const perFile = stages ? `${stages[1]} / ${stages[2]} / ${stages[3]}` : '?';
    sets.push({ ms, cpu, rendered, onDisk: countFiles(out), load, perFile });
    console.log(
      `bench: whole set, cold, run ${i + 1}: ${(ms / 1000).toFixed(1)} s (CPU ${cpu.toFixed(1)} s), ${rendered} files rendered (${(rendered / (ms / 1000)).toFixed(0)} files/s); load average before ${load}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const setMs = median(sets.map((s) => s.ms));
const setCpu = median(sets.map((s) => s.cpu));
const setFiles = sets[0]?.rendered ?? 0;
const setFilesPerSecond = setFiles / (setMs / 1000);

// --- BENCHMARK.md ----------------------------------------------------------------------------------
const f1 = (n: number) => n.toFixed(1);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ratio = (n: number) => n.toFixed(2);
const med = (row: Row, id: ContenderId) => median(row.ms[id]);
const pdfVsChromium = rows.map((r) => med(r, 'kitPdf') / med(r, 'chromium'));
const previewVsTypst = rows.map((r) => med(r, 'kitPreview') / med(r, 'typst'));
const warmPdfVsChromium = rows.map((r) => med(r, 'kitPdfWarm') / med(r, 'chromium'));
const warmPreviewVsTypst = rows.map((r) => med(r, 'kitPreviewWarm') / med(r, 'typst'));
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
const all = (xs: number[], limit: number) => xs.every((x) => x <= limit);
const typstVersion = (JSON.parse(readFileSync(join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8')) as { version: string })
  .version;
const cell = (r: Row, id: ContenderId) => `${f1(med(r, id))} (${f1(p90(r.ms[id]))})`;

const table = rows
  .map(
    (r) =>
      `| ${r.key} | ${cell(r, 'kitPdf')} | ${cell(r, 'kitPreview')} | ${cell(r, 'chromium')} | ${cell(r, 'typst')} | ${ratio(med(r, 'kitPdf') / med(r, 'chromium'))} | ${ratio(med(r, 'kitPreview') / med(r, 'typst'))} |`,
  )
  .join('\n');
const warmTable = rows
  .map(
    (r) =>
      `| ${r.key} | ${cell(r, 'kitPdfWarm')} | ${cell(r, 'kitPreviewWarm')} | ${cell(r, 'typstWarm')} | ${ratio(med(r, 'kitPdfWarm') / med(r, 'chromium'))} | ${ratio(med(r, 'kitPreviewWarm') / med(r, 'typst'))} | ${ratio(med(r, 'kitPreviewWarm') / med(r, 'typstWarm'))} |`,
  )
  .join('\n');
const stagesTable = rows
  .map(
    (r) =>
      `| ${r.key} | ${f1(median(r.stages.layout))} | ${f1(median(r.stages.pdf))} | ${f1(median(r.stages.png))} | ${f1(median(r.sources.html))} | ${f1(median(r.sources.typst))} | ${Math.round(r.bytes.kitPdf / 1024)} / ${Math.round(r.bytes.chromium / 1024)} / ${Math.round(r.bytes.typst / 1024)} |`,
  )
  .join('\n');
/** What writing each glyph run as one path did to resvg's parse + render, over the posters (negative: it saved time). */
const runPathsChange =
  mean(previewRows.map((r) => median(r.parseRuns) + median(r.renderRuns))) / mean(previewRows.map((r) => median(r.parse) + median(r.render))) - 1;
const previewTable = previewRows
  .map(
    (r) =>
      `| ${r.key} | ${r.pixels} | ${f1(median(r.svg))} | ${f1(median(r.parse))} | ${f1(median(r.render))} | ${f1(median(r.parseRuns))} + ${f1(median(r.renderRuns))} | ${f1(median(r.parse600) + median(r.render600))} | ${f1(median(r.resvgEncode))} → ${f1(median(r.kitEncode))} | ${Math.round(r.resvgBytes / 1024)} → ${Math.round(r.kitBytes / 1024)} | ${f1(median(r.svg) + median(r.parse) + median(r.render) + median(r.resvgEncode))} → ${f1(median(r.listToPng))} |`,
  )
  .join('\n');

const md = `# Print benchmark

Recorded by \`node apps/print/bench.ts\` (the print half of \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}, in one run:

- machine: ${host.nproc} cores (\`nproc\`), ${host.cpu}; \`free -h\` ${host.memory}; Node ${host.node};
  Chromium ${c.chromiumVersion} (Debian's, driven by playwright-core); Typst by @myriaddreamin/typst-ts-node-compiler ${typstVersion}
- load average (1, 5, 15 min) at the start ${host.loadAtStart}, after the posters ${loadAfterPosters}: the machine is shared
  with other jobs, so absolute times scatter from run to run; **compare the ratios, taken in the same run**.
- before any timing, ${warmupRounds} rounds of every contender on every poster; then per poster and contender: ${warmups} warm-up runs, then ${runs} timed runs; each contender in a block of its own, one
  after the other; **median (p90)**, ms, wall time around one render.

## Per poster

| poster | (a) kit PDF | (b) kit PDF + preview | (c) Chromium page.pdf | (d) Typst | a ÷ c (goal ≤ 0.2) | b ÷ d (goal ≤ 1.0) |
|---|---:|---:|---:|---:|---:|---:|
${table}

(a) and (b) shape and measure every word and line again in each run (a new \`TextMeasurer\`, as Typst's
cache is evicted; see below). For comparison, the same with one measurer for the run, every word already
shaped (as in a build, where a worker's measurer serves every format of a design and language), and Typst
without evicting its cache (the last run's layout and shaping reused); **not** what the goals are
judged by:

| poster | (a′) kit PDF, words warm | (b′) kit PDF + preview, words warm | (d′) Typst, cache kept | a′ ÷ c | b′ ÷ d | b′ ÷ d′ |
|---|---:|---:|---:|---:|---:|---:|
${warmTable}

Inside (b), medians in ms (renderPoster's own stage timings); the time to write each peer's source,
not counted in any column (the HTML with the run's measurer, its words already shaped); the PDFs' sizes:

| poster | layout → display list | PDF writer | PNG preview | HTML from the job | Typst source from the list | PDF KiB: kit / Chromium / Typst |
|---|---:|---:|---:|---:|---:|---:|
${stagesTable}

## The PNG preview

The preview of a PDF is the trim area at ${previewLongSide} px on its long side: the display list written as SVG
(render/svg.ts), parsed and rasterised by resvg, written as PNG. Medians in ms, ${runs} runs, stage by stage;
the same preview with every glyph run written as one path (bench/run-paths.ts: each glyph's outline
placed in JavaScript, no \`<use>\`), parsed + rendered; resvg's parse + render for a 600 px preview instead;
resvg's own PNG encoder (\`asPng\`) → the kit's (\`encodePng\` in render/png.ts); and the whole preview with
\`asPng\` (the sum of the stages) → the kit's (\`listToPng\`):

| poster | pixels | SVG writer | resvg parse | resvg render | one path per run: parse + render | parse + render at 600 px | PNG encode: resvg → kit | PNG KiB: resvg → kit | preview: with asPng → kit |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
${previewTable}

- **Render:** tiny-skia's anti-aliased fill of every glyph, and a base cost in proportion to the
  pixels (allocating and filling the pixmap: about 1.5 ms for an empty 800 px A4, measured once, apart from this bench). A
  600 px preview would save the difference between parse + render at 600 px and the two columns
  of resvg at ${previewLongSide} px, and a little of the encode: printers open this preview to check the layout and
  read the small print, so it stays at ${previewLongSide} px.
- **Parse:** the SVG places each glyph by \`<use>\` of one \`<path>\` per glyph outline. Writing each run
  as one path instead (the column "one path per run") leaves resvg as much path data to parse and fill;
  in this run it changed parse + render by ${Math.round(runPathsChange * 100)} % on average${
    Math.abs(runPathsChange) < 0.1 ? ': the cost is in the outlines, not in the `<use>` elements, so the kit keeps its SVG' : ''
  }. resvg's options
  offer nothing faster that keeps the picture (\`shapeRendering: optimizeSpeed\` turns anti-aliasing off).
  Nor does another rasteriser: Skia (@napi-rs/canvas 1.1.1, not a dependency of the kit) drawing the display
  list directly, no SVG to parse (one \`Path2D\` per glyph outline, kept; rects and QR modules filled;
  \`getImageData\`; the kit's encoder), measured 13.4 / 13.5 / 12.9 / 8.8 ms for these four posters'
  previews against 13.1 / 13.8 / 13.0 / 6.4 ms for resvg's \`listToPng\` (median of 30 after 5 warm-up runs,
  one run on 2026-11-29, outside this bench).
- **Encode:** the kit writes the pixels as 8-bit RGB (the preview is drawn on white: every pixel is
  opaque), unfiltered, deflated by Node's zlib at level 2: about half of \`asPng\`'s time, and smaller files.

## Whole set

Every file of the real content, cold: \`node apps/print/src/cli.ts --out <empty temporary folder>\` (plan,
preflight, every poster, social image and page card rendered on ${host.nproc} worker threads, spec sheets,
ZIPs, SHA256SUMS, manifest), wall time of the process and its CPU time (user + system, all threads),
${setRuns} run${setRuns === 1 ? '' : 's'}:

| run | load average before | wall time | CPU time | files rendered | files/s | per file in the workers, ms: layout / PDF / PNG | files written (previews, ZIPs … included) |
|---|---|---:|---:|---:|---:|---:|---:|
${sets.map((s, i) => `| ${i + 1} | ${s.load} | ${(s.ms / 1000).toFixed(1)} s | ${s.cpu.toFixed(1)} s | ${s.rendered} | ${(s.rendered / (s.ms / 1000)).toFixed(0)} | ${s.perFile} | ${s.onDisk} |`).join('\n')}
| **median** | | **${(setMs / 1000).toFixed(1)} s** | ${setCpu.toFixed(1)} s | ${setFiles} | **${setFilesPerSecond.toFixed(0)}** | | |

"Files rendered" are the print files (PDFs and social PNGs) and the page cards, as the issue's 499
counted them; the content has grown since (more countries and languages), hence files per second.
The workers' time per file is their own stage timings (layout → display list, PDF writer, PNG: the
preview, or the social image or page card itself), summed by the CLI; the rest of the wall time is
the plan, input hashes and preflight before rendering, and spec sheets, ZIPs and manifest after.

## Goals (issue 9, requirement 8)

- PDF alone ≤ 0.2 × Chromium, on every poster: ${met(all(pdfVsChromium, 0.2))} (${pdfVsChromium.map(ratio).join(', ')}; with words warm ${warmPdfVsChromium.map(ratio).join(', ')}).${!all(pdfVsChromium, 0.2) && all(warmPdfVsChromium, 0.2) ? "\n  Met only with every word's shaping kept from the runs before (a′), which is not counted: Typst's cache is evicted." : ''}
- PDF + preview ≤ 1.0 × Typst, on every poster: ${met(all(previewVsTypst, 1))} (${previewVsTypst.map(ratio).join(', ')}; with words warm ${warmPreviewVsTypst.map(ratio).join(', ')}).
- Whole set at least 2 × faster than the issue's 499 files in 10.6 s (${(issueSet.files / (issueSet.ms / 1000)).toFixed(0)} files/s; goal ≥ ${goalFilesPerSecond.toFixed(0)} files/s, i.e. 499 files
  in ≤ 5.3 s): ${met(setFilesPerSecond >= goalFilesPerSecond)} (${setFiles} files in ${(setMs / 1000).toFixed(1)} s, median: ${setFilesPerSecond.toFixed(0)} files/s, ${(setFilesPerSecond / (issueSet.files / (issueSet.ms / 1000))).toFixed(2)} × the
  issue's speed. ${setCpu.toFixed(1)} s of CPU: ${((setCpu * 1000) / setFiles).toFixed(0)} ms per file, so even with the machine's ${host.nproc} cores to itself the set needs at least
  ${(setCpu / host.nproc).toFixed(1)} s, ${(setFiles / (setCpu / host.nproc)).toFixed(0)} files/s).

Where the kit's time goes (medians of this run, over the ${rows.length} posters):

- (a) with every word shaped again: ${f1(mean(rows.map((r) => median(r.stages.layout))))} ms of layout → display list on average: the templates and
  the copyfitter (each word shaped once by HarfBuzz, every candidate line an addition of its words'
  advances: src/measure.ts, src/typeset.ts), satori's layout of the boxes, and the display list; the
  whole PDF with every word already shaped takes ${f1(mean(rows.map((r) => med(r, 'kitPdfWarm'))))} ms (a′). The PDF writer itself is
  ${f1(mean(rows.map((r) => median(r.stages.pdf))))} ms.
- (b): the preview adds ${f1(mean(rows.map((r) => median(r.stages.png))))} ms (resvg's parse and anti-aliased render of the glyph outlines, and
  the PNG encoder; see "The PNG preview"), raster work neither peer does${
    mean(rows.map((r) => median(r.stages.png))) > mean(rows.map((r) => med(r, 'typst')))
      ? `, and more than Typst's whole render (${f1(mean(rows.map((r) => med(r, 'typst'))))} ms on average) on its own: goal (b) is out of reach of an ${previewLongSide} px raster preview drawn by resvg (or by Skia: see "The PNG preview")`
      : ''
  }.
- The whole set: ${((setCpu * 1000) / setFiles).toFixed(0)} ms of CPU per file, against ${f1(mean(rows.map((r) => med(r, 'kitPreviewWarm'))))} ms for a warm render of these posters (b′) in this
  process: social images (up to 1080 × 1920) and page cards (1200 × 630) are rasterised at their full
  pixel size, and the main thread loads the content, plans, preflights every file and writes the spec
  sheets and ZIPs; the ${host.nproc} workers start before the preflight and live for the whole set (each
  shapes a word once), and other jobs share the ${host.nproc} cores.

## How each contender is run, and why it is fair

- **(a) kit PDF**: from the job each time: templates and copyfit, satori's boxes, the display list, the
  PDF/X-1a writer (boxes, output intent, crop marks, slug): \`renderPoster\`'s PDF branch without the
  preview (apps/print/bench/kit.ts; the bench checks its bytes equal renderPoster's).
- **(b) kit PDF + preview**: \`renderPoster\`, what the build's workers run: (a), then the PNG preview.
- **Caches (a) and (b) keep between runs**, per process: the parsed fonts (fontkit's and HarfBuzz's
  faces), each glyph's compressed PDF stream and SVG outline, the QR matrix per URL (the peers get the
  modules ready-made), a photo's crop, the ICC profile (X-4). **Emptied before every run** (a new
  \`TextMeasurer\`, as Typst's evicted cache): each word's shaping, each line's, its ink bounds, each
  text's break opportunities. Nothing caches a poster's output: every
  run lays the job out and writes the files again.
- **(c) Chromium**: the same poster as HTML from the same job (\`posterHtml\` in @repo/print: the same
  layout, copyfit and sizes, text as text, the QR code as an inline SVG path), its \`@font-face\`s
  pointing at the kit's own Noto Sans WOFF files served from a file server on 127.0.0.1 (Chromium's
  \`setContent\` refuses \`file://\` fonts and silently draws Liberation Serif). Timed: \`page.setContent\`,
  \`document.fonts.ready\`, \`page.pdf\`, on a running browser and page; the fonts are in its memory
  cache after the first run, as the kit's are parsed once. After every timed run (untimed) the bench
  asserts that each face the kit uses for the poster's text is \`loaded\` in \`document.fonts\`, none
  failed, and \`document.fonts.check\` of that face with its text is true; \`apps/print/test/bench.test.ts\`
  checks with \`pdffonts\` that the PDF embeds NotoSans. Writing the HTML is not counted.
- **(d) Typst**: the same poster written in Typst from the kit's display list of the same job
  (apps/print/bench/typst.ts): a page of the bleed box, every rect in the token's exact CMYK, every
  line as text in Noto Sans at the same size and weight on the same baseline (Typst shapes it), the
  QR code as one rectangle per run of dark modules, an untagged PDF as the kit's; no crop marks or slug
  (a small advantage to Typst). Fonts: the same @fontsource files, unwrapped from WOFF (Typst reads
  OpenType only) and their family renamed per subset (\`Noto Sans latin-ext\` …, as satori and the HTML
  name them: every subset calls itself "Noto Sans" and Typst keeps one font per family and weight),
  given to Typst through \`fontPaths\`; \`fallback: false\`, and any warning (a missing glyph) fails the
  run. **Cache:** one compiler for the run (creating one scans the font folder: font loading, done once,
  as the kit does), and \`compiler.evictCache(0)\` before every render, which empties Typst's global
  memoization cache (parsing, evaluation, layout, shaping), so each render does all of it again (d′,
  the same without the eviction, shows that it does); then \`compile\` and \`pdf\`. Writing the source
  is not counted.
`;
writeFileSync(join(root, 'apps/print/BENCHMARK.md'), md);
console.log('bench: wrote apps/print/BENCHMARK.md');
