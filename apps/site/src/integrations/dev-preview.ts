// The live preview of `npm run dev` (scripts/dev.ts; also plain `astro dev`): every content edit shows
// in the open page without a restart, a content error shows as the content checker words it, and the
// preview keeps showing the last good content until the files are fixed.
//
// `astro dev` alone reloads an MDX body, but not what the site loads once per process (YAML, UI
// strings, frontmatter read through @repo/content: src/lib/build-context.ts). Here:
// - The site renders a copy of the last good content (`previewContent.dir`, in the cache folder),
//   never content/ itself: Astro's content collection compiles the MDX pages of that copy, and the
//   pages load it (`siteContext()`, again whenever `previewContent.version` goes up).
// - Vite's watcher also watches content/ (and apps/print's manifest). On a change, the whole content
//   is loaded and checked (`loadContent`, 50–200 ms). Valid: the changed files are copied into the
//   last good copy (Vite and the content collection are told about the pages among them), the
//   version goes up, Astro's route cache is cleared and the browser reloads. Invalid: the copy stays
//   as it is; the checker's message goes to the terminal and to the top of every page
//   (src/components/DevNotes.astro, via src/lib/preview-state.ts).
// - A reload sent while a page is still loading is lost (its live-reload connection is not open
//   yet): every page says which version it shows once connected (`previewVersionOf`), and is
//   reloaded if that is older than `previewVersion()`.
// - /print/ serves the last print build's files of the country (apps/print/dist/<cc>/), and the home
//   page's poster thumbnails, made on first request as the build makes them.
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Content, ContentError, type ContentIssue, contentIssue, formatIssue, loadContent } from '@repo/content';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { contentDir, countryCode, previewContent, previewVersion, printDir } from '../lib/build-context.ts';
import { previewState } from '../lib/preview-state.ts';

/** Every file under `dir`, relative to it, with `/` separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Makes `to` a copy of `from`, writing only files that differ and deleting the ones
 * `from` no longer has. Returns the absolute paths in `to` that were added, changed or deleted.
 */
export function syncFolder(from: string, to: string): { added: string[]; changed: string[]; deleted: string[] } {
  const result = { added: [] as string[], changed: [] as string[], deleted: [] as string[] };
  const wanted = new Set(filesUnder(from));
  for (const rel of wanted) {
    const source = readFileSync(join(from, rel));
    const target = join(to, rel);
    const exists = existsSync(target);
    if (exists && readFileSync(target).equals(source)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source);
    (exists ? result.changed : result.added).push(target);
  }
  for (const rel of filesUnder(to)) {
    if (wanted.has(rel)) continue;
    rmSync(join(to, rel), { force: true });
    result.deleted.push(join(to, rel));
  }
  return result;
}

const mediaTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function sendFile(res: ServerResponse, file: string) {
  const type = mediaTypes[extname(file).toLowerCase()] ?? (/SHA256SUMS$/.test(file) ? 'text/plain; charset=utf-8' : 'application/octet-stream');
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse, text: string) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

let previewing = false;
/** True in `astro dev` (once Astro has set the integrations up). */
export function isPreview(): boolean {
  return previewing;
}

function isValid(dir: string): boolean {
  try {
    loadContent(dir);
    return true;
  } catch {
    return false;
  }
}

/** The dev preview as an Astro integration: does nothing but in `astro dev`. */
export function devPreview(): AstroIntegration {
  return {
    name: 'campaign-kit:dev-preview',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig, injectScript }) => {
        if (command !== 'dev') return;
        previewing = true;
        // The last good content, which the site renders (src/lib/build-context.ts): in the build's
        // cache folder, inside node_modules, which Vite's watcher ignores; this integration tells
        // Vite and Astro about each page it changes there.
        const cacheDir = fileURLToPath(config.cacheDir);
        const lastGood = join(cacheDir, 'preview-content');
        // On a restart (astro.config.ts edited), keep the last good copy unless the content is valid now.
        if (!previewContent.dir || isValid(contentDir())) {
          rmSync(lastGood, { recursive: true, force: true });
          syncFolder(contentDir(), lastGood);
        }
        previewContent.dir = lastGood;
        previewContent.version++;
        // A reload sent while a page was still loading (its live-reload connection not yet open) is
        // lost: each page says which version it shows once connected, and is reloaded if it is old.
        injectScript(
          'page',
          `const shown = document.querySelector('[data-preview-version]')?.getAttribute('data-preview-version');
if (import.meta.hot && shown) import.meta.hot.send('campaign-kit:preview-shown', { version: shown });`,
        );
        const store = fileURLToPath(new URL('.astro/', config.root));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'campaign-kit:dev-preview',
                configureServer(server: ViteDevServer) {
                  watchContent(server, logger, lastGood);
                  // Astro's content store (MDX pages) is written after the page reload this preview sends.
                  server.watcher.on('change', (path) => {
                    if (resolve(path).startsWith(join(store, 'data-store'))) previewContent.storeWrites++;
                  });
                  server.environments.client.hot.on('campaign-kit:preview-shown', (data: { version?: string }, client) => {
                    if (data?.version !== previewVersion()) client.send({ type: 'full-reload', path: '*' });
                  });
                  // After Astro has put its own middlewares first (its trailing-slash check would
                  // refuse /print/SHA256SUMS), in front of them.
                  return () => servePrintFiles(server, cacheDir);
                },
              },
            ],
          },
        });
      },
    },
  };
}

