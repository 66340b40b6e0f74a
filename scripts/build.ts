// `npm run build [-- --release]`: validates all content, builds every workspace with Turborepo
// (cached: a rerun with nothing changed replays), then publishes into dist/ in one swap.
// --release (or RELEASE=1) refuses while any fact is unverified (the release rule,
// packages/content/src/release.ts), listing each with the file and field to fix and where it appears.
// --force ignores every cache: Turborepo's, and the gates' verdict on unchanged sites.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ContentError, loadContent, ReleaseRefused, refuseUnverified, releaseFacts } from '@repo/content';

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

const env = { ...process.env, RELEASE: release ? '1' : '' };
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
if (run(join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=new-only', ...(force ? ['--force'] : [])]) !== 0)
  stop('The build failed (see above).');
const published = run(process.execPath, [join(root, 'scripts/publish.ts'), ...(release ? ['--release'] : []), ...(force ? ['--force-gates'] : [])]);
process.exit(published);
