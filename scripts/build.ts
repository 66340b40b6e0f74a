// `npm run build [-- --release]`: validates all content, builds every workspace with Turborepo
// (cached: a rerun with nothing changed replays), then publishes into dist/ in one swap.
// --release (or RELEASE=1) refuses while any fact is unverified (the release rule,
// packages/content/src/release.ts), listing each with the file and field to fix and where it appears.
// --force ignores every cache: Turborepo's, and the gates' verdict on unchanged sites.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ContentError, loadContent, ReleaseRefused, refuseUnverified, releaseFacts } from '@repo/content';
import { nodeBin, noTelemetry } from './portable.ts';

const root = resolve(import.meta.dirname, '..');
const release = process.argv.includes('--release') || process.env.RELEASE === '1';
const force = process.argv.includes('--force');

function stop(message: string): never {
  console.error(`${message}\n\nNothing was built or published: dist/ is unchanged.`);
  process.exit(1);
}

// Checked here first so an editor sees the errors once, plainly, before any tool starts.
try {
  const content = loadContent(join(root, 'content'));
  if (release) refuseUnverified(releaseFacts(content));
} catch (error) {
  if (error instanceof ContentError || error instanceof ReleaseRefused) stop(error.message);
  throw error;
}

// The full build is all of content/, every country, into apps/*/dist, published from there. These
// variables run one piece by hand (`COUNTRY=gr node apps/print/src/cli.ts`, tests,
// scripts/check-reproducible.ts); one left over in the shell must not make this build render one
// country's print files, build another content folder or publish another folder's sites.
// (turbo.json does not pass them to the tasks either.)
const onePieceOnly = ['COUNTRY', 'CONTENT_DIR', 'PRINT_DIR', 'SITES_OUT_DIR'];
const ignored = onePieceOnly.filter((name) => process.env[name]);
if (ignored.length > 0)
  console.log(`Ignoring ${ignored.map((name) => `${name}=${process.env[name]}`).join(', ')}: npm run build builds every country from content/.`);
const env = { ...process.env, ...noTelemetry, RELEASE: release ? '1' : '' };
for (const name of onePieceOnly) delete env[name];
// Node scripts run on this Node (process.execPath), never through node_modules/.bin, whose
// turbo.cmd Windows cannot start without a shell.
const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
if (run(nodeBin('turbo'), ['run', 'build', '--output-logs=new-only', ...(force ? ['--force'] : [])]) !== 0) stop('The build failed (see above).');
const published = run(join(root, 'scripts/publish.ts'), [...(release ? ['--release'] : []), ...(force ? ['--force-gates'] : [])]);
process.exit(published);
