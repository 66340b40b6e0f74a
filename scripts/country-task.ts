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

// Heap caps for every Node process of the task (its script, with Astro inside it, and the print
// workers: NODE_OPTIONS reaches them all; they change no output, only when V8 collects). Two tasks run at once, and V8
// sizes each heap by the machine's memory, not by what the process keeps: a site task at 10× the
// content peaked at 1.2 GB (PSS of build-sites.ts and its Astro build) though a 256 MB old space is
// enough for it, and with these caps it peaked at 0.8 GB, for about a tenth more CPU time (measured
// with the largest country, ba, and si). An own NODE_OPTIONS keeps its say: it comes after these.
const taskHeapCaps = '--max-old-space-size=256 --max-semi-space-size=8';
const run = spawnSync(process.execPath, [script, ...args], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${taskHeapCaps} ${process.env.NODE_OPTIONS ?? ''}`.trim() },
});
if (run.error) throw run.error;
process.exit(run.status ?? 1);
