// The Turborepo tasks of each country: `build:<cc>` in apps/print (that country's print files) and in
// apps/site (its site), so that Turborepo's cache, local and shared, holds each country's work on
// its own. Turborepo has no task templates, so the tasks are written out here from the countries in
// content/: the `build:<cc>` scripts of apps/print/package.json and apps/site/package.json, and
// apps/print/turbo.json and apps/site/turbo.json. `npm run build` (scripts/build.ts) and
// `node scripts/turbo.ts` call syncCountryTasks() first, so adding a country's YAML file is enough;
// commit the files it rewrites with the new country. `node scripts/country-tasks.ts --check` fails
// when they are out of date (scripts/test/turbo.test.ts runs it).
//
// Each task hashes its country's input list (.build-inputs/<cc>.json, scripts/country-inputs.ts)
// instead of content/; a site task also hashes its country's print manifest, so a site is rebuilt
// when the print files it lists changed, not whenever any print file was made again.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const q = (s: string) => JSON.stringify(s);

/**
 * The build nodes of the workspace packages an app lists under `dependencies`: their source is part
 * of each country task's hash. Not `^build`, which takes devDependencies too (the site's tests use
 * @repo/gates: a gate change must not rebuild a site); each package's node takes its own
 * dependencies (`^build` in turbo.json), so a package's package reaches the hash too.
 */
