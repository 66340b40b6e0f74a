// The spec sheet of a country's ZIP (src/spec-sheet.ts), made from a few files described here and the
// interface words in content/ui: read back with poppler's pdftotext. Every check of wording compares
// with the words content gives, so a change of wording by the campaign team cannot fail it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { renderSpecSheet, type SpecSheetInput, specSheetInput, specSheetProblems, type ZipManifestFile } from '../src/index.ts';

const content = loadContent(resolve(import.meta.dirname, '../../../content'));
const date = `${content.campaign.releaseDate}T00:00:00.000Z`;

/** A file as a ZIP's manifest lists it: a poster, a 1:10 billboard or a social image. */
function file(country: string, locale: string, format: 'a4' | 'billboard-18-1' | 'social-link', n: number): ZipManifestFile {
  const scale = format === 'billboard-18-1' ? 10 : 1;
  const social = format === 'social-link';
  const trim: [number, number] = format === 'a4' ? [210, 297] : [3560, 2520];
  return {
    file: `victor-${country}-origin-youth-${locale}-${format}${scale === 10 ? '-1to10' : ''}.${social ? 'png' : 'pdf'}`,
    country,
    design: 'origin-youth',
    locale,
    format,
    formatLabel: format,
    kind: social ? 'social' : scale === 10 ? 'billboard' : 'poster',
    mediaType: social ? 'image/png' : 'application/pdf',
    trimMm: social ? null : trim,
    bleedMm: social ? 0 : 3 * scale,
    pixels: social ? [1200, 630] : null,
    scale,
    fileTrimMm: social ? null : [trim[0] / scale, trim[1] / scale],
    printing: social ? null : { condition: 'FOGRA39', pdfx: '1a' },
    spec: '',
    pages: 1,
    bytes: 1000 + n,
    sha256: n.toString(16).padStart(64, 'c'),
    proof: false,
    translation: 'draft',
    qrUrl: social ? null : `https://${country}.victor-campaign.example/${locale}/check-the-offer/`,
  };
}

const pdfText = (pdf: Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'spec-sheet-')), 'sheet.pdf');
  writeFileSync(path, pdf);
  // -layout keeps each printed line together (a row's cells, a paragraph's lines in order).
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};
const words = (text: string) => text.replace(/\s+/g, ' ');

// Moldova: Romanian (ș, ț) and Russian (Cyrillic) besides English.
const md = ['ro', 'ru', 'en'].flatMap((locale, i) => [
  file('md', locale, 'a4', 3 * i),
  file('md', locale, 'billboard-18-1', 3 * i + 1),
  file('md', locale, 'social-link', 3 * i + 2),
]);
const mdInput = specSheetInput(content, 'md', md, { name: 'victor-md-spec-sheet.pdf', date });

describe('spec sheet', () => {
  it('is written in the country’s languages, English last, with the words content gives', async () => {
    expect(mdInput.languages.map((l) => l.tag)).toEqual(['ro', 'ru', 'en']);
    const text = pdfText(await renderSpecSheet(mdInput));
    for (const l of mdInput.languages) {
      for (const paragraph of [l.title, ...l.paragraphs]) expect(text, l.tag).toContain(words(paragraph));
      // Table headings may wrap inside their column: each of their words is there.
      for (const heading of Object.values(l.headings)) for (const word of heading.split(' ')) expect(text).toContain(word);
    }
    expect(text).toMatch(/[șțȘȚ]/);
    expect(text).toMatch(/[а-яА-Я]/);
  });

  it('says how to enlarge a 1:10 billboard, in each language: exactly 1000 %, the bleed enlarged from 3 to 30 mm', () => {
    for (const tag of ['ru', 'en']) {
      const l = mdInput.languages.find((x) => x.tag === tag);
      const percent = new Intl.NumberFormat(tag, { style: 'percent', useGrouping: false }).format(10);
      const enlarge = l?.paragraphs.find((p) => p.includes(percent));
      expect(enlarge, tag).toBeDefined();
      expect(enlarge).toContain('-1to10');
      expect(enlarge).toMatch(/\b3\b[\s\S]*\b30\b/);
    }
    // Without a billboard, no enlargement paragraph.
    const postersOnly = specSheetInput(content, 'md', [file('md', 'ro', 'a4', 1)], { name: 'x.pdf', date });
    expect(postersOnly.languages.every((l) => !l.paragraphs.some((p) => p.includes('-1to10')))).toBe(true);
  });

  it('lists every file with trim, bleed, scale, colours, PDF/X version and checksum, and the QR target only where there is a QR code', async () => {
    const text = pdfText(await renderSpecSheet(mdInput));
    for (const f of md) {
      expect(text).toContain(f.file);
      expect(text).toContain(f.sha256);
    }
    expect(text).toContain('210 × 297 3 1:1 CMYK FOGRA39, PDF/X-1a:2001');
    expect(text).toContain('3560 × 2520 (356 × 252) 30 (3) 1:10, 1000 % CMYK FOGRA39, PDF/X-1a:2001');
    expect(text).toContain('1200 × 630 px – – RGB PNG');
    for (const locale of ['ro', 'ru', 'en']) {
      const url = `https://md.victor-campaign.example/${locale}/check-the-offer/`;
      // The poster and the billboard show it; the link card has no QR code.
      expect(text.split(url).length - 1, locale).toBe(2);
    }
    const rows = new Map(mdInput.rows.map((r) => [r.name, r]));
    expect(rows.get('victor-md-origin-youth-ro-social-link.png')?.qr).toBeNull();
  });

  it('writes Greek too, and the same bytes every time, dated from the content', async () => {
    const gr = specSheetInput(content, 'gr', [file('gr', 'el', 'a4', 7)], { name: 'victor-gr-spec-sheet.pdf', date });
    const pdf = await renderSpecSheet(gr);
    expect((await renderSpecSheet(gr)).equals(pdf)).toBe(true);
    expect(pdfText(pdf)).toMatch(/[α-ωΑ-Ω]/);
    const day = content.campaign.releaseDate.replaceAll('-', '');
    expect(pdf.toString('latin1')).toContain(`(D:${day}000000Z)`);
    expect(pdf.toString('latin1')).not.toContain(`(D:${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`);
  });

  it('reports a character no font has, naming the country, language and the file its words come from', () => {
    const broken: SpecSheetInput = { ...mdInput, languages: mdInput.languages.map((l) => (l.tag === 'ru' ? { ...l, title: `${l.title} ☃` } : l)) };
    const problems = specSheetProblems(broken, 'md');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'SpecSheetGlyphMissing',
        args: expect.objectContaining({ country: 'md', locale: 'ru', char: '☃', source: 'content/ui/ru.yaml' }),
      }),
    ]);
    expect(specSheetProblems(mdInput, 'md')).toEqual([]);
  });
});
