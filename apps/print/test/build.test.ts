import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent, localized, planSite, ReleaseRefused } from '@repo/content';
import { formatById, type Manifest, PrintErrors, sha256, type ZipManifest } from '@repo/print';
import type sharpFunction from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildSummary, buildPrint } from '../src/build.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
// sharp is @repo/print's dependency: resolve it from there, as the app does.
const sharp = createRequire(join(repoRoot, 'packages/print/package.json'))('sharp') as typeof sharpFunction;
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function contentCopy(): string {
  const dir = temp('print-app-content-');
  cpSync(join(repoRoot, 'content'), dir, { recursive: true });
  return dir;
}

// Slovenia only, three formats: 2 locales (sl, en) × 3 formats (a poster, a 1:10 billboard, a social
// image) of the one destination design.
const small = { countries: ['si'], formats: ['a4', 'billboard-18-1', 'social-link'], workers: 2 };
const designId = 'destination-demand';
/** The name a file downloads as: campaign, country, design, locale, format, and -1to10 for billboards. */
const nameOf = (locale: string, format: string) =>
  `victor-si-${designId}-${locale}-${format}${format.startsWith('billboard') ? '-1to10' : ''}.${format.startsWith('social') ? 'png' : 'pdf'}`;
const names = ['sl', 'en'].flatMap((locale) => small.formats.map((format) => nameOf(locale, format))).sort();

