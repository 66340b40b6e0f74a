// Running the kit's tools the same way on Linux, macOS and Windows, with nothing phoning home.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Environment that switches off every tool's usage reporting: Turborepo's telemetry (and its notice
 * in every fresh build log), Astro's, and the DO_NOT_TRACK convention other tools honour. Set in
 * process.env by each entry script before it starts turbo or Astro, because `VAR=1 cmd` in a
 * package.json script fails in Windows' cmd, and `turbo telemetry disable` only covers one machine.
 */
export const noTelemetry = { TURBO_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } as const;

/**
 * The JavaScript file behind an npm package's command (its package.json `bin`), to run as
 * `spawn(process.execPath, [nodeBin('turbo'), …])`. node_modules/.bin/turbo is a shell script on
 * Linux and macOS and turbo.cmd on Windows, which `spawn` cannot start without a shell; the file it
 * points to runs on the project's own Node everywhere.
 */
export function nodeBin(pkg: string, command = pkg.replace(/^@[^/]+\//, '')): string {
  const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  const { bin } = createRequire(import.meta.url)(manifest) as { bin?: string | Record<string, string> };
  const file = typeof bin === 'string' ? bin : bin?.[command];
  if (!file) throw new Error(`${pkg} has no command "${command}" in its package.json bin`);
  return join(dirname(manifest), file);
}
