import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPoster, svgToPdfOps } from '../src/index.ts';
import { cmykFor } from '../src/render/colour.ts';
import { fonts, job, measurer } from './helpers.ts';

const wrap = (inner: string) => `<svg width="10" height="10" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;

describe('the direct SVG → PDF writer', () => {
  it('writes rects and paths as CMYK fills, quadratics as cubics, relative commands resolved', () => {
    const { content, symbols } = svgToPdfOps(
      wrap('<rect x="1" y="2" width="3" height="4" fill="#00507a"/><g><path fill="#1b1b1b" d="M0 0Q3 3 6 0l1 1h2v-2Z"/></g>'),
      cmykFor,
    );
    expect(symbols).toEqual([]);
    expect(content).toBe(
      ['1 0.45 0.1 0.4 k', '1 2 3 4 re', 'f', 'q', '/GSop gs', '0 0 0 1 k', '0 0 m', '2 2 4 2 6 0 c', '7 1 l', '9 1 l', '9 -1 l', 'h', 'f', 'Q'].join('\n'),
    );
  });

  it('keeps matrix transforms and refuses what would not be flat', () => {
    expect(svgToPdfOps(wrap('<path fill="#ffffff" transform="matrix(1,0,0,1,5,5)" d="M0 0L1 1Z"/>'), cmykFor).content).toContain('q 1 0 0 1 5 5 cm');
    expect(() => svgToPdfOps(wrap('<path fill="#123456" d="M0 0L1 1Z"/>'), cmykFor)).toThrow(/not a design token/);
    expect(() => svgToPdfOps(wrap('<image href="x.png" x="0" y="0" width="1" height="1" preserveAspectRatio="none"/>'), cmykFor)).toThrow(/JPEG data URI/);
    expect(() => svgToPdfOps(wrap('<circle r="1"/>'), cmykFor)).toThrow(/<circle> is not allowed/);
    expect(() => svgToPdfOps(wrap('<path fill="#1b1b1b" opacity="0.5" d="M0 0L1 1Z"/>'), cmykFor)).toThrow(/opacity/);
    expect(() => svgToPdfOps(wrap('<path fill="#1b1b1b" d="M0 0A1 1 0 0 1 2 2Z"/>'), cmykFor)).toThrow(/"A" is not supported/);
  });

  it('writes a <defs> path once as a symbol with its bounding box, and each <use> as a coloured, scaled placement', () => {
    const glyph = '<defs><path id="g800-0-36" d="M0 0L700 0Q750 400 350 714Z"/><path id="unused" d="M0 0L1 1Z"/></defs>';
    const uses =
      '<use href="#g800-0-36" transform="matrix(0.025 0 0 -0.025 10 20)" fill="#ffffff"/><use href="#g800-0-36" transform="matrix(0.02532 0 0 -0.02532 30.5 20)" fill="#1b1b1b"/>';
    const { content, symbols } = svgToPdfOps(wrap(glyph + uses), cmykFor);
    expect(symbols).toEqual([{ id: 'g800-0-36', ops: '0 0 m\n700 0 l\n733.33 266.67 616.67 504.67 350 714 c\nh\nf', bbox: [0, 0, 750, 714] }]);
    // Scale keeps six decimals (hundredths would turn 0.025 into 0.03 and -0.025 into -0.02: a stretched glyph).
    expect(content).toBe(
      ['0 0 0 0 k', 'q 0.025 0 0 -0.025 10 20 cm /g800-0-36 Do Q', '/GSop gs', '0 0 0 1 k', 'q 0.02532 0 0 -0.02532 30.5 20 cm /g800-0-36 Do Q'].join('\n'),
    );
    expect(() => svgToPdfOps(wrap('<use href="#nothing" fill="#ffffff"/>'), cmykFor)).toThrow(/names no path defined/);
    expect(() => svgToPdfOps(wrap('<defs><rect x="0" y="0" width="1" height="1"/></defs>'), cmykFor)).toThrow(/paths only/);
    expect(() => svgToPdfOps(wrap('<defs><path id="a b" d="M0 0L1 1Z"/></defs>'), cmykFor)).toThrow(/PDF name/);
  });

  it('overprints K100 fills only, restores the overprint state a group saved, and knocks out under photos', () => {
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64')}`;
    const { content, overprint } = svgToPdfOps(
      wrap(
        '<rect x="0" y="0" width="9" height="9" fill="#ffb81c"/><path fill="#1b1b1b" d="M0 0L1 1Z"/>' +
          '<g><rect x="0" y="0" width="1" height="1" fill="#ffffff"/></g><path fill="#1b1b1b" d="M0 0L2 2Z"/>' +
          `<image x="0" y="0" width="1" height="1" preserveAspectRatio="none" href="${jpeg}"/>`,
      ),
      cmykFor,
    );
    expect(overprint).toBe(true);
    expect(content.split('\n').filter((l) => / gs$| k$|^Q$|^q$|Do Q$/.test(l))).toEqual([
      '0 0.3 0.95 0 k',
      '/GSop gs',
      '0 0 0 1 k',
      'q',
      '/GSko gs',
      '0 0 0 0 k',
      'Q',
      // After Q the overprint is on again (as it was at q); the fill is set again.
      '0 0 0 1 k',
      '/GSko gs',
      'q 1 0 0 -1 0 1 cm /Im0 Do Q',
    ]);
    expect(svgToPdfOps(wrap('<rect x="0" y="0" width="1" height="1" fill="#00507a"/>'), cmykFor).overprint).toBe(false);
    expect(svgToPdfOps(wrap('<path fill="#1b1b1b" d="M0 0L1 1Z"/>'), cmykFor, { overprintBlack: false }).content).not.toContain(' gs');
  });

  it('writes every fill of the slug in the registration colour space, and only ink', () => {
    const { content } = svgToPdfOps(wrap('<path fill="#1b1b1b" d="M0 0L1 1Z"/><path fill="#1b1b1b" d="M0 0L2 2Z"/>'), cmykFor, { registration: 'CS0' });
    expect(content).toBe(['/CS0 cs 1 scn', '0 0 m', '1 1 l', 'h', 'f', '0 0 m', '2 2 l', 'h', 'f'].join('\n'));
    expect(() => svgToPdfOps(wrap('<path fill="#00507a" d="M0 0L1 1Z"/>'), cmykFor, { registration: 'CS0' })).toThrow(/only ink/);
  });

  const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find(existsSync);
  it.skipIf(!pdftoppm)('the PDF, rasterised by poppler, matches the preview rendered from the SVG', async () => {
    const r = await renderPoster({ ...job('ro/origin-youth/ro/a4'), cropMarks: false }, { fonts, measurer, previewLongSide: 1684 });
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
