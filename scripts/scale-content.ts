// The content n times over, for the scale benchmark (`npm run bench -- --scale <n>`, scripts/bench.ts):
// `node scripts/scale-content.ts <n> <folder>` writes it into a folder (never into content/).
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);
const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const writeYaml = (file: string, data: unknown) => writeFileSync(file, stringify(data, { lineWidth: 0 }));
/** The copy k of a locale (English stays English: every site has it). */
const copyTag = (tag: string, k: number) => (tag === 'en' ? 'en' : `${tag}-x-k${k}`);

/** A value with every locale-keyed map's keys replaced by `expand(key)` (all declared tags: `tags`). */
function relocalise(value: unknown, tags: Set<string>, expand: (tag: string) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => relocalise(v, tags, expand));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const byLocale = keys.length > 0 && keys.every((k) => tags.has(k));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const inner = relocalise(value[key], tags, expand);
    if (!byLocale) out[key] = inner;
    else for (const tag of expand(key)) out[tag] = clone(inner);
  }
  return out;
}

/**
 * content/ n times over, into `dest`: for each k of 1 … n−1 a copy of every locale but English
 * (`<tag>-x-k<k>`: its pages, interface strings and translation records; its texts in every shared
 * file: campaign, figures, sources, poster designs) and a copy of every country under a new
 * two-letter code, speaking the copies of its languages, with its own site address and helpline ids.
 * Poster designs are not copied: each country copy has its own print files, so print files grow n×
 * with the countries (copying designs too would make them grow n²).
 */
export function scaleContent(src: string, dest: string, n: number): void {
  cpSync(src, dest, { recursive: true });
  if (n === 1) return;
  const copies = Array.from({ length: n - 1 }, (_, i) => i + 1);
  const localesFile = readYaml(join(dest, 'locales.yaml'));
  // The original locales: the copies are appended to the same list, and must not be copied again.
  const entries = [...(localesFile.locales as Record<string, unknown>[])];
  const tags = new Set(entries.map((l) => String(l.tag)));
  for (const k of copies)
    for (const entry of entries.filter((l) => l.tag !== 'en')) {
      const tag = copyTag(String(entry.tag), k);
      const derived = entry.derivedFrom as Record<string, unknown> | undefined;
      (localesFile.locales as unknown[]).push({
        ...clone(entry),
        tag,
        path: tag.toLowerCase(),
        nativeName: `${entry.nativeName} ${k + 1}`,
        englishName: `${entry.englishName} ${k + 1}`,
        ...(derived ? { derivedFrom: { ...derived, locale: copyTag(String(derived.locale), k) } } : {}),
      });
    }
  writeYaml(join(dest, 'locales.yaml'), localesFile);

  // Shared files: every text in every copy locale.
  const shared = ['campaign.yaml', 'figures.yaml', 'sources.yaml', ...readdirSync(join(dest, 'posters')).map((f) => `posters/${f}`)].filter((f) =>
    existsSync(join(dest, f)),
  );
  const everyCopy = (tag: string) => [...new Set([tag, ...copies.map((k) => copyTag(tag, k))])];
  for (const file of shared) writeYaml(join(dest, file), relocalise(readYaml(join(dest, file)), tags, everyCopy));

  // Countries: new codes, not any real one.
  const real = readdirSync(join(dest, 'countries')).map((f) => f.replace(/\.yaml$/, ''));
  const taken = new Set(real);
  const codes: string[] = [];
  for (let a = 0; a < 26 && codes.length < real.length * (n - 1); a++)
    for (let b = 0; b < 26 && codes.length < real.length * (n - 1); b++) {
      const code = String.fromCharCode(97 + a, 97 + b);
      if (!taken.has(code)) codes.push(code);
    }
  const copyCode = new Map<string, string>();
  let next = 0;
  for (const k of copies)
    for (const cc of real) {
      const code = codes[next++] as string;
      copyCode.set(`${cc}/${k}`, code);
      const country = readYaml(join(dest, 'countries', `${cc}.yaml`));
      const copy = relocalise(country, tags, (tag) => [copyTag(tag, k)]) as Record<string, unknown>;
      copy.code = code;
      copy.languages = (country.languages as string[]).map((t) => copyTag(t, k));
      copy.defaultLanguage = copyTag(String(country.defaultLanguage), k);
      copy.siteUrl = String(country.siteUrl).replace(`//${cc}.`, `//${code}.`);
      copy.helplines = (copy.helplines as Record<string, unknown>[]).map((h) => ({ ...h, id: String(h.id).replace(new RegExp(`^${cc}-`), `${code}-`) }));
      writeYaml(join(dest, 'countries', `${code}.yaml`), copy);
    }
  // Figures about a country are about its copies too.
  const figures = readYaml(join(dest, 'figures.yaml'));
  const widenScope = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(widenScope);
    if (!isRecord(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v))
      out[key] =
        key === 'scope' && Array.isArray(inner)
          ? [...inner, ...copies.flatMap((k) => inner.map((cc) => copyCode.get(`${cc}/${k}`)).filter(Boolean))]
          : widenScope(inner);
    return out;
  };
  writeYaml(join(dest, 'figures.yaml'), widenScope(figures));

  // Pages, interface strings and translation records of each copy locale.
  for (const k of copies)
    for (const tag of tags) {
      if (tag === 'en') continue;
      const copy = copyTag(tag, k);
      if (existsSync(join(dest, 'pages', tag))) cpSync(join(dest, 'pages', tag), join(dest, 'pages', copy), { recursive: true });
      if (existsSync(join(dest, 'ui', `${tag}.yaml`))) cpSync(join(dest, 'ui', `${tag}.yaml`), join(dest, 'ui', `${copy}.yaml`));
      const records = join(dest, 'translations', `${tag}.yaml`);
      if (existsSync(records)) {
        const data = readYaml(records);
        const units = (data.units ?? {}) as Record<string, unknown>;
        for (const [key, unit] of Object.entries({ ...units })) {
          const m = /^country:([a-z]{2}):(.*)$/.exec(key);
          const code = m && copyCode.get(`${m[1]}/${k}`);
          if (code) units[`country:${code}:${m?.[2]}`] = clone(unit);
        }
        writeYaml(join(dest, 'translations', `${copy}.yaml`), data);
      }
    }
}

if (import.meta.main) {
  const [times, folder] = process.argv.slice(2);
  if (!times || !folder) {
    console.error('usage: node scripts/scale-content.ts <n> <folder>');
    process.exit(2);
  }
  scaleContent(resolve(import.meta.dirname, '../content'), resolve(folder), Number(times));
  console.log(`${times}× content in ${resolve(folder)}`);
}
