// The external-link report, against a server on 127.0.0.1 standing in for other sites: nothing
// here leaves the machine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks, externalLinkReport, externalLinksIn, forgetPages } from '../src/index.ts';

let server: Server;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'external-links-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') res.writeHead(200).end();
    else if (req.url === '/moved') res.writeHead(301, { Location: `${base}/ok` }).end();
    else if (req.url === '/no-head' && req.method === 'HEAD') res.writeHead(405).end();
    else if (req.url === '/no-head') res.writeHead(200).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site = join(dir, 'gr');
  mkdirSync(join(site, 'en'), { recursive: true });
  const page = (links: string[]) =>
    `<!doctype html><html lang="en"><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}<a href="/en/">home</a></body></html>`;
  writeFileSync(join(site, 'index.html'), page([`${base}/ok`, `${base}/gone`, `${base}/moved`]));
  writeFileSync(join(site, 'en/index.html'), page([`${base}/ok`, `${base}/no-head`, 'http://127.0.0.1:9/closed']));
});
afterAll(() => {
  server.close();
  forgetPages();
  rmSync(dir, { recursive: true, force: true });
});

describe('external link report', () => {
  it('collects every link to another host with the pages that carry it, and skips local links', () => {
    const links = externalLinksIn([{ code: 'gr', dir: join(dir, 'gr') }]);
    expect(links.map((l) => l.url)).toEqual([`${base}/gone`, `${base}/moved`, `${base}/no-head`, `${base}/ok`, 'http://127.0.0.1:9/closed'].sort());
    expect(links.find((l) => l.url === `${base}/ok`)?.from).toEqual(['gr /', 'gr /en/']);
  });

  it('tells working, redirected, broken and unreachable links apart, and names the pages to fix', async () => {
    const results = await checkExternalLinks(externalLinksIn([{ code: 'gr', dir: join(dir, 'gr') }]), { timeoutMs: 3000 });
    const state = Object.fromEntries(results.map((r) => [r.url.replace(base, ''), r.state]));
    expect(state).toEqual({ '/gone': 'broken', '/moved': 'redirect', '/no-head': 'ok', '/ok': 'ok', 'http://127.0.0.1:9/closed': 'unreachable' });
    const report = externalLinkReport(results, '2026-01-01');
    expect(report).toContain(`- ${base}/gone answers 404: find the page's new address or remove the link\n  linked from: gr /`);
    expect(report).toContain(`redirects (301) to ${base}/ok: link to the new address`);
    expect(report).toContain('3 with problems. This report never blocks a build.');
  });
});