function buildDependencies(root: string, app: string): string {
  const manifest = JSON.parse(readFileSync(join(root, app, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith('@repo/'))
    .sort()
    .map((name) => q(`${name}#build`))
    .join(', ');
}

function printTurboJson(codes: string[], dependsOn: string): string {
  const tasks = codes.map(
    (cc) => `    "build:${cc}": {
      "dependsOn": [${dependsOn}],
      "inputs": ["src/**", "$TURBO_ROOT$/.build-inputs/${cc}.json", "$TURBO_ROOT$/assets/icc/**", "!$TURBO_ROOT$/assets/icc/*.md"],
      "outputs": ["dist/countries/${cc}/**"],
      "env": ["RELEASE", "SOURCE_DATE_EPOCH", "PDFX"]
    }`,
  );
  return `{
  "$schema": "../../node_modules/turbo/schema.json",
  "extends": ["//"],
  // Written by scripts/country-tasks.ts from content/countries/ (npm run build keeps it current).
  // build:<cc> renders one country's print files into dist/countries/<cc>/ (its files under <cc>/
  // and its manifest.json). Inputs: the renderer, the country's input list (the content it is made
  // from, .build-inputs/<cc>.json: scripts/country-inputs.ts) and the ICC output profiles PDF/X-4
  // files embed; @repo/print, @repo/content and @repo/design (the packages of its package.json
  // "dependencies") come in through their build nodes. Not its tests, bench.ts, bench/,
  // BENCHMARK.md or README. Hashed, because each changes the result: RELEASE=1
  // refuses to make proofs (a release build must never replay a proof build), SOURCE_DATE_EPOCH
  // dates the files, PDFX chooses PDF/X-1a or PDF/X-4.
  "tasks": {
    "check": {
      "inputs": ["$TURBO_EXTENDS$", "bench.ts", "bench/**"]
    },
${tasks.join(',\n')}
  }
}
`;
}

function siteTurboJson(codes: string[], dependsOn: string): string {
  const tasks = codes.map(
    (cc) => `    "build:${cc}": {
      "dependsOn": [${dependsOn}],
      "inputs": [
        "src/**",
        "public/**",
        "astro.config.ts",
        "tsconfig.json",
        "scripts/build-sites.ts",
        "scripts/poster-thumbnails.ts",
        "$TURBO_ROOT$/.build-inputs/${cc}.json",
        "$TURBO_ROOT$/apps/print/dist/countries/${cc}/manifest.json"
      ],
      "outputs": ["dist/${cc}/**"],
      "env": ["RELEASE"],
      "passThroughEnv": ["SITE_BUILD_ROOT"]
    }`,
  );
  return `{
  "$schema": "../../node_modules/turbo/schema.json",
  "extends": ["//"],
  // Written by scripts/country-tasks.ts from content/countries/ (npm run build keeps it current).
  // build:<cc> builds one country's site into dist/<cc>/, without its print files (scripts/publish.ts
  // puts them under /print/ when it stages the sites, so no cache entry holds a copy of them).
  // Inputs: the app, its build scripts, the country's input list (.build-inputs/<cc>.json) and the
  // country's print manifest, which lists what the "For printers" page shows (file names, sizes,
  // checksums; the thumbnails are made from the previews it lists). Not a dependency on the print
  // task: a site is rebuilt when its print files changed, not whenever a print task ran again, and
  // scripts/build.ts runs the print tasks first. @repo/content, @repo/design, @repo/i18n and
  // @repo/print (their src/: the packages of its package.json "dependencies", not its
  // "devDependencies") come in through their build nodes. Not its tests or README, not the gates (they
  // check the built sites afterwards, in scripts/publish.ts). Hashed: RELEASE=1 refuses to publish
  // unverified facts. Passed through, unhashed: SITE_BUILD_ROOT (where the scratch copies go)
  // changes no byte of the site (scripts/check-reproducible.ts builds in two roots and compares).
  "tasks": {
    "check": {
      // astro check loads astro.config.ts, which loads and validates the content.
      "inputs": ["src/**", "scripts/**", "test/**", "astro.config.ts", "tsconfig.json", "$TURBO_ROOT$/content/**"]
    },
${tasks.join(',\n')}
  }
}
`;
}

/**
 * The package.json text with one `build:<cc>` script per country, in place of a `build` script (the
 * app builds country by country; other scripts kept, in their order).
 */
function withCountryScripts(text: string, codes: string[], command: (cc: string) => string): string {
  const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
  const scripts: Record<string, string> = {};
  for (const [name, script] of Object.entries(manifest.scripts ?? {})) if (!/^build(:|$)/.test(name)) scripts[name] = script;
  for (const cc of codes) scripts[`build:${cc}`] = command(cc);
  manifest.scripts = scripts;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Each file these tasks are written to, with its text for these countries. */
export function countryTaskFiles(root: string, codes: string[]): Map<string, string> {
  const sorted = [...codes].sort();
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
  return new Map([
    // The scripts go through scripts/country-task.ts, which refuses to build from an input list
    // that does not match content/ (the result would be cached under the wrong key). One worker
    // thread per print task: scripts/build.ts runs two tasks at a time on these two cores, and a
    // worker's start (fonts, satori, resvg) costs about a second, once per country.
    [
      'apps/print/package.json',
      withCountryScripts(
        read('apps/print/package.json'),
        sorted,
        (cc) => `node ../../scripts/country-task.ts ${cc} src/cli.ts --country ${cc} --out dist/countries/${cc} --workers 1`,
      ),
    ],
    ['apps/print/turbo.json', printTurboJson(sorted, buildDependencies(root, 'apps/print'))],
    [
      'apps/site/package.json',
      withCountryScripts(read('apps/site/package.json'), sorted, (cc) => `node ../../scripts/country-task.ts ${cc} scripts/build-sites.ts --country ${cc}`),
    ],
    ['apps/site/turbo.json', siteTurboJson(sorted, buildDependencies(root, 'apps/site'))],
  ]);
}

/** The country codes of content/countries/ (by file name, as the loader requires). */
export function contentCountries(root: string): string[] {
  const dir = join(root, 'content/countries');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^[a-z]{2}\.ya?ml$/.test(f))
        .map((f) => f.slice(0, 2))
        .sort()
    : [];
}

/** Rewrites the files whose text is out of date; returns them (repository-relative). */
export function syncCountryTasks(root: string, codes = contentCountries(root)): string[] {
  const changed: string[] = [];
  for (const [rel, text] of countryTaskFiles(root, codes)) {
    const path = join(root, rel);
    if (readFileSync(path, 'utf8') === text) continue;
    writeFileSync(`${path}.tmp-${process.pid}`, text);
    renameSync(`${path}.tmp-${process.pid}`, path);
    changed.push(rel);
  }
  return changed;
}

/** The task ids of the print and the site build of some countries. */
export const printTask = (cc: string) => `@repo/print-app#build:${cc}`;
export const siteTask = (cc: string) => `@repo/site#build:${cc}`;

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const codes = contentCountries(root);
  if (process.argv.includes('--check')) {
    const stale = [...countryTaskFiles(root, codes)].filter(([rel, text]) => readFileSync(join(root, rel), 'utf8') !== text).map(([rel]) => rel);
    if (stale.length) {
      console.error(
        `Out of date for the countries in content/ (${codes.join(', ')}): ${stale.join(', ')}. Run node scripts/country-tasks.ts (npm run build does) and commit them.`,
      );
      process.exit(1);
    }
    console.log(`Country tasks current for ${codes.length} countries.`);
  } else {
    const changed = syncCountryTasks(root, codes);
    console.log(
      changed.length ? `Rewrote ${changed.map(q).join(', ')} for ${codes.length} countries.` : `Country tasks current for ${codes.length} countries.`,
    );
  }
}
