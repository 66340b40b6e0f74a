// Reproducibility check: builds the full set twice, in two different folders, and compares every
// file byte for byte. Any difference (a timestamp, a random id, an absolute path, an unstable
// order) is listed with the file, where its bytes part, and what to do.
//
//   node scripts/check-reproducible.ts [--only sites|print] [--keep]
//
// Each build gets its own copy of content/, its own Astro build roots (apps/site/.build/repro-*)
// and its own output folder, so that nothing is shared but the commit. Print files are built with
// apps/print's CLI (--out) when it is there. --keep leaves the two builds in the temp folder.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareTrees, formatResult } from '@repo/gates';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const work = mkdtempSync(join(tmpdir(), 'reproducible-'));

// Both builds make every country: a COUNTRY left in the shell would make the print CLI render one.
const { COUNTRY: _leftover, ...inherited } = process.env;

function run(command: string, args: string[], env: Record<string, string>, cwd = root): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...inherited, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

interface Builder {
  name: string;
  build: (out: string, label: string) => Promise<void>;
}
const builders: Builder[] = [
  {
    name: 'sites',
    build: async (out, label) => {
      const content = join(work, label, 'content');
      cpSync(join(root, 'content'), content, { recursive: true });
      const buildRoot = join(root, 'apps/site/.build', `repro-${label}-${process.pid}`);
      try {
        await run(process.execPath, ['apps/site/scripts/build-sites.ts'], {
          CONTENT_DIR: content,
          SITES_OUT_DIR: join(out, 'sites'),
          SITE_BUILD_ROOT: buildRoot,
        });
      } finally {
        rmSync(buildRoot, { recursive: true, force: true });
      }
    },
  },
];
if (existsSync(join(root, 'apps/print/src/cli.ts'))) {
  builders.push({ name: 'print', build: (out) => run(process.execPath, ['apps/print/src/cli.ts', '--out', join(out, 'print')], {}) });
}
const chosen = builders.filter((b) => !values.only || b.name === values.only);
if (chosen.length === 0) {
  console.error(`Nothing to build for --only ${values.only}: choose one of ${builders.map((b) => b.name).join(', ')}.`);
  process.exit(2);
}

/** Path → hash of every file git would commit: to tell whether the source changed during the check. */
function sourceState(): Map<string, string> {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter(Boolean);
  return new Map(
    files
      .filter((f) => existsSync(join(root, f)))
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(root, f)))
          .digest('hex'),
      ]),
  );
}
const before = sourceState();

const started = performance.now();
const outs = ['first', 'second'].map((label) => join(work, label, 'out'));
try {
  for (const [i, out] of outs.entries()) {
    mkdirSync(out, { recursive: true });
    for (const builder of chosen) {
      console.log(`\n— ${builder.name}, build ${i + 1} of 2, into ${out}`);
      await builder.build(out, i === 0 ? 'first' : 'second');
    }
  }
  const result = compareTrees(outs[0] as string, outs[1] as string);
  console.log(`\n${formatResult(result)}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s; ${chosen.map((b) => b.name).join(' and ')}${values.keep ? `; kept in ${work}` : ''})`);
  const after = sourceState();
  const edited = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
  if (edited.length > 0) {
    console.error(
      `\nThe source changed while the check ran, so the two builds were not of the same code (${edited.length} files: ${edited.slice(0, 8).join(', ')}${edited.length > 8 ? ', …' : ''}). Re-run on a quiet tree.`,
    );
  }
  if (result.failures.length > 0) {
    console.error(
      `\n${result.failures.length} file${result.failures.length === 1 ? '' : 's'} differ between two builds${edited.length ? '' : ' of the same commit'}.`,
    );
    process.exitCode = 1;
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
