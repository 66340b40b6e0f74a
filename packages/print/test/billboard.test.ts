// Billboards made for the road (src/templates/billboard.ts) on fixture content: the content fixture
// of @repo/content (packages/content/test/fixtures/valid) copied, with the two designs of
// test/fixtures/billboard/posters added. Nothing here reads the campaign's own content.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Content, loadContent, wordsOf } from '@repo/content';
import { type PrintFormat, printFormats, qrFitsAt } from '@repo/design';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  CopyfitError,
  displayList,
  formatById,
  type GlyphRun,
  geometry,
  layoutJob,
  loadFonts,
  type PrintJob,
  planJobs,
  preflight,
  qrMatrix,
  renderPoster,
  TextMeasurer,
} from '../src/index.ts';
import { billboardMaxWords, capHeightMmPerMetre, planBillboard } from '../src/templates/billboard.ts';
import { LayoutContext } from '../src/templates/blocks.ts';
import type { El } from '../src/templates/h.ts';

const fonts = loadFonts();
const measurer = new TextMeasurer(fonts);
const contentFixture = resolve(import.meta.dirname, '../../content/test/fixtures/valid');
const billboardFixture = resolve(import.meta.dirname, 'fixtures/billboard');

/** The content fixture with the billboard test designs, after `change`. */
function fixtureContent(change: (dir: string) => void = () => {}): Content {
  const dir = mkdtempSync(join(tmpdir(), 'billboard-'));
  cpSync(contentFixture, dir, { recursive: true });
  cpSync(join(billboardFixture, 'posters'), join(dir, 'posters'), { recursive: true });
  change(dir);
  return loadContent(dir);
}

const billboardIds = Object.values(printFormats as Record<string, PrintFormat>)
  .filter((f) => f.kind === 'billboard')
  .map((f) => f.id);
const jobs = planJobs(fixtureContent()).filter((j) => formatById(j.format).kind === 'billboard');
const jobOf = (key: string) => {
  const j = jobs.find((x) => x.key === key);
  if (!j) throw new Error(`no job ${key}`);
  return j;
};

function contextOf(job: PrintJob, format: PrintFormat = formatById(job.format)) {
  return new LayoutContext(job, geometry(format, { cropMarks: job.cropMarks }), measurer, format.shows.qr ? qrMatrix(job.url) : undefined);
}

/** Every key in an element tree. */
function keysOf(el: El | string): string[] {
  if (typeof el === 'string') return [];
  const kids = el.props.children;
  return [...(el.key ? [el.key] : []), ...(Array.isArray(kids) ? kids : kids ? [kids] : []).flatMap(keysOf)];
}

/** A glyph run's ink from the glyphs' bounding boxes in the font, in the display list's coordinates. */
function runInk(run: GlyphRun) {
  let box = { left: Number.POSITIVE_INFINITY, top: Number.POSITIVE_INFINITY, right: Number.NEGATIVE_INFINITY, bottom: Number.NEGATIVE_INFINITY };
  for (const g of run.glyphs) {
    const b = g.glyph.bbox;
    if (!(b.maxY > b.minY)) continue;
    const s = run.size * g.unit;
    box = {
      left: Math.min(box.left, run.x + g.x * run.size + b.minX * s),
      right: Math.max(box.right, run.x + g.x * run.size + b.maxX * s),
      top: Math.min(box.top, run.baseline - g.y * run.size - b.maxY * s),
      bottom: Math.max(box.bottom, run.baseline - g.y * run.size - b.minY * s),
    };
  }
  return box;
}

describe('billboard formats', () => {
  it('are read from the road: type sized by the viewing distance, no QR code where it could not be scanned', () => {
    expect(billboardIds).toEqual(['billboard-504x238', 'billboard-400x300', 'billboard-18-1']);
    for (const id of billboardIds) {
      const f = formatById(id);
      // A code read from 30 m would be 3 m wide: more than a third of any board's short side.
      expect(f.viewingDistanceM).toBeGreaterThanOrEqual(25);
      expect(qrFitsAt(f)).toBe(false);
      expect(f.shows.qr).toBe(false);
    }
    // Every paper poster keeps its code.
    for (const f of Object.values(printFormats as Record<string, PrintFormat>).filter((x) => x.kind === 'poster')) expect(f.shows.qr).toBe(true);
  });
});

