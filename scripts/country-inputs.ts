// Which content each country's print files and site are made from: one input list per country,
// `.build-inputs/<cc>.json`, that its Turborepo tasks hash instead of all of content/ (see the
// README, "How a build flows"). With it a change to one country's file, one language's page or one
// language's poster line changes the hash of those countries' tasks only, and every other country
// replays from Turborepo's cache, on this machine or from the shared cache.
//
// A file counts for a country when
//   - countries/<cc>.yaml: it is that country's;
//   - pages/<locale>/…: the country's site shows the page (its roles match the page's audience, and
//     the country speaks the locale: its languages, English, and the locales they are derived from);
//   - ui/<locale>.yaml, translations/<locale>.yaml: the country speaks the locale;
//   - any other YAML file (campaign, figures, sources, locales, poster designs): always, but hashed
//     without the per-language texts of languages the country does not speak (a map whose keys are
//     all declared locale tags, such as a poster's `lines` or a campaign's `tagline`);
//   - anything else (photos, notes): always, by its bytes.
// The lists hold content hashes, not content: Turborepo hashes the list, and `npm run build` prints
// which listed files changed when it explains a rebuild.
//
// This reads the content's raw files (YAML and page frontmatter), not @repo/content's validated
// model: it runs before every country task to prove that its list is current (scripts/country-task.ts)
// and must be quick. scripts/test/incremental.test.ts checks it against @repo/content's rules.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

/** The locale every page and text is written in first; it is on every site (@repo/i18n sourceLocale). */
const sourceLocale = 'en';

export interface CountryInputs {
  country: string;
  /** Roles of the country (origin, destination). */
  roles: string[];
  /** The locales its site and print files show, with English and the locales they are derived from. */
  locales: string[];
  /** Repository-relative path of each content file it is made from → SHA-256 of what counts of it. */
  files: Record<string, string>;
}

/** Where the input lists live: gitignored, written before Turborepo runs. */
export const inputsDirName = '.build-inputs';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path, base) : [relative(base, path).split(sep).join('/')];
    })
    .sort();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A page's `audience` from its frontmatter (undefined when it cannot be read: the page then counts for every site). */
function pageAudience(path: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return undefined;
  try {
    const data = parse(match[1] as string) as unknown;
    return isRecord(data) && typeof data.audience === 'string' ? data.audience : undefined;
  } catch {
    return undefined;
  }
}

/** A YAML value without the per-language texts of other languages: maps keyed by locale tags keep the `keep` ones. */
function project(value: unknown, tags: Set<string>, keep: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, tags, keep));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const byLocale = keys.length > 0 && keys.every((k) => tags.has(k));
  const out: Record<string, unknown> = {};
  for (const key of keys) if (!byLocale || keep.has(key)) out[key] = project(value[key], tags, keep);
  return out;
}

/**
 * Every country's input list, from the content folder `contentDir` (`content/` of the repository
 * at `root`; paths in the lists are relative to `root`).
 */
