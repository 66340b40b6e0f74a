// The live preview of the country sites for the campaign team: `npm run dev`.
//
//   npm run dev -- --country gr     one country's site, live, at http://127.0.0.1:4321/
//   npm run dev                     an index of every country's preview at http://127.0.0.1:4321/;
//                                   each country's preview starts when it is first opened
//   --port n (or PORT)              the first port (default 4321); HOST (default 127.0.0.1)
//
// Each country is an `astro dev` server of apps/site for that country (COUNTRY=<cc>), from its own
// root apps/site/.build-dev/<cc>/, where Astro keeps its generated files (two countries sharing one
// root would overwrite each other's); the app's src/ is used in place. Every edit under content/
// shows in the open page within about a second (apps/site/src/integrations/dev-preview.ts;
// figures: benchmarks/dev.md); a content error shows in the terminal and at the top of the page, and
// the preview keeps showing the last good content until it is fixed.
//
// Why one server per country, started on first visit: a country's site is configured per country
// (site address, fonts subset to its languages, its pages and paths), like its build, and is served
// at the root of its own port, exactly as at the root of its own domain, so every root-relative link
// works. One `astro dev` server takes about 1.5–3 s to start and 0.5 GB of memory: seven of them
// would take half a minute of both cores and 3.5 GB before anyone looks at one.
//
// Environment: CONTENT_DIR (default content/), PRINT_DIR (default apps/print/dist/), SITE_DEV_ROOT
// (default apps/site/.build-dev/; tests run side by side in their own, inside the repository).
import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, mkdirSync, watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Content, ContentError, loadContent } from '@repo/content';
import { astroEntry } from '../apps/site/scripts/astro-entry.ts';

const repo = resolve(import.meta.dirname, '..');
const appDir = join(repo, 'apps/site');
const contentDir = resolve(process.env.CONTENT_DIR ?? join(repo, 'content'));
const devBase = resolve(process.env.SITE_DEV_ROOT ?? join(appDir, '.build-dev'));
const host = process.env.HOST ?? '127.0.0.1';
const { values } = parseArgs({ options: { country: { type: 'string' }, port: { type: 'string' } } });
const basePort = Number(values.port ?? process.env.PORT ?? 4321);

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const page = (title: string, body: string, refresh = false) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${
    refresh ? '<meta http-equiv="refresh" content="2">' : ''
  }<title>${escapeHtml(title)}</title><style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}pre{white-space:pre-wrap;background:#fde8e8;padding:1rem;border-left:4px solid #b00020}</style><h1>${escapeHtml(title)}</h1>${body}</html>`;

/** The content, once it is valid; until then the errors are printed and shown on the preview's address. */
async function validContent(): Promise<Content> {
  const attempt = (): Content | ContentError => {
    try {
      return loadContent(contentDir);
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
  };
  let result = attempt();
  if (!(result instanceof ContentError)) return result;
  let shown = result.message;
  const server = createServer((_req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      page(
        'The preview is waiting for the content to be fixed',
        `<pre>${escapeHtml(shown)}</pre><p>This page reloads itself; the preview starts when the content is valid.</p>`,
        true,
      ),
    );
  });
  await new Promise<void>((listening) => server.listen(basePort, host, listening));
  console.error(`${shown}\n\nThe preview starts as soon as these are fixed (watching ${relative(process.cwd(), contentDir) || '.'}/).`);
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher: FSWatcher = watch(contentDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        result = attempt();
        if (result instanceof ContentError) {
          if (result.message !== shown) console.error(`\n${result.message}`);
          shown = result.message;
          return;
        }
        console.log('Content is valid: starting the preview.');
        watcher.close();
        const valid = result;
        server.close(() => done(valid));
        server.closeAllConnections();
      }, 100);
    });
  });
}

/** True when nothing listens on the port. */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createNetServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, host);
  });
}

/** True once something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, host)
      .once('connect', () => {
        socket.destroy();
        done(true);
      })
      .once('error', () => done(false));
  });
}

interface Preview {
  code: string;
  port: number;
  url: string;
  child?: ChildProcess;
  ready?: Promise<void>;
  /** The child's last lines, to show when it fails to start. */
  output: string[];
}

const children = new Set<ChildProcess>();

