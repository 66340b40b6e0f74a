// A build reads and checks all of content/ once (scripts/build.ts) and writes what it loaded to a
// snapshot; its tasks, each a process of its own (one per country for the sites and the print
// files), load that instead of checking everything again. Every task used to run loadContent on all
// of the content: 0.55 s at the sample content, 3.6 s at ten times it, so 110 countries × 2 tasks
// spent about 13 CPU-minutes on it, growing with the square of the content. Reading a snapshot
// takes 5 ms at ten times the content (v8.deserialize; the model is plain data, tested).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { useLocales } from '@repo/i18n';
import { type Content, loadContent } from './load.ts';

/** The environment variable through which a build hands its snapshot to its tasks. */
export const contentSnapshotVariable = 'CONTENT_SNAPSHOT';

interface Snapshot {
  root: string;
  fingerprint: string;
  content: Content;
}

/**
 * What the content is: every file under `root`, by its path and bytes. A snapshot is only used for
 * the very files it was made from: any edit, added or removed file makes it stale.
 */
export function contentFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, name);
      else if (entry.isFile()) {
        const bytes = readFileSync(path);
        hash.update(`${name}\0${bytes.length}\0`).update(bytes);
      }
    }
  };
  walk(resolve(root), '');
  return hash.digest('hex');
}

/** Writes the content loadContent(root) returned, for the tasks of this build (loadContentShared). */
export function writeContentSnapshot(content: Content, file: string): void {
  const snapshot: Snapshot = { root: resolve(content.root), fingerprint: contentFingerprint(content.root), content };
  writeFileSync(file, serialize(snapshot));
}

/**
 * The content under `root`: from the build's snapshot (the file CONTENT_SNAPSHOT names) when it was
 * made from these very files, otherwise read and checked by loadContent, which throws a
 * ContentError listing every problem.
 */
export function loadContentShared(root: string, file: string | undefined = process.env[contentSnapshotVariable]): Content {
  if (file && existsSync(file)) {
    const snapshot = deserialize(readFileSync(file)) as Snapshot;
    if (snapshot.root === resolve(root) && snapshot.fingerprint === contentFingerprint(root)) {
      // What loadContent does besides returning the content: content/locales.yaml becomes @repo/i18n's registry.
      useLocales(snapshot.content.locales.locales, snapshot.content.locales.allowedForeignWords);
      return snapshot.content;
    }
  }
  return loadContent(root);
}
