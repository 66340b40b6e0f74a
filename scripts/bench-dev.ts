// Edit-to-visible time of the live preview (`npm run dev`), for each kind of content file: starts
// the preview of the Greek fixture site (packages/content/test/fixtures/valid, copied to a temporary
// folder, with a "For printers" page and a poster design added), opens a page in Chromium, edits a
// file and times until the change is in the page's DOM (polled every 25 ms). Writes the figures to
// benchmarks/dev.md.
//
//   node scripts/bench-dev.ts [--runs 5]
//
// apps/site/test/dev.test.ts runs the same edits once each with a generous bound. The helpers here
// are shared with it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { parse, stringify } from 'yaml';

const repo = resolve(import.meta.dirname, '..');
export const fixture = join(repo, 'packages/content/test/fixtures/valid');

/** A private copy of the fixture content with what the preview shows of print files, and an empty print build. */
export function previewFixture(): { dir: string; contentDir: string; printDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dev-preview-'));
  const contentDir = join(dir, 'content');
  cpSync(fixture, contentDir, { recursive: true });
  writeFileSync(
    join(contentDir, 'pages/en/printers.mdx'),
    '---\ntitle: "For printers"\ndescription: "Print files of this country, with their specifications."\nslug: "printers"\naudience: all\norder: 90\ntranslation: source\n---\n\nEvery print file of this site.\n\n<PrintFiles />\n',
  );
  // A poster design for the Greek site, made from the campaign's own (so it follows its schema).
  const poster = parse(readFileSync(join(repo, 'content/posters/destination-demand.yaml'), 'utf8')) as Record<string, unknown>;
  const keep = (value: unknown) => Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([tag]) => tag === 'en' || tag === 'el'));
  poster.name = keep(poster.name);
  poster.lines = keep(poster.lines);
  poster.page = 'demand';
  delete poster.image;
  mkdirSync(join(contentDir, 'posters'), { recursive: true });
  writeFileSync(join(contentDir, 'posters/destination-demand.yaml'), stringify(poster));
  // The last print build, as the preview finds it: a manifest (no files yet) and one file to serve.
  const printDir = join(dir, 'print');
  mkdirSync(join(printDir, 'gr'), { recursive: true });
  writeFileSync(join(printDir, 'manifest.json'), JSON.stringify({ campaign: 'fixture', date: '2026-01-01T00:00:00.000Z', files: [], zips: [], cards: [] }));
  writeFileSync(join(printDir, 'gr/SHA256SUMS'), 'fixture checksums\n');
  return { dir, contentDir, printDir };
}

/** Where the preview of `code` on `contentDir` keeps its caches (astro.config.ts's cacheDir). */
export function previewCacheDir(code: string, contentDir: string): string {
  return join(repo, 'apps/site/node_modules/.astro', `${code}-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 8)}`);
}

