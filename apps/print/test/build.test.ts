import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrintErrors, sha256 } from '@repo/print';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildSummary, buildPrint, ReleaseRefused } from '../src/build.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
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
    expect(manifest.zips).toEqual([expect.objectContaining({ country: 'si', file: 'si/victor-print-si.zip', files: 4 })]);
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
      /helpline 116 000 \(si-116000\) has no verifiedOn date .* si\/destination-demand\/sl\/\{a4,social-link\}/,
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
});
