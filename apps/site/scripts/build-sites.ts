// Builds one self-contained static site per country into dist/<cc>/.
//
// 1. Validates all content first and stops, writing nothing, if anything is wrong.
// 2. Builds each country with Astro into a staging folder: one country (each Turborepo task asks for
//    one) in this process, with the content loaded in step 1 (src/lib/build-context.ts shares it
//    with Astro's module instances, so content/ is read once per country, not four times); several
//    countries each in a process of its own, running this script for that country (as many at a
//    time as there are cores, or SITE_BUILD_JOBS: an Astro build is single-threaded).
// 3. Only when every country built does it replace dist/: a failed build leaves the last good one.
//
// The site links its country's print files under /print/ and shows small previews of them, but does
// not hold copies: scripts/publish.ts puts the print files beside the site when it stages it, so a
// site's Turborepo cache entry is the site alone (about 1 MB, not the country's 10 MB of PDFs).
//
// Usage: node scripts/build-sites.ts [--release] [--country gr,bg]
//   (--staged, with one country: build into its staging folder and stop; how step 2 runs a country
//   in its own process.)
// Environment: CONTENT_DIR, SITES_OUT_DIR (default dist/), SITE_BUILD_ROOT (default .build/),
//   PRINT_DIR (print files of every country in one folder, as `node apps/print/src/cli.ts` writes
//   them; default: each country's apps/print/dist/countries/<cc>/, as `npm run build` writes them,
//   else apps/print/dist/).
//   --release refuses while any fact the built sites publish is unverified (the release rule,
//   packages/content/src/release.ts; also RELEASE=1).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ContentError, loadContentShared, ReleaseRefused, refuseUnverified, releaseFacts } from '@repo/content';
import { shareContent } from '../src/lib/build-context.ts';
import { writePosterThumbnails } from './poster-thumbnails.ts';

const appDir = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { release: { type: 'boolean', default: process.env.RELEASE === '1' }, country: { type: 'string' }, staged: { type: 'boolean', default: false } },
});
const contentDir = resolve(process.env.CONTENT_DIR ?? join(appDir, '../../content'));
const outRoot = resolve(process.env.SITES_OUT_DIR ?? join(appDir, 'dist'));

function fail(message: string): never {
  console.error(message);
  console.error(`\nThe previous build in ${outRoot} was left untouched.`);
  process.exit(1);
}

let content: ReturnType<typeof loadContentShared>;
try {
  content = loadContentShared(contentDir);
} catch (error) {
  if (error instanceof ContentError) fail(error.message);
  throw error;
}

const wanted = values.country?.split(',').map((c) => c.trim()) ?? content.countries.map((c) => c.code);
for (const code of wanted) {
  if (!content.countries.some((c) => c.code === code)) fail(`Unknown country "${code}". Known: ${content.countries.map((c) => c.code).join(', ')}.`);
}

// A site publishes its pages and its country's print files: refuse every unverified fact on either.
if (values.release) {
  try {
    refuseUnverified(releaseFacts(content, { countries: wanted }));
  } catch (error) {
    if (error instanceof ReleaseRefused) fail(error.message);
    throw error;
  }
}

// Print files are served from each site's own domain under /print/ (see apps/print): the site lists
// them from the manifest of the folder they were rendered into, and makes thumbnails of their previews.
const printDirOf = (code: string) => {
  if (process.env.PRINT_DIR) return resolve(process.env.PRINT_DIR);
  const own = join(appDir, '../print/dist/countries', code);
  return existsSync(join(own, 'manifest.json')) ? own : resolve(appDir, '../print/dist');
};
if (content.posters.length > 0) {
  const missing = wanted.filter((code) => !existsSync(join(printDirOf(code), code)));
  if (missing.length > 0)
    fail(
      `No print files for ${missing.map((code) => `${code} (in ${printDirOf(code)})`).join(', ')}. Build them first: npm run build does, or node apps/print/src/cli.ts.`,
    );
}

// Each country is compiled from its own copy of the app under .build/<cc>/: Astro writes generated
// modules into <root>/.astro/, which differ per country, so two builds sharing one root would
// overwrite each other's. The copy is a dozen small files; its dist/ is the staging folder.
// SITE_BUILD_ROOT moves these copies (tests and the reproducibility check build in their own
// folders, side by side); it must stay inside the repository, where node_modules can be found.
const buildBase = resolve(process.env.SITE_BUILD_ROOT ?? join(appDir, '.build'));
const buildRoot = (code: string) => join(buildBase, code);
// V8's compiled code of Astro, Vite and Rolldown, kept beside the build roots: the first country of a
// cold build fills it and every later one starts about 0.35 CPU-seconds faster (3.9 → 3.5 s for one
// country, median of six). Compiled JavaScript only: it changes no byte of a site.
enableCompileCache(join(buildBase, '.node-compile-cache'));
function prepareRoot(code: string) {
  const root = buildRoot(code);
  mkdirSync(root, { recursive: true });
  // Fresh sources every time; node_modules/.astro (Astro's content cache) is kept between builds.
  for (const entry of ['src', 'public', 'astro.config.ts', 'package.json', 'tsconfig.json', 'dist'])
    rmSync(join(root, entry), { recursive: true, force: true });
  for (const entry of ['src', 'public', 'astro.config.ts', 'package.json', 'tsconfig.json'])
    if (existsSync(join(appDir, entry))) cpSync(join(appDir, entry), join(root, entry), { recursive: true });
  return root;
}

