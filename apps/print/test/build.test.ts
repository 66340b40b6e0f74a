import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent, planSite, ReleaseRefused } from '@repo/content';
import { PrintErrors, sha256 } from '@repo/print';
import type sharpFunction from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildSummary, buildPrint, type Manifest } from '../src/build.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
// sharp is @repo/print's dependency: resolve it from there, as the app does.
const sharp = createRequire(join(repoRoot, 'packages/print/package.json'))('sharp') as typeof sharpFunction;
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function contentCopy(): string {
  const dir = temp('print-app-content-');
  cpSync(join(repoRoot, 'content'), dir, { recursive: true });
  return dir;
}

// Slovenia only, two formats: 2 locales (sl, en) × 2 formats of the one destination design.
const small = { countries: ['si'], formats: ['a4', 'social-link'], workers: 2 };

describe('apps/print: the renderer', () => {
  let contentDir: string;
  let outDir: string;
  let first: BuildSummary;
  beforeAll(async () => {
    contentDir = contentCopy();
    outDir = temp('print-app-out-');
    first = await buildPrint({ contentDir, outDir, ...small });
  });

  it('renders each design × locale × format of the country into <cc>/<design>/<locale>/<format>, with previews', () => {
    expect(first.rendered).toBe(4);
    for (const locale of ['sl', 'en']) {
      expect(existsSync(join(outDir, `si/destination-demand/${locale}/a4.pdf`))).toBe(true);
      expect(existsSync(join(outDir, `si/destination-demand/${locale}/a4.png`))).toBe(true);
      expect(existsSync(join(outDir, `si/destination-demand/${locale}/social-link.png`))).toBe(true);
    }
    expect(readdirSync(outDir).filter((f) => f.startsWith('.staging'))).toEqual([]);
  });

  it('writes a manifest with trim, bleed, scale, pages, bytes, sha256 and preview of every file', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    const a4 = manifest.files.find((f: { file: string }) => f.file === 'si/destination-demand/sl/a4.pdf');
    expect(a4).toMatchObject({
      country: 'si',
      design: 'destination-demand',
      locale: 'sl',
      format: 'a4',
      trimMm: [210, 297],
      bleedMm: 3,
      scale: 1,
      pages: 1,
      preview: 'si/destination-demand/sl/a4.png',
      proof: true,
    });
    expect(a4.sha256).toBe(sha256(readFileSync(join(outDir, a4.file))));
    expect(a4.bytes).toBe(readFileSync(join(outDir, a4.file)).length);
    expect(a4.qrUrl).toBe('https://si.victor-campaign.example/buying-can-mean-exploiting-a-child/');
    const card = manifest.files.find((f: { file: string }) => f.file === 'si/destination-demand/en/social-link.png');
    expect(card).toMatchObject({ kind: 'social', pixels: [1200, 630], trimMm: null, mediaType: 'image/png' });
    expect(manifest.zips).toEqual([expect.objectContaining({ country: 'si', file: 'si/victor-print-si.zip', files: 4, checksums: 'si/SHA256SUMS' })]);
    // Why it is a proof, from the release rule: what, and the file and field to fix.
    expect(a4.unverified).toContainEqual(
      expect.objectContaining({ kind: 'helpline-unverified', file: 'content/countries/si.yaml', field: 'helplines.0.verifiedOn' }),
    );
    expect(a4.unverified).toContainEqual(expect.objectContaining({ kind: 'reserved-domain', field: 'siteUrl' }));
    expect(a4.unverified).toContainEqual(
      expect.objectContaining({ kind: 'poster-text-draft', file: 'content/posters/destination-demand.yaml', field: 'lines.sl.translation' }),
    );
    const english = manifest.files.find((f: { file: string }) => f.file === 'si/destination-demand/en/a4.pdf');
    expect(english.unverified.map((f: { kind: string }) => f.kind)).not.toContain('poster-text-draft');
  });

  it('writes SHA256SUMS beside the files: every print file and the ZIP, checked by sha256sum -c, and listed as no print file', () => {
    const sums = readFileSync(join(outDir, 'si/SHA256SUMS'), 'utf8');
    const manifest: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    const expected = [...manifest.files.map((f) => `${f.sha256}  ${f.file.slice(3)}`), `${manifest.zips[0]?.sha256}  victor-print-si.zip`].sort((a, b) =>
      a.slice(66) < b.slice(66) ? -1 : 1,
    );
    expect(sums).toBe(`${expected.join('\n')}\n`);
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(outDir, 'si'), encoding: 'utf8' })
        .trim()
        .split('\n'),
    ).toHaveLength(5);
    expect(manifest.files.some((f) => f.file.endsWith('SHA256SUMS'))).toBe(false);
    expect(readFileSync(join(outDir, 'si/victor-print-si.zip')).includes('SHA256SUMS')).toBe(false);
  });

  it('skips files whose inputs are unchanged, and renders only what a changed line touches', async () => {
    const again = await buildPrint({ contentDir, outDir, ...small });
    expect([again.rendered, again.skipped]).toEqual([0, 4]);
    const file = join(contentDir, 'posters/destination-demand.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Ne glejte stran.', 'Ne glejte proč.'));
    const changed = await buildPrint({ contentDir, outDir, ...small });
    expect([changed.rendered, changed.skipped]).toEqual([2, 2]);
  });

  it('writes the same ZIP bytes from a separate build of the same content', async () => {
    const other = temp('print-app-out-');
    const out = await buildPrint({ contentDir, outDir: other, ...small, workers: 1 });
    const zip = (dir: string) => sha256(readFileSync(join(dir, 'si/victor-print-si.zip')));
    expect(zip(other)).toBe(zip(outDir));
    expect(out.manifest.zips[0]?.sha256).toBe(zip(other));
  });

  it('a release render refuses, listing each unverified fact and where it appears, and writes nothing', async () => {
    const out = temp('print-app-out-');
    await expect(buildPrint({ contentDir, outDir: out, ...small, release: true })).rejects.toThrow(ReleaseRefused);
    await expect(buildPrint({ contentDir, outDir: out, ...small, release: true })).rejects.toThrow(
      /- helpline 116 000 \(operator not confirmed\) has no verifiedOn date\n {4}fix: content\/countries\/si\.yaml field "helplines\.0\.verifiedOn": .*\n {4}appears on: .*print files: si\/destination-demand\/sl\/\{a4,a3,/,
    );
    await expect(buildPrint({ contentDir, outDir: out, ...small, release: true })).rejects.toThrow(
      /- the Slovenian \(sl\) lines of poster design "destination-demand" are a draft translation/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('a line that cannot fit fails before anything is written, and the previous output stays', async () => {
    const broken = contentCopy();
    const file = join(broken, 'posters/destination-demand.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'headline: Oseba, ki ji plačate, je morda otrok, ki ne more reči ne.',
        `headline: ${'Oseba, ki ji plačate, je morda otrok. '.repeat(8).trim()}`,
      ),
    );
    const manifestBefore = readFileSync(join(outDir, 'manifest.json'));
    await expect(buildPrint({ contentDir: broken, outDir, ...small })).rejects.toThrow(PrintErrors);
    await expect(buildPrint({ contentDir: broken, outDir, ...small })).rejects.toThrow(
      /design "destination-demand", locale sl, format a4 \(si\): the headline does not fit/,
    );
    expect(readFileSync(join(outDir, 'manifest.json'))).toEqual(manifestBefore);
  });

  it('a photo too small for its printed size fails in the same run as a line that cannot fit, and nothing is written', async () => {
    const broken = contentCopy();
    mkdirSync(join(broken, 'assets/posters'), { recursive: true });
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#808080' } })
      .jpeg()
      .toFile(join(broken, 'assets/posters/small.jpg'));
    const file = join(broken, 'posters/destination-demand.yaml');
    const yaml = readFileSync(file, 'utf8').replace(
      'cta: Ste opazili kaj sumljivega? Pokličite in prijavite.',
      `cta: ${'Ste opazili kaj sumljivega? '.repeat(9).trim()}`,
    );
    writeFileSync(file, `${yaml}\nimage:\n  file: assets/posters/small.jpg\n  credit: "Photo: test, CC0"\n`);
    const manifestBefore = readFileSync(join(outDir, 'manifest.json'));
    const error = await buildPrint({ contentDir: broken, outDir, ...small }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintErrors);
    const message = (error as Error).message;
    expect(message).toMatch(
      /design "destination-demand", locale \w+, format a4 \(si\): the photo content\/assets\/posters\/small\.jpg is 400 × 200 px: \d+ dpi/,
    );
    expect(message).toMatch(/format a4 \(si\): the call to action does not fit/);
    expect(readFileSync(join(outDir, 'manifest.json'))).toEqual(manifestBefore);
  });
});

// Page cards: Slovenia's social-link files (2) and one card per planned page of its site.
const withCards = { countries: ['si'], formats: ['social-link'], cards: true, workers: 2 };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('apps/print: page cards (Open Graph images)', () => {
  let contentDir: string;
  let outDir: string;
  let first: BuildSummary;
  let pages: { id: string; locale: string; path: string }[];
  const manifest = (): Manifest => JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  beforeAll(async () => {
    contentDir = contentCopy();
    outDir = temp('print-app-cards-');
    pages = planSite(loadContent(contentDir), 'si').pages;
    first = await buildPrint({ contentDir, outDir, ...withCards });
  });

  it('renders one 1200 × 630 PNG per planned page into <cc>/cards/<locale>/<page>.png, counted in the run', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(first.cards).toMatchObject({ total: pages.length, rendered: pages.length });
    expect([first.total, first.rendered]).toEqual([2 + pages.length, 2 + pages.length]);
    for (const p of pages) {
      const file = join(outDir, `si/cards/${p.locale}/${p.id}.png`);
      expect(pngSize(readFileSync(file))).toEqual([1200, 630]);
    }
    expect(readdirSync(join(outDir, 'si/cards')).sort()).toEqual(['en', 'sl']);
  });

  it('lists the cards under "cards" of the manifest (checksums of the files), not under "files", and not in the ZIP', () => {
    const m = manifest();
    expect(m.cards).toHaveLength(pages.length);
    for (const p of pages) {
      const entry = m.cards.find((c) => c.locale === p.locale && c.page === p.id);
      expect(entry).toMatchObject({ country: 'si', path: p.path, file: `si/cards/${p.locale}/${p.id}.png` });
      const data = readFileSync(join(outDir, entry?.file as string));
      expect(entry?.sha256).toBe(sha256(data));
      expect(entry?.bytes).toBe(data.length);
    }
    expect(m.cards.find((c) => c.page === 'home' && c.locale === 'sl')?.path).toBe('/');
    expect(m.files.map((f) => f.file)).toEqual(['si/destination-demand/en/social-link.png', 'si/destination-demand/sl/social-link.png']);
    expect(m.files.some((f) => f.file.includes('/cards/'))).toBe(false);
    const zip = readFileSync(join(outDir, 'si/victor-print-si.zip'));
    expect(m.zips[0]?.files).toBe(2);
    expect(zip.includes('cards/')).toBe(false);
  });

  it('skips unchanged cards, re-renders only the card whose title changed, and removes stale cards', async () => {
    const again = await buildPrint({ contentDir, outDir, ...withCards });
    expect([again.rendered, again.skipped, again.cards.rendered]).toEqual([0, 2 + pages.length, 0]);
    const page = join(contentDir, 'pages/sl/home.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^title: .*$/m, 'title: "Trgovina z otroki je odgovornost nas vseh"'));
    mkdirSync(join(outDir, 'si/cards/de'), { recursive: true });
    writeFileSync(join(outDir, 'si/cards/de/gone.png'), 'stale');
    const changed = await buildPrint({ contentDir, outDir, ...withCards });
    expect([changed.rendered, changed.cards.rendered, changed.removed]).toEqual([1, 1, 1]);
    expect(existsSync(join(outDir, 'si/cards/de/gone.png'))).toBe(false);
    const home = manifest().cards.find((c) => c.file === 'si/cards/sl/home.png');
    expect(home?.sha256).toBe(sha256(readFileSync(join(outDir, 'si/cards/sl/home.png'))));
  });

  it('a run of a subset of posters keeps the cards as they are', async () => {
    const before = manifest().cards;
    const subset = await buildPrint({ contentDir, outDir, countries: ['si'], formats: ['social-link'], workers: 2 });
    expect(subset.cards.total).toBe(0);
    expect(manifest().cards).toEqual(before);
    for (const c of before) expect(existsSync(join(outDir, c.file))).toBe(true);
  });
});
