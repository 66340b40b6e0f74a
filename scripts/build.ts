// `npm run build [-- --release] [-- --force] [-- --full]`: validates all content, builds each
// country's print files and site with Turborepo, country by country (a country whose content did
// not change replays from Turborepo's cache, local or shared), then publishes into dist/ in one swap,
// after the quality gates re-checked what changed. It prints what it rebuilt and why.
//
// 1. content: validated once; every country's input list written (.build-inputs/<cc>.json,
//    scripts/country-inputs.ts) and the per-country tasks brought up to date (scripts/country-tasks.ts).
// 2. print: `@repo/print-app#build:<cc>` for every country (apps/print/dist/countries/<cc>/).
// 3. sites: `@repo/site#build:<cc>` for every country. A separate turbo run, after the print files:
//    a site task hashes its country's print manifest, which Turborepo reads before a run starts.
// 4. publish: scripts/publish.ts stages the sites with their print files, gates what changed, swaps.
//
// --shard k/n builds every n-th country from the k-th (of the sorted codes) and does not publish:
// each runner of a CI matrix builds its share into the shared cache, then one `npm run build` replays
// them all from it and publishes (README "Sharing builds").
// --release (or RELEASE=1) refuses while any fact is unverified (the release rule,
// packages/content/src/release.ts), listing each with the file and field to fix and where it appears.
// --force ignores every cache: Turborepo's (the print renderer still skips files whose inputs are
// unchanged) and the gates' record (every gate on every page). --full re-checks every page with
// every gate, and uses the caches for the rest.
//
// Shared cache: with TURBO_API, TURBO_TEAM and TURBO_TOKEN (and TURBO_REMOTE_CACHE_SIGNATURE_KEY:
// turbo.json asks for signed artifacts) Turborepo reads and writes a remote cache (README "Sharing
// builds"). A cache that cannot be reached, answers with errors or serves an artifact whose signature
// does not verify is reported in one line; the build goes on locally, and Turborepo never restores
// an artifact it could not verify.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type CountryInputs, diffInputs, inputsDirName, writeCountryInputs } from './country-inputs.ts';
import { printTask, siteTask, syncCountryTasks } from './country-tasks.ts';
import { nodeBin, noTelemetry } from './portable.ts';

const root = resolve(import.meta.dirname, '..');
const release = process.argv.includes('--release') || process.env.RELEASE === '1';
const force = process.argv.includes('--force');
const full = force || process.argv.includes('--full') || process.argv.includes('--force-gates');
const started = performance.now();
const shardArg = process.argv.find((a, i) => process.argv[i - 1] === '--shard' || a.startsWith('--shard='))?.replace(/^--shard=/, '');
const shard = shardArg ? /^(\d+)\/(\d+)$/.exec(shardArg) : undefined;
if (shardArg && (!shard || Number(shard[1]) < 1 || Number(shard[1]) > Number(shard[2]))) {
  console.error(`--shard ${shardArg}: write k/n, e.g. --shard 2/3 (the second of three runners).`);
  process.exit(1);
}

function stop(message: string): never {
  console.error(`${message}\n\nNothing was built or published: dist/ is unchanged.`);
  process.exit(1);
}

// Checked here first so an editor sees the errors once, plainly, before any tool starts. In a
// process of its own, which ends: what reading the content leaves in a heap (about 400 MB resident
// at 10× the content, measured, of which the model is 35 MB) would otherwise stay resident in this
// one for the whole build, beside the tasks.
// What it read is kept for the build's tasks (CONTENT_SNAPSHOT, packages/content/src/snapshot.ts),
// so that each country's tasks do not read and check all of it again: in a folder of this build's
// own (mkdtemp: no other user can put a file there first), removed when the build exits; one left by
// a build that was killed is removed by the next.
/** A new private folder for this build's snapshot, after removing those of builds no longer running. */
function newSnapshotFolder(): string {
  const prefix = 'campaign-kit-content-';
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    const folder = join(tmpdir(), name);
    try {
      // Only its own user may remove a folder in /tmp (sticky): another user's leftover is left
      // alone. kill(pid, 0) throws ESRCH when no process has that pid any more.
      if (lstatSync(folder).uid !== process.getuid?.()) continue;
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(folder, { recursive: true, force: true });
    }
  }
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}
const snapshot = join(newSnapshotFolder(), 'content.v8');
process.on('exit', () => rmSync(dirname(snapshot), { recursive: true, force: true }));
const validation = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '--eval',
    `import { resolve } from 'node:path';
    import { ContentError, loadContent, ReleaseRefused, refuseUnverified, releaseFacts, writeContentSnapshot } from '@repo/content';
    try {
      // An absolute root: the tasks that read the snapshot run in their own folders (apps/print, apps/site).
      const content = loadContent(resolve('content'));
      if (process.env.RELEASE === '1') refuseUnverified(releaseFacts(content));
      writeContentSnapshot(content, process.env.CONTENT_SNAPSHOT);
      process.stdout.write(JSON.stringify(content.countries.map((c) => c.code).sort()));
    } catch (error) {
      if (!(error instanceof ContentError || error instanceof ReleaseRefused)) throw error;
      // With the content's issues, what the print preflight finds in the rest of it: every cause in one run.
      const { withPrintProblems } = await import('@repo/print');
      process.stderr.write(error instanceof ContentError ? withPrintProblems(error, process.env.PDFX ? { pdfx: process.env.PDFX } : {}) : error.message);
      process.exit(3);
    }`,
  ],
  { cwd: root, env: { ...process.env, RELEASE: release ? '1' : '', CONTENT_SNAPSHOT: snapshot }, encoding: 'utf8', maxBuffer: 64 << 20 },
);
if (validation.status === 3) stop(validation.stderr);
if (validation.status !== 0) throw new Error(`Reading content/ failed:\n${validation.stderr}`);
const codes = JSON.parse(validation.stdout) as string[];

