import { bleedMm, colours } from '@repo/design';
import { beforeAll, describe, expect, it } from 'vitest';
import { cropMark, type RenderedPoster, renderPoster } from '../src/index.ts';
import { box, fonts, info, job, measurer, mm, readPdf } from './helpers.ts';

const cmykOps = (text: string, op: 'k' | 'SCN') =>
  new Set([...text.matchAll(new RegExp(`(?:^|\\s)([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) ${op}(?=\\s)`, 'g'))].map((m) => m.slice(1, 5).map(Number).join(' ')));
const token = (c: readonly number[]) => c.map((v) => v / 100).join(' ');

describe('an A4 poster PDF, read back', () => {
  let r: RenderedPoster;
  let text: string;
  beforeAll(async () => {
    r = await renderPoster(job('md/youth/ro/a4'), { fonts, measurer });
    text = readPdf(r.file);
  });

  it('has a TrimBox of 210 × 297 mm, a BleedBox 3 mm beyond it, and a MediaBox with room for marks', () => {
    const trim = box(text, 'TrimBox');
    const bleed = box(text, 'BleedBox');
    const media = box(text, 'MediaBox');
    expect(trim[2]! - trim[0]!).toBeCloseTo(mm(210), 1);
    expect(trim[3]! - trim[1]!).toBeCloseTo(mm(297), 1);
    for (const i of [0, 1]) expect(trim[i]! - bleed[i]!).toBeCloseTo(mm(bleedMm), 2);
    for (const i of [2, 3]) expect(bleed[i]! - trim[i]!).toBeCloseTo(mm(bleedMm), 2);
    expect(media[0]).toBe(0);
    expect(bleed[0]).toBeGreaterThan(mm(cropMark.gapMm + cropMark.lengthMm));
  });

  it('draws the crop marks in registration colour (a Separation /All, tint 1), entirely outside the bleed', () => {
    expect(text).toMatch(/\[\/Separation \/All \/DeviceCMYK/);
    expect(text).toMatch(/\/CS0 CS\n1 SCN\n/);
    expect(cmykOps(text, 'SCN').size).toBe(0);
    const bleed = box(text, 'BleedBox');
    const media = box(text, 'MediaBox');
    // pdfkit writes marks in its flipped space: y from the top. Every endpoint lies outside the bleed on one axis.
    const lines = [...text.matchAll(/([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\nS/g)].map((m) => m.slice(1, 5).map(Number));
    expect(lines).toHaveLength(8);
    for (const [x0, y0, x1, y1] of lines as [number, number, number, number][]) {
      const outside = (x: number, y: number) => x < bleed[0]! || x > bleed[2]! || media[3]! - y < bleed[1]! || media[3]! - y > bleed[3]!;
      expect(outside(x0, y0) && outside(x1, y1)).toBe(true);
    }
  });

  it('fills only with the design tokens’ exact CMYK values, dark text and QR code in K100', () => {
    const fills = cmykOps(text, 'k');
    const allowed = new Set(Object.values(colours).map((c) => token(c.cmyk)));
    for (const f of fills) expect(allowed).toContain(f);
    expect(fills).toContain('0 0 0 1'); // ink: text on paper and the QR code
    expect(fills).toContain(token(colours.brand.cmyk));
    // No rich black anywhere: the only colour with K ≥ 90 % is pure K100.
    expect([...fills].filter((f) => Number(f.split(' ')[3]) >= 0.9)).toEqual(['0 0 0 1']);
  });

  it('has no RGB, no transparency, no fonts: text is outlined', () => {
    // Colour operators other than `k`: only tint 1 of the registration Separation (slug and marks).
    expect(text.replaceAll(/\/CS0 (cs|CS)\s1 (scn|SCN)\n/g, '')).not.toMatch(/\/DeviceRGB|\s(rg|RG|sc|scn)\n/);
    expect(text).not.toMatch(/\/ca |\/CA |\/SMask|\/Transparency|\/Group/);
    expect(text).not.toMatch(/\/Type \/Font|\sBT\s|\sTj\n/);
  });

  it('is stamped with the content’s release date and says what it is', () => {
    expect(info(text, 'CreationDate')).toBe('D:20261122000000Z');
    expect(info(text, 'ModDate')).toBe('D:20261122000000Z');
    expect(info(text, 'Subject')).toBe('A4 (210 × 297 mm), trim 210 × 297 mm, bleed 3 mm, scale 1:1, colours CMYK');
    expect(info(text, 'Title')).toContain('PROOF — NOT FOR PRINT');
  });
});

describe('other formats', () => {
  it('a billboard is laid out at 1:10 and says so in the file', async () => {
    const r = await renderPoster(job('gr/demand/el/billboard-18-1'), { fonts, measurer });
    const text = readPdf(r.file);
    const trim = box(text, 'TrimBox');
    expect(trim[2]! - trim[0]!).toBeCloseTo(mm(356), 1);
    expect(trim[3]! - trim[1]!).toBeCloseTo(mm(252), 1);
    expect(r.geometry.scale).toBe(10);
    expect(info(text, 'Subject')).toContain('scale 1:10: enlarge 1000 % to 3560 × 2520 mm');
  });

  it('without crop marks the MediaBox is the BleedBox, and there are no marks', async () => {
    const r = await renderPoster({ ...job('gr/demand/el/a3'), cropMarks: false }, { fonts, measurer });
    const text = readPdf(r.file);
    expect(box(text, 'MediaBox')).toEqual(box(text, 'BleedBox'));
    expect(text).not.toMatch(/ SCN\n|\/Separation/);
    expect(r.list.marks).toEqual([]);
  });

  it('a social card is a PNG of exactly its pixel size', async () => {
    const r = await renderPoster(job('gr/demand/el/social-link'), { fonts, measurer });
    expect(r.fileType).toBe('png');
    expect(r.file.readUInt32BE(16)).toBe(1200);
    expect(r.file.readUInt32BE(20)).toBe(630);
  });

  it('a PDF job without printing settings is refused (they travel on the job, planned from content)', async () => {
    const { printing: _, ...bare } = job('md/youth/ro/a4');
    await expect(renderPoster(bare, { fonts, measurer })).rejects.toThrow(/md\/youth\/ro\/a4: a PDF job without printing settings/);
  });
});
