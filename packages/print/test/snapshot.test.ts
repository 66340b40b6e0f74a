import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPoster } from '../src/index.ts';
import { fonts, job, measurer } from './helpers.ts';

const dir = join(import.meta.dirname, '__snapshots__');

/**
 * Image snapshots with pinned fonts: the preview of a poster compared pixel by pixel with the one
 * recorded in __snapshots__. The record names the exact font files (their SHA-256): when the fonts
 * change, the test says so instead of reporting a mysterious pixel difference. A missing snapshot is
 * written (outside CI); delete a PNG and its JSON to re-record after an intended design change.
 */
async function matchSnapshot(key: string) {
  const name = key.replaceAll('/', '_');
  const pngPath = join(dir, `${name}.png`);
  const metaPath = join(dir, `${name}.json`);
  const r = await renderPoster(job(key), { fonts, measurer, previewLongSide: 600 });
  const meta = { key, fonts: `@fontsource/noto-sans@${fonts.version}`, fontsSha256: fonts.hash, previewLongSide: 600 };
  if (!existsSync(pngPath)) {
    if (process.env.CI) throw new Error(`snapshot ${pngPath} is missing; record it locally and commit it`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(pngPath, r.preview);
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    return;
  }
  const recorded = JSON.parse(readFileSync(metaPath, 'utf8')) as typeof meta;
  expect(meta.fontsSha256, `fonts changed since the snapshot (recorded ${recorded.fonts}): re-record ${pngPath}`).toBe(recorded.fontsSha256);
  const want = PNG.sync.read(readFileSync(pngPath));
  const got = PNG.sync.read(r.preview);
  expect([got.width, got.height]).toEqual([want.width, want.height]);
  let differing = 0;
  for (let i = 0; i < want.data.length; i += 4) {
    const d = Math.max(Math.abs(want.data[i]! - got.data[i]!), Math.abs(want.data[i + 1]! - got.data[i + 1]!), Math.abs(want.data[i + 2]! - got.data[i + 2]!));
    if (d > 24) differing++;
  }
  const share = differing / (want.width * want.height);
  if (share > 0.001) writeFileSync(join(dir, `${name}.actual.png`), r.preview);
  expect(share, `${(share * 100).toFixed(3)} % of pixels differ; see ${name}.actual.png`).toBeLessThanOrEqual(0.001);
}

describe('image snapshots (pinned fonts)', () => {
  it('origin-youth, Romanian, A4, Moldova', () => matchSnapshot('md/origin-youth/ro/a4'));
  it('destination-demand, Serbian Cyrillic, link card, Serbia', () => matchSnapshot('rs/destination-demand/sr-Cyrl/social-link'));
});
