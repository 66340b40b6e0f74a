// The shared cache (issue 12, requirements 2 and 3): a turborepo-remote-cache server on 127.0.0.1
// with a local-disk store and signed artifacts. One copy of the repository builds and fills it; a
// second, fresh one (its own `npm ci`, its own empty local cache) restores every task from it and
// publishes a byte-identical dist/; a one-country change there rebuilds that country only. A cache
// that cannot be reached, one that answers with errors, and an artifact whose signature does not
// verify are each reported in one line, and the build goes on locally without them.
//
// About two minutes on two cores (one `npm ci`, five builds of the fixture content).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTrees } from '@repo/gates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBin } from '../portable.ts';
import { fixtureContent, makeWorkspace, ownLines, removeWorkspace, runIn } from './workspace.ts';

const work = mkdtempSync(join(tmpdir(), 'remote-cache-'));
const store = join(work, 'store');
const token = 'kit-test-token';
const team = 'team_kit';
// Turborepo signs each artifact with this key (HMAC-SHA256) and verifies it on download.
const signatureKey = 'kit-test-signature-key-of-at-least-32-bytes';

let server: ChildProcess;
let api: string;
let a: string;
let b: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const shared = () => ({ TURBO_API: api, TURBO_TEAM: team, TURBO_TOKEN: token, TURBO_REMOTE_CACHE_SIGNATURE_KEY: signatureKey });
const build = (dir: string, env: Record<string, string> = shared()) => runIn(dir, 'scripts/build.ts', [], { CI: '', RELEASE: '', ...env });
const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, 'content', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
const sharedCacheLines = (output: string) =>
  ownLines(output)
    .split('\n')
    .filter((l) => /^Shared cache/.test(l));
/** The hash of a task's last build in a workspace (scripts/build.ts remembers it to say why it rebuilds). */
const taskHash = (dir: string, task: string) =>
  (JSON.parse(readFileSync(join(dir, '.turbo/kit/last-build.json'), 'utf8')) as Record<string, { hash: string }>)[task]?.hash;

