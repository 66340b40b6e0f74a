// The "For printers" page of a fixture site, built by the real build script from a print manifest
// written here (no rendering): every file, TIFF and the spec sheet download under the name the
// manifest gives (campaign, country, design, language, format, -1to10 for billboards).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Manifest, ManifestFile } from '@repo/print/manifest';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const appDir = resolve(import.meta.dirname, '..');
const fixture = resolve(appDir, '../../packages/content/test/fixtures/valid');
const work = mkdtempSync(join(tmpdir(), 'site-printers-'));
const contentDir = join(work, 'content');
const printDir = join(work, 'print');
const out = join(work, 'sites');

// One poster design for gr (Greek and English), and the page that lists the print files.
const poster = `id: demand
name: { en: The person you pay may be a child }
audience: destination
template: stark
page: demand
formats: [a4, social-link]
lines:
  en:
    translation: source
    headline: The person you pay may be a child.
    body: Behind cheap sex there can be a trafficked child.
    cta: Call and report it.
  el:
    translation: draft
    headline: Το άτομο που πληρώνετε μπορεί να είναι παιδί.
    body: Πίσω από το φτηνό σεξ μπορεί να κρύβεται ένα παιδί.
    cta: Καλέστε και καταγγείλετέ το.
`;
const printersPage = `---
title: For printers
description: Print-ready posters of the campaign, with their specifications and checksums.
slug: for-printers
audience: all
order: 97
translation: source
---

Every poster below is a PDF.

<PrintFiles />
`;

/** A print file as apps/print lists it: at `gr/<name>`, saved as `<name>`. */
function file(locale: string, format: 'a4' | 'billboard-18-1' | 'social-link', n: number): ManifestFile {
  const scale = format === 'billboard-18-1' ? 10 : 1;
  const social = format === 'social-link';
  const name = `victor-gr-demand-${locale}-${format}${scale === 10 ? '-1to10' : ''}.${social ? 'png' : 'pdf'}`;
  const base = name.slice(0, name.lastIndexOf('.'));
  const trim: [number, number] = format === 'a4' ? [210, 297] : [3560, 2520];
  return {
    country: 'gr',
    design: 'demand',
    locale,
    format,
    formatLabel: format,
    kind: social ? 'social' : scale === 10 ? 'billboard' : 'poster',
    file: `gr/${name}`,
    name,
    mediaType: social ? 'image/png' : 'application/pdf',
    preview: social ? `gr/${name}` : `gr/previews/${base}.png`,
    trimMm: social ? null : trim,
    bleedMm: social ? 0 : 3 * scale,
    pixels: social ? [1200, 630] : null,
    scale,
    fileTrimMm: social ? null : [trim[0] / scale, trim[1] / scale],
    printing: social ? null : { condition: 'FOGRA39', pdfx: '1a' },
    spec: '',
    pages: 1,
    bytes: 100_000 + n,
    sha256: String(n).padStart(64, 'a'),
    proof: true,
    unverified: [],
    translation: locale === 'en' ? 'source' : 'draft',
    qrUrl: social ? null : `https://gr.test.example/${locale === 'en' ? 'en/buying-harms-children' : 'i-agora-vlaptei'}/`,
    inputHash: '',
    ...(scale === 10
      ? { tiff: { file: `gr/${base}.tif`, name: `${base}.tif`, dpi: 300, pixels: [4276, 3047], bytes: 3_000_000, sha256: 'f'.repeat(64) } }
      : {}),
  };
}
const files = ['el', 'en'].flatMap((locale, i) => [
  file(locale, 'a4', 3 * i),
  file(locale, 'billboard-18-1', 3 * i + 1),
  file(locale, 'social-link', 3 * i + 2),
]);

beforeAll(async () => {
  cpSync(fixture, contentDir, { recursive: true });
  mkdirSync(join(contentDir, 'posters'));
  writeFileSync(join(contentDir, 'posters/demand.yaml'), poster);
  writeFileSync(join(contentDir, 'pages/en/printers.mdx'), printersPage);
  // The files the manifest lists (the site copies them to /print/; the home page makes thumbnails of the previews).
  for (const f of files) {
    for (const rel of [f.file, f.preview, ...(f.tiff ? [f.tiff.file] : [])]) {
      mkdirSync(join(printDir, rel, '..'), { recursive: true });
      const png = rel.endsWith('.png');
      writeFileSync(
        join(printDir, rel),
        png
          ? await sharp({ create: { width: 40, height: 56, channels: 3, background: '#00507a' } })
              .png()
              .toBuffer()
          : 'x',
      );
    }
  }
  const manifest: Manifest = {
    version: 2,
    campaign: 'victor',
    date: '2026-11-22T00:00:00.000Z',
    files,
    zips: [
      {
        country: 'gr',
        file: 'gr/victor-print-gr.zip',
        files: 8,
        entries: 11,
        bytes: 1_000_000,
        sha256: 'b'.repeat(64),
        inputHash: '',
        checksums: 'gr/SHA256SUMS',
        specSheet: { file: 'gr/victor-gr-spec-sheet.pdf', bytes: 30_000, sha256: 'c'.repeat(64), inputHash: '' },
      },
    ],
    cards: [],
  };
  for (const rel of ['gr/victor-print-gr.zip', 'gr/SHA256SUMS', 'gr/victor-gr-spec-sheet.pdf']) writeFileSync(join(printDir, rel), 'x');
  writeFileSync(join(printDir, 'manifest.json'), JSON.stringify(manifest));
  await run(process.execPath, ['scripts/build-sites.ts', '--country', 'gr'], {
    cwd: appDir,
    env: { ...process.env, CONTENT_DIR: contentDir, SITES_OUT_DIR: out, PRINT_DIR: printDir, SITE_BUILD_ROOT: join(appDir, '.build-test-printers') },
  });
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(appDir, '.build-test-printers'), { recursive: true, force: true });
});

describe('the printers page', () => {
  for (const page of ['for-printers/index.html', 'en/for-printers/index.html']) {
    it(`links every file, TIFF and the spec sheet with a download name carrying campaign, country, design, locale and format (${page})`, () => {
      const $ = load(readFileSync(join(out, 'gr', page), 'utf8'));
      const downloads = $('a[download]')
        .toArray()
        .map((a) => `${$(a).attr('href')} ${$(a).attr('download') ?? ''}`.trim());
      for (const f of files) {
        expect(downloads).toContain(`/print/${f.name} ${f.name}`);
        if (f.tiff) expect(downloads).toContain(`/print/${f.tiff.name} ${f.tiff.name}`);
      }
      expect(downloads.filter((d) => d.includes('billboard'))).toEqual([
        '/print/victor-gr-demand-el-billboard-18-1-1to10.pdf victor-gr-demand-el-billboard-18-1-1to10.pdf',
        '/print/victor-gr-demand-el-billboard-18-1-1to10.tif victor-gr-demand-el-billboard-18-1-1to10.tif',
        '/print/victor-gr-demand-en-billboard-18-1-1to10.pdf victor-gr-demand-en-billboard-18-1-1to10.pdf',
        '/print/victor-gr-demand-en-billboard-18-1-1to10.tif victor-gr-demand-en-billboard-18-1-1to10.tif',
      ]);
      expect(downloads).toContain('/print/victor-print-gr.zip');
      expect(downloads).toContain('/print/victor-gr-spec-sheet.pdf');
      expect($('a[href="/print/SHA256SUMS"]').length).toBe(1);
      // No file is offered under a bare format name any more.
      expect(downloads.some((d) => / (a4|social-link|billboard-18-1)\.(pdf|png|tif)$/.test(d))).toBe(false);
    });
  }
});