// The full build is all of content/, every country, into apps/*/dist, published from there. These
// variables run one piece by hand (`COUNTRY=gr node apps/print/src/cli.ts`, tests,
// scripts/check-reproducible.ts); one left over in the shell must not make this build render one
// country's print files, build another content folder or publish another folder's sites.
// (turbo.json does not pass them to the tasks either.) Tests build other content through this same
// path by putting it in the content/ folder of a clone (scripts/test/incremental.test.ts).
const onePieceOnly = ['COUNTRY', 'CONTENT_DIR', 'PRINT_DIR', 'SITES_OUT_DIR'];
const ignored = onePieceOnly.filter((name) => process.env[name]);
if (ignored.length > 0)
  console.log(`Ignoring ${ignored.map((name) => `${name}=${process.env[name]}`).join(', ')}: npm run build builds every country from content/.`);
const env: NodeJS.ProcessEnv = { ...process.env, ...noTelemetry, RELEASE: release ? '1' : '', CONTENT_SNAPSHOT: snapshot };
for (const name of onePieceOnly) delete env[name];

// 1. What each country is made from, and one print and one site task per country.
const lists = writeCountryInputs(root);
const rewritten = syncCountryTasks(root, codes);
if (rewritten.length > 0)
  console.log(`Turborepo tasks written for the ${codes.length} countries of content/: ${rewritten.join(', ')} (commit them with the content change).`);

// --- The shared cache ---------------------------------------------------------------------------