describe('billboard layout', () => {
  it('renders every billboard format of both fixture designs in every language', () => {
    expect(jobs.map((j) => j.key).sort()).toEqual(
      ['md/road-origin/ro', 'md/road-origin/en', 'gr/road-destination/el', 'gr/road-destination/en']
        .flatMap((p) => billboardIds.map((f) => `${p}/${f}`))
        .sort(),
    );
    for (const job of jobs) expect(() => layoutJob(job, measurer), job.key).not.toThrow();
  });

  it('carries at most 30 words: the billboard lines, one number, the address, the mark and the short funding line, nothing else', async () => {
    for (const job of jobs) {
      const { list } = await displayList(job, measurer);
      const runs = list.items.filter((i): i is GlyphRun => i.type === 'glyphs' && i.box !== 'proof');
      const drawn = runs.flatMap((r) => wordsOf(r.text));
      expect(drawn.length, job.key).toBeLessThanOrEqual(billboardMaxWords);
      const expected = [
        job.brand,
        job.lines.billboard?.headline ?? '',
        job.lines.billboard?.cta ?? '',
        job.helplines[0]?.number ?? '',
        job.host,
        job.fundingShort,
      ];
      expect([...drawn].sort(), job.key).toEqual(expected.flatMap(wordsOf).sort());
      // Not the poster's lines, not the long funding statement, no helpline notes or labels.
      expect(new Set(runs.map((r) => r.box)), job.key).toEqual(
        new Set(['mark', 'billboard-headline', 'billboard-cta', 'helpline-number', 'url', 'funding-short']),
      );
    }
  });

  it('shows one helpline number: the first of the country’s poster helplines', async () => {
    const job = jobOf('gr/road-destination/el/billboard-504x238');
    expect(job.helplines.map((h) => h.number)).toEqual(['116 000', '112']);
    const { list } = await displayList(job, measurer);
    const numbers = list.items.filter((i): i is GlyphRun => i.type === 'glyphs' && i.box === 'helpline-number');
    expect(numbers.map((r) => r.text)).toEqual(['116 000']);
  });

  it('sets every text at least as large as the legibility rule asks at the viewing distance (2.8 mm cap height per metre)', () => {
    for (const job of jobs) {
      const ctx = contextOf(job);
      const plan = planBillboard(ctx);
      const k = ctx.g.unitsPerRealMm as number;
      for (const t of plan.texts) {
        const capMm = (t.fit.size * measurer.capHeight(t.weight)) / k;
        expect(capMm, `${job.key} ${t.box}`).toBeGreaterThanOrEqual(capHeightMmPerMetre * ctx.g.format.viewingDistanceM - 0.01);
      }
    }
  });

  it('keeps all ink inside the safe margin, measured from the glyphs drawn: the Î above the capitals, descenders below the baseline', async () => {
    for (const job of jobs) {
      const { list, geometry: g } = await displayList(job, measurer);
      const safe = { left: g.bleed + g.safe, top: g.bleed + g.safe, right: g.bleed + g.trimW - g.safe, bottom: g.bleed + g.trimH - g.safe };
      const runs = list.items.filter((i): i is GlyphRun => i.type === 'glyphs' && i.box !== 'proof');
      for (const run of runs) {
        const ink = runInk(run);
        expect(ink.left, `${job.key} "${run.text}"`).toBeGreaterThanOrEqual(safe.left - 0.01);
        expect(ink.right, `${job.key} "${run.text}"`).toBeLessThanOrEqual(safe.right + 0.01);
        expect(ink.top, `${job.key} "${run.text}"`).toBeGreaterThanOrEqual(safe.top - 0.01);
        expect(ink.bottom, `${job.key} "${run.text}"`).toBeLessThanOrEqual(safe.bottom + 0.01);
      }
      // The footer's ink, descenders included, ends on the safe margin itself: placed by ink, not by line boxes.
      expect(Math.max(...runs.map((r) => runInk(r).bottom)), job.key).toBeCloseTo(safe.bottom, 1);
    }
    // The Romanian headline starts with Î, whose circumflex rises above the capitals; its ink is counted.
    const job = jobOf('md/road-origin/ro/billboard-504x238');
    const { list } = await displayList(job, measurer);
    const first = list.items.find((i): i is GlyphRun => i.type === 'glyphs' && i.box === 'billboard-headline');
    if (!first) throw new Error('no headline');
    expect(first.text.startsWith('Îți')).toBe(true);
    const font = (fonts.faces.get(800) as Font[]).find((f) => f.hasGlyphForCodePoint(0x00ce)) as Font;
    const circumflexTop = first.baseline - (first.glyphs[0]?.glyph.bbox.maxY ?? 0) * (first.glyphs[0]?.unit ?? 0) * first.size;
    const capTop = first.baseline - (font.capHeight / font.unitsPerEm) * first.size;
    expect(circumflexTop).toBeLessThan(capTop - 0.1 * first.size);
    expect(runInk(first).top).toBeCloseTo(circumflexTop, 6);
    // Descenders (j, p, ț) reach below the baseline, and the test measures them.
    const descending = list.items.filter((i): i is GlyphRun => i.type === 'glyphs' && /[jpgyț]/.test(i.text));
    expect(descending.length).toBeGreaterThan(0);
    for (const run of descending) expect(runInk(run).bottom).toBeGreaterThan(run.baseline + 0.15 * run.size);
  });

  it('balances the headline and never breaks a word at its hyphen nor the address or number', () => {
    for (const job of jobs) {
      const plan = planBillboard(contextOf(job));
      const headline = plan.texts.find((t) => t.box === 'billboard-headline');
      const lines = headline?.fit.lines ?? [];
      if (lines.length > 1) expect(wordsOf(lines.at(-1) as string).length, `${job.key}: ${lines.join(' / ')}`).toBeGreaterThan(1);
      expect(plan.texts.find((t) => t.box === 'url')?.fit.lines).toEqual([job.host]);
      expect(plan.texts.find((t) => t.box === 'helpline-number')?.fit.lines).toEqual([job.helplines[0]?.number]);
    }
  });

  it('draws a QR code only where the format’s distance allows one', async () => {
    for (const job of jobs) {
      expect(keysOf(layoutJob(job, measurer).el), job.key).not.toContain('qr');
      const { list } = await displayList(job, measurer);
      expect(
        list.items.some((i) => i.type === 'qr'),
        job.key,
      ).toBe(false);
    }
    // The same board read from 5 m (a station platform, say) may carry a code: 0.5 m, in its footer, inside the safe area.
    const job = jobOf('md/road-origin/ro/billboard-18-1');
    const near = { ...formatById(job.format), viewingDistanceM: 5 };
    near.shows = { ...near.shows, qr: qrFitsAt(near) };
    expect(near.shows.qr).toBe(true);
    const plan = planBillboard(contextOf(job, near));
    if (!plan.qr) throw new Error('no QR code on the near board');
    expect(plan.qr.x + plan.qr.size).toBeLessThanOrEqual(plan.safe.right + 0.01);
    expect(plan.qr.y + plan.qr.size).toBeLessThanOrEqual(plan.safe.bottom + 0.01);
    for (const t of plan.texts) expect(t.ink.right < plan.qr.x || t.ink.bottom < plan.qr.y, t.box).toBe(true);
  });

  it('renders a PDF and a preview of each format', async () => {
    for (const format of billboardIds) {
      const r = await renderPoster(jobOf(`md/road-origin/ro/${format}`), { fonts, measurer });
      expect(r.fileType).toBe('pdf');
      expect(r.file.subarray(0, 5).toString()).toBe('%PDF-');
      expect(r.preview.subarray(1, 4).toString()).toBe('PNG');
    }
  });
});

