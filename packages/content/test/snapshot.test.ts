// A build's content snapshot (src/snapshot.ts): its tasks get exactly what loadContent gives, and a
// snapshot of other files (an edit since, a file added or removed, another folder) or one that
// cannot be read is never used: the content is read and checked again, errors and all.
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { allowedForeignWords, locales, useLocales } from '@repo/i18n';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Content, ContentError, contentFingerprint, loadContent, loadContentShared, writeContentSnapshot } from '../src/index.ts';
import { edit, scratchFixture } from './helpers.ts';

function snapshotOf(dir: string): string {
  const file = `${dir}.v8`;
  writeContentSnapshot(loadContent(dir), file);
  onTestFinished(() => rmSync(file, { force: true }));
  return file;
}

/** Rewrites the content inside a snapshot, keeping what it says it was made from. */
function tamper(file: string, change: (content: Content) => void) {
  const snapshot = deserialize(readFileSync(file)) as { content: Content };
  change(snapshot.content);
  writeFileSync(file, serialize(snapshot));
}

describe('content snapshot', () => {
  it('is what the tasks get: the content loadContent reads, with its locales made the registry', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    const loaded = loadContent(dir);
    expect(loadContentShared(dir, file)).toStrictEqual(loaded);
    // Used, not read again: a value changed inside the snapshot comes back.
    tamper(file, (content) => {
      content.campaign.name.en = 'From the snapshot';
    });
    useLocales([]);
    expect(loadContentShared(dir, file).campaign.name.en).toBe('From the snapshot');
    expect([...locales.keys()]).toEqual(loaded.locales.locales.map((l) => l.tag));
    expect([...allowedForeignWords()]).toEqual(loaded.locales.allowedForeignWords);
  });

  it('is not used once a file has changed, been added or removed: the content is read and checked again', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    tamper(file, (content) => {
      content.campaign.name.en = 'From the snapshot';
    });
    writeFileSync(join(dir, 'notes.txt'), 'a file the loader does not read still makes other content');
    expect(loadContentShared(dir, file).campaign.name.en).not.toBe('From the snapshot');
    unlinkSync(join(dir, 'notes.txt'));
    expect(loadContentShared(dir, file).campaign.name.en).toBe('From the snapshot');
    unlinkSync(join(dir, 'pages/el/demand.mdx'));
    expect(loadContentShared(dir, file).campaign.name.en).not.toBe('From the snapshot');
    edit(dir, 'campaign.yaml', /name: .*/, 'name: 42');
    expect(() => loadContentShared(dir, file)).toThrow(ContentError);
  });

  it('is not used for another folder with the same files, when it is missing or cut short', () => {
    const dir = scratchFixture();
    const file = snapshotOf(dir);
    const twin = scratchFixture();
    expect(contentFingerprint(twin)).toBe(contentFingerprint(dir));
    expect(loadContentShared(twin, file).root).toBe(twin);
    expect(loadContentShared(dir, join(dir, 'no-such-snapshot.v8')).root).toBe(dir);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(loadContentShared(dir, file)).toStrictEqual(loadContent(dir));
  });

  it('is only written for content loaded from an absolute path (tasks read it from other folders)', () => {
    const dir = scratchFixture();
    const content = loadContent(dir);
    expect(() => writeContentSnapshot({ ...content, root: 'content' }, `${dir}.v8`)).toThrow(/absolute path/);
  });
});