export interface RunningPreview {
  url: string;
  pid: number | undefined;
  /** Everything the preview printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node scripts/dev.ts` with these arguments; resolves once it has printed `waitFor`'s address. */
export async function startPreview(options: {
  args: string[];
  contentDir: string;
  printDir: string;
  devRoot: string;
  /** Matches the line with the address; its first group is the address. */
  waitFor: RegExp;
  timeoutMs?: number;
}): Promise<RunningPreview> {
  const child: ChildProcess = spawn(process.execPath, [join(repo, 'scripts/dev.ts'), ...options.args], {
    cwd: repo,
    // Without the test runner's variables (VITEST, NODE_ENV=test): the preview runs as from a shell.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'COUNTRY')),
      CONTENT_DIR: options.contentDir,
      PRINT_DIR: options.printDir,
      SITE_DEV_ROOT: options.devRoot,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`The preview did not start within ${options.timeoutMs ?? 120_000} ms:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    const look = () => {
      const match = options.waitFor.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The preview stopped (exit code ${code}):\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Replaces text in a content file, failing loudly when the text is not there. */
export function replaceIn(contentDir: string, file: string, from: string | RegExp, to: string) {
  const path = join(contentDir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

/** One kind of content file, an edit of it and what the page then shows. */
export interface EditKind {
  kind: string;
  file: string;
  /** Page of the Greek site that shows it. */
  path: string;
  /** Makes edit number `n`; returns the text the page shows afterwards. */
  apply(contentDir: string, n: number): string;
  /** Before an edit: undoes what an earlier one shows; returns the text the page then no longer shows. */
  reset?(contentDir: string, printDir: string): string;
}

// biome-ignore lint/suspicious/noExplicitAny: YAML files of several shapes, each edited at a known place.
type YamlData = Record<string, any>;

/**
 * An edit that appends `suffix(n)` to one text of a YAML file (`at` finds it: the object and the key),
 * starting from the text before the first edit; returns the new text. The file is rewritten by the
 * YAML library (its comments go: this is a copy).
 */
function yamlEdit(file: string, at: (data: YamlData, dir: string) => [YamlData, string], suffix: (n: number) => string) {
  let first: string | undefined;
  return (dir: string, n: number): string => {
    const path = join(dir, file);
    const data = parse(readFileSync(path, 'utf8')) as YamlData;
    const [parent, key] = at(data, dir);
    first ??= String(parent[key]);
    const value = `${first}${suffix(n)}`;
    parent[key] = value;
    writeFileSync(path, stringify(data));
    return value;
  };
}
const byId = (list: YamlData[], field: string, value: string) => list.find((item) => item[field] === value) as YamlData;

// The Greek fixture site: Greek (draft translations) at /, English at /en/. Greek text gets Greek
// words and digits only (the loader checks each locale's script).
export const editKinds: EditKind[] = [
  {
    kind: 'MDX body',
    file: 'pages/el/home.mdx',
    path: '/',
    apply: (dir, n) => {
      const path = join(dir, 'pages/el/home.mdx');
      const text = readFileSync(path, 'utf8').replace(/\n\nΕπεξεργασία \d+\.\n$/, '\n');
      writeFileSync(path, `${text.endsWith('\n') ? text : `${text}\n`}\nΕπεξεργασία ${n}.\n`);
      return `Επεξεργασία ${n}.`;
    },
  },
  {
    kind: 'MDX frontmatter (title)',
    file: 'pages/el/home.mdx',
    path: '/',
    apply: (dir, n) => {
      replaceIn(dir, 'pages/el/home.mdx', /^title: .*$/m, `title: "Αρχική ${n}"`);
      return `Αρχική ${n}`;
    },
  },
  {
    kind: 'country (countries/gr.yaml)',
    file: 'countries/gr.yaml',
    path: '/',
    apply: yamlEdit(
      'countries/gr.yaml',
      (data) => [data.helplines[0].purpose, 'el'],
      (n) => ` ${n}`,
    ),
  },
  {
    kind: 'UI strings (ui/el.yaml)',
    file: 'ui/el.yaml',
    path: '/',
    apply: yamlEdit(
      'ui/el.yaml',
      (data) => [data.strings, 'site.draftNotice'],
      (n) => ` (${n})`,
    ),
  },
  {
    kind: 'figures (figures.yaml)',
    file: 'figures.yaml',
    path: '/',
    apply: yamlEdit(
      'figures.yaml',
      (data) => [byId(data.figures, 'id', 'children-share').value, 'el'],
      (n) => ` (${n})`,
    ),
  },
  {
    kind: 'sources (sources.yaml)',
    file: 'sources.yaml',
    path: '/',
    // The source the home page's figure cites.
    apply: yamlEdit(
      'sources.yaml',
      (data, dir) => {
        const figures = (parse(readFileSync(join(dir, 'figures.yaml'), 'utf8')) as YamlData).figures;
        return [byId(data.sources, 'id', byId(figures, 'id', 'children-share').source), 'title'];
      },
      (n) => ` ${n}`,
    ),
  },
  {
    kind: 'campaign (campaign.yaml)',
    file: 'campaign.yaml',
    path: '/',
    apply: yamlEdit(
      'campaign.yaml',
      (data) => [data, 'brand'],
      (n) => ` ${n}`,
    ),
  },
  {
    kind: 'poster lines (posters/*.yaml)',
    file: 'posters/destination-demand.yaml',
    path: '/printers/',
    // The print files come from the last print build; the page says which content changed since.
    reset: (_dir, printDir) => {
      const now = new Date();
      utimesSync(join(printDir, 'manifest.json'), now, now);
      return 'Changed since: content/posters/destination-demand.yaml';
    },
    apply: (dir, n) => {
      posterEdit(dir, n);
      return 'Changed since: content/posters/destination-demand.yaml';
    },
  },
  {
    kind: 'locales (locales.yaml)',
    file: 'locales.yaml',
    path: '/en/',
    apply: yamlEdit(
      'locales.yaml',
      (data) => [byId(data.locales, 'tag', 'el'), 'nativeName'],
      (n) => ` ${n}`,
    ),
  },
];
const posterEdit = yamlEdit(
  'posters/destination-demand.yaml',
  (data) => [data.lines.el, 'headline'],
  (n) => ` ${n}`,
);

/** The page's text, or undefined while it is being replaced by a reload. */
export async function pageText(page: Page): Promise<string | undefined> {
  try {
    return await page.evaluate(() => document.body?.textContent ?? '');
  } catch {
    return undefined;
  }
}

/** What the page shows, for a failure message: its text, or Astro's error overlay (in a shadow root). */
async function shown(page: Page): Promise<string> {
  try {
    return await page.evaluate(() =>
      `${document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? ''} ${document.body?.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
    );
  } catch (error) {
    return `(no page: ${error instanceof Error ? error.message.split('\n')[0] : error})`;
  }
}

/** Polls the page until its text satisfies `test`; returns the milliseconds it took. */
export async function until(page: Page, test: (text: string) => boolean, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const text = await pageText(page);
    if (text !== undefined && test(text)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`Not shown within ${timeoutMs} ms. The page says:\n${(await shown(page)).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Opens a page of the preview and waits until the Vite client can reload it. A reload the preview
 * sends for an earlier change can abort the navigation: it is tried again.
 */
export async function open(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      break;
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('ERR_ABORTED')) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  await new Promise((r) => setTimeout(r, 500));
}

/** Opens `path` (unless the page is there), makes the edit and times until the page shows it. */
export async function timeEdit(
  page: Page,
  baseUrl: string,
  fixture: { contentDir: string; printDir: string },
  edit: EditKind,
  n: number,
  timeoutMs?: number,
): Promise<number> {
  const url = new URL(edit.path, baseUrl).href;
  if (page.url() !== url) await open(page, url);
  if (edit.reset) {
    const gone = edit.reset(fixture.contentDir, fixture.printDir);
    await until(page, (text) => !text.includes(gone), timeoutMs);
    await new Promise((r) => setTimeout(r, 300));
  }
  const shows = edit.apply(fixture.contentDir, n);
  return until(page, (text) => text.includes(shows), timeoutMs);
}

/** Resident memory of a process's children, from /proc (Linux); "n/a" elsewhere. */
function childrenRss(pid: number | undefined): string {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children
      .map((child) => {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1] ?? 0);
        return `${Math.round(kb / 1024)} MB`;
      })
      .join(', ');
  } catch {
    return 'n/a';
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const { launchChromium } = await import('@repo/gates');
  const { dir, contentDir, printDir } = previewFixture();
  const devRoot = join(repo, 'apps/site', `.build-devbench-${process.pid}`);
  const port = 20000 + (process.pid % 20000);
  const startedAt = performance.now();
  const preview = await startPreview({
    args: ['--country', 'gr', '--port', String(port)],
    contentDir,
    printDir,
    devRoot,
    waitFor: /Preview of the gr site: (http:\/\/\S+)/,
  });
  const startMs = performance.now() - startedAt;
  const browser = await launchChromium();
  const times = new Map<string, number[]>();
  try {
    const page = await (await browser.newContext()).newPage();
    const firstPage = performance.now();
    await page.goto(preview.url, { waitUntil: 'load' });
    const firstPageMs = performance.now() - firstPage;
    for (let n = 1; n <= runs; n++) {
      for (const edit of editKinds) {
        const ms = await timeEdit(page, preview.url, { contentDir, printDir }, edit, n);
        times.set(edit.kind, [...(times.get(edit.kind) ?? []), ms]);
        console.log(`${edit.kind}: ${Math.round(ms)} ms`);
        // Let the second reload of an MDX edit (Astro's own, after its content store) settle.
        await new Promise((r) => setTimeout(r, 400));
      }
    }
    await preview.stop();
    // The index: how long a country's preview takes to start on first visit, and its memory.
    const index = await startPreview({ args: ['--port', String(port)], contentDir, printDir, devRoot, waitFor: /Live preview: (http:\/\/\S+)/ });
    const lazy: string[] = [];
    try {
      for (const code of ['gr', 'md']) {
        const started = performance.now();
        const res = await fetch(new URL(`/${code}/`, index.url), { redirect: 'manual' });
        const startMs = performance.now() - started;
        const pageStarted = performance.now();
        await (await fetch(res.headers.get('location') as string)).text();
        lazy.push(`${code}: started in ${Math.round(startMs)} ms, first page ${Math.round(performance.now() - pageStarted)} ms`);
      }
      lazy.push(`memory of the running previews (resident): ${childrenRss(index.pid)}`);
    } finally {
      await index.stop();
    }
    const rows = editKinds.map((e) => {
      const t = times.get(e.kind) ?? [];
      return `| ${e.kind} | \`${e.file}\` | ${Math.round(median(t))} | ${Math.round(Math.min(...t))} | ${Math.round(Math.max(...t))} |`;
    });
    const report = `# Live preview: edit-to-visible time

\`node scripts/bench-dev.ts --runs ${runs}\` (${new Date().toISOString().slice(0, 10)}): \`npm run dev -- --country gr\` on the fixture
content (packages/content/test/fixtures/valid, plus a "For printers" page and a poster design), one
page open in Chromium; each edit is written to the file and timed until the page's DOM shows it
(polled every 25 ms). ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end, ${Math.round(freemem() / 2 ** 30)} of ${Math.round(totalmem() / 2 ** 30)} GB free. These machines are shared and noisy:
compare ratios from one run.

| file kind | file | median ms | min ms | max ms |
|---|---|---:|---:|---:|
${rows.join('\n')}

Start of the preview (content check, \`astro dev\` ready): ${Math.round(startMs)} ms; first page: ${Math.round(firstPageMs)} ms.

Without \`--country\`, the index starts a country's preview when it is first opened (then redirects):
${lazy.map((l) => `- ${l}`).join('\n')}

One \`astro dev\` per country, started on first visit, because a country's site is configured per
country (site address, fonts subset to its languages, its pages and paths) and is served at the root
of its own port, as at the root of its own domain, so root-relative links work as deployed. One
server switching country by path would need a config restart per switch and a path prefix the
deployed sites do not have. Starting all seven at once would cost seven times the start and memory
above before anyone opens one.

What happens on an edit (apps/site/src/integrations/dev-preview.ts): Vite's watcher reports the file,
30 ms later the whole content is loaded and checked again, the last good copy is updated, the pages'
module instance loads it, Astro's route cache is cleared and the page reloads. An MDX edit reloads
twice: once right away, once when Astro's content collection has stored the new page. A page that
was still loading when a reload was sent (its live-reload connection not yet open) tells the preview
which version it shows once connected, and is reloaded if that is older.
A poster edit shows as "Changed since: content/posters/…" on the "For printers" page: the print files
themselves come from the last print build.
`;
    writeFileSync(join(repo, 'benchmarks/dev.md'), report);
    console.log(`\n${report}`);
  } catch (error) {
    console.error(`The preview printed:\n${preview.output().split('\n').slice(-60).join('\n')}`);
    throw error;
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(devRoot, { recursive: true, force: true });
    for (const code of ['gr', 'md']) rmSync(previewCacheDir(code, contentDir), { recursive: true, force: true });
  }
  if (!existsSync(join(repo, 'benchmarks/dev.md'))) process.exit(1);
}
