// Assembles what the workspaces built into a staging folder, runs every quality gate on it, and
// only then swaps it into dist/ in one step. A content error, a missing site or a failing gate
// stops the publish, prints every problem, and leaves the previous dist/ exactly as it was.
//   dist/sites/<cc>/   one self-contained site per country (from apps/site/dist)
//   dist/print/manifest.json  every print file of every country (from apps/print/dist)
//   dist/reports/      the gates' reports (weight.md, weight.json, gates.json) and every unverified
//                      fact with the file and field to fix (unverified.md, unverified.json), and the
//                      state of every translation (translations.html); not deployed
//
// Usage: node scripts/publish.ts [--release] [--force-gates]
//   --release (or RELEASE=1): refuses while any fact is unverified (the release rule,
//     packages/content/src/release.ts), and the browser gates must run.
//   CI=true: the browser gates must run; without Chromium this fails. Otherwise a missing Chromium
//     skips them with a loud warning.
//   --force-gates: run the gates even when these exact files already passed them.
// Environment (for tests): CONTENT_DIR, SITES_OUT_DIR (where apps/site built), DIST_DIR, CHROMIUM_PATH.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadContent, type ReleaseFact, ReleaseRefused, refuseUnverified, releaseFacts, releaseReport, translationReport } from '@repo/content';
import { browserGates, chromiumPath, failed, filesOf, formatResults, type GateResult, runGates, sitesIn, skipped, skippedBrowserGates } from '@repo/gates';
import { translationsHtml } from '@repo/translate/report';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { release: { type: 'boolean', default: false }, 'force-gates': { type: 'boolean', default: false } } });
const releaseBuild = values.release || process.env.RELEASE === '1';
// CI must pass every gate too, but builds the sample content, whose facts are unverified on purpose.
const release = releaseBuild || process.env.CI === 'true';
const contentDir = resolve(process.env.CONTENT_DIR ?? join(root, 'content'));
const built = resolve(process.env.SITES_OUT_DIR ?? join(root, 'apps/site/dist'));
const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
// Beside dist/, so that the final rename stays on one file system and is atomic.
const staging = join(dirname(dist), `.dist-staging-${process.pid}`);

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`${message}\n\nNothing was published: ${dist} is unchanged.`);
  process.exit(1);
}

let countries: string[];
let report: { markdown: string; json: string };
let translations: string;
let facts: ReleaseFact[];
try {
  const content = loadContent(contentDir);
  countries = content.countries.map((c) => c.code);
  facts = releaseFacts(content);
  if (releaseBuild) refuseUnverified(facts);
  report = releaseReport(content, facts);
  translations = translationsHtml(content, translationReport(content));
} catch (error) {
  if (error instanceof ContentError || error instanceof ReleaseRefused) fail(error.message);
  throw error;
}

mkdirSync(join(staging, 'sites'), { recursive: true });
// The print manifest of every country, for tools and printers' systems (each site serves its own
// country's files under /print/, and its ZIP carries that country's manifest).
const printManifest = resolve(process.env.PRINT_DIR ?? join(root, 'apps/print/dist'), 'manifest.json');
if (existsSync(printManifest)) cpSync(printManifest, join(staging, 'print/manifest.json'));
for (const code of countries) {
  const site = join(built, code);
  if (!existsSync(join(site, 'index.html'))) fail(`The ${code} site has not been built (${site} has no index.html). Run npm run build.`);
  cpSync(site, join(staging, 'sites', code), { recursive: true });
}

// The gates' verdict is a function of the files and of the gates: when the staged files are
// byte-identical to the last published ones and the gates have not changed, they passed already.
const gatesDir = join(root, 'packages/gates/src');
const fingerprint = (dir: string, files = filesOf(dir)) => {
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return hash.digest('hex');
};
const stamp = { sites: fingerprint(join(staging, 'sites')), gates: fingerprint(gatesDir), browser: false };
const previous = (() => {
  try {
    return JSON.parse(readFileSync(join(dist, 'reports/gates.json'), 'utf8')) as typeof stamp;
  } catch {
    return undefined;
  }
})();
const reports = join(staging, 'reports');
mkdirSync(reports, { recursive: true });
// For the campaign team: every unverified fact, the file and field to fix, and where it appears.
// The public "For printers" pages only say that the files are proofs.
writeFileSync(join(reports, 'unverified.md'), report.markdown);
writeFileSync(join(reports, 'unverified.json'), report.json);
// Which texts are missing, outdated, drafts or reviewed, per language (npm run translations gives the same).
writeFileSync(join(reports, 'translations.html'), translations);

let results: GateResult[] = [];
if (
  !values['force-gates'] &&
  previous &&
  previous.sites === stamp.sites &&
  previous.gates === stamp.gates &&
  (previous.browser || !existsSync(chromiumPath()))
) {
  for (const f of ['weight.md', 'weight.json']) if (existsSync(join(dist, 'reports', f))) cpSync(join(dist, 'reports', f), join(reports, f));
  stamp.browser = previous.browser;
  if (!previous.browser) results = skippedBrowserGates([...browserGates], `Chromium was not found at ${chromiumPath()}`);
  console.log(
    `Quality gates: these ${countries.length} sites are byte-identical to the published ones, which passed every gate${previous.browser ? '' : ' but the browser gates'}; not re-running them (--force-gates to run anyway).`,
  );
} else {
  console.log(`Quality gates on ${countries.length} sites (${staging}):`);
  const started = performance.now();
  try {
    results = await runGates(sitesIn(staging), { reportsDir: reports, log: (line) => console.log(`  ${line}`) });
  } catch (error) {
    fail(`A quality gate could not run to the end, so nothing can be vouched for:\n${(error as Error).stack ?? error}`);
  }
  console.log(`  gates took ${((performance.now() - started) / 1000).toFixed(1)} s; page weights: ${join(dist, 'reports/weight.md')}`);
  stamp.browser = skipped(results).length === 0;
}

const failing = failed(results);
if (failing.length > 0) {
  const count = failing.reduce((n, r) => n + r.failures.length, 0);
  fail(
    `\n${formatResults(failing)}\n\n${count} problem${count === 1 ? '' : 's'} found by the ${failing.map((r) => r.gate).join(', ')} gate${failing.length === 1 ? '' : 's'}.`,
  );
}
const notRun = skipped(results);
if (notRun.length > 0) {
  const names = notRun.map((r) => r.gate).join(' and ');
  const banner = [
    '',
    '!'.repeat(78),
    `!! The ${names} gates DID NOT RUN: Chromium was not found at ${chromiumPath()}.`,
    '!! Accessibility and the in-browser privacy checks are unverified for this build.',
    '!! Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)',
    '!'.repeat(78),
  ].join('\n');
  if (release) fail(`${banner}\nA release build (--release, RELEASE=1 or CI=true) must pass every gate.`);
  console.warn(banner);
}

writeFileSync(join(reports, 'gates.json'), `${JSON.stringify(stamp, null, 1)}\n`);
const old = `${dist}.old-${process.pid}`;
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`Published ${countries.length} sites to ${dist}`);
if (facts.length > 0)
  console.log(
    `${facts.length} unverified fact${facts.length === 1 ? '' : 's'}: the print files that show them are proofs, and a release build refuses them. Each, with the file and field to fix: ${join(dist, 'reports/unverified.md')}`,
  );
