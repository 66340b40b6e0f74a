// `node scripts/turbo.ts <turbo arguments>`: Turborepo with its telemetry (and Astro's) off, on the
// project's Node, the same on Linux, macOS and Windows. `npm run check` runs `turbo run check` this way.
// First it writes each country's input list and task (scripts/country-inputs.ts, country-tasks.ts),
// as `npm run build` does: the country tasks hash the lists, which must match content/ before any
// turbo run (e.g. `node scripts/turbo.ts run @repo/site#build:gr --dry-run=json`).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { writeCountryInputs } from './country-inputs.ts';
import { syncCountryTasks } from './country-tasks.ts';
import { nodeBin, noTelemetry } from './portable.ts';

const root = resolve(import.meta.dirname, '..');
writeCountryInputs(root);
const rewritten = syncCountryTasks(root);
if (rewritten.length > 0) console.error(`Turborepo tasks written for the countries of content/: ${rewritten.join(', ')} (commit them).`);
const run = spawnSync(process.execPath, [nodeBin('turbo'), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, ...noTelemetry },
  stdio: 'inherit',
});
if (run.error) throw run.error;
process.exit(run.status ?? 1);
