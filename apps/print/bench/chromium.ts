// The Chromium contender: the same poster as HTML (posterHtml in @repo/print, from the same job), printed
// by Debian's Chromium with page.pdf (playwright-core), with the kit's own Noto Sans files loaded.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { fontSubsetFamily, fontSubsets } from '@repo/design';
import { type DisplayList, type FontSet, type FontWeight, type PrintJob, posterHtml, type TextMeasurer } from '@repo/print';
import type { Browser, Page } from 'playwright-core';

/**
 * A file server on 127.0.0.1 for the poster's fonts (and photos): Chromium's `setContent` refuses
 * `file://` fonts ("Not allowed to load local resource") and silently draws its default face
 * (Liberation Serif) instead. Only the files registered here are served, each at `/<n>`; the page is
 * opened on the server's origin first, so every font load is same-origin.
 */
export class FileServer {
  private readonly files: { path: string; type: string; data: Buffer }[] = [];
  private readonly byPath = new Map<string, number>();
  private server: Server | undefined;
  origin = '';

  add(path: string, type: string): string {
    let i = this.byPath.get(path);
    if (i === undefined) {
      i = this.files.push({ path, type, data: readFileSync(path) }) - 1;
      this.byPath.set(path, i);
    }
    return `${this.origin}/${i}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>bench</title>');
        return;
      }
      const file = this.files[Number(req.url?.slice(1))];
      if (!file || !/^\/\d+$/.test(req.url ?? '')) {
        res.writeHead(404).end();
        return;
      }
      // Cacheable, as a site's fonts are: the kit parses its fonts once per process too.
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.data.length, 'cache-control': 'max-age=3600' }).end(file.data);
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/**
 * posterHtml's page with every `file://` URL (fonts, photo) pointing at the file server instead; and
 * the page size in inches for page.pdf.
 */
export function servedPosterHtml(job: PrintJob, fonts: FontSet, m: TextMeasurer, server: FileServer) {
  const { html, width, height, unit } = posterHtml(job, fonts, m);
  let served = html;
  for (const f of fonts.files) served = served.replaceAll(pathToFileURL(f.path).href, server.add(f.path, 'font/woff'));
  if (job.photo) served = served.replaceAll(pathToFileURL(job.photo.path).href, server.add(job.photo.path, 'image/jpeg'));
  if (served.includes('file://')) throw new Error(`${job.key}: the poster's HTML still loads a file:// URL, which Chromium refuses`);
  const inches = (n: number) => `${unit === 'pt' ? n / 72 : n / 96}in`;
  return { html: served, width: inches(width), height: inches(height) };
}

/** The font faces (CSS family and weight) that draw a poster's text in the kit: the font of each shaped glyph. */
export function facesUsed(list: DisplayList): { family: string; weight: FontWeight; text: string }[] {
  const faces = new Map<string, { family: string; weight: FontWeight; text: string }>();
  for (const item of list.items) {
    if (item.type !== 'glyphs') continue;
    for (const g of item.glyphs) {
      // Glyph ids are `g<weight>-<index in the fallback chain>-<glyph>` (TextMeasurer.shape).
      const index = Number(g.id.split('-')[1]);
      const family = fontSubsetFamily(fontSubsets[index] as string);
      const key = `${family}\u0000${item.weight}`;
      const face = faces.get(key) ?? { family, weight: item.weight, text: '' };
      face.text += item.text;
      faces.set(key, face);
    }
  }
  return [...faces.values()];
}

/** A page on the file server's origin, for `chromiumPdf`. */
export async function posterPage(browser: Browser, server: FileServer): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  return page;
}

/** Sets the poster's HTML and prints it: what the Chromium column times. Waits for the fonts first. */
export async function chromiumPdf(page: Page, doc: { html: string; width: string; height: string }): Promise<Buffer> {
  await page.setContent(doc.html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ width: doc.width, height: doc.height, printBackground: true, preferCSSPageSize: true });
}

/**
 * Throws unless Chromium drew the poster in the kit's fonts: every face the kit used for the
 * poster's text (family per subset, weight) is loaded in the page (status "loaded", none failed), and
 * `document.fonts.check` of that face with the text it draws is true (nothing left to load). The
 * HTML asks for the whole fallback chain, as the kit does, and like the kit Chromium takes each
 * character from the first face that has it.
 */
export async function assertFontsLoaded(page: Page, list: DisplayList, key: string): Promise<void> {
  const wanted = facesUsed(list);
  const state = await page.evaluate(
    ({ wanted }) => {
      const faces = [...document.fonts].map((f) => ({ family: f.family.replace(/^["']|["']$/g, ''), weight: f.weight, status: f.status }));
      const checks = wanted.map((w) => document.fonts.check(`${w.weight} 16px "${w.family}"`, w.text));
      return { faces, checks };
    },
    { wanted },
  );
  const problems: string[] = [];
  for (const f of state.faces) if (f.status === 'error') problems.push(`${f.family} ${f.weight} failed to load`);
  for (const [i, w] of wanted.entries()) {
    const face = state.faces.find((f) => f.family === w.family && f.weight === String(w.weight));
    if (face?.status !== 'loaded') problems.push(`${w.family} ${w.weight} is ${face?.status ?? 'not declared'}`);
    if (!state.checks[i]) problems.push(`document.fonts.check('${w.weight} 16px "${w.family}"') is false for the text it draws`);
  }
  if (problems.length) throw new Error(`${key}: Chromium did not draw the poster in the kit's fonts: ${problems.join('; ')}`);
}
