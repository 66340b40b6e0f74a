// Portable commands (issue 11, requirement 5): `npm start`, `npm run dev`, `npm test` and the build
// work on macOS and Windows as well as Linux. CI runs on Linux, so this proves what it can from here:
// no package.json script uses a form only a POSIX shell reads (npm runs scripts with cmd.exe on
// Windows), no code spawns an npm package's command in a way Windows cannot start, Chromium is
// looked for where each system keeps it, and no tool reports usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, chromiumPath } from '../../packages/gates/src/browser.ts';
import { nodeBin, noTelemetry } from '../portable.ts';

const root = resolve(import.meta.dirname, '../..');
const workspaces = ['.', ...['apps', 'packages'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`))].filter((dir) =>
  existsSync(join(root, dir, 'package.json')),
);
const scriptsOf = (dir: string) =>
  Object.entries((JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {});

/** What in an npm script only a POSIX shell understands (npm runs scripts with cmd.exe on Windows). */
function posixOnly(script: string): string[] {
  const outsideQuotes = script.replace(/"[^"]*"/g, '""');
  const commandStart = String.raw`(?:^|&&|\|\||\|)\s*`;
  const problems: string[] = [];
  if (new RegExp(`${commandStart}(?:env\\s+)?[A-Za-z_][A-Za-z0-9_]*=\\S*\\s`).test(outsideQuotes))
    problems.push('VAR=value before a command: set it in a Node entry script (process.env)');
  if (/\$[{(A-Za-z_]/.test(script)) problems.push('$VAR or $(…): read process.env in a Node script');
  if (/'/.test(outsideQuotes)) problems.push('single quotes: cmd passes them on as characters; use double quotes');
  if (/`/.test(outsideQuotes)) problems.push('backticks');
  if (/;/.test(outsideQuotes)) problems.push('; between commands: use &&');
  if (/\/dev\/null/.test(outsideQuotes)) problems.push('/dev/null');
  if (new RegExp(`${commandStart}(?:rm|cp|mv|mkdir\\s+-p|cat|ls|ln|touch|chmod|export|source|which|test|grep|sed|true)\\b`).test(outsideQuotes))
    problems.push('a POSIX command: do it with node:fs in a Node script');
  if (/[*?]/.test(outsideQuotes))
    problems.push('an unquoted glob: cmd does not expand it (sh does not expand **): put it in double quotes for the tool to expand');
  return problems;
}

/** Names that start an npm package's JavaScript: on Windows each is a .cmd file, which spawn() cannot start without a shell. */
const nodeCommands = new Set([
  'node',
  'npm',
  'npx',
  'pnpm',
  'yarn',
  'corepack',
  ...readdirSync(join(root, 'node_modules/.bin')).map((name) => name.replace(/\.(cmd|ps1)$/i, '')),
]);
const spawners = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);

/**
 * Spawns that work on Linux and macOS only: a path into node_modules/.bin anywhere in the code (its
 * files are shell scripts there and .cmd files on Windows), or spawn/execFile of an npm package's
 * command by name without `shell`. Run it with process.execPath and the package's JavaScript entry
 * instead (scripts/portable.ts nodeBin()), or pass `shell: true` on win32.
 */
function nonPortableSpawns(source: string, file: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const at = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && /(?:^|[\\/])\.bin(?:[\\/]|$)/.test(node.text))
      problems.push(`${at(node)}: a path into node_modules/.bin ("${node.text}"): run the package's JavaScript with process.execPath`);
    if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      const [command, ...rest] = node.arguments;
      if (spawners.has(callee) && command && ts.isStringLiteralLike(command)) {
        const name = command.text
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.(cmd|exe)$/i, '') as string;
        const shell = rest.some((arg) => ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name?.getText(tree) === 'shell'));
        if (nodeCommands.has(name) && !shell)
          problems.push(
            `${at(node)}: ${callee}("${command.text}") without a shell: Windows has ${name}.cmd; spawn process.execPath with the package's JavaScript entry`,
          );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return problems;
}

