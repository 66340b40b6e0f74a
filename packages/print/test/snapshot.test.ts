import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPoster } from '../src/index.ts';
import { fonts, job, measurer } from './helpers.ts';

const dir = join(import.meta.dirname, '__snapshots__');
/** `UPDATE_SNAPSHOTS=1 npx vitest run packages/print/test/snapshot.test.ts` records them again (never on CI). */
const update = process.env.UPDATE_SNAPSHOTS === '1';

/**
 * Image snapshots of the fixture content (fixtures/content) with pinned fonts: the preview of a
 * poster compared pixel by pixel with the one recorded in __snapshots__. The record names the exact
 * font files (their SHA-256): when the fonts change, the test says so instead of reporting a
 * mysterious pixel difference. A missing snapshot is written (outside CI); after an intended change
 * of the design, re-record them all with UPDATE_SNAPSHOTS=1 and look at the new PNGs before committing.
 */
async function matchSnapshot(key: string) {
  const name = key.replaceAll('/', '_');
  const pngPath = join(dir, `${name}.png`);
  const metaPath = join(dir, `${name}.json`);
  const r = await renderPoster(job(key), { fonts, measurer, previewLongSide: 600 });
  const meta = { key, fonts: `@fontsource/noto-sans@${fonts.version}`, fontsSha256: fonts.hash, previewLongSide: 600 };
  if (update || !existsSync(pngPath)) {
    if (process.env.CI) throw new Error(`snapshot ${pngPath} is ${update ? 'to be re-recorded' : 'missing'}: record it locally and commit it`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(pngPath, r.preview);
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    return;
  }
  const recorded = JSON.parse(readFileSync(metaPath, 'utf8')) as typeof meta;
  expect(meta.fontsSha256, `fonts changed since the snapshot (recorded ${recorded.fonts}): re-record ${pngPath} with UPDATE_SNAPSHOTS=1`).toBe(
    recorded.fontsSha256,
  );
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
  expect(share, `${(share * 100).toFixed(3)} % of pixels differ; see ${name}.actual.png (UPDATE_SNAPSHOTS=1 re-records)`).toBeLessThanOrEqual(0.001);
}

describe('image snapshots of the fixture (pinned fonts)', () => {
  it('youth, Romanian (Latin, comma accents), A4, panel template, no photo', () => matchSnapshot('md/youth/ro/a4'));
  it('youth, Russian (Cyrillic), social story with QR code', () => matchSnapshot('md/youth/ru/social-story'));
  it('demand, Greek, A4, stark template, with the photo', () => matchSnapshot('gr/demand/el/a4'));
  it('demand, Greek, link card (no QR code, no body)', () => matchSnapshot('gr/demand/el/social-link'));
});