/** Unzips `zip` into a new folder and returns it. */
function unzipped(zip: string): string {
  const dir = temp('print-app-unzipped-');
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}
/** The entries of a ZIP, in its order. */
const zipEntries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
/** The text of a PDF line by line as printed (pdftotext -layout), whitespace collapsed. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('apps/print: the renderer', () => {
  let contentDir: string;
  let outDir: string;
  let first: BuildSummary;
  beforeAll(async () => {
    contentDir = contentCopy();
    outDir = temp('print-app-out-');
    first = await buildPrint({ contentDir, outDir, ...small });
  });

  it('renders each design × locale × format of the country into <cc>/<download name>, with previews in <cc>/previews/', () => {
    expect(first.rendered).toBe(6);
    for (const name of names) {
      expect(existsSync(join(outDir, 'si', name)), name).toBe(true);
      if (name.endsWith('.pdf')) expect(existsSync(join(outDir, 'si/previews', name.replace(/\.pdf$/, '.png'))), name).toBe(true);
    }
    expect(readdirSync(outDir).filter((f) => f.startsWith('.staging'))).toEqual([]);
  });

  it('names every file campaign-country-design-locale-format (billboards -1to10) in the manifest, its path and its ZIP entry', () => {
    const manifest: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f) => f.name).sort()).toEqual(names);
    for (const f of manifest.files) {
      expect(f.name).toBe(nameOf(f.locale, f.format));
      expect(f.file).toBe(`si/${f.name}`);
    }
    expect(names.filter((n) => n.includes('billboard'))).toEqual([
      'victor-si-destination-demand-en-billboard-18-1-1to10.pdf',
      'victor-si-destination-demand-sl-billboard-18-1-1to10.pdf',
    ]);
    const zip = join(outDir, 'si/victor-print-si.zip');
    expect(zipEntries(zip).filter((e) => /\.(pdf|png)$/.test(e) && e !== 'victor-si-spec-sheet.pdf')).toEqual(names);
  });

  it('writes a manifest with trim, bleed, scale, colours, pages, bytes, sha256, QR target and preview of every file', () => {
    const manifest: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    const file = (name: string) => manifest.files.find((f) => f.name === name) as Manifest['files'][number];
    const a4 = file(nameOf('sl', 'a4'));
    expect(a4).toMatchObject({
      country: 'si',
      design: designId,
      locale: 'sl',
      format: 'a4',
      trimMm: [210, 297],
      bleedMm: 3,
      scale: 1,
      pages: 1,
      printing: { condition: 'FOGRA39', pdfx: '1a' },
      preview: 'si/previews/victor-si-destination-demand-sl-a4.png',
      proof: true,
    });
    expect(a4.sha256).toBe(sha256(readFileSync(join(outDir, a4.file))));
    expect(a4.bytes).toBe(readFileSync(join(outDir, a4.file)).length);
    expect(a4.qrUrl).toBe('https://si.victor-campaign.example/placilo-lahko-pomeni-izkoriscanje-otroka/');
    expect(file(nameOf('sl', 'billboard-18-1'))).toMatchObject({ kind: 'billboard', trimMm: [3560, 2520], fileTrimMm: [356, 252], bleedMm: 30, scale: 10 });
    // The QR target only where the format carries a QR code (declared on the format).
    expect(file(nameOf('sl', 'billboard-18-1')).qrUrl).toBe(formatById('billboard-18-1').shows.qr ? a4.qrUrl : null);
    const card = file(nameOf('en', 'social-link'));
    expect(card).toMatchObject({ kind: 'social', pixels: [1200, 630], trimMm: null, mediaType: 'image/png', printing: null, qrUrl: null });
    expect(card.preview).toBe(card.file);
    expect(manifest.zips).toEqual([
      expect.objectContaining({
        country: 'si',
        file: 'si/victor-print-si.zip',
        files: 6,
        entries: 9,
        checksums: 'si/SHA256SUMS',
        specSheet: expect.objectContaining({ file: 'si/victor-si-spec-sheet.pdf' }),
      }),
    ]);
    // Why it is a proof, from the release rule: what, and the file and field to fix.
    expect(a4.unverified).toContainEqual(
      expect.objectContaining({ kind: 'helpline-unverified', file: 'content/countries/si.yaml', field: 'helplines.0.verifiedOn' }),
    );
    expect(a4.unverified).toContainEqual(expect.objectContaining({ kind: 'reserved-domain', field: 'siteUrl' }));
    expect(a4.unverified).toContainEqual(
      expect.objectContaining({ kind: 'poster-text-draft', file: 'content/posters/destination-demand.yaml', field: 'lines.sl.translation' }),
    );
    expect(file(nameOf('en', 'a4')).unverified.map((f) => f.kind)).not.toContain('poster-text-draft');
  });

  it('puts exactly the entries its manifest lists in the ZIP, under their download names, with no site paths or previews', () => {
    const zip = join(outDir, 'si/victor-print-si.zip');
    const dir = unzipped(zip);
    const inside: ZipManifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(zipEntries(zip)).toEqual(inside.entries);
    expect([...inside.files.map((f) => f.file), inside.specSheet, inside.checksums, 'manifest.json'].sort()).toEqual([...inside.entries].sort());
    expect(inside.specSheet).toBe('victor-si-spec-sheet.pdf');
    expect(readdirSync(dir).sort()).toEqual([...inside.entries].sort());
    const outer: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    for (const f of inside.files) {
      const site = outer.files.find((o) => o.name === f.file);
      expect(f).toMatchObject({ sha256: site?.sha256, bytes: site?.bytes, format: site?.format, qrUrl: site?.qrUrl });
      expect(sha256(readFileSync(join(dir, f.file)))).toBe(f.sha256);
      expect(f).not.toHaveProperty('preview');
      expect(f).not.toHaveProperty('unverified');
      expect(f).not.toHaveProperty('inputHash');
    }
    expect(JSON.stringify(inside)).not.toMatch(/previews\/|"si\//);
  });

  it('carries SHA256SUMS in the ZIP over every other entry, and one beside the files over the files, the spec sheet and the ZIP', () => {
    const dir = unzipped(join(outDir, 'si/victor-print-si.zip'));
    const inside: ZipManifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const lines = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const expected = inside.entries.filter((e) => e !== 'SHA256SUMS').map((e) => `${sha256(readFileSync(join(dir, e)))}  ${e}`);
    expect(lines).toEqual(expected);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')).toHaveLength(expected.length);

    const beside = readFileSync(join(outDir, 'si/SHA256SUMS'), 'utf8');
    const manifest: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    const zip = manifest.zips[0];
    const list = [
      ...manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      { name: 'victor-si-spec-sheet.pdf', sha256: zip?.specSheet.sha256 },
      { name: 'victor-print-si.zip', sha256: zip?.sha256 },
    ].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(beside).toBe(list.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
    expect(
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(outDir, 'si'), encoding: 'utf8' })
        .trim()
        .split('\n'),
    ).toHaveLength(8);
    expect(manifest.files.some((f) => f.file.endsWith('SHA256SUMS'))).toBe(false);
  });

  it('carries a spec sheet, in Slovenian and English, naming every file with its colours, PDF/X version, QR target, checksum and how to enlarge 1:10', () => {
    const dir = unzipped(join(outDir, 'si/victor-print-si.zip'));
    expect(readFileSync(join(dir, 'victor-si-spec-sheet.pdf'))).toEqual(readFileSync(join(outDir, 'si/victor-si-spec-sheet.pdf')));
    const text = pdfText(join(dir, 'victor-si-spec-sheet.pdf'));
    const manifest: Manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    for (const f of manifest.files) {
      expect(text).toContain(f.name);
      expect(text).toContain(f.sha256);
    }
    expect(text).toContain('CMYK FOGRA39, PDF/X-1a:2001');
    expect(text).toContain('https://si.victor-campaign.example/en/buying-can-mean-exploiting-a-child/');
    // The Slovenian files' QR codes open the Slovenian page at its own slug.
    expect(text).toContain('https://si.victor-campaign.example/placilo-lahko-pomeni-izkoriscanje-otroka/');
    expect(text).toContain('3560 × 2520 (356 × 252)');
    expect(text).toContain('1:10, 1000 %');
    // The enlargement, in each language, as content/ui words it (so a change of wording cannot fail this).
    const plan = planSite(loadContent(contentDir), 'si');
    expect(plan.locales.map((l) => l.tag)).toEqual(['sl', 'en']);
    for (const locale of plan.locales) {
      const percent = new Intl.NumberFormat(locale.tag, { style: 'percent', useGrouping: false }).format(10);
      const instruction = locale.t('specSheet.billboard', { percent, fileBleed: '3', bleed: '30' });
      expect(instruction).toContain(percent);
      expect(instruction).toContain('-1to10');
      expect(text).toContain(instruction.replace(/\s+/g, ' '));
      expect(text).toContain(locale.t('specSheet.title', { country: localized(plan.country.names, locale.tag) }));
    }
  });

  it('skips files whose inputs are unchanged, and renders only what a changed line touches', async () => {
    const zipBefore = readFileSync(join(outDir, 'si/victor-print-si.zip'));
    const again = await buildPrint({ contentDir, outDir, ...small });
    expect([again.rendered, again.skipped]).toEqual([0, 6]);
    expect(readFileSync(join(outDir, 'si/victor-print-si.zip'))).toEqual(zipBefore);
    const file = join(contentDir, 'posters/destination-demand.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Ne glejte stran.', 'Ne glejte proč.'));
    const changed = await buildPrint({ contentDir, outDir, ...small });
    // Only Slovenian files show the changed line: English ones keep their hashes and are skipped.
    const hash = (s: BuildSummary, locale: string) => s.manifest.files.filter((f) => f.locale === locale).map((f) => f.inputHash);
    expect(hash(changed, 'en')).toEqual(hash(again, 'en'));
    expect(hash(changed, 'sl')[0]).not.toBe(hash(again, 'sl')[0]);
    expect(changed.rendered).toBeGreaterThan(0);
    expect(changed.skipped).toBeGreaterThanOrEqual(3);
    expect(changed.rendered + changed.skipped).toBe(6);
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
    const refused = (await buildPrint({ contentDir, outDir: out, ...small, release: true }).catch((e: unknown) => e)) as ReleaseRefused;
    expect(refused).toBeInstanceOf(ReleaseRefused);
    expect(refused.facts).toContainEqual(
      expect.objectContaining({
        code: 'HelplineUnverified',
        file: 'content/countries/si.yaml',
        field: 'helplines.0.verifiedOn',
        appearsOn: expect.objectContaining({ printFiles: expect.arrayContaining(['si/destination-demand/sl/a4', 'si/destination-demand/sl/a3']) }),
      }),
    );
    expect(refused.facts).toContainEqual(
      expect.objectContaining({ code: 'PosterTextDraft', args: { design: 'destination-demand', locale: 'sl', language: 'Slovenian' } }),
    );
    expect(refused.message).toMatch(
      /- \[HelplineUnverified\] .*\n {4}fix: content\/countries\/si\.yaml field "helplines\.0\.verifiedOn": .*\n {4}appears on: /,
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
        `headline: ${'Oseba, ki ji plačate, je morda otrok. '.repeat(30).trim()}`,
      ),
    );
    const manifestBefore = readFileSync(join(outDir, 'manifest.json'));
    const error = (await buildPrint({ contentDir: broken, outDir, ...small }).catch((e: unknown) => e)) as PrintErrors;
    expect(error).toBeInstanceOf(PrintErrors);
    expect(error.errors).toContainEqual(
      expect.objectContaining({
        code: 'TextOverflow',
        box: 'headline',
        source: { file: 'content/posters/destination-demand.yaml', field: 'lines.sl.headline' },
        where: expect.objectContaining({ design: 'destination-demand', locale: 'sl', format: 'a4', country: 'si' }),
      }),
    );
    // One cause, one line: every format the headline overflows on is named in it.
    const overflowing = error.errors.filter((e) => 'box' in e && e.box === 'headline').map((e) => (e as unknown as { where: { format: string } }).where.format);
    expect(overflowing.length).toBeGreaterThan(1);
    const lines = error.message.split('\n').filter((line) => line.includes('[TextOverflow] content/posters/destination-demand.yaml field "lines.sl.headline"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`(design "destination-demand", locale sl: ${overflowing.join(', ')} (si))`);
    expect(error.message.split('\n')[0]).toMatch(/^\d+ problems? \(reported \d+ times\) in the print preflight; nothing was written:$/);
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
    const errors = (error as PrintErrors).errors;
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'PhotoTooSmall',
        args: expect.objectContaining({ file: 'content/assets/posters/small.jpg', width: 400, height: 200, format: 'a4', design: 'destination-demand' }),
        where: expect.objectContaining({ format: 'a4', country: 'si' }),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'TextOverflow', box: 'cta', where: expect.objectContaining({ format: 'a4', country: 'si' }) }),
    );
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
    expect(m.files.map((f) => f.file)).toEqual(['si/victor-si-destination-demand-en-social-link.png', 'si/victor-si-destination-demand-sl-social-link.png']);
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
