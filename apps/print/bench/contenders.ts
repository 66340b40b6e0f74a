// The four contenders of the print benchmark, set up once and run on one poster at a time:
//   kit PDF           job → display list → PDF/X (kit.ts)
//   kit PDF + preview renderPoster: the same PDF, then the PNG preview (the build's path)
//   Chromium          the same poster as HTML, with the same fonts served over http, page.pdf (chromium.ts)
//   Typst             the same poster written in Typst, compiled with its cache evicted (typst.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coloursCondition } from '@repo/design';
import { type DisplayList, displayList, type FontSet, type Geometry, loadFonts, type PrintJob, TextMeasurer } from '@repo/print';
import { type Browser, chromium, type Page } from 'playwright-core';
import { assertFontsLoaded, chromiumPdf, FileServer, posterPage, servedPosterHtml } from './chromium.ts';
import { freshMeasurer, kitPdf, kitPdfPreview } from './kit.ts';
import { posterTypst, typstCompiler, typstPdf, writeTypstFonts } from './typst.ts';

/**
 * The kit twice: `kitPdf`/`kitPreview` with a new TextMeasurer per render (each word shaped and
 * each line measured again, as Typst's evicted cache makes it do: the figures the goals are judged
 * by), and `kitPdfWarm`/`kitPreviewWarm` with one measurer for the run (words already shaped, as in
 * a build, where a worker's measurer serves every format of a design and language), for comparison;
 * so is `typstWarm`, Typst without evicting its cache.
 */
export type ContenderId = 'kitPdf' | 'kitPreview' | 'kitPdfWarm' | 'kitPreviewWarm' | 'chromium' | 'typst' | 'typstWarm';
export const contenderIds: ContenderId[] = ['kitPdf', 'kitPreview', 'kitPdfWarm', 'kitPreviewWarm', 'chromium', 'typst', 'typstWarm'];

/** A poster ready for every contender: its job, the kit's display list (for Typst and the font check), its HTML and its Typst source. */
export interface Prepared {
  job: PrintJob;
  list: DisplayList;
  geometry: Geometry;
  html: ReturnType<typeof servedPosterHtml>;
  typst: ReturnType<typeof posterTypst>;
}

/** One run's output: the PDF (and for the kit's build path its preview and stage timings). */
export interface RunResult {
  pdf: Buffer;
  preview?: Buffer;
  stages?: { layout: number; pdf: number; png: number };
}

/**
 * Debian's Chromium, launched as @repo/gates' launchChromium does (same flags: no host name resolves,
 * every origin but 127.0.0.1 goes to a closed proxy port), so nothing leaves this machine. (Not
 * imported from @repo/gates: a workspace devDependency would put the gates into the print build's
 * Turborepo graph.) CHROMIUM_PATH overrides the path.
 */
export async function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-pings',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
    proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' },
  });
}

export class Contenders {
  readonly fonts: FontSet = loadFonts();
  /** The measurer that prepares posters (display list, HTML) and the warm kit runs use; the other kit runs take a fresh one (kit.ts). */
  private readonly m = new TextMeasurer(this.fonts);
  private readonly server = new FileServer();
  /** Typst's font folder (made by start, removed by close). */
  private fontDir = '';
  private browser: Browser | undefined;
  private page: Page | undefined;
  private typst: ReturnType<typeof typstCompiler> | undefined;
  chromiumVersion = '';

  async start(): Promise<void> {
    await this.server.start();
    this.browser = await launchBenchChromium();
    this.chromiumVersion = this.browser.version();
    this.page = await posterPage(this.browser, this.server);
    this.fontDir = mkdtempSync(join(tmpdir(), 'print-bench-typst-fonts-'));
    this.typst = typstCompiler(writeTypstFonts(this.fonts, this.fontDir));
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.server.close();
    if (this.fontDir) rmSync(this.fontDir, { recursive: true, force: true });
  }

  async prepare(job: PrintJob): Promise<Prepared> {
    if (!job.printing) throw new Error(`${job.key}: the benchmark compares PDF files; this job makes a ${job.format} PNG`);
    const { list, geometry } = await displayList(job, this.m, job.printing.condition);
    const html = servedPosterHtml(job, this.fonts, this.m, this.server);
    return { job, list, geometry, html, typst: posterTypst(list, job.printing.condition) };
  }

  /** Writes the peers' sources again, ms each: the HTML from the job (the kit's layout and copyfit), the Typst source from the display list. Not part of any contender's time. */
  sources(p: Prepared): { html: number; typst: number } {
    const t0 = performance.now();
    servedPosterHtml(p.job, this.fonts, this.m, this.server);
    const t1 = performance.now();
    posterTypst(p.list, p.job.printing?.condition ?? coloursCondition);
    return { html: t1 - t0, typst: performance.now() - t1 };
  }

  /** One render by one contender, from the job (kit) or the poster's source (Chromium, Typst). */
  async run(id: ContenderId, p: Prepared): Promise<RunResult> {
    switch (id) {
      case 'kitPdf':
      case 'kitPdfWarm':
        return { pdf: await kitPdf(p.job, id === 'kitPdf' ? freshMeasurer(this.fonts) : this.m) };
      case 'kitPreview':
      case 'kitPreviewWarm': {
        const r = await kitPdfPreview(p.job, id === 'kitPreview' ? freshMeasurer(this.fonts) : this.m);
        return { pdf: r.file, preview: r.preview, stages: { layout: r.timings.svg, pdf: r.timings.pdf, png: r.timings.png } };
      }
      case 'chromium':
        return { pdf: await chromiumPdf(this.page as Page, p.html) };
      case 'typst':
      case 'typstWarm':
        if (!this.typst) throw new Error('Contenders: start() first');
        return { pdf: typstPdf(this.typst, p.typst, { keepCache: id === 'typstWarm' }) };
    }
  }

  /** After a Chromium run (not timed): throws unless the page drew the poster in the kit's Noto Sans files. */
  async assertChromiumFonts(p: Prepared): Promise<void> {
    await assertFontsLoaded(this.page as Page, p.list, p.job.key);
  }
}