interface Built {
  code: string;
  ms: number;
  output: string;
  ok: boolean;
}

/** Astro's error as its CLI prints it: the message, the hint, where, and the stack. */
function describeError(error: unknown): string {
  const e = error as { stack?: string; hint?: string; frame?: string; loc?: { file?: string; line?: number; column?: number } } | undefined;
  const where = e?.loc?.file ? `at ${e.loc.file}:${e.loc.line ?? 0}:${e.loc.column ?? 0}` : '';
  // frame: the lines of the file around the error, as Astro's CLI shows them.
  return [e?.stack ?? String(error), e?.hint ? `Hint: ${e.hint}` : '', where, e?.frame ?? ''].filter(Boolean).join('\n');
}

/** Small AVIF/WebP previews of the posters for the home page, into /print/thumbs/ (scripts/poster-thumbnails.ts). */
const thumbnails = (code: string) =>
  writePosterThumbnails({
    country: code,
    printDir: printDirOf(code),
    siteDir: join(buildRoot(code), 'dist'),
    cacheDir: join(buildRoot(code), 'node_modules/.poster-thumbs'),
  });

/**
 * One country, in this process (Astro's programmatic build, as `astro build --silent` would): its
 * pages see the content loaded above instead of reading content/ again. Only one per process: Astro
 * reads the country from the environment.
 */
async function buildHere(code: string): Promise<Built> {
  const started = performance.now();
  const root = prepareRoot(code);
  Object.assign(process.env, {
    COUNTRY: code,
    CONTENT_DIR: contentDir,
    SITE_OUT_DIR: join(root, 'dist'),
    PRINT_DIR: printDirOf(code),
    // Subset fonts made for one country serve the others that show the same characters (src/lib/fonts.ts).
    SITE_FONT_CACHE: join(buildBase, '.font-subsets'),
    // Astro's telemetry would call a third party; CI=true does not switch it off.
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  // From the country's own root: Astro writes its prerender chunks under the working directory when
  // the output folder is outside it, where two countries built at once would overwrite each other's.
  process.chdir(root);
  shareContent(content, contentDir);
  try {
    const { build } = await import('astro');
    // The config is imported here, not by Astro: Astro would start a Vite server to compile it and
    // everything it imports (this app's lib/, @repo/content…) for one evaluation.
    const config = (await import(pathToFileURL(join(root, 'astro.config.ts')).href)).default;
    await build({ ...config, root, configFile: false, logLevel: 'silent' });
    await thumbnails(code);
    return { code, ms: performance.now() - started, output: '', ok: true };
  } catch (error) {
    return { code, ms: performance.now() - started, output: describeError(error), ok: false };
  }
}

/** One country in a process of its own: this script with --staged. */
function buildInChild(code: string): Promise<Built> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [import.meta.filename, '--country', code, '--staged', ...(values.release ? ['--release'] : [])], {
      cwd: appDir,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => done({ code, ms: performance.now() - started, output, ok: status === 0 }));
  });
}

if (values.staged) {
  if (wanted.length !== 1) fail('--staged builds one country: give it with --country.');
  const result = await buildHere(wanted[0] as string);
  if (!result.ok) {
    console.error(result.output);
    process.exit(1);
  }
  process.exit(0);
}

const queue = [...wanted];
const results: Built[] = [];
const workers = Math.max(1, Math.min(Number(process.env.SITE_BUILD_JOBS ?? availableParallelism()), queue.length));
await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let code = queue.shift(); code; code = queue.shift()) {
      const result = wanted.length === 1 ? await buildHere(code) : await buildInChild(code);
      results.push(result);
      console.log(`${result.ok ? '✓' : '✗'} ${code} site built in ${(result.ms / 1000).toFixed(1)} s`);
    }
  }),
);

const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  fail(failed.map((r) => `Site ${r.code} failed to build:\n${r.output.trim()}`).join('\n\n'));
}

/** rename(), or copy and delete when the target is on another file system (e.g. a test's tmpdir). */
function move(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

// Swap: keep other countries' sites when only some were asked for.
mkdirSync(outRoot, { recursive: true });
for (const code of wanted) {
  const target = join(outRoot, code);
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  move(join(buildRoot(code), 'dist'), target);
  rmSync(old, { recursive: true, force: true });
}
console.log(`Built ${wanted.length} sites into ${outRoot}`);
