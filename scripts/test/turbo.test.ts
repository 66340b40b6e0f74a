// Turborepo conventions (issue 12, requirement 5), read from turbo's own dry run: each task hashes
// what changes its output and nothing else (no README, no test, no gate in a build), variables that
// change no output are passed through unhashed, a leftover COUNTRY reaches no task; and each
// package declares the dependencies it imports, apps never importing apps.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface DryTask {
  taskId: string;
  command: string;
  inputs: Record<string, string>;
  dependencies: string[];
  environmentVariables: { specified: { env: string[]; passThroughEnv: string[] | null } };
}
interface DryRun {
  envMode: string;
  tasks: DryTask[];
  globalCacheInputs: { environmentVariables: { specified: { env: string[]; passThroughEnv: string[] | null } } };
}

let dry: DryRun;
const task = (id: string) => {
  const found = dry.tasks.find((t) => t.taskId === id);
  if (!found) throw new Error(`no task ${id} in the dry run`);
  return found;
};
const onePieceOnly = ['COUNTRY', 'CONTENT_DIR', 'PRINT_DIR', 'SITES_OUT_DIR', 'DIST_DIR'];

beforeAll(() => {
  // A shell with leftovers from running one piece by hand.
  const env = { ...process.env, COUNTRY: 'gr', CONTENT_DIR: '/tmp/elsewhere', SITES_OUT_DIR: '/tmp/out', SITE_BUILD_JOBS: '1' };
  const run = spawnSync(process.execPath, ['scripts/turbo.ts', 'run', 'build', 'check', 'build:gr', '--dry-run=json'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`turbo --dry-run failed:\n${run.stderr}`);
  dry = JSON.parse(run.stdout) as DryRun;
});

describe('turbo tasks hash what changes their output', () => {
  it('each country has a print and a site task, written from content/countries/ and up to date', () => {
    const check = spawnSync(process.execPath, ['scripts/country-tasks.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const countries = readdirSync(join(root, 'content/countries')).map((f) => f.replace(/\.yaml$/, ''));
    const tasks = JSON.parse(readFileSync(join(root, 'apps/site/package.json'), 'utf8')).scripts as Record<string, string>;
    expect(Object.keys(tasks).filter((t) => t.startsWith('build:'))).toEqual(countries.map((c) => `build:${c}`));
  });

  it("a site task: the app, its build scripts, its country's input list and print manifest; packages through its dependencies, never the gates, a README, a test or all of content/", () => {
    const site = task('@repo/site#build:gr');
    const inputs = Object.keys(site.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['astro.config.ts', 'scripts/build-sites.ts', 'package.json', '../../.build-inputs/gr.json']));
    expect(inputs.some((f) => f.startsWith('src/'))).toBe(true);
    expect(inputs.filter((f) => /\.md$|(^|\/)test\/|^\.\.\/\.\.\/(packages|content)\/|\.build-inputs\/(?!gr\.json)/.test(f))).toEqual([]);
    expect(site.dependencies).toEqual(expect.arrayContaining(['@repo/content#build', '@repo/design#build', '@repo/i18n#build']));
    // Not the gates, and not the print task: the site hashes the print manifest it lists instead.
    expect(site.dependencies.filter((d) => d.startsWith('@repo/gates') || d.startsWith('@repo/print-app'))).toEqual([]);
    expect(JSON.stringify(site)).toContain('apps/print/dist/countries/gr/manifest.json');
  });

  it("a print task: the renderer, its country's input list and the ICC profiles; not its tests, benchmark or READMEs", () => {
    const inputs = Object.keys(task('@repo/print-app#build:gr').inputs);
    expect(inputs).toEqual(expect.arrayContaining(['src/cli.ts', '../../.build-inputs/gr.json', '../../assets/icc/FOGRA39-argyll.icc']));
    expect(inputs.filter((f) => /\.md$|(^|\/)test\/|bench\.ts$|^\.\.\/\.\.\/content\//.test(f))).toEqual([]);
  });

  it("a package's build node (no script) stands for its src/ only", () => {
    const libraries = dry.tasks.filter(
      (t) => t.taskId.endsWith('#build') && t.command === '<NONEXISTENT>' && t.taskId.startsWith('@repo/') && !/^@repo\/(site|print-app)#/.test(t.taskId),
    );
    expect(libraries.map((t) => t.taskId)).toContain('@repo/content#build');
    for (const library of libraries) expect(Object.keys(library.inputs).filter((f) => f !== 'package.json' && !f.startsWith('src/'))).toEqual([]);
  });

  it('type checks read sources, tests and tsconfig, not READMEs', () => {
    const checks = dry.tasks.filter((t) => t.taskId.endsWith('#check') && t.command !== '<NONEXISTENT>');
    expect(checks.length).toBeGreaterThanOrEqual(7);
    for (const check of checks) expect(Object.keys(check.inputs).filter((f) => /\.md$/.test(f))).toEqual([]);
    expect(task('@repo/content#check').inputs).toHaveProperty(['../../tsconfig.base.json']);
  });

  it('hashes RELEASE, SOURCE_DATE_EPOCH and PDFX; passes the site’s scratch settings through; withholds COUNTRY and the one-piece folders', () => {
    expect(dry.envMode).toBe('strict');
    expect(task('@repo/print-app#build:gr').environmentVariables.specified.env.sort()).toEqual(['PDFX', 'RELEASE', 'SOURCE_DATE_EPOCH']);
    expect(task('@repo/site#build:gr').environmentVariables.specified).toEqual({ env: ['RELEASE'], passThroughEnv: ['SITE_BUILD_ROOT'] });
    const global = dry.globalCacheInputs.environmentVariables.specified;
    expect(global.env).toEqual([]);
    for (const t of dry.tasks)
      for (const name of onePieceOnly) {
        expect(t.environmentVariables.specified.env).not.toContain(name);
        expect(t.environmentVariables.specified.passThroughEnv ?? []).not.toContain(name);
      }
    for (const name of onePieceOnly) expect(global.passThroughEnv ?? []).not.toContain(name);
  });
});

// --- Each package declares what it imports ---------------------------------------------------

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
const workspaceDirs = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .map((name) => `${dir}/${name}`)
    .filter((d) => existsSync(join(root, d, 'package.json'))),
);
const skipped = new Set(['node_modules', 'dist', '.astro', 'fixtures', '__snapshots__']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    // Dependencies, outputs, fixtures, and dot-files (build roots, caches, anyone's scratch files).
    if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module a file imports: import/export from, import(), import types, require() and require.resolve(). */
function importsOf(file: string): string[] {
  let text = readFileSync(join(root, file), 'utf8');
  // An .astro file's imports are in its frontmatter and its <script> elements.
  if (file.endsWith('.astro')) text = [...text.matchAll(/^---\n([\s\S]*?)\n---|<script[^>]*>([\s\S]*?)<\/script>/gm)].map((m) => m[1] ?? m[2] ?? '').join('\n');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const name =
        callee.kind === ts.SyntaxKind.ImportKeyword
          ? 'import'
          : ts.isIdentifier(callee)
            ? callee.text
            : ts.isPropertyAccessExpression(callee)
              ? callee.name.text
              : '';
      if (name === 'import' || name === 'require' || name === 'resolve') found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The npm package a specifier names, or undefined for relative paths, Node built-ins and virtual modules. */
function packageOf(specifier: string): string | undefined {
  if (/^[./]|^(node|virtual|astro):/.test(specifier) || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('each package declares the dependencies it imports', () => {
  const appNames = new Set(workspaceDirs.filter((d) => d.startsWith('apps/')).map((d) => manifestOf(d).name));

  it('every workspace under apps/ and packages/', () => {
    const undeclared: string[] = [];
    for (const dir of workspaceDirs) {
      const manifest = manifestOf(dir);
      const declared = new Set([manifest.name, ...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })]);
      for (const file of sourceFiles(dir))
        for (const pkg of importsOf(file).map(packageOf)) {
          // The test runner is the repository's (one vitest run from the root); tests may import it.
          if (pkg && !declared.has(pkg) && pkg !== 'vitest') undeclared.push(`${file} imports ${pkg}, which ${dir}/package.json does not declare`);
        }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it('the root declares the tools its scripts import, and no workspace package', () => {
    const manifest = manifestOf('.');
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
    const workspaces = new Set(workspaceDirs.map((d) => manifestOf(d).name));
    const files = [...sourceFiles('scripts'), 'vitest.config.ts'];
    const undeclared = files.flatMap((file) =>
      importsOf(file)
        .map(packageOf)
        .filter((pkg): pkg is string => Boolean(pkg) && !declared.has(pkg as string) && !workspaces.has(pkg as string))
        .map((pkg) => `${file} imports ${pkg}`),
    );
    expect(undeclared).toEqual([]);
    // scripts/ reach @repo/* through npm's workspace links. Declared in the root package.json, they
    // would enter Turborepo's global hash, and a gate or README change would rebuild every site.
    expect(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((d) => workspaces.has(d))).toEqual([]);
  });

  it('apps import packages, never other apps', () => {
    const crossings = workspaceDirs
      .filter((d) => d.startsWith('apps/'))
      .flatMap((dir) => {
        const own = manifestOf(dir).name;
        return sourceFiles(dir).flatMap((file) =>
          importsOf(file)
            .map(packageOf)
            .filter((pkg) => pkg && pkg !== own && appNames.has(pkg))
            .map((pkg) => `${file} imports ${pkg}`),
        );
      });
    expect(crossings).toEqual([]);
  });
});
