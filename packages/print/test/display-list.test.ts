import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColourName, colours, printFormats, tokenCmyk } from '@repo/design';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type Artwork, displayList, fixed, formatById, type GlyphRun, listToSvg, qrMatrix, renderPoster, textBoxes } from '../src/index.ts';
import { artworkOps, registrationOps } from '../src/render/pdf-ops.ts';
import { fixtureJobs, fonts, job, measurer } from './helpers.ts';

const cmyk = (token: ColourName) => tokenCmyk(token, 'FOGRA39');
const paint = (colour: ColourName) => ({ colour, overprint: colour === 'ink' });
const rect = (colour: ColourName, x = 0, y = 0, width = 1, height = 1): Artwork => ({ type: 'rect', x, y, width, height, paint: paint(colour) });
const run = (text: string, colour: ColourName, x = 10, baseline = 20, size = 10): GlyphRun => ({
  type: 'glyphs',
  box: 'headline',
  text,
  x,
  baseline,
  size,
  weight: 800,
  glyphs: measurer.shape(text, 800).glyphs,
  paint: paint(colour),
});

describe('numbers in both writers (render/display-list.ts fixed)', () => {
  it('writes what String(Math.round(n × 10^d) / 10^d) writes, for hundredths and millionths alike', () => {
    const reference = (n: number, digits: number) => {
      const r = Math.round(n * 10 ** digits) / 10 ** digits;
      return r === 0 ? '0' : String(r);
    };
    const samples = [0, -0, 0.005, -0.005, 0.015, 1.005, 2.675, 1e-7, -1e-7, 383.855, 0.1 + 0.2, 595.28, -12.5, 1e21, 123456789.123456];
    // A fixed sequence of magnitudes from 1e-4 to 1e5, both signs (a linear congruential generator: no randomness in tests).
    let seed = 1;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 48271) % 2147483647;
      samples.push(((seed / 2147483647 - 0.3) * 10 ** ((i % 10) - 4)) as number);
    }
    for (const n of samples) for (const digits of [2, 6]) expect(fixed(n, digits), `${n} to ${digits}`).toBe(reference(n, digits));
  });
});

describe('the PDF writer of the display list (render/pdf-ops.ts)', () => {
  it('writes rects as CMYK fills of the token, to hundredths of a point', () => {
    const { content, glyphs, images, overprint } = artworkOps([rect('brand', 1, 2.004, 3.333, 4)], cmyk);
    expect(content).toBe(['1 0.45 0.1 0.4 k', '1 2 3.33 4 re', 'f'].join('\n'));
    expect([glyphs, images, overprint]).toEqual([[], [], false]);
  });

  it('places each glyph by a scale-and-flip matrix and writes its outline once, as path operators with a box', () => {
    const { content, glyphs } = artworkOps([run('tot', 'paper')], cmyk);
    const lines = content.split('\n');
    expect(lines[0]).toBe('0 0 0 0 k');
    expect(lines.slice(1)).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toMatch(/^q 0\.\d+ 0 0 -0\.\d+ [\d.]+ [\d.]+ cm \/g800-0-\d+ Do Q$/);
    // "t" twice, "o" once: two outlines.
    expect(glyphs.map((g) => g.id)).toHaveLength(2);
    for (const g of glyphs) {
      expect(g.ops).toMatch(/^[\d. -]+ m\n[\s\S]*h\nf$/);
      expect(g.bbox[2]).toBeGreaterThan(g.bbox[0]);
    }
    // A space has no outline: it is not placed.
    expect(artworkOps([run(' ', 'paper')], cmyk).content).toBe('');
  });

  it('overprints K100 only, switches the state only when it must, and knocks out under photos', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const { content, overprint, images } = artworkOps(
      [
        rect('accent'),
        run('A', 'ink'),
        { type: 'qr', x: 0, y: 0, module: 1, matrix: qrMatrix('x'), paint: paint('ink') },
        rect('paper'),
        rect('ink'),
        { type: 'photo', x: 0, y: 0, width: 2, height: 1, jpeg },
      ],
      cmyk,
    );
    expect(overprint).toBe(true);
    expect(images).toEqual([{ name: 'Im0', jpeg }]);
    expect(content.split('\n').filter((l) => / gs$| k$|Do Q$|^f$/.test(l))).toEqual([
      '0 0.3 0.95 0 k',
      'f',
      '/GSop gs',
      '0 0 0 1 k',
      expect.stringMatching(/^q .* cm \/g800-0-\d+ Do Q$/),
      'f', // the QR modules: one path of rectangles, K100 still overprinting
      '/GSko gs',
      '0 0 0 0 k',
      'f',
      '/GSop gs',
      '0 0 0 1 k',
      'f',
      '/GSko gs',
      'q 2 0 0 -1 0 1 cm /Im0 Do Q',
    ]);
    expect(artworkOps([rect('brand')], cmyk).overprint).toBe(false);
  });

  it('paints the slug in the registration colour space, tint 1, with no overprint switching', () => {
    const { content, glyphs, overprint } = registrationOps(run('Slug', 'ink'), 'CS0');
    expect(content.split('\n')[0]).toBe('/CS0 cs 1 scn');
    expect(content).not.toMatch(/ k\n| gs\n/);
    expect(glyphs.length).toBeGreaterThan(0);
    expect(overprint).toBe(false);
  });
});

