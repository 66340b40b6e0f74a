// The benchmark's contenders (bench/contenders.ts), run once each on one poster of the print tests'
// fixture content: nothing is timed. Each must make a valid one-page PDF of the poster's size, and
// the peers must draw it in the kit's Noto Sans (Chromium silently falls back to Liberation Serif
// when it cannot load a font; Typst to its own Libertinus Serif), or their times mean nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '@repo/content';
import { type PrintJob, planJobs, previewLongSide } from '@repo/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContenderId, Contenders, type Prepared } from '../bench/contenders.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixture = join(repoRoot, 'packages/print/test/fixtures/content');
const key = 'md/youth/ro/a4';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPoppler = spawnSync('pdffonts', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;
const ready = existsSync(chromiumPath) && hasPoppler;
const title = ready
  ? 'the print benchmark’s contenders on one fixture poster'
  : `the print benchmark’s contenders (skipped: ${existsSync(chromiumPath) ? 'poppler-utils is not installed; apt-get install poppler-utils: pdfinfo and pdffonts read the PDFs' : `no Chromium at ${chromiumPath}; apt-get install chromium or set CHROMIUM_PATH`})`;

const pt = 72 / 25.4;
/** A4 at the file's real size, points: trim, and the bleed box 3 mm beyond it on every side. */
const trim = [210 * pt, 297 * pt];
const bleed = [216 * pt, 303 * pt];

/** Each side of a box within `within` points of the wanted size. */
function expectSize(box: number[], want: number[], within: number) {
  for (const [i, n] of box.entries()) expect(Math.abs(n - (want[i] as number))).toBeLessThan(within);
}

/** Where the PDFs are written for poppler (made by the suite, removed after it). */
let dir = '';
/** pdfinfo's and pdffonts' view of a PDF. */
function read(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' });
  const box = (label: string) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(info);
    if (!m) throw new Error(`${name}: pdfinfo reports no ${label}`);
    const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
    return [x1 - x0, y1 - y0];
  };
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0] as string);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), media: box('MediaBox'), trimBox: box('TrimBox'), bleedBox: box('BleedBox'), fonts };
}

describe.skipIf(!ready)(title, () => {
  const c = new Contenders();
  let p: Prepared;
  const out = new Map<ContenderId, Awaited<ReturnType<Contenders['run']>>>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'print-bench-test-'));
    const job = planJobs(loadContent(fixture)).find((j) => j.key === key) as PrintJob;
    await c.start();
    p = await c.prepare(job);
    for (const id of ['kitPdf', 'kitPreview', 'chromium', 'typst'] as const) out.set(id, await c.run(id, p));
  });
  afterAll(async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pdf = (id: ContenderId) => out.get(id)?.pdf as Buffer;

  it('each contender makes one PDF page (%PDF header)', () => {
    for (const id of ['kitPdf', 'kitPreview', 'chromium', 'typst'] as const) {
      expect(pdf(id).subarray(0, 5).toString('latin1'), id).toBe('%PDF-');
      expect(read(pdf(id), id).pages, id).toBe(1);
    }
  });

  it('the kit: the PDF alone is renderPoster’s PDF byte for byte, A4 trim and 3 mm bleed, text outlined; the preview a PNG of the trim area', () => {
    expect(pdf('kitPdf').equals(pdf('kitPreview'))).toBe(true);
    const kit = read(pdf('kitPdf'), 'kit');
    expectSize(kit.trimBox, trim, 0.05);
    expectSize(kit.bleedBox, bleed, 0.05);
    expect(kit.fonts).toEqual([]);
    const png = out.get('kitPreview')?.preview as Buffer;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height; A4 is portrait, so its height is the long side.
    expect(png.readUInt32BE(20)).toBe(previewLongSide);
    expect(png.readUInt32BE(16)).toBe(Math.round((previewLongSide * 210) / 297));
  });

  it('Chromium: a page of the bleed box, drawn in the kit’s Noto Sans (document.fonts, pdffonts), no fallback face', async () => {
    const chrome = read(pdf('chromium'), 'chromium');
    // page.pdf takes the size in inches and lays the page out in CSS pixels: within a point.
    expectSize(chrome.media, bleed, 1);
    await expect(c.assertChromiumFonts(p)).resolves.toBeUndefined();
    expect(chrome.fonts.length).toBeGreaterThan(0);
    for (const font of chrome.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|ExtraBold)$/);
  });

  it('Typst: a page of the bleed box, its text in the kit’s Noto Sans files (each subset under its own family)', () => {
    const typst = read(pdf('typst'), 'typst');
    expectSize(typst.media, bleed, 0.05);
    expect(typst.fonts.length).toBeGreaterThan(0);
    for (const font of typst.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|ExtraBold)$/);
    // Romanian needs two subsets (ș ț are latin-ext): Typst used both, with no fallback of its own.
    expect(p.typst.source).toContain('fallback: false');
    expect(typst.fonts.filter((f) => f.endsWith('NotoSans-ExtraBold')).length).toBeGreaterThanOrEqual(2);
  });
});
