// scripts/publish.ts on the fixture sites: it publishes what passes every gate, and leaves the
// previous dist/ untouched, printing every problem, when a gate fails or content is broken.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../packages/gates/src/index.ts';
import { buildFixtureSites, copySites, fixtureContent, insertIntoPage, tempDir } from '../../packages/gates/test/helpers.ts';

const execute = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const work = tempDir('publish-');
const built = join(work, 'built');
const hasChromium = chromiumAvailable();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function publish(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return execute(process.execPath, ['scripts/publish.ts', ...args], {
    cwd: root,
    env: { ...process.env, CI: '', RELEASE: '', CONTENT_DIR: fixtureContent, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Run) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
/** A dist/ folder holding a previous publish, with a marker to prove it was not touched. */
function previousDist(name: string): string {
  const dist = join(work, name, 'dist');
  mkdirSync(join(dist, 'sites/gr'), { recursive: true });
  writeFileSync(join(dist, 'sites/gr/index.html'), '<!doctype html><title>previous</title>');
  return dist;
}
const stagingLeftovers = (dist: string) => readdirSync(dirname(dist)).filter((f) => f.startsWith('.dist-'));

beforeAll(async () => {
  await buildFixtureSites(built);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('publish', () => {
  it.skipIf(!hasChromium)('runs every gate on the staging folder and publishes what passes, with the reports', async () => {
    const dist = previousDist('good');
    const run = await publish({ SITES_OUT_DIR: built, DIST_DIR: dist });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const gate of ['links', 'weight', 'fonts', 'privacy', 'accessibility', 'privacy-browser']) expect(run.stdout).toMatch(new RegExp(`✓ ${gate}: `));
    expect(run.stdout).toContain(`Published 2 sites to ${dist}`);
    expect(readFileSync(join(dist, 'sites/gr/index.html'), 'utf8')).toContain('<html lang="el"');
    expect(existsSync(join(dist, 'sites/md/_headers'))).toBe(true);
    expect(readFileSync(join(dist, 'reports/weight.md'), 'utf8')).toContain('| md | /en/ |');
    expect(stagingLeftovers(dist)).toEqual([]);

    // The same files again: the gates' verdict stands, and they are not re-run.
    const again = await publish({ SITES_OUT_DIR: built, DIST_DIR: dist });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('byte-identical to the published ones, which passed every gate; not re-running them');
  });

  it('leaves dist/ untouched and prints every failure with its page and fix when a gate fails', async () => {
    const dist = previousDist('failing');
    const broken = copySites(built, join(work, 'failing', 'built'));
    insertIntoPage(join(broken, 'gr'), 'en/index.html', '<p><a href="/en/no-such-page/">Read more</a></p>');
    insertIntoPage(join(broken, 'md'), 'index.html', '<script src="https://cdn.tracker.example/analytics.js"></script>', 'head');
    // The static gates are enough to fail it; leaving Chromium out keeps the test quick.
    const run = await publish({ SITES_OUT_DIR: broken, DIST_DIR: dist, CHROMIUM_PATH: join(work, 'no-chromium-here') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ links: 1 problem');
    // Each cause once, traced to the page file whose built page shows it (here in the layout around its text).
    expect(run.stderr).toContain("    content/pages/en/home.mdx (in the site's layout) [BrokenLink] ");
    expect(run.stderr).toContain('      shows on gr /en/\n');
    expect(run.stderr).toContain('✗ privacy: 1 problem');
    expect(run.stderr).toContain("    content/pages/ro/home.mdx (in the site's layout) [ForeignResource] ");
    expect(run.stderr).toContain('      shows on md /\n');
    expect(run.stderr).toContain('2 problems found by the links, privacy gates.');
    expect(run.stderr).toContain(`Nothing was published: ${dist} is unchanged.`);
    expect(readFileSync(join(dist, 'sites/gr/index.html'), 'utf8')).toBe('<!doctype html><title>previous</title>');
    expect(readdirSync(join(dist, 'sites'))).toEqual(['gr']);
    expect(stagingLeftovers(dist)).toEqual([]);
  });

  it('leaves dist/ untouched and names the file, field and fix when content is broken', async () => {
    const dist = previousDist('content');
    const content = copySites(fixtureContent, join(work, 'content', 'content'));
    const file = join(content, 'countries/gr.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    source: facts-helplines\n', ''));
    const run = await publish({ SITES_OUT_DIR: built, DIST_DIR: dist, CONTENT_DIR: content });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/countries/gr.yaml:9 [FieldMissing] field "helplines.0.source": ');
    expect(run.stderr).toContain(`Nothing was published: ${dist} is unchanged.`);
    expect(readFileSync(join(dist, 'sites/gr/index.html'), 'utf8')).toBe('<!doctype html><title>previous</title>');
    expect(stagingLeftovers(dist)).toEqual([]);
  });

  it('without Chromium, publishes with a loud warning and the unverified-facts report, but CI refuses', async () => {
    const env = { SITES_OUT_DIR: built, CHROMIUM_PATH: join(work, 'no-chromium-here') };
    const devDist = join(work, 'no-browser', 'dist');
    const dev = await publish({ ...env, DIST_DIR: devDist });
    expect(dev.code).toBe(0);
    // The browser gates (accessibility, privacy-browser and any later one) are named in the banner.
    expect(dev.stderr).toMatch(/!! The accessibility and privacy-browser (?:and [\w-]+ )?gates DID NOT RUN/);
    expect(dev.stderr).toContain('sudo apt-get install -y chromium');
    expect(dev.stdout).toContain('Published 2 sites');
    // For the campaign team, never deployed: every unverified fact with its file and field.
    expect(dev.stdout).toMatch(/\d+ unverified facts: the print files that show them are proofs/);
    const report = readFileSync(join(devDist, 'reports/unverified.md'), 'utf8');
    expect(report).toContain('# Unverified facts: fixture, release date 2026-01-01');
    expect(report).toMatch(/ {2}- \[HelplineUnverified\] .*\n {4}fix: content\/countries\/gr\.yaml field "helplines\.0\.verifiedOn": /);
    const json = JSON.parse(readFileSync(join(devDist, 'reports/unverified.json'), 'utf8'));
    expect(json.facts).toContainEqual(expect.objectContaining({ kind: 'reserved-domain', file: 'content/countries/md.yaml', field: 'siteUrl' }));
    expect(existsSync(join(devDist, 'sites/gr/reports'))).toBe(false);

    const dist = previousDist('release');
    const ci = await publish({ ...env, DIST_DIR: dist, CI: 'true' });
    expect(ci.code).toBe(1);
    expect(ci.stderr).toContain('A release build (--release, RELEASE=1 or CI=true) must pass every gate.');
    expect(readFileSync(join(dist, 'sites/gr/index.html'), 'utf8')).toBe('<!doctype html><title>previous</title>');
  });

  it('a release publish refuses every unverified fact with the one release message, before any gate runs', async () => {
    const dist = previousDist('release-facts');
    const run = await publish({ SITES_OUT_DIR: built, DIST_DIR: dist, CHROMIUM_PATH: join(work, 'no-chromium-here') }, '--release');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Release refused: \d+ facts are unverified and would be published:\n/);
    expect(run.stderr).toContain('  - [HelplineUnverified] ');
    expect(run.stderr).toContain('fix: content/countries/md.yaml field "siteUrl": ');
    expect(run.stderr).toContain(`Nothing was published: ${dist} is unchanged.`);
    expect(run.stdout).not.toContain('Quality gates');
    expect(readFileSync(join(dist, 'sites/gr/index.html'), 'utf8')).toBe('<!doctype html><title>previous</title>');
    expect(stagingLeftovers(dist)).toEqual([]);
  });
});