function watchContent(server: ViteDevServer, logger: AstroIntegrationLogger, lastGood: string) {
  const source = contentDir();
  const manifest = resolve(printDir(), 'manifest.json');
  const code = countryCode();
  server.watcher.add([source, manifest]);
  const inContent = (path: string) => path === source || path.startsWith(source + sep);
  const deleted = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  server.watcher.on('all', (event, changed) => {
    const path = resolve(changed);
    if (path === manifest) {
      // A new print build: the pages list its files.
      previewContent.version++;
      return reload(server);
    }
    if (!inContent(path)) return;
    if (event === 'unlink' && inContent(path)) deleted.add(relative(source, path).split(sep).join('/'));
    if (event === 'add' || event === 'change') deleted.delete(relative(source, path).split(sep).join('/'));
    // One reload for the several events of one save (or of a `git checkout`).
    clearTimeout(timer);
    timer = setTimeout(refresh, 30);
  });

  function report(issues: ContentIssue[]) {
    // A file deleted while the preview runs: say so, and how to bring it back.
    for (const issue of issues) {
      if (deleted.has(issue.file) || deleted.has(issue.file.replace(/\/$/, ''))) {
        issue.message = `${issue.message} (it was deleted while the preview ran)`;
        issue.fix = `${issue.fix ? `${issue.fix}, or ` : ''}restore it: git checkout -- content/${issue.file}`;
      }
    }
    const text = `${issues.length} content ${issues.length === 1 ? 'error' : 'errors'}; the preview shows the last good version until they are fixed:\n${issues.map(formatIssue).join('\n')}`;
    if (text !== previewState.problems?.text) logger.error(`\n${text}\n`);
    previewState.problems = { issues, text };
  }

  function refresh() {
    const started = performance.now();
    let content: Content;
    try {
      content = loadContent(source);
    } catch (error) {
      if (error instanceof ContentError) report(error.issues);
      else report([contentIssue('ContentUnreadable', { error: error instanceof Error ? error.message : String(error) }, { file: '' })]);
      if (!(error instanceof ContentError)) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return reload(server);
    }
    if (!content.countries.some((c) => c.code === code)) {
      report([contentIssue('PreviewCountryMissing', { code, other: content.countries[0]?.code ?? '<cc>' }, { file: `countries/${code}.yaml` })]);
      return reload(server);
    }
    const files = syncFolder(source, lastGood);
    previewContent.version++;
    // Vite and the content collection learn of the changed pages as if they had watched them.
    const pages = join(lastGood, 'pages') + sep;
    for (const [event, list] of [
      ['change', files.changed],
      ['add', files.added],
      ['unlink', files.deleted],
    ] as const) {
      for (const file of list) if (file.startsWith(pages)) server.watcher.emit(event, file);
    }
    if (previewState.problems) logger.info('Content is valid again: the preview shows it.');
    previewState.problems = undefined;
    deleted.clear();
    logger.info(`Content reloaded in ${Math.round(performance.now() - started)} ms`);
    reload(server);
  }
}

/** Clears Astro's route cache (getStaticPaths reads the site plan) and reloads every open page. */
function reload(server: ViteDevServer) {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

/**
 * /print/: the country's files from the last print build (apps/print/dist/<cc>/), as the build copies
 * them; /print/thumbs/: the home page's poster thumbnails, made on first request (and again after a
 * print build) by the build's own code, scripts/poster-thumbnails.ts.
 */
function servePrintFiles(server: ViteDevServer, cacheDir: string) {
  const code = countryCode();
  let thumbs: Promise<string> | undefined;
  const manifest = () => resolve(printDir(), 'manifest.json');
  server.watcher.on('change', (path) => {
    if (resolve(path) === manifest()) thumbs = undefined;
  });
  const makeThumbs = async () => {
    // Node's own loader: this module runs in Astro's config loader, whose module runner is closed
    // by the time a thumbnail is asked for.
    const { writePosterThumbnails } = createRequire(import.meta.url)(
      '@repo/site/scripts/poster-thumbnails.ts',
    ) as typeof import('../../scripts/poster-thumbnails.ts');
    const siteDir = join(cacheDir, 'preview-print');
    rmSync(join(siteDir, 'print'), { recursive: true, force: true });
    await writePosterThumbnails({ country: code, printDir: printDir(), siteDir, cacheDir: join(cacheDir, 'poster-thumbs') });
    return join(siteDir, 'print', 'thumbs');
  };
  server.middlewares.stack.unshift({
    route: '',
    handle: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
      const url = (req.url ?? '/').split('?')[0] ?? '/';
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !url.startsWith('/print/')) return next();
      printFile(decodeURIComponent(url.slice('/print'.length)), res);
    },
  });
  function printFile(path: string, res: ServerResponse) {
    if (path.split('/').includes('..')) return notFound(res, 'Not found');
    const hint = `Print files come from the last print build (apps/print/dist/${code}/): run node apps/print/src/cli.ts --country ${code}, or npm run build.`;
    if (path.startsWith('/thumbs/')) {
      thumbs ??= makeThumbs();
      thumbs.then(
        (dir) => {
          const file = join(dir, path.slice('/thumbs/'.length));
          if (existsSync(file) && statSync(file).isFile()) sendFile(res, file);
          else notFound(res, `No poster thumbnail ${path}. ${hint}`);
        },
        (error) => {
          thumbs = undefined;
          notFound(res, `Poster thumbnails could not be made: ${error instanceof Error ? error.message : error}. ${hint}`);
        },
      );
      return;
    }
    const file = join(printDir(), code, path);
    if (existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    notFound(res, `No print file ${path}. ${hint}`);
  }
}
