// Assembles what the workspaces built into one folder, then swaps it into dist/ in one step.
// Anything missing stops the publish and leaves the previous dist/ exactly as it was.
//   dist/sites/<cc>/   one self-contained site per country (from apps/site/dist)
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentError, loadContent } from '@repo/content';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const staging = join(root, `.dist-staging-${process.pid}`);

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`${message}\nNothing was published: ${dist} is unchanged.`);
  process.exit(1);
}

let countries: string[];
try {
  countries = loadContent(join(root, 'content')).countries.map((c) => c.code);
} catch (error) {
  if (error instanceof ContentError) fail(error.message);
  throw error;
}

mkdirSync(join(staging, 'sites'), { recursive: true });
for (const code of countries) {
  const built = join(root, 'apps/site/dist', code);
  if (!existsSync(join(built, 'index.html'))) fail(`The ${code} site has not been built (${built} has no index.html). Run npm run build.`);
  cpSync(built, join(staging, 'sites', code), { recursive: true });
}

const old = `${dist}.old-${process.pid}`;
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`Published ${countries.length} sites to ${dist}`);