const remote = await (async (): Promise<{ flags: string[]; on: boolean }> => {
  const team = env.TURBO_TEAM ?? env.TURBO_TEAMID;
  if (!env.TURBO_TOKEN || !team) return { flags: [], on: false };
  const api = (env.TURBO_API ?? 'https://vercel.com/api').replace(/\/+$/, '');
  const off = (why: string) => {
    console.log(`Shared cache ${api}: ${why}; building with the local cache only this time.`);
    return { flags: ['--cache=local:rw'], on: false };
  };
  if (!env.TURBO_REMOTE_CACHE_SIGNATURE_KEY) return off('TURBO_REMOTE_CACHE_SIGNATURE_KEY is not set, so artifacts could be neither signed nor verified');
  if (Buffer.byteLength(env.TURBO_REMOTE_CACHE_SIGNATURE_KEY) < 32)
    return off('TURBO_REMOTE_CACHE_SIGNATURE_KEY is shorter than 32 bytes, which turbo.json refuses');
  try {
    const query = team.startsWith('team_') ? `teamId=${encodeURIComponent(team)}` : `slug=${encodeURIComponent(team)}`;
    const answer = await fetch(`${api}/v8/artifacts/status?${query}`, {
      headers: { Authorization: `Bearer ${env.TURBO_TOKEN}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!answer.ok) return off(`answered HTTP ${answer.status} ${answer.statusText}`.trim());
    const status = ((await answer.json().catch(() => ({}))) as { status?: string }).status;
    if (status && status !== 'enabled') return off(`says its status is "${status}"`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return off(`cannot be reached (${cause ?? (error as Error).name})`);
  }
  return { flags: [], on: true };
})();

// --- Turborepo runs ------------------------------------------------------------------------------

interface DryTask {
  taskId: string;
  hash: string;
  directory: string;
  inputs: Record<string, string>;
  hashOfExternalDependencies: string;
  dependencies: string[];
  cache: { status: 'HIT' | 'MISS'; source?: 'LOCAL' | 'REMOTE'; remote: boolean; local: boolean };
  environmentVariables: { configured: string[] };
}
interface Remembered {
  hash: string;
  inputs: Record<string, string>;
  external: string;
  env: string[];
  deps: Record<string, string>;
  list?: Record<string, string>;
}
// What each task was built from the last time, to say why it is built again (not a cache: Turborepo's
// hash decides; this only names the difference).
const memoryFile = join(root, '.turbo/kit/last-build.json');
const memory: Record<string, Remembered> = (() => {
  try {
    return JSON.parse(readFileSync(memoryFile, 'utf8')) as Record<string, Remembered>;
  } catch {
    return {};
  }
})();

const turbo = (args: string[]) => spawnSync(process.execPath, [nodeBin('turbo'), ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 256 << 20 });

const countryOf = (taskId: string) => taskId.slice(taskId.lastIndexOf(':') + 1);
const listOf = (taskId: string): CountryInputs | undefined => lists.get(countryOf(taskId));

/** Why a task is built again, in a few words. */
function why(task: DryTask, hashes: Map<string, string>): string {
  if (force) return 'asked to (--force)';
  const before = memory[task.taskId];
  if (!before) return remote.on ? 'not built here before, and not in the shared cache' : 'not built here before';
  if (before.hash === task.hash) return 'built before from these inputs, but no longer in the cache';
  const reasons: string[] = [];
  const prefix = (file: string) => join(task.directory, file).split('\\').join('/');
  for (const file of new Set([...Object.keys(before.inputs), ...Object.keys(task.inputs)])) {
    if (before.inputs[file] === task.inputs[file]) continue;
    const path = prefix(file);
    if (path.startsWith(`${inputsDirName}/`)) {
      const changed = diffInputs(before.list, listOf(task.taskId)?.files ?? {});
      reasons.push(...(changed.length ? changed : ['its languages or roles changed']));
    } else if (/^apps\/print\/dist\/countries\/[^/]+\/manifest\.json$/.test(path)) reasons.push('its print files changed');
    else reasons.push(`${path} ${!(file in task.inputs) ? 'removed' : !(file in before.inputs) ? 'added' : 'changed'}`);
  }
  for (const dep of task.dependencies)
    if (before.deps[dep] !== undefined && before.deps[dep] !== hashes.get(dep)) reasons.push(`${dep.replace(/#build$/, '')} changed`);
  if (before.external !== task.hashOfExternalDependencies) reasons.push('package-lock.json changed');
  if (before.env.join() !== task.environmentVariables.configured.join()) reasons.push('RELEASE, SOURCE_DATE_EPOCH or PDFX changed');
  if (reasons.length === 0) reasons.push('its task (turbo.json, its package.json script) or the toolchain changed');
  return reasons.length > 3 ? `${reasons.slice(0, 3).join(', ')} and ${reasons.length - 3} more` : reasons.join(', ');
}

/**
 * One phase: a dry run says what replays and what is built (and why), then the run. Turborepo's
 * own lines are passed on, except its per-task replay lines and its warnings about the shared cache,
 * which become one line.
 */
async function phase(name: string, tasks: string[]): Promise<{ built: string[]; replayed: number; ms: number }> {
  const phaseStarted = performance.now();
  const common = ['--concurrency=2', ...remote.flags, ...(force ? ['--force'] : [])];
  const dry = turbo(['run', ...tasks, '--dry-run=json', ...common]);
  if (dry.status !== 0) stop(`Turborepo could not plan the ${name} tasks:\n${dry.stderr}`);
  const all = (JSON.parse(dry.stdout) as { tasks: DryTask[] }).tasks;
  const hashes = new Map(all.map((t) => [t.taskId, t.hash]));
  const mine = all.filter((t) => tasks.includes(t.taskId));
  const misses = mine.filter((t) => force || t.cache.status !== 'HIT');
  const fromRemote = mine.filter((t) => !force && t.cache.status === 'HIT' && t.cache.source === 'REMOTE');
  const replayed = mine.length - misses.length;
  console.log(
    `${name}: ${replayed} of ${mine.length} countries replayed from the cache${fromRemote.length ? ` (${fromRemote.length} from the shared cache)` : ''}` +
      `${misses.length ? `; building ${misses.length}:` : ''}`,
  );
  for (const t of misses) console.log(`  ${countryOf(t.taskId)}: ${why(t, hashes)}`);

  const summaries = join(root, '.turbo/runs');
  const before = new Set(existsSync(summaries) ? readdirSync(summaries) : []);
  let remoteTrouble = '';
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [nodeBin('turbo'), 'run', ...tasks, '--output-logs=new-only', '--summarize', ...common], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pass = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (/WARNING.*(remote (artifact )?cache|could not connect to the cache)/i.test(line)) {
            remoteTrouble ||= line.replace(/^.*WARNING\s*/, '').trim();
            continue;
          }
          if (/cache hit, (replaying|suppressing) logs|^\s*•|^\s*(Tasks|Cached|Time):|^\s*Summary:|^\s*$/.test(line)) continue;
          out.write(`${line}\n`);
        }
      });
      stream.on('end', () => rest && out.write(`${rest}\n`));
    };
    pass(child.stdout, process.stdout);
    pass(child.stderr, process.stderr);
    child.on('close', (status) => done(status ?? 1));
  });
  if (remoteTrouble) console.log(`Shared cache: ${remoteTrouble}; the build went on with the local cache.`);
  // The run's summary: what really replayed. A task the dry run found on the shared cache but that
  // was built after all did not download, or its signature did not verify: Turborepo never
  // restores such an artifact.
  const summaryFile = existsSync(summaries) ? readdirSync(summaries).find((f) => !before.has(f)) : undefined;
  const summary = summaryFile ? (JSON.parse(readFileSync(join(summaries, summaryFile), 'utf8')) as { tasks: DryTask[] }) : undefined;
  if (summaryFile) rmSync(join(summaries, summaryFile), { force: true });
  const ran = new Map((summary?.tasks ?? []).map((t) => [t.taskId, t]));
  const refused = fromRemote.filter((t) => ran.get(t.taskId)?.cache.status === 'MISS');
  if (refused.length && !remoteTrouble)
    console.log(
      `Shared cache: ${refused.map((t) => countryOf(t.taskId)).join(', ')}: the artifact did not download or its signature did not verify (TURBO_REMOTE_CACHE_SIGNATURE_KEY); built locally instead, nothing unverified was used.`,
    );
  if (code !== 0) stop(`The ${name} build failed (see above).`);
  for (const t of mine)
    memory[t.taskId] = {
      hash: t.hash,
      inputs: t.inputs,
      external: t.hashOfExternalDependencies,
      env: t.environmentVariables.configured,
      deps: Object.fromEntries(t.dependencies.map((d) => [d, hashes.get(d) ?? ''])),
      ...(listOf(t.taskId) ? { list: listOf(t.taskId)?.files } : {}),
    };
  mkdirSync(join(root, '.turbo/kit'), { recursive: true });
  writeFileSync(memoryFile, JSON.stringify(memory));
  return {
    built: misses.map((t) => countryOf(t.taskId)).concat(refused.map((t) => countryOf(t.taskId))),
    replayed: replayed - refused.length,
    ms: performance.now() - phaseStarted,
  };
}

// 2. and 3. Print files, then sites.
const mine = shard ? codes.filter((_, i) => i % Number(shard[2]) === Number(shard[1]) - 1) : codes;
const print = await phase('print', mine.map(printTask));
const sites = await phase('sites', mine.map(siteTask));
if (shard) {
  console.log(
    `Shard ${shard[1]}/${shard[2]} built ${mine.join(', ') || 'no country'} in ${((performance.now() - started) / 1000).toFixed(1)} s and published nothing: ` +
      'once every shard is done, npm run build replays them all from the shared cache and publishes.',
  );
  process.exit(0);
}

// 4. Publish (the gates say what they re-check).
const publishStarted = performance.now();
// Its own live memory is small (all of 10× the content is under 50 MB of heap), but the gates make
// garbage page after page that V8 would let grow to a gigabyte beside Chromium: a 768 MB heap makes
// it collect sooner.
const published = spawnSync(
  process.execPath,
  ['--max-old-space-size=768', join(root, 'scripts/publish.ts'), ...(release ? ['--release'] : []), ...(full ? ['--full'] : [])],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
).status;
if (published === 0) {
  const list = (built: string[]) => (built.length ? [...new Set(built)].join(', ') : 'none');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Build done in ${s(performance.now() - started)} (print ${s(print.ms)}, sites ${s(sites.ms)}, publish ${s(performance.now() - publishStarted)}): ` +
      `print files rebuilt for ${list(print.built)}, sites rebuilt for ${list(sites.built)}; ${print.replayed + sites.replayed} tasks replayed from the cache.`,
  );
}
process.exit(published ?? 1);
