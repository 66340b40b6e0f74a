// A build reads and checks all of content/ once (scripts/build.ts) and writes what it loaded to a
// snapshot; its tasks, each a process of its own (one per country for the sites and the print
// files), load that instead of checking everything again. Every task used to run loadContent on all
// of the content: 0.55 s at the sample content, 3.6 s at ten times it, so 110 countries × 2 tasks
// spent about 13 CPU-minutes on it, growing with the square of the content. Using a snapshot costs
// its fingerprint check (reading and hashing every content file: a few ms at the sample content,
// tens of ms at ten times it) and 5 ms to deserialise ten times the content (v8.deserialize; the
// model is plain data, tested).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { adoptContent, type Content, loadContent } from './load.ts';

/** The environment variable through which a build hands its snapshot to its tasks. */
export const contentSnapshotVariable = 'CONTENT_SNAPSHOT';

interface Snapshot {
  root: string;
  /** The content files it was made from. */
  fingerprint: string;
  /** The loader that read and checked them (this package's source): a changed schema checks again. */
  loader: string;
  content: Content;
}

/**
 * What the files under `root` are: every file, by its path and bytes. A snapshot is only used for
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

let loaderFingerprint: string | undefined;
const loader = () => (loaderFingerprint ??= contentFingerprint(import.meta.dirname));

/**
 * Writes the content loadContent(root) returned, for the tasks of this build (loadContentShared).
 * Its root must be absolute: the content's paths (pages, photos) are the root's, and the tasks that
 * read the snapshot run in other folders.
 */
export function writeContentSnapshot(content: Content, file: string): void {
  if (!isAbsolute(content.root))
    throw new Error(`writeContentSnapshot: the content was loaded from "${content.root}"; load it from an absolute path (resolve it first)`);
  const snapshot: Snapshot = { root: content.root, fingerprint: contentFingerprint(content.root), loader: loader(), content };
  writeFileSync(file, serialize(snapshot));
}

/**
 * The content under `root`: from the build's snapshot (the file CONTENT_SNAPSHOT names) when it was
 * made from these very files by this very loader, otherwise (no snapshot, another folder, a file
 * changed since, a snapshot that cannot be read) read and checked by loadContent, which throws a
 * ContentError listing every problem.
 */
export function loadContentShared(root: string, file: string | undefined = process.env[contentSnapshotVariable]): Content {
  const snapshot = file ? readSnapshot(file) : undefined;
  if (snapshot && snapshot.root === resolve(root) && snapshot.loader === loader() && snapshot.fingerprint === contentFingerprint(root)) {
    return adoptContent(snapshot.content);
  }
  return loadContent(root);
}

function readSnapshot(file: string): Snapshot | undefined {
  try {
    return deserialize(readFileSync(file)) as Snapshot;
  } catch {
    // Gone (its build ended), cut short, or written by another Node version: read the content itself.
    return undefined;
  }
}
