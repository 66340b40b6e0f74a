// Assembles what the workspaces built into a staging folder, runs every quality gate on it, and
// only then swaps it into dist/ in one step. A content error, a missing site or a failing gate
// stops the publish, prints every problem, and leaves the previous dist/ exactly as it was.
//   dist/sites/<cc>/   one self-contained site per country (from apps/site/dist/<cc>/), with its
//                      country's print files under print/ (from apps/print/dist/countries/<cc>/<cc>/:
//                      the site build links them but holds no copies)
//   dist/print/manifest.json  every print file of every country (the countries' manifests, merged)
//   dist/reports/      the gates' reports (weight.md, weight.json) and their record
//                      (gates-record.json: every page with the content hash it passed every gate
//                      under), every unverified fact with the file and field to fix (unverified.md,
//                      unverified.json), and the state of every translation (translations.html); not deployed
//
// The gates re-check only what changed since the last publish (packages/gates/src/record.ts): the
// static gates each site whose files changed, the browser gates each page whose bytes (or the
// files it loads) changed. Every published page has passed every gate, the record says under which
// hash, and the record is written with the publish, in the same swap.
//
// Usage: node scripts/publish.ts [--release] [--full]
//   --release (or RELEASE=1): refuses while any fact is unverified (the release rule,
//     packages/content/src/release.ts), and the browser gates must run.
//   CI=true: the browser gates must run; without Chromium this fails. Otherwise a missing Chromium
//     skips them with a loud warning.
//   --full (or --force-gates): every gate on every page, even on bytes that passed them before.
// Environment (for tests): CONTENT_DIR, SITES_OUT_DIR (where apps/site built), PRINT_DIR (print files
// of every country in one folder, as `node apps/print/src/cli.ts` writes them; with CONTENT_DIR and
// no PRINT_DIR there are none), DIST_DIR, CHROMIUM_PATH. CONTENT_SNAPSHOT (set by scripts/build.ts):
// the content the build has already checked, used only if it was made from these very files.
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ContentError,
  loadContentShared,
  type ReleaseFact,
  ReleaseRefused,
  refuseUnverified,
  releaseFacts,
  releaseReport,
  translationReport,
} from '@repo/content';
import {
  browserGates,
  chromiumAvailable,
  chromiumPath,
  countCauses,
  failed,
  filesOf,
  formatResults,
  type GateResult,
  gatesRecord,
  gatesVersion,
  gatesWork,
  type PageWeight,
  readGatesRecord,
  runGates,
  siteKeys,
  sitesIn,
  skipped,
  skippedBrowserGates,
  traceFailures,
  writeWeightReport,
} from '@repo/gates';
import { byName, type Manifest } from '@repo/print/manifest';
import { translationsHtml } from '@repo/translate/report';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    release: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    'force-gates': { type: 'boolean', default: false },
  },
});
const releaseBuild = values.release || process.env.RELEASE === '1';
const full = values.full || values['force-gates'];
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
  const content = loadContentShared(contentDir);
  countries = content.countries.map((c) => c.code);
  facts = releaseFacts(content);
  if (releaseBuild) refuseUnverified(facts);
  report = releaseReport(content, facts);
  translations = translationsHtml(content, translationReport(content));
} catch (error) {
  if (error instanceof ContentError || error instanceof ReleaseRefused) fail(error.message);
  throw error;
}

/**
 * Where a country's print files are (`files`: the folder served as the site's /print/) and the
 * manifest that lists them: `npm run build` renders each country into apps/print/dist/countries/<cc>/;
 * PRINT_DIR (or `node apps/print/src/cli.ts` alone) has every country in one folder.
 */
function printOf(code: string): { files: string; manifest: string } | undefined {
  let dir = process.env.PRINT_DIR ? resolve(process.env.PRINT_DIR) : undefined;
  if (!dir && process.env.CONTENT_DIR) return undefined;
  if (!dir) {
    const own = join(root, 'apps/print/dist/countries', code);
    dir = existsSync(join(own, 'manifest.json')) ? own : join(root, 'apps/print/dist');
  }
  return { files: join(dir, code), manifest: join(dir, 'manifest.json') };
}

