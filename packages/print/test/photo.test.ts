import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, loadContent } from '@repo/content';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssetError, formatById, planJobs, preflight, renderPoster } from '../src/index.ts';
import { copyFixture, fonts, measurer, readPdf } from './helpers.ts';

/** A copy of the fixture whose photo-less design (youth) gets a photo of `width` × `height` px: red left half, blue right half. */
async function contentWithPhoto(width: number, height: number): Promise<string> {
  const dir = copyFixture();
  mkdirSync(join(dir, 'assets/posters'), { recursive: true });
  const half = await sharp({ create: { width: Math.floor(width / 2), height, channels: 3, background: '#0030c0' } })
    .png()
    .toBuffer();
  await sharp({ create: { width, height, channels: 3, background: '#d01010' } })
    .composite([{ input: half, left: width - Math.floor(width / 2), top: 0 }])
    .jpeg({ quality: 95 })
    .toFile(join(dir, 'assets/posters/test.jpg'));
  appendFileSync(join(dir, 'posters/youth.yaml'), '\nimage:\n  file: assets/posters/test.jpg\n  credit: "Photo: test fixture, CC0"\n');
  return dir;
}

describe('a photo on a design', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await contentWithPhoto(2400, 1000);
  });

  it('is read with its pixel size and checksum, and goes on posters only (not billboards or social images)', () => {
    const jobs = planJobs(loadContent(dir), { countries: ['md'] });
    const a4 = jobs.find((j) => j.key === 'md/youth/ro/a4');
    expect(a4?.photo).toMatchObject({ file: 'assets/posters/test.jpg', width: 2400, height: 1000, credit: 'Photo: test fixture, CC0' });
    expect(a4?.photo?.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const j of jobs) expect(j.photo !== undefined, j.key).toBe(formatById(j.format).shows.photo);
    expect(new Set(jobs.filter((j) => j.photo).map((j) => j.format))).toEqual(new Set(['a4', 'a3', 'a1']));
  });

  it('is printed as a CMYK JPEG across the top, through the bleed, with its credit; the PDF stays free of RGB', async () => {
    const job = planJobs(loadContent(dir), { countries: ['md'] }).find((j) => j.key === 'md/youth/ro/a4');
    if (!job) throw new Error('no job');
    const r = await renderPoster({ ...job, cropMarks: false }, { fonts, measurer, compressPdf: false });
    const text = readPdf(r.file);
    expect(text).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/\/ColorSpace \/DeviceCMYK/);
    expect(text).toMatch(/\/Filter \/DCTDecode/);
    expect(text).not.toMatch(/\/DeviceRGB/);
    expect(r.sizes.credit).toBeGreaterThan(0);

    // Poppler's raster of the PDF: red on the left of the photo band, blue on the right (a wrongly
    // inverted CMYK JPEG would come out cyan and yellow), the message panel below it.
    const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find(existsSync);
    if (!pdftoppm) return;
    const out = mkdtempSync(join(tmpdir(), 'photo-raster-'));
    writeFileSync(join(out, 'p.pdf'), r.file);
    execFileSync(pdftoppm, ['-r', '36', '-png', '-singlefile', join(out, 'p.pdf'), join(out, 'p')]);
    const png = PNG.sync.read(readFileSync(join(out, 'p.png')));
    const at = (fx: number, fy: number) => {
      const i = (Math.floor(fy * png.height) * png.width + Math.floor(fx * png.width)) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]] as [number, number, number];
    };
    const [lr, lg, lb] = at(0.2, 0.12);
    expect(lr, 'left of the photo is red').toBeGreaterThan(150);
    expect(Math.max(lg, lb)).toBeLessThan(110);
    const [rr, , rb] = at(0.8, 0.12);
    expect(rb, 'right of the photo is blue').toBeGreaterThan(120);
    expect(rr).toBeLessThan(90);
    // The preview (resvg, from the SVG) shows the same photo.
    const preview = PNG.sync.read(r.preview);
    const p = (Math.floor(0.12 * preview.height) * preview.width + Math.floor(0.2 * preview.width)) * 4;
    expect(preview.data[p]).toBeGreaterThan(150);
  });

  it('too few pixels for a format fails the preflight, naming the design, format, file, its dpi and the pixels needed', async () => {
    const small = await contentWithPhoto(600, 250);
    const jobs = planJobs(loadContent(small), { countries: ['md'] });
    const errors = preflight(jobs, fonts, measurer);
    const assets = errors.filter((e): e is AssetError => e instanceof AssetError);
    // One error per format, not per language: md has two languages.
    const formats = assets.map((e) => e.where.format);
    expect(new Set(formats).size).toBe(formats.length);
    expect(formats).toEqual(expect.arrayContaining(['a4', 'a3', 'a1']));
    const a4 = assets.find((e) => e.where.format === 'a4');
    expect(a4).toMatchObject({
      code: 'PhotoTooSmall',
      source: { file: 'content/posters/youth.yaml', field: 'image.file' },
      where: { design: 'youth', format: 'a4', country: 'md' },
      args: { file: 'content/assets/posters/test.jpg', width: 600, height: 250, widthMm: 216, minDpi: 150, needWidth: 1276, format: 'a4', design: 'youth' },
    });
  });

  it('a photo whose stored rotation the loader cannot read (an EXIF-rotated PNG) fails the render, naming the file and the fix', async () => {
    const dir = copyFixture();
    mkdirSync(join(dir, 'assets/posters'), { recursive: true });
    await sharp({ create: { width: 3000, height: 1200, channels: 3, background: '#808080' } })
      .png()
      .withMetadata({ orientation: 6 })
      .toFile(join(dir, 'assets/posters/turned.png'));
    appendFileSync(join(dir, 'posters/youth.yaml'), '\nimage:\n  file: assets/posters/turned.png\n  credit: "Photo: test, CC0"\n');
    const job = planJobs(loadContent(dir), { countries: ['md'] }).find((j) => j.key === 'md/youth/ro/a4');
    if (!job) throw new Error('no job');
    const upright = (await sharp(join(dir, 'assets/posters/turned.png')).metadata()).autoOrient;
    // image-size reads a PNG's size as stored (3000 × 1200); libvips turns it upright (1200 × 3000).
    expect([job.photo?.width, upright.width]).toEqual([3000, 1200]);
    await expect(renderPoster(job, { fonts, measurer })).rejects.toThrow(
      /content\/assets\/posters\/turned\.png: its stored rotation .* Fix: save the photo upright/,
    );
  });

  it('a missing or unreadable photo is a content error naming the design file and the field', () => {
    const missing = copyFixture();
    appendFileSync(join(missing, 'posters/youth.yaml'), '\nimage:\n  file: assets/posters/nowhere.jpg\n  credit: "Photo: nobody"\n');
    const broken = copyFixture();
    mkdirSync(join(broken, 'assets/posters'), { recursive: true });
    writeFileSync(join(broken, 'assets/posters/broken.jpg'), 'not a picture');
    appendFileSync(join(broken, 'posters/youth.yaml'), '\nimage:\n  file: assets/posters/broken.jpg\n  credit: "Photo: nobody"\n');
    const uncredited = copyFixture();
    appendFileSync(join(uncredited, 'posters/youth.yaml'), '\nimage:\n  file: assets/posters/photo.tiff\n  credit: ""\n');
    const issues = (d: string) => {
      try {
        loadContent(d);
      } catch (error) {
        if (error instanceof ContentError) return error.issues.map((i) => `${i.file} ${i.field}: ${i.code}`);
        throw error;
      }
      return [];
    };
    expect(issues(missing)).toContain('posters/youth.yaml image.file: PhotoMissing');
    expect(issues(broken)).toContain('posters/youth.yaml image.file: PhotoUnreadable');
    // A TIFF and an empty credit: both reported in one run.
    expect(issues(uncredited)).toEqual(
      expect.arrayContaining(['posters/youth.yaml image.file: FieldInvalid', 'posters/youth.yaml image.credit: FieldInvalid']),
    );
  });
});