describe('the SVG writer of the display list (render/svg.ts)', () => {
  it('writes rects, glyph outlines once in <defs>, the QR code as one path, in the tokens’ screen colours', () => {
    const svg = listToSvg({
      width: 100,
      height: 50,
      items: [rect('brand', 0, 0, 100, 50), run('Too good', 'paper'), { type: 'qr', x: 60, y: 10, module: 1, matrix: qrMatrix('x'), paint: paint('ink') }],
      marks: [],
    });
    expect(svg).toMatch(/^<svg width="100" height="50" viewBox="0 0 100 50" xmlns="http:\/\/www.w3.org\/2000\/svg"><defs>/);
    expect(svg).toContain(`<rect x="0" y="0" width="100" height="50" fill="${colours.brand.screen}"/>`);
    const defined = [...svg.matchAll(/<path id="([\w-]+)"/g)].map((m) => m[1]);
    const uses = [...svg.matchAll(/<use href="#([\w-]+)"[^>]*fill="([^"]+)"/g)];
    expect(new Set(defined).size).toBe(defined.length);
    expect(uses).toHaveLength('Toogood'.length);
    expect(defined.length).toBeLessThan(uses.length);
    expect(new Set(uses.map((u) => u[2]))).toEqual(new Set([colours.paper.screen]));
    expect(svg).toMatch(new RegExp(`<path fill="${colours.ink.screen}" d="M60 10H`));
    expect(svg).not.toMatch(/<text|opacity|mask/);
  });

  it('shows a view of the artwork at a given size (the preview’s trim area, a TIFF’s pixels)', () => {
    const list = { width: 100, height: 50, items: [rect('paper', 0, 0, 100, 50)], marks: [] };
    expect(listToSvg(list, { view: { x: 8.5, y: 8.5, width: 83, height: 33 } })).toMatch(/^<svg width="83" height="33" viewBox="8.5 8.5 83 33" /);
    expect(listToSvg(list, { width: 400, height: 199, stretch: true })).toMatch(
      /^<svg width="400" height="199" viewBox="0 0 100 50" preserveAspectRatio="none" /,
    );
  });
});

describe('display lists of the fixture jobs', () => {
  it('show body text, a QR code and the photo exactly where the format declares it (shows in @repo/design)', async () => {
    for (const j of fixtureJobs()) {
      const { list, qrText } = await displayList(j, measurer);
      const shows = formatById(j.format).shows;
      const boxes = new Set(list.items.flatMap((i) => (i.type === 'glyphs' ? [i.box] : [])));
      expect(boxes.has('body'), `${j.key}: body`).toBe(shows.body);
      expect(
        list.items.some((i) => i.type === 'qr'),
        `${j.key}: QR code`,
      ).toBe(shows.qr);
      expect(qrText, j.key).toBe(shows.qr ? j.url : undefined);
      expect(
        list.items.some((i) => i.type === 'photo'),
        `${j.key}: photo`,
      ).toBe(shows.photo && j.design === 'demand');
      expect(list.marks.length > 0, `${j.key}: marks`).toBe(formatById(j.format).output === 'pdf');
      for (const b of boxes) expect(textBoxes, `${j.key}: ${b}`).toHaveProperty(b);
    }
  });

  it('declares every format once: PNGs are social images without bleed, billboards are 1:10 wide formats without photo or body', () => {
    for (const f of Object.values(printFormats)) {
      expect(f.output === 'png', f.id).toBe(f.kind === 'social');
      if (f.kind === 'billboard') expect([f.scale, f.wideFormat, f.shows.photo, f.shows.body], f.id).toEqual([10, true, false, false]);
      if (f.kind === 'social') expect([f.wideFormat, f.shows.photo], f.id).toEqual([false, false]);
    }
  });

  const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find(existsSync);
  it.skipIf(!pdftoppm)('the PDF, rasterised by poppler, matches the preview the SVG writer drew from the same list', async () => {
    const r = await renderPoster({ ...job('md/youth/ro/a4'), cropMarks: false }, { fonts, measurer, previewLongSide: 1684 });
    const dir = mkdtempSync(join(tmpdir(), 'print-raster-'));
    writeFileSync(join(dir, 'p.pdf'), r.file);
    // 144 dpi: two pixels per point; crop the 3 mm bleed (8.504 pt = 17 px) to the trim, as the preview shows.
    execFileSync(pdftoppm as string, [
      '-r',
      '144',
      '-png',
      '-singlefile',
      '-x',
      '17',
      '-y',
      '17',
      '-W',
      '1191',
      '-H',
      '1684',
      join(dir, 'p.pdf'),
      join(dir, 'p'),
    ]);
    const pdf = PNG.sync.read(readFileSync(join(dir, 'p.png')));
    const svg = PNG.sync.read(r.preview);
    const w = Math.min(pdf.width, svg.width);
    const h = Math.min(pdf.height, svg.height);
    let far = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = (y * pdf.width + x) * 4;
        const b = (y * svg.width + x) * 4;
        // Colours differ slightly (poppler converts CMYK to RGB its own way); shapes must line up.
        const lum = (d: Buffer, i: number) => 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!;
        if (Math.abs(lum(pdf.data, a) - lum(svg.data, b)) > 90) far++;
      }
    }
    expect(far / (w * h)).toBeLessThan(0.005);
  });
});