/** The code that runs commands: scripts/, every app's scripts and sources, every package's sources. */
function codeFiles(): string[] {
  const list = (dir: string, recursive: boolean): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { recursive, encoding: 'utf8' })
          .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
          // Not dependencies, and not anyone's scratch files (.scratch-*.ts, .tmp-*.ts).
          .filter((f) => !f.split(/[\\/]/).some((part) => part === 'node_modules' || part.startsWith('.')))
          .map((f) => join(dir, f))
      : [];
  const apps = readdirSync(join(root, 'apps'));
  const packages = readdirSync(join(root, 'packages'));
  return [
    ...list('scripts', false),
    ...apps.flatMap((app) => [...list(`apps/${app}`, false), ...list(`apps/${app}/scripts`, true), ...list(`apps/${app}/src`, true)]),
    ...packages.flatMap((pkg) => list(`packages/${pkg}/src`, true)),
  ];
}

describe('portable package.json scripts', () => {
  it('the check finds each POSIX-only form and passes the portable ones', () => {
    expect(posixOnly('ASTRO_TELEMETRY_DISABLED=1 astro check')).toHaveLength(1);
    expect(posixOnly('npm run build && COUNTRY=gr node x.ts')).toHaveLength(1);
    expect(posixOnly('node x.ts --out $OUT')).toHaveLength(1);
    expect(posixOnly("prettier --check 'apps/**/*.astro'")).toHaveLength(2);
    expect(posixOnly('rm -rf dist && node build.ts')).toHaveLength(1);
    expect(posixOnly('node a.ts; node b.ts')).toHaveLength(1);
    expect(posixOnly('prettier --check apps/**/*.astro')).toHaveLength(1);
    expect(posixOnly('biome check . && prettier --check "apps/**/*.astro"')).toEqual([]);
    expect(posixOnly('node scripts/astro.ts check')).toEqual([]);
    expect(posixOnly('node scripts/build.ts -- --force')).toEqual([]);
  });

  it('no script of any workspace uses a form only a POSIX shell reads', () => {
    const problems = workspaces.flatMap((dir) =>
      scriptsOf(dir).flatMap(([name, script]) => posixOnly(script).map((p) => `${join(dir, 'package.json')} "${name}": ${script}\n    ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('no script starts turbo or Astro directly: their entry scripts switch telemetry off first', () => {
    const direct = workspaces.flatMap((dir) =>
      scriptsOf(dir)
        .filter(([, script]) => /(?:^|&&|\|\|)\s*(?:npx\s+)?(?:turbo|astro)\b/.test(script))
        .map(([name, script]) => `${dir}/package.json "${name}": ${script}`),
    );
    expect(direct).toEqual([]);
  });
});

describe('portable spawning', () => {
  it('the check finds .bin paths and npm commands spawned without a shell, and passes the portable forms', () => {
    const found = (code: string) => nonPortableSpawns(code, 'x.ts');
    expect(found("spawnSync(join(root, 'node_modules/.bin/turbo'), ['run', 'build'])")).toHaveLength(1);
    expect(found("const run = (c) => spawnSync(c, []); run(join(root, 'node_modules', '.bin', 'turbo'));")).toHaveLength(1);
    expect(found("spawn('astro', ['build'], { cwd })")).toHaveLength(1);
    expect(found("child_process.execFileSync('npx', ['vitest'])")).toHaveLength(1);
    expect(found("spawnSync('node', ['x.ts'])")).toHaveLength(1);
    expect(found("spawn('astro', ['build'], { shell: process.platform === 'win32' })")).toEqual([]);
    expect(found("spawn(process.execPath, [astroBin, 'build'])")).toEqual([]);
    expect(found("spawnSync('qpdf', ['--check', file]); execFileSync('git', ['ls-files'])")).toEqual([]);
  });

  it('scripts/, apps/*/scripts, apps/*/src and packages/*/src spawn nothing Windows cannot start', () => {
    const files = codeFiles();
    expect(files).toContain(join('scripts', 'build.ts'));
    expect(files).toContain(join('apps', 'site', 'scripts', 'build-sites.ts'));
    const problems = files.flatMap((file) => nonPortableSpawns(readFileSync(join(root, file), 'utf8'), file));
    expect(problems).toEqual([]);
  });

  it("nodeBin() finds the JavaScript behind a package's command", () => {
    expect(relative(root, nodeBin('turbo'))).toBe(join('node_modules', 'turbo', 'bin', 'turbo'));
    expect(relative(root, nodeBin('astro'))).toBe(join('node_modules', 'astro', 'bin', 'astro.mjs'));
    expect(relative(root, nodeBin('@biomejs/biome'))).toBe(join('node_modules', '@biomejs', 'biome', 'bin', 'biome'));
    expect(() => nodeBin('turbo', 'nope')).toThrow('turbo has no command "nope"');
  });

  it("apps/site's astro entry starts Astro on this Node, without a shell", () => {
    const run = spawnSync(process.execPath, ['apps/site/scripts/astro.ts', '--version'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // Astro colours its banner where it thinks a terminal is (CI=true makes it think so).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape is what is stripped
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/astro\s+v?\d+\.\d+/i);
  });
});

describe('portable Chromium search', () => {
  const only =
    (...present: string[]) =>
    (path: string) =>
      present.includes(path);

  it('CHROMIUM_PATH wins, even where nothing else is installed', () => {
    expect(chromiumPath({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, platform: 'linux', exists: only() })).toBe('/opt/chrome/chrome');
    expect(
      chromiumPath({ env: { CHROMIUM_PATH: 'D:\\chrome.exe' }, platform: 'win32', exists: only('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe') }),
    ).toBe('D:\\chrome.exe');
  });

  it("Linux: Debian's chromium, then chromium-browser, then Google Chrome", () => {
    const env = {};
    expect(chromiumCandidates({ env, platform: 'linux' }).slice(0, 3)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    expect(chromiumPath({ env, platform: 'linux', exists: only('/usr/bin/google-chrome', '/usr/bin/chromium-browser') })).toBe('/usr/bin/chromium-browser');
    expect(chromiumPath({ env, platform: 'linux', exists: only('/usr/bin/google-chrome') })).toBe('/usr/bin/google-chrome');
    // Nothing installed: the first place, so that "Chromium was not found at …" says where it was expected.
    expect(chromiumPath({ env, platform: 'linux', exists: only() })).toBe('/usr/bin/chromium');
  });

  it("macOS: Chromium.app, then Google Chrome, then Edge, in /Applications before the user's own", () => {
    const env = { HOME: '/Users/ana' };
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const usersChromium = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(chromiumCandidates({ env, platform: 'darwin' }).slice(0, 3)).toEqual([chromium, usersChromium, chrome]);
    expect(chromiumPath({ env, platform: 'darwin', exists: only(chrome, chromium) })).toBe(chromium);
    expect(chromiumPath({ env, platform: 'darwin', exists: only(chrome) })).toBe(chrome);
    expect(chromiumPath({ env, platform: 'darwin', exists: only(chrome, usersChromium) })).toBe(usersChromium);
    expect(chromiumPath({ env, platform: 'darwin', exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })).toBe(
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
  });

  it('Windows: Chromium, then Chrome, then Edge, from %ProgramFiles%, %ProgramFiles(x86)% and %LOCALAPPDATA%, joined with backslashes', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };
    const userChromium = 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const userChrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const candidates = chromiumCandidates({ env, platform: 'win32' });
    expect(candidates).toEqual(expect.arrayContaining([userChromium, chrome, userChrome, edge]));
    expect(candidates.indexOf(userChromium)).toBeLessThan(candidates.indexOf(chrome));
    expect(candidates.indexOf(userChrome)).toBeLessThan(candidates.indexOf(edge));
    expect(chromiumPath({ env, platform: 'win32', exists: only(edge, chrome, userChromium) })).toBe(userChromium);
    expect(chromiumPath({ env, platform: 'win32', exists: only(edge, chrome) })).toBe(chrome);
    expect(chromiumPath({ env, platform: 'win32', exists: only(edge) })).toBe(edge);
    // Without the variables (a stripped environment) the usual folders are still tried.
    expect(chromiumCandidates({ env: {}, platform: 'win32' })).toContain(chrome);
  });
});

describe('portable: nothing phones home', () => {
  it('the entry scripts and CI switch off Turborepo’s and Astro’s telemetry', () => {
    expect(noTelemetry).toEqual({ TURBO_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' });
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    for (const name of Object.keys(noTelemetry)) expect(ci).toMatch(new RegExp(`^export .*\\b${name}=1\\b`, 'm'));
  });

  it('turbo run through scripts/turbo.ts reports telemetry disabled on a fresh machine, with no notice', () => {
    const home = mkdtempSync(join(tmpdir(), 'fresh-home-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: home };
      for (const name of Object.keys(noTelemetry)) delete env[name];
      const run = spawnSync(process.execPath, ['scripts/turbo.ts', 'telemetry', 'status'], { cwd: root, env, encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('Status: Disabled');
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/Attention|collects completely anonymous telemetry/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