/**
 * Copies a folder into the staging folder. A file the last publish already holds with the same
 * size and modification time as its source (the copies keep the source's) is hard-linked from
 * dist/ instead: dist/ is only ever replaced, never written into, so the link stays what was checked.
 */
function stage(from: string, to: string, published: string): void {
  const made = new Set<string>();
  for (const file of filesOf(from)) {
    const source = join(from, file);
    const target = join(to, file);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    rmSync(target, { force: true });
    const stat = statSync(source);
    try {
      const old = statSync(join(published, file));
      if (old.size === stat.size && Math.floor(old.mtimeMs) === Math.floor(stat.mtimeMs)) {
        linkSync(join(published, file), target);
        continue;
      }
    } catch {
      // Not published before: copied below.
    }
    copyFileSync(source, target, constants.COPYFILE_FICLONE);
    utimesSync(target, stat.atime, stat.mtime);
  }
}

mkdirSync(join(staging, 'sites'), { recursive: true });
const manifests = new Map<string, Manifest | undefined>();
const readManifest = (path: string) => {
  if (!manifests.has(path)) manifests.set(path, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : undefined);
  return manifests.get(path);
};
const merged: Manifest[] = [];
for (const code of countries) {
  const site = join(built, code);
  if (!existsSync(join(site, 'index.html'))) fail(`The ${code} site has not been built (${site} has no index.html). Run npm run build.`);
  const published = join(dist, 'sites', code);
  stage(site, join(staging, 'sites', code), published);
  const print = printOf(code);
  if (print && existsSync(print.files)) stage(print.files, join(staging, 'sites', code, 'print'), join(published, 'print'));
  const manifest = print && readManifest(print.manifest);
  if (manifest)
    merged.push({
      ...manifest,
      files: manifest.files.filter((f) => f.country === code),
      zips: manifest.zips.filter((z) => z.country === code),
      cards: manifest.cards.filter((c) => c.country === code),
    });
}
// The print manifest of every country, for tools and printers' systems (each site serves its own
// country's files under /print/, and its ZIP carries that country's manifest).
if (merged.length > 0) {
  const first = merged[0] as Manifest;
  const all: Manifest = {
    version: first.version,
    campaign: first.campaign,
    date: first.date,
    files: merged.flatMap((m) => m.files).sort((a, b) => byName(a.file, b.file)),
    zips: merged.flatMap((m) => m.zips).sort((a, b) => byName(a.country, b.country)),
    cards: merged.flatMap((m) => m.cards).sort((a, b) => byName(a.file, b.file)),
  };
  mkdirSync(join(staging, 'print'), { recursive: true });
  writeFileSync(join(staging, 'print/manifest.json'), `${JSON.stringify(all, null, 2)}\n`);
}

const reports = join(staging, 'reports');
mkdirSync(reports, { recursive: true });
// For the campaign team: every unverified fact, the file and field to fix, and where it appears.
// The public "For printers" pages only say that the files are proofs.
writeFileSync(join(reports, 'unverified.md'), report.markdown);
writeFileSync(join(reports, 'unverified.json'), report.json);
// Which texts are missing, outdated, drafts or reviewed, per language (npm run translations gives the same).
writeFileSync(join(reports, 'translations.html'), translations);

