// A copy of this repository to build in: the working tree's files (tracked and new, not ignored) in
// a git repository of its own (Turborepo caches only inside one), with another content folder in
// content/ if asked. `npm run build` builds content/, so tests build fixture content through the
// real build path this way (scripts/build.ts ignores CONTENT_DIR). Used by incremental.test.ts and
// remote-cache.test.ts.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const fixtureContent = join(repoRoot, 'packages/content/test/fixtures/valid');

/** Folders holding npm's installs: the root's and any workspace's own. */
function nodeModulesFolders(root: string): string[] {
  const out = existsSync(join(root, 'node_modules')) ? ['node_modules'] : [];
  for (const group of ['apps', 'packages'])
    for (const name of existsSync(join(root, group)) ? readdirSync(join(root, group)) : [])
      if (existsSync(join(root, group, name, 'node_modules'))) out.push(`${group}/${name}/node_modules`);
  return out;
}

export interface WorkspaceOptions {
  /** A content folder to put in content/ instead of the repository's. */
  content?: string;
  /**
   * `link`: node_modules as hard links to this repository's (a second or so; every file its own
   * directory entry, npm's links to the workspaces relative, so they point into the copy).
   * `npm-ci`: its own install, `npm ci --prefer-offline`, as on a fresh machine.
   */
  install: 'link' | 'npm-ci';
}

/** Makes the workspace in `dir` (which must not exist) and returns it. */
export function makeWorkspace(dir: string, options: WorkspaceOptions): string {
  mkdirSync(dir, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((f) => f && existsSync(join(repoRoot, f)) && !(options.content && f.startsWith('content/')));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  if (options.content) cpSync(options.content, join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'workspace');
  if (options.install === 'link') {
    for (const folder of nodeModulesFolders(repoRoot)) execFileSync('cp', ['-al', join(repoRoot, folder), join(dir, folder)]);
  } else {
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'ignore' });
  }
  return dir;
}

export function removeWorkspace(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  code: number;
  output: string;
  ms: number;
}

/** Runs `node <script> …args` in a workspace on this Node, with `env` over this process's environment. */
export function runIn(dir: string, script: string, args: string[] = [], env: Record<string, string | undefined> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code: code ?? 1, output, ms: performance.now() - started }));
  });
}

/** The lines of a build's output that are its own (not a task's log). */
export const ownLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => !/^@repo\//.test(l))
    .join('\n');
