// `node ../../scripts/country-task.ts <cc> <script> [arguments…]`: how each country's Turborepo task
// (`build:<cc>` in apps/print and apps/site, written by scripts/country-tasks.ts) starts its build.
// Turborepo hashes the country's input list, .build-inputs/<cc>.json, not content/ itself: a list
// that no longer matches content/ (content edited, then `turbo` run without scripts/turbo.ts or
// scripts/build.ts, which write the lists first) would store this build's output under the key of
// other content, locally and on the shared cache. So the list is checked first, and the build
// refused, naming what changed, when it is out of date. Then the script runs on this Node, in the
// task's folder.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { countryInputs, diffInputs, inputsDirName, inputsText, listIsCurrent, readCountryInputs } from './country-inputs.ts';

const root = resolve(import.meta.dirname, '..');
const [code, script, ...args] = process.argv.slice(2);
if (!code || !script) {
  console.error('usage: node scripts/country-task.ts <cc> <script> [arguments…]');
  process.exit(2);
}

// Quick when content/ has not been modified since the list was written; else read again and compared.
const now = listIsCurrent(root, code) ? readCountryInputs(root, code) : countryInputs(root, undefined, code).get(code);
const written = readCountryInputs(root, code);
if (!now || !written || inputsText(now) !== inputsText(written)) {
  const changed = now && written ? diffInputs(written.files, now.files) : [];
  console.error(
    `${inputsDirName}/${code}.json, the list of content the ${code} build is cached by, ${
      !now
        ? `names a country content/ no longer has`
        : !written
          ? 'is missing'
          : `is out of date (${changed.slice(0, 3).join(', ') || 'roles or languages changed'})`
    }: run this through npm run build or node scripts/turbo.ts, which write the lists first. Nothing was built.`,
  );
  process.exit(1);
}

const run = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
if (run.error) throw run.error;
process.exit(run.status ?? 1);
