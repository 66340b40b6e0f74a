// Serves one built site at the root of a local port, as a static host deploys it: the site's own
// 404.html for unknown paths, a redirect from `/about` to `/about/` (as static hosts do, so a link
// without its trailing slash shows up as a redirect), and the response headers of its `_headers` file.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from './headers.ts';
import type { Site } from './types.ts';

/** A static server for one folder, behaving like a static host (see above). Not yet listening. */
export function siteServer(dir: string): Server {
  const files = sirv(dir, { dev: false, etag: true });
  const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : Buffer.from('Not found');
  const rules = existsSync(join(dir, '_headers')) ? parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    for (const [name, value] of headersFor(rules, url.pathname)) res.setHeader(name, value);
    const hidden = path === '/_headers' || path === '/_redirects';
    if (!hidden && !path.endsWith('/') && existsSync(join(dir, path, 'index.html'))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    const notFoundHandler = () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(notFound);
    };
    if (hidden) notFoundHandler();
    else files(req, res, notFoundHandler);
  });
}

export interface ServedSite extends Site {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
}

/** Serves every site on its own free port of 127.0.0.1; call `close()` when done. */
export async function serveSites(sites: Site[]): Promise<{ served: ServedSite[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const served: ServedSite[] = [];
  for (const site of sites) {
    const server = siteServer(site.dir);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
    served.push({ ...site, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }
  const close = async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((done) => {
            s.closeAllConnections();
            s.close(() => done());
          }),
      ),
    );
  };
  return { served, close };
}
