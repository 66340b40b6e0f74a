// Regenerates the ICC output profile that PDF/X-4 print files embed (assets/icc/FOGRA39-argyll.icc)
// from free characterisation data, byte for byte:
//
//   node scripts/make-icc.ts            # writes the profile and prints its SHA-256
//   node scripts/make-icc.ts --check    # rebuilds it in a temp folder and compares with the committed file
//
// Needs Debian's `icc-profiles-free` (FOGRA39L.ti3: Fogra's FOGRA39 measurements, Zlib licence) and
// `argyll` (ArgyllCMS colprof). Only this script needs them: the build reads the committed profile.
// Provenance, versions and licence: assets/icc/README.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'assets/icc/FOGRA39-argyll.icc');
const data = '/usr/share/color/icc/FOGRA39L.ti3';
/** colprof writes the time it ran into the profile header: the profile states this fixed date instead. */
const profileDate = [2026, 11, 28, 0, 0, 0];
// -qm: medium quality (about 120 KB; average error 0.16 ΔE*ab against the measurements); -nc: leave
// the 1617 measurements out of the profile; -kr: black generation ramp (colprof's default, stated);
// -l330 / -L100: total ink limit 330 % and black limit 100 %, the usual limits for FOGRA39 (the data
// file states none).
const colprofArgs = [
  '-qm',
  '-nc',
  '-kr',
  '-l330',
  '-L100',
  '-D',
  'FOGRA39 (ISO 12647-2:2004/Amd 1, coated paper), built by ArgyllCMS colprof from FOGRA39L.ti3',
  '-C',
  'Derived from Fogra FOGRA39L data (icc-profiles-free, Zlib licence); altered: profiled with ArgyllCMS. No warranty.',
  '-O',
  'FOGRA39-argyll.icc',
  'FOGRA39L',
];

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
for (const [what, ok, install] of [
  [data, existsSync(data), 'icc-profiles-free'],
  ['colprof', spawnSync('colprof', [], { encoding: 'utf8' }).error === undefined, 'argyll'],
] as const) {
  if (!ok) {
    console.error(`make-icc: ${what} is missing. Fix: apt-get install ${install}`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'make-icc-'));
try {
  copyFileSync(data, join(work, 'FOGRA39L.ti3'));
  const run = spawnSync('colprof', colprofArgs, { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`colprof ${colprofArgs.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  const icc = readFileSync(join(work, 'FOGRA39-argyll.icc'));
  // ICC header bytes 24-35: creation date and time, six big-endian uint16. A version 2 profile has no
  // profile ID (MD5) to update.
  profileDate.forEach((v, i) => {
    icc.writeUInt16BE(v, 24 + 2 * i);
  });
  const sha = createHash('sha256').update(icc).digest('hex');
  if (values.check) {
    const committed = createHash('sha256').update(readFileSync(target)).digest('hex');
    if (committed !== sha) {
      console.error(`make-icc: the rebuilt profile (${sha}) differs from ${target} (${committed}): argyll or the data changed; see assets/icc/README.md`);
      process.exit(1);
    }
    console.log(`make-icc: ${target} is reproducible (${icc.length} bytes, SHA-256 ${sha})`);
  } else {
    writeFileSync(target, icc);
    console.log(`make-icc: wrote ${target} (${icc.length} bytes, SHA-256 ${sha})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