beforeAll(async () => {
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [nodeBin('turborepo-remote-cache')], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: store,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      TURBO_TOKEN: token,
      // The server does not verify signatures; with this set it keeps each artifact's signature and
      // serves it back (without it, signed artifacts could never be verified, so never restored).
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'store-artifact-tags',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${api}/v8/artifacts/status`, { headers: { Authorization: `Bearer ${token}` } }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error('turborepo-remote-cache did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  a = makeWorkspace(join(work, 'a'), { content: fixtureContent, install: 'link' });
  b = makeWorkspace(join(work, 'b'), { content: fixtureContent, install: 'npm-ci' });
}, 600_000);

afterAll(() => {
  server?.kill();
  removeWorkspace(work);
});

describe('a shared cache between two copies of the repository', () => {
  it('the first copy builds everything and uploads each country task, signed', async () => {
    const run = await build(a);
    expect(run.code, run.output).toBe(0);
    expect(ownLines(run.output)).toContain('print: 0 of 2 countries replayed from the cache; building 2:');
    const artifacts = readdirSync(join(store, team));
    for (const task of ['@repo/print-app#build:gr', '@repo/print-app#build:md', '@repo/site#build:gr', '@repo/site#build:md']) {
      const hash = taskHash(a, task) as string;
      expect(artifacts, task).toContain(hash);
      expect(artifacts, `${task} signature`).toContain(`${hash}.tag`);
    }
  });

  it('a fresh copy with its own node_modules and an empty local cache restores every task and publishes the same bytes', async () => {
    expect(existsSync(join(b, '.turbo/cache'))).toBe(false);
    const run = await build(b);
    expect(run.code, run.output).toBe(0);
    const own = ownLines(run.output);
    expect(own).toContain('print: 2 of 2 countries replayed from the cache (2 from the shared cache)');
    expect(own).toContain('sites: 2 of 2 countries replayed from the cache (2 from the shared cache)');
    const compared = compareTrees(join(a, 'dist'), join(b, 'dist'));
    expect(compared.failures.map((f) => `${f.site}${f.page}: ${f.problem}`)).toEqual([]);
    console.log(`restored from the shared cache and published in ${(run.ms / 1000).toFixed(1)} s`);
  });

  it('a one-country change in the fresh copy rebuilds that country only', async () => {
    edit(b, 'countries/gr.yaml', (t) => t.replace(/exitUrl: .*/, 'exitUrl: https://www.google.gr/search'));
    const run = await build(b);
    expect(run.code, run.output).toBe(0);
    const own = ownLines(run.output);
    expect(own).toContain('print: 1 of 2 countries replayed from the cache; building 1:\n  gr: content/countries/gr.yaml changed');
    expect(own).toContain('sites: 1 of 2 countries replayed from the cache; building 1:\n  gr: content/countries/gr.yaml changed');
  });
});

describe('a shared cache that fails', () => {
  it('one that cannot be reached: one line, and the build goes on locally', async () => {
    edit(b, 'pages/ro/home.mdx', (t) => t.replace('Body of home in ro.', 'Body of the home page in ro.'));
    const run = await build(b, { ...shared(), TURBO_API: `http://127.0.0.1:${await freePort()}` });
    expect(run.code, run.output).toBe(0);
    expect(sharedCacheLines(run.output)).toEqual([
      expect.stringMatching(/^Shared cache http:\/\/127\.0\.0\.1:\d+: cannot be reached \(ECONNREFUSED\); building with the local cache only/),
    ]);
    expect(run.output).not.toMatch(/WARNING/);
    expect(ownLines(run.output)).toContain('sites rebuilt for md;');
  });

  it('one that answers with errors: one line, and the build goes on locally', async () => {
    const failing: Server = createServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":"broken"}');
    });
    await new Promise<void>((done) => failing.listen(0, '127.0.0.1', done));
    try {
      edit(b, 'pages/ro/home.mdx', (t) => t.replace('Body of the home page in ro.', 'Body of the first page in ro.'));
      const run = await build(b, { ...shared(), TURBO_API: `http://127.0.0.1:${(failing.address() as AddressInfo).port}` });
      expect(run.code, run.output).toBe(0);
      expect(sharedCacheLines(run.output)).toEqual([expect.stringMatching(/: answered HTTP 500 .*; building with the local cache only this time\.$/)]);
      expect(run.output).not.toMatch(/WARNING/);
    } finally {
      failing.close();
    }
  });

  it('an artifact whose signature does not verify is never restored: one line, built locally, the same bytes published', async () => {
    // The first copy again, with an empty local cache and no build outputs: everything comes from
    // the shared cache, where one stored artifact has been altered on disk.
    const published = join(work, 'dist-a');
    rmSync(published, { recursive: true, force: true });
    const { cpSync } = await import('node:fs');
    cpSync(join(a, 'dist'), published, { recursive: true });
    for (const dir of ['.turbo/cache', 'apps/print/dist', 'apps/site/dist']) rmSync(join(a, dir), { recursive: true, force: true });
    const tampered = join(store, team, taskHash(a, '@repo/site#build:md') as string);
    const bytes = readFileSync(tampered);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
    writeFileSync(tampered, bytes);
    const run = await build(a);
    expect(run.code, run.output).toBe(0);
    expect(ownLines(run.output)).toContain('sites: 2 of 2 countries replayed from the cache (2 from the shared cache)');
    expect(sharedCacheLines(run.output)).toEqual([expect.stringMatching(/^Shared cache: md: the artifact did not download or its signature did not verify/)]);
    expect(ownLines(run.output)).toContain('sites rebuilt for md;');
    const compared = compareTrees(published, join(a, 'dist'));
    expect(compared.failures.map((f) => `${f.site}${f.page}: ${f.problem}`)).toEqual([]);
  });
});
