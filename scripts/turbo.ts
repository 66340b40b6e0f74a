// `node scripts/turbo.ts <turbo arguments>`: Turborepo with its telemetry (and Astro's) off, on the
// project's Node, the same on Linux, macOS and Windows. `npm run check` runs `turbo run check` this way.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { nodeBin, noTelemetry } from './portable.ts';

const run = spawnSync(process.execPath, [nodeBin('turbo'), ...process.argv.slice(2)], {
  cwd: resolve(import.meta.dirname, '..'),
  env: { ...process.env, ...noTelemetry },
  stdio: 'inherit',
});
if (run.error) throw run.error;
process.exit(run.status ?? 1);
