// `node scripts/astro.ts <astro arguments>`: the Astro CLI with its telemetry off, on the project's
// Node, the same on Linux, macOS and Windows (`npm run check` and `npm run dev` in this app).
// ASTRO_TELEMETRY_DISABLED=1 cannot be written before the command in package.json: Windows' cmd
// does not read that form. Astro is started from its JavaScript entry with process.execPath, as
// scripts/build-sites.ts does: node_modules/.bin/astro is astro.cmd on Windows, which needs a shell.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { astroEntry } from './astro-entry.ts';

const run = spawnSync(process.execPath, [astroEntry, ...process.argv.slice(2)], {
  cwd: resolve(import.meta.dirname, '..'),
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  stdio: 'inherit',
});
if (run.error) throw run.error;
process.exit(run.status ?? 1);