/** Starts the country's `astro dev` once; resolves when it accepts connections. */
function start(preview: Preview, prefix: string): Promise<void> {
  preview.ready ??= (async () => {
    // Astro could not even load its config from invalid content: say what to fix instead.
    try {
      loadContent(contentDir);
    } catch (error) {
      if (error instanceof ContentError) throw new Error(`${error.message}\n\nFix these, then open the preview again.`);
      throw error;
    }
    if (!(await portFree(preview.port))) throw new Error(`Port ${preview.port} is in use: stop what runs there, or start with --port <another>.`);
    const root = join(devBase, preview.code);
    mkdirSync(root, { recursive: true });
    const child = spawn(
      process.execPath,
      [astroEntry, 'dev', '--root', root, '--config', relative(root, join(appDir, 'astro.config.ts')), '--host', host, '--port', String(preview.port)],
      {
        cwd: appDir,
        // NODE_ENV: a shell's (or a test runner's) NODE_ENV=production or test would change how Astro serves.
        env: { ...process.env, NODE_ENV: 'development', COUNTRY: preview.code, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    preview.child = child;
    children.add(child);
    const forward = (stream: NodeJS.WritableStream) => (data: Buffer) => {
      for (const line of data.toString().split('\n')) {
        if (!line.trim()) continue;
        preview.output.push(line);
        if (preview.output.length > 40) preview.output.shift();
        stream.write(`${prefix}${line}\n`);
      }
    };
    child.stdout?.on('data', forward(process.stdout));
    child.stderr?.on('data', forward(process.stderr));
    let exited = false;
    child.once('exit', (status) => {
      exited = true;
      children.delete(child);
      preview.ready = undefined;
      preview.child = undefined;
      if (status) console.error(`${prefix}the ${preview.code} preview stopped (exit code ${status}).`);
    });
    const started = performance.now();
    while (!(await listening(preview.port))) {
      if (exited) throw new Error(`The ${preview.code} preview did not start:\n${preview.output.join('\n')}`);
      if (performance.now() - started > 120_000) throw new Error(`The ${preview.code} preview did not start within 2 minutes.`);
      await new Promise((r) => setTimeout(r, 150));
    }
    // Compile the home page now rather than when the reader opens it.
    fetch(preview.url).then(
      (res) => res.arrayBuffer(),
      () => undefined,
    );
  })().catch((error) => {
    // The next visit tries again.
    preview.ready = undefined;
    throw error;
  });
  return preview.ready;
}

function stopAll() {
  for (const child of children) child.kill();
}
process.once('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.once('SIGTERM', () => {
  stopAll();
  process.exit(143);
});
process.once('exit', stopAll);

const content = await validContent();
const codes = content.countries.map((c) => c.code);

if (values.country) {
  const code = values.country.trim();
  if (!codes.includes(code)) {
    console.error(`Unknown country "${code}". Known: ${codes.join(', ')}.`);
    process.exit(1);
  }
  const preview: Preview = { code, port: basePort, url: `http://${host}:${basePort}/`, output: [] };
  try {
    await start(preview, '');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log(`\nPreview of the ${code} site: ${preview.url}  (Ctrl+C to stop)`);
} else {
  const previews = new Map<string, Preview>(
    codes.map((code, i) => [code, { code, port: basePort + 1 + i, url: `http://${host}:${basePort + 1 + i}/`, output: [] }]),
  );
  const names = new Map(content.countries.map((c) => [c.code, c.names.en ?? c.code]));
  const index: Server = createServer(async (req, res) => {
    const code = /^\/([a-z]{2,3})\/?$/.exec(req.url ?? '')?.[1];
    const preview = code ? previews.get(code) : undefined;
    if (preview) {
      try {
        await start(preview, `[${preview.code}] `);
        res.writeHead(302, { Location: preview.url, 'Cache-Control': 'no-store' });
        res.end();
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(
          page(
            `The ${preview.code} preview did not start`,
            `<pre>${escapeHtml(error instanceof Error ? error.message : String(error))}</pre><p><a href="/">Back</a></p>`,
          ),
        );
      }
      return;
    }
    const items = [...previews.values()]
      .map(
        (p) =>
          `<li><a href="/${p.code}/">${escapeHtml(names.get(p.code) ?? p.code)} (${p.code.toUpperCase()})</a> · ${
            p.child ? `running at <a href="${p.url}">${p.url}</a>` : `starts when opened (a few seconds), then at ${p.url}`
          }</li>`,
      )
      .join('');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      page(
        'Campaign kit: live preview',
        `<p>Each country's site runs at the root of its own port, as on its own domain. Edits under <code>content/</code> show in the open page; content errors show at the top of the page and in the terminal.</p><ul>${items}</ul>`,
      ),
    );
  });
  index.once('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${basePort} is in use: stop what runs there, or start with --port <another>.` : error.message);
    process.exit(1);
  });
  index.listen(basePort, host);
  await new Promise((done) => index.once('listening', done));
  console.log(`Live preview: http://${host}:${basePort}/  (each country starts when first opened; Ctrl+C to stop)`);
  for (const p of previews.values()) console.log(`  ${p.code}  ${p.url}  (via http://${host}:${basePort}/${p.code}/)`);
}