describe('billboards that cannot be made', () => {
  it('an address that cannot fit unbroken, and a board over 30 words: each named with design, locale, format and fix, all in one preflight', () => {
    const long = 'a-very-long-address-that-no-billboard-can-hold-on-one-line-at-a-readable-size.test.example';
    const broken = jobs.map((j) =>
      j.key === 'md/road-origin/ro/billboard-504x238'
        ? { ...j, host: long }
        : j.key === 'gr/road-destination/el/billboard-18-1'
          ? {
              ...j,
              fundingShort:
                'Ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννέα δέκα έντεκα δώδεκα δεκατρία δεκατέσσερα δεκαπέντε δεκαέξι δεκαεπτά δεκαοκτώ δεκαεννέα είκοσι',
            }
          : j,
    );
    const errors = preflight(broken, fonts, measurer);
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toBeInstanceOf(CopyfitError);
    const [address, words] = ['url', 'funding-short'].map((box) => errors.find((e) => (e as CopyfitError).box === box) as CopyfitError);
    expect(address).toMatchObject({
      code: 'TextOverflow',
      where: { design: 'road-origin', locale: 'ro', format: 'billboard-504x238', country: 'md' },
      source: { file: 'content/countries/md.yaml', field: 'siteUrl' },
      args: { reason: expect.stringContaining(`"${long}" must stay on one line (a web address or phone number is never broken)`) },
    });
    expect(words).toMatchObject({
      code: 'TextOverflow',
      where: { design: 'road-destination', locale: 'el', format: 'billboard-18-1', country: 'gr' },
      source: { file: 'content/campaign.yaml', field: 'fundingShort.el' },
      args: { reason: expect.stringMatching(/the board would carry 3\d words, at most 30/) },
    });
  });
});
