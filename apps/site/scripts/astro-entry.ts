// Where the Astro CLI's JavaScript entry is, resolved from this app, which declares astro. Scripts
// start it with process.execPath: node_modules/.bin/astro is astro.cmd on Windows, which needs a shell.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const astroEntry = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