export function countryInputs(root: string, contentDir = join(root, 'content'), only?: string): Map<string, CountryInputs> {
  const rel = (file: string) => relative(root, join(contentDir, file)).split(sep).join('/');
  const files = listFiles(contentDir);

  const localesFile = readYaml(join(contentDir, 'locales.yaml'));
  const localeEntries = isRecord(localesFile) && Array.isArray(localesFile.locales) ? localesFile.locales.filter(isRecord) : [];
  const tags = new Set(localeEntries.map((l) => String(l.tag)));
  tags.add(sourceLocale);
  const derivedFrom = new Map(
    localeEntries.filter((l) => isRecord(l.derivedFrom)).map((l) => [String(l.tag), String((l.derivedFrom as Record<string, unknown>).locale)] as const),
  );

  const countries = files
    .filter((f) => /^countries\/[^/]+\.ya?ml$/.test(f))
    .filter((f) => only === undefined || f.replace(/^countries\/|\.ya?ml$/g, '') === only)
    .map((file) => {
      const data = readYaml(join(contentDir, file));
      const record = isRecord(data) ? data : {};
      const code = typeof record.code === 'string' ? record.code : (file.split('/')[1] as string).replace(/\.ya?ml$/, '');
      const roles = Array.isArray(record.roles) ? record.roles.map(String) : [];
      const locales = new Set([sourceLocale, ...(Array.isArray(record.languages) ? record.languages.map(String) : [])]);
      // Serbian Latin is made from Serbian Cyrillic: a site in sr-Latn shows what sr-Cyrl says.
      for (const tag of [...locales]) for (let from = derivedFrom.get(tag); from && !locales.has(from); from = derivedFrom.get(from)) locales.add(from);
      return { file, code, roles, locales: [...locales].sort(), readable: isRecord(data) };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  // A country file that cannot be read: the loader refuses it; until then every file counts for every country.
  const unreadable = countries.some((c) => !c.readable);

  // Pages: the audience of each page id is the English page's (the loader checks translations
  // agree). Frontmatter is read only for the pages of the locales asked about.
  const audiences = new Map<string, string | undefined>();
  const audienceOf = (file: string) => {
    if (!audiences.has(file)) audiences.set(file, /\.mdx?$/.test(file) ? pageAudience(join(contentDir, file)) : undefined);
    return audiences.get(file);
  };
  const pages = files
    .filter((f) => f.startsWith('pages/'))
    .map((file) => {
      const [, locale, ...rest] = file.split('/');
      return { file, locale: locale as string, id: rest.join('/').replace(/\.mdx?$/, '') };
    });
  const pageFiles = new Map(pages.map((p) => [p.file, p]));
  const englishFile = new Map(pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p.file]));

  // What each file is for every country: its hash, or undefined when it does not count for it.
  const byteHash = new Map<string, string>();
  const bytes = (file: string) => {
    let hash = byteHash.get(file);
    if (!hash) {
      hash = sha256(readFileSync(join(contentDir, file)));
      byteHash.set(file, hash);
    }
    return hash;
  };
  const projections = new Map<string, string>();
  const parsed = new Map<string, unknown>();
  const projected = (file: string, locales: string[]) => {
    const key = `${file}\0${locales.join(',')}`;
    let hash = projections.get(key);
    if (!hash) {
      if (!parsed.has(file)) parsed.set(file, readYaml(join(contentDir, file)));
      const data = parsed.get(file);
      hash = data === undefined ? bytes(file) : sha256(JSON.stringify(project(data, tags, new Set(locales))));
      projections.set(key, hash);
    }
    return hash;
  };
  const showsPage = (page: { file: string; locale: string; id: string }, country: { locales: string[]; roles: string[] }) => {
    if (!country.locales.includes(page.locale)) return false;
    const english = englishFile.get(page.id);
    const audiences = [audienceOf(page.file), english ? audienceOf(english) : undefined];
    if (audiences.every((a) => a === undefined)) return true;
    return audiences.some((a) => a === undefined || a === 'all' || country.roles.includes(a));
  };

  const result = new Map<string, CountryInputs>();
  for (const country of countries) {
    if (only !== undefined && country.code !== only) continue;
    const list: Record<string, string> = {};
    for (const file of files) {
      const [top, second] = file.split('/');
      let counts = true;
      let hash: string | undefined;
      if (!unreadable) {
        if (top === 'countries' && /\.ya?ml$/.test(file)) counts = file === country.file;
        else if (top === 'pages' && pageFiles.has(file)) counts = showsPage(pageFiles.get(file) as (typeof pages)[number], country);
        else if ((top === 'ui' || top === 'translations') && second && /\.ya?ml$/.test(second))
          counts = country.locales.includes(second.replace(/\.ya?ml$/, ''));
        else if (/\.ya?ml$/.test(file)) hash = projected(file, country.locales);
      }
      if (counts) list[rel(file)] = hash ?? bytes(file);
    }
    result.set(country.code, { country: country.code, roles: [...country.roles].sort(), locales: country.locales, files: list });
  }
  return result;
}

/** The text of a country's input list file. */
export function inputsText(inputs: CountryInputs): string {
  return `${JSON.stringify(inputs, null, 1)}\n`;
}

/**
 * Writes `.build-inputs/<cc>.json` for every country of `content/` (a file is rewritten only when
 * its text changes) and removes the lists of countries that are gone. Returns the lists.
 */
export function writeCountryInputs(root: string): Map<string, CountryInputs> {
  // Each list's modification time is set to when its content was read: content modified since is
  // newer than it (see listIsCurrent).
  const read = Date.now() / 1000;
  const inputs = countryInputs(root);
  const dir = join(root, inputsDirName);
  mkdirSync(dir, { recursive: true });
  for (const [code, list] of inputs) {
    const path = join(dir, `${code}.json`);
    const text = inputsText(list);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      writeFileSync(`${path}.tmp-${process.pid}`, text);
      renameSync(`${path}.tmp-${process.pid}`, path);
    }
    utimesSync(path, read, read);
  }
  for (const name of readdirSync(dir)) if (name.endsWith('.json') && !inputs.has(name.slice(0, -5))) rmSync(join(dir, name));
  return inputs;
}

/**
 * True when nothing in content/ (no file, no folder: an added or removed file changes its folder)
 * was modified since the country's list was written from it: the list is current without reading
 * the content again, which at scale takes seconds. Else the list must be compared with a new one.
 */
export function listIsCurrent(root: string, code: string): boolean {
  let written: number;
  try {
    written = statSync(join(root, inputsDirName, `${code}.json`)).mtimeMs;
  } catch {
    return false;
  }
  const newer = (dir: string): boolean => {
    if (statSync(dir).mtimeMs >= written) return true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() ? newer(path) : statSync(path).mtimeMs >= written) return true;
    }
    return false;
  };
  return !newer(join(root, 'content'));
}

/** The list written for a country (undefined when there is none or it cannot be read). */
export function readCountryInputs(root: string, code: string): CountryInputs | undefined {
  try {
    return JSON.parse(readFileSync(join(root, inputsDirName, `${code}.json`), 'utf8')) as CountryInputs;
  } catch {
    return undefined;
  }
}

/** What changed between two lists of the same country: files changed, added and removed. */
export function diffInputs(before: Record<string, string> | undefined, after: Record<string, string>): string[] {
  if (!before) return [];
  const out: string[] = [];
  for (const [file, hash] of Object.entries(after)) {
    if (!(file in before)) out.push(`${file} added`);
    else if (before[file] !== hash) out.push(`${file} changed`);
  }
  for (const file of Object.keys(before)) if (!(file in after)) out.push(`${file} removed`);
  return out;
}
