// A build's content snapshot (src/snapshot.ts): its tasks get exactly what loadContent gives, and a
// snapshot of other files (an edit since, another folder) is never used: the content is read and
// checked again, errors and all.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowedForeignWords, locales, useLocales } from '@repo/i18n';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ContentError, contentFingerprint, loadContent, loadContentShared, writeContentSnapshot } from '../src/index.ts';
import { edit, scratchFixture } from './helpers.ts';

function snapshotOf(dir: string): string {
  const file = join(dir, '..', `${dir.split('/').pop()}.v8`);
  writeContentSnapshot(loadContent(dir), file);
  onTestFinished(() => rmSync(file, { force: true }));
  return file;
}

describe('content snapshot', () => {
  it('gives the content loadContent reads, and makes its locales the registry as loading does', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    const loaded = loadContent(dir);
    useLocales([]);
    const shared = loadContentShared(dir, file);
    expect(shared).toEqual(loaded);
    expect([...locales.keys()]).toEqual(loaded.locales.locales.map((l) => l.tag));
    expect([...allowedForeignWords()]).toEqual(loaded.locales.allowedForeignWords);
  });

  it('is not used once a file has changed, been added or removed: the content is read and checked again', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    const before = contentFingerprint(dir);
    edit(dir, 'campaign.yaml', /name: .*/, 'name: 42');
    expect(contentFingerprint(dir)).not.toBe(before);
    expect(() => loadContentShared(dir, file)).toThrow(ContentError);
  });

  it('is not used for another folder with the same files, nor when the file named is missing', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    const twin = scratchFixture();
    expect(contentFingerprint(twin)).toBe(contentFingerprint(dir));
    expect(loadContentShared(twin, file).root).toBe(twin);
    expect(loadContentShared(dir, join(dir, 'no-such-snapshot.v8')).root).toBe(dir);
    writeFileSync(join(twin, 'extra.txt'), 'a file the loader does not read still makes other content');
    expect(contentFingerprint(twin)).not.toBe(contentFingerprint(dir));
  });
});
