// Builds the small fixture content set with the real site build, in folders of its own, and
// makes broken copies of a built site on purpose.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '../../..');
export const siteApp = join(repoRoot, 'apps/site');
export const fixtureContent = join(repoRoot, 'packages/content/test/fixtures/valid');

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Builds the fixture sites (gr, md) into `out/<cc>/` with apps/site's build script. The Astro
 * copies go to a build root of their own inside the repository (node_modules must be reachable),
 * so that test files building at the same time never share one; it is removed afterwards.
 */
export async function buildFixtureSites(out: string, options: { contentDir?: string; buildRoot?: string } = {}): Promise<void> {
  const buildRoot = options.buildRoot ?? join(siteApp, '.build', `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await run(process.execPath, ['scripts/build-sites.ts'], {
      cwd: siteApp,
      // No print files: the fixture has no poster designs, and the real campaign's files (apps/print/dist,
      // after a build) must not leak into the fixture sites.
      env: {
        ...process.env,
        CONTENT_DIR: options.contentDir ?? fixtureContent,
        SITES_OUT_DIR: out,
        SITE_BUILD_ROOT: buildRoot,
        PRINT_DIR: join(out, '.no-print-files'),
      },
    });
  } finally {
    if (!options.buildRoot) rmSync(buildRoot, { recursive: true, force: true });
  }
}

/** A copy of built sites to break on purpose. */
export function copySites(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/** Inserts HTML at the start of a page's <main> (or before </head> with `where: 'head'`). */
export function insertIntoPage(siteDir: string, file: string, html: string, where: 'main' | 'head' = 'main') {
  const path = join(siteDir, file);
  const before = readFileSync(path, 'utf8');
  const after = where === 'head' ? before.replace('</head>', `${html}</head>`) : before.replace(/(<main[^>]*>)/, `$1${html}`);
  if (after === before) throw new Error(`insertIntoPage(): no ${where} in ${file}`);
  writeFileSync(path, after);
}

export function writeFile(siteDir: string, file: string, data: string | Buffer) {
  mkdirSync(dirname(join(siteDir, file)), { recursive: true });
  writeFileSync(join(siteDir, file), data);
}

/** A valid 1×1 PNG, for images that must exist. */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** What a test compares of a failure: where it is, its code and its arguments (never its wording). */
export function coded(f: { site: string; page: string; code: string; args: unknown }) {
  return { site: f.site, page: f.page, code: f.code, args: f.args };
}