// What the gates must check: what changed since the last publish's record (record.ts).
const sites = sitesIn(staging);
const keys = sites.map(siteKeys);
const version = gatesVersion();
const previous = readGatesRecord(join(dist, 'reports/gates-record.json'));
const browser = chromiumAvailable();
const work = gatesWork(keys, previous, version, { full, browser });
let results: GateResult[] = [];
let browserRan = false;
const previousWeights = (() => {
  try {
    return (JSON.parse(readFileSync(join(dist, 'reports/weight.json'), 'utf8')) as { pages: PageWeight[] }).pages;
  } catch {
    return undefined;
  }
})();
if (work.staticSites.size === 0 && work.browserPages.size === 0) {
  for (const f of ['weight.md', 'weight.json']) if (existsSync(join(dist, 'reports', f))) copyFileSync(join(dist, 'reports', f), join(reports, f));
  const notBrowserChecked = keys.some((k) => [...k.pages.keys()].some((path) => !previous?.sites[k.code]?.pages[path]?.browser));
  console.log(
    `Quality gates: these ${countries.length} sites are byte-identical to the published ones, which passed every gate${notBrowserChecked ? ' but the browser gates' : ''}; not re-running them (--full to run anyway).`,
  );
} else {
  if (work.everything) console.log(`Quality gates on ${countries.length} sites (${work.everything}; ${staging}):`);
  else {
    const sitesOf = (codes: Iterable<string>) => [...new Set(codes)].sort().join(', ');
    const browserOnly = work.browserPages.size - work.changedPages;
    console.log(
      `Quality gates on what changed since the last publish: ${work.changedPages} of ${work.pages} pages changed (${sitesOf(work.changedSites) || 'none'})` +
        `${work.staticSites.size ? `; static gates on ${sitesOf(work.staticSites)}` : ''}` +
        `${browserOnly > 0 ? `; browser gates also on ${browserOnly} unchanged pages that have not passed them yet` : ''}` +
        `; the other pages passed every gate with these exact bytes (dist/reports/gates-record.json):`,
    );
  }
  const started = performance.now();
  try {
    results = await runGates(sites, {
      reportsDir: reports,
      log: (line) => console.log(`  ${line}`),
      ...(work.everything ? {} : { only: { sites: work.staticSites, pages: work.browserPages } }),
    });
  } catch (error) {
    fail(`A quality gate could not run to the end, so nothing can be vouched for:\n${(error as Error).stack ?? error}`);
  }
  console.log(`  gates took ${((performance.now() - started) / 1000).toFixed(1)} s; page weights: ${join(dist, 'reports/weight.md')}`);
  browserRan = work.browserPages.size > 0 && skipped(results).length === 0;
  // The weight report covers every page: this run's figures for the sites it weighed, the last
  // publish's for the others (their bytes are the same).
  if (!work.everything && previousWeights) {
    const weighed = new Set(work.staticSites);
    const fresh = work.staticSites.size ? (JSON.parse(readFileSync(join(reports, 'weight.json'), 'utf8')) as { pages: PageWeight[] }).pages : [];
    const kept = previousWeights.filter((w) => !weighed.has(w.site) && countries.includes(w.site));
    const order = new Map(sites.map((s, i) => [s.code, i]));
    const all = [...kept, ...fresh].sort((a, b) => (order.get(a.site) ?? 0) - (order.get(b.site) ?? 0));
    writeWeightReport(join(reports, 'weight.md'), all);
  }
}

// Every page with the hash it passed every gate under. A page the browser gates have not passed
// (Chromium missing now or when it changed) makes them count as skipped: the warning below, or a
// refusal for a release build.
const record = gatesRecord(keys, previous, version, work, browserRan);
if (Object.values(record.sites).some((site) => Object.values(site.pages).some((page) => !page.browser)) && skipped(results).length === 0)
  results = [
    ...results.filter((r) => !(browserGates as readonly string[]).includes(r.gate)),
    ...skippedBrowserGates([...browserGates], `Chromium was not found at ${chromiumPath()}`),
  ];

const failing = failed(results);
if (failing.length > 0) {
  // Each failure traced to the content file (and line) that causes it, and each cause said once.
  const traced = traceFailures(failing, loadContentShared(contentDir));
  const count = countCauses(traced);
  fail(
    `\n${formatResults(traced)}\n\n${count} problem${count === 1 ? '' : 's'} found by the ${failing.map((r) => r.gate).join(', ')} gate${failing.length === 1 ? '' : 's'}.`,
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

// Every page with the hash it passed every gate under (the browser gates: `browser: true`).
writeFileSync(join(reports, 'gates-record.json'), `${JSON.stringify(record, null, 1)}\n`);
const old = `${dist}.old-${process.pid}`;
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`Published ${countries.length} sites to ${dist}`);
if (facts.length > 0)
  console.log(
    `${facts.length} unverified fact${facts.length === 1 ? '' : 's'}: the print files that show them are proofs, and a release build refuses them. Each, with the file and field to fix: ${join(dist, 'reports/unverified.md')}`,
  );
