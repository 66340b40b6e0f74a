// Serves every built site on its own localhost port, exactly as deployed at the root of its own
// domain (root-relative links intact, the site's own 404 page, its _headers, a redirect from
// /about to /about/), plus an index page linking them.
//   node scripts/serve.ts            PORT (default 4321) for the index, the next ports for the sites
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { siteServer } from '@repo/gates/serve';

const dist = resolve(import.meta.dirname, '..', 'dist');
const basePort = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

/** A static server for one folder, as a static host serves it (see @repo/gates/serve). */
export { siteServer } from '@repo/gates/serve';

if (import.meta.main) {
  const sitesDir = join(dist, 'sites');
  if (!existsSync(sitesDir)) {
    console.error(`Nothing to serve: ${sitesDir} does not exist. Run npm run build first.`);
    process.exit(1);
  }
  const codes = readdirSync(sitesDir).sort();
  const links: string[] = [];
  codes.forEach((code, i) => {
    const port = basePort + 1 + i;
    siteServer(join(sitesDir, code)).listen(port, host);
    links.push(`<li><a href="http://${host}:${port}/">${code.toUpperCase()}</a> <code>dist/sites/${code}/</code></li>`);
    console.log(`  ${code}  http://${host}:${port}/`);
  });
  const index = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Campaign kit: local preview</title><h1>Campaign kit: local preview</h1><p>Each country site is served at the root of its own port, as it will be on its own domain.</p><ul>${links.join('')}</ul>`;
  createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(index);
  }).listen(basePort, host);
  console.log(`Index: http://${host}:${basePort}/  (Ctrl+C to stop)`);
}
