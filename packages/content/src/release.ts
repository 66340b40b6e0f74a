// The release rule, in one place: which facts are unverified, and where each appears. A fact is
// unverified while nobody has confirmed it for this release: a helpline number without a current
// confirmation, a site address on a reserved domain, poster words that are a draft translation or
// missing. Print files that show one are proofs ("PROOF — NOT FOR PRINT"); a release build
// (`--release`) refuses while there is any. Sites, print files, publish and build all ask this module.
import { type PrintFormatId, printFormats } from '@repo/design';
import { type ArgsOf, describe, type ErrorArgs, type ReleaseCode } from '@repo/errors';
import { localeInfo, sourceLocale } from '@repo/i18n';
import type { Content } from './load.ts';
import { designShownIn, type PosterDesign } from './posters.ts';
import type { Country, Helpline, PosterLines } from './schema/index.ts';
import { planSite } from './site-plan.ts';
import { localeUnits, type Unit, unitSources } from './units.ts';

/** What kind of fact is unverified. */
export type ReleaseFactKind =
  /** A helpline without a `verifiedOn` date. */
  | 'helpline-unverified'
  /** A helpline confirmed longer ago than the campaign's `recheckMonths` before its `releaseDate`. */
  | 'helpline-expired'
  /** A helpline whose `verifiedOn` is after the `releaseDate`: a date that cannot be a confirmation. */
  | 'helpline-future'
  /** A site address (`siteUrl`) on a domain reserved for examples and tests (RFC 2606, RFC 6761). */
  | 'reserved-domain'
  /** Poster lines printed in a language whose translation is still a `draft`. */
  | 'poster-text-draft'
  /** Poster lines missing for a language a country of the design speaks. */
  | 'poster-text-missing'
  /**
   * A text a print file shows (a poster line, a helpline's purpose, the funding statement, a label)
   * translated from an English text that has changed since: its unit's recorded fingerprint differs.
   */
  | 'printed-text-outdated'
  /** A text a print file shows that has no translation in its language, so English would be printed in its place. */
  | 'printed-text-missing';

/**
 * One unverified fact, as a print file carries it (plain data: it travels with each print job to the
 * worker threads and into the manifest).
 */
export interface UnverifiedFact {
  kind: ReleaseFactKind;
  /** What is unverified, in one sentence for the campaign team (English). */
  what: string;
  /** The content file to fix, e.g. `content/countries/gr.yaml`. */
  file: string;
  /** The field to fix in that file, dotted, e.g. `helplines.0.verifiedOn`. */
  field: string;
  /** What to do about it. */
  fix: string;
}

/** Where a fact is published. */
export interface FactPlaces {
  /** Each country site that shows it, with the paths of its pages that do (every page, for a number or the site address). */
  sites: { country: string; pages: string[] }[];
  /** Print files that show it, as `<cc>/<design>/<locale>/<format>` (apps/print writes `<key>.pdf` or `.png`). */
  printFiles: string[];
  /** Page cards (each page's Open Graph image) that show it, as `<cc>/cards/<locale>/<page>`. */
  pageCards: string[];
}

/** An unverified fact with every place it appears. */
export interface ReleaseFact extends UnverifiedFact {
  /** The catalogue's code of its kind (@repo/errors, group `release`), e.g. `HelplineUnverified`. */
  code: ReleaseCode;
  /** The values `what` and `fix` are made of. */
  args: ErrorArgs;
  appearsOn: FactPlaces;
}

/** A fact's code, arguments, words (`what`, `fix`) and kind, from the catalogue. */
function fact<C extends ReleaseCode>(kind: ReleaseFactKind, code: C, args: ArgsOf<C>): Pick<ReleaseFact, 'kind' | 'code' | 'args' | 'what' | 'fix'> {
  const { message, hint } = describe(code, args);
  return { kind, code, args: args as ErrorArgs, what: message, fix: hint };
}

/**
 * Host names reserved for documentation and testing, which can never be a campaign's real site:
 * `example` and everything under it, `example.com`, `example.net`, `example.org` and their
 * subdomains (RFC 2606), `test`, `invalid`, `localhost` and everything under them (RFC 2606, RFC 6761).
 */
const reservedHostPattern = /(?:^|\.)(?:example|test|invalid|localhost)$|(?:^|\.)example\.(?:com|net|org)$/;

/** True for a host on a reserved domain (see reservedHostPattern); a trailing dot and case do not matter. */
export function isReservedHost(host: string): boolean {
  return reservedHostPattern.test(host.toLowerCase().replace(/\.$/, ''));
}

/**
 * The earliest `verifiedOn` date that is still current: `releaseDate` minus `months` calendar
 * months, on the same day of the month, or on that month's last day when it has fewer days
 * (31 March minus one month is 28 or 29 February). Boundary rule: a number verified ON this day is
 * still current; one verified the day before counts as unverified again. With releaseDate
 * 2026-11-22 and 12 months: 2025-11-22 is current, 2025-11-21 has expired.
 */
export function recheckCutoff(releaseDate: string, months: number): string {
  const [year, month, day] = releaseDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m + 1, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** Key of a print file: `<cc>/<design>/<locale>/<format>`, also its output path without extension. */
export function printFileKey(country: string, design: string, locale: string, format: string): string {
  return `${country}/${design}/${locale}/${format}`;
}

/** Key of a page card: `<cc>/cards/<locale>/<page>`, also its output path without extension. */
export function pageCardKey(country: string, locale: string, page: string): string {
  return `${country}/cards/${locale}/${page}`;
}

/** One file the print build makes: a design in one language and one format for one country. */
export interface PrintedFile {
  key: string;
  country: Country;
  design: PosterDesign;
  locale: string;
  format: PosterDesign['formats'][number];
  /** The design's words in this language. */
  lines: PosterLines;
}

/**
 * Every print file of the content, in print order: each country (by code) × each design whose
 * audience is one of its roles × each of its languages the design has lines for × each format.
 */
export function printedFiles(content: Content): PrintedFile[] {
  const files: PrintedFile[] = [];
  for (const country of content.countries) {
    for (const design of content.posters) {
      for (const locale of country.languages) {
        // The loader refuses a design without lines for a language its countries speak; the release
        // rule reports it too (poster-text-missing), and nothing is printed for it.
        if (!designShownIn(design, country, locale)) continue;
        const lines = design.lines[locale] as PosterLines;
        for (const format of design.formats) files.push({ key: printFileKey(country.code, design.id, locale, format), country, design, locale, format, lines });
      }
    }
  }
  return files;
}

/** The helplines a printed file shows: a poster every one marked `onPosters`, a page card the first of them. */
export function printedHelplines(country: Country, on: 'poster' | 'card'): Helpline[] {
  const lines = country.helplines.filter((h) => h.onPosters);
  return on === 'card' ? lines.slice(0, 1) : lines;
}

export interface ReleaseOptions {
  /** Only facts about these countries (codes), and only their pages and files; all when empty or absent. */
  countries?: string[];
}

/**
 * Every unverified fact of the content and where it appears: the release rule. Sorted by kind of
 * place (helplines, domains, then poster words), in content order.
 */
export function releaseFacts(content: Content, options: ReleaseOptions = {}): ReleaseFact[] {
  const wanted = options.countries?.length ? new Set(options.countries) : undefined;
  const countries = content.countries.filter((c) => !wanted || wanted.has(c.code));
  const { releaseDate, recheckMonths } = content.campaign;
  const cutoff = recheckCutoff(releaseDate, recheckMonths);
  const files = printedFiles(content).filter((f) => !wanted || wanted.has(f.country.code));
  const planned = new Map(countries.map((c) => [c.code, planSite(content, c.code).pages]));
  const sitePages = (country: Country) => [{ country: country.code, pages: (planned.get(country.code) ?? []).map((p) => p.path) }];
  const cards = (country: Country) => (planned.get(country.code) ?? []).map((p) => pageCardKey(country.code, p.locale, p.id));
  const facts: ReleaseFact[] = [];

  for (const country of countries) {
    const file = `content/countries/${country.code}.yaml`;
    const ownFiles = files.filter((f) => f.country === country);
    country.helplines.forEach((helpline, i) => {
      const found = helplineFact(helpline, releaseDate, recheckMonths, cutoff);
      if (!found) return;
      const onPosters = printedHelplines(country, 'poster').includes(helpline);
      const onCards = printedHelplines(country, 'card').includes(helpline);
      facts.push({
        ...found,
        file,
        field: `helplines.${i}.verifiedOn`,
        appearsOn: { sites: sitePages(country), printFiles: onPosters ? ownFiles.map((f) => f.key) : [], pageCards: onCards ? cards(country) : [] },
      });
    });
    const host = new URL(country.siteUrl).hostname;
    if (isReservedHost(host)) {
      facts.push({
        ...fact('reserved-domain', 'ReservedDomain', { siteUrl: country.siteUrl, host, country: country.code }),
        file,
        field: 'siteUrl',
        appearsOn: { sites: sitePages(country), printFiles: ownFiles.map((f) => f.key), pageCards: cards(country) },
      });
    }
  }

  for (const design of content.posters) {
    const file = `content/${design.file}`;
    const served = countries.filter((c) => c.roles.includes(design.audience));
    const spoken = [...new Set(served.flatMap((c) => c.languages))];
    for (const locale of Object.keys(design.lines).filter((l) => spoken.includes(l))) {
      const lines = design.lines[locale] as PosterLines;
      if (lines.translation !== 'draft') continue;
      const printFiles = files.filter((f) => f.design === design && f.locale === locale).map((f) => f.key);
      if (printFiles.length === 0) continue;
      facts.push({
        ...fact('poster-text-draft', 'PosterTextDraft', { design: design.id, locale, language: localeInfo(locale).englishName }),
        file,
        field: `lines.${locale}.translation`,
        appearsOn: { sites: [], printFiles, pageCards: [] },
      });
    }
    for (const locale of spoken.filter((l) => !design.lines[l])) {
      const speakers = served.filter((c) => c.languages.includes(locale));
      facts.push({
        ...fact('poster-text-missing', 'PosterTextMissing', {
          design: design.id,
          locale,
          language: localeInfo(locale).englishName,
          countries: speakers.map((c) => c.code),
          isSource: locale === sourceLocale,
        }),
        file,
        field: `lines.${locale}`,
        appearsOn: {
          sites: [],
          printFiles: speakers.flatMap((c) => design.formats.map((format) => printFileKey(c.code, design.id, locale, format))),
          pageCards: [],
        },
      });
    }
  }
  facts.push(...printedTextFacts(content, countries, files));
  return facts;
}

/**
 * Whether a print file shows a unit's text: a design's lines on its formats that show them (billboards
 * their own lines, the body only where `shows.body`), the purposes of the helplines it prints, the
 * full funding statement (the short one on billboards) and the helpline labels on every poster. The design's name is in the PDF's
 * metadata only. The import's copyfit check (@repo/translate) asks this too.
 */
export function unitIsPrintedOn(unitId: string, file: { design: string; format: string; country: Pick<Country, 'helplines'> }): boolean {
  const [kind, id, field = ''] = unitId.split(':');
  if (kind === 'poster') {
    if (id !== file.design || field === 'name') return false;
    const format = printFormats[file.format as PrintFormatId];
    if (field.startsWith('billboard.')) return format?.kind === 'billboard';
    if (format?.kind === 'billboard') return false;
    return field !== 'body' || !!format?.shows.body;
  }
  if (kind === 'helpline') return printedHelplines(file.country as Country, 'poster').some((h) => h.id === id);
  // Billboards print the short funding statement, every other format the full one.
  const billboard = printFormats[file.format as PrintFormatId]?.kind === 'billboard';
  if (unitId === 'campaign:funding') return !billboard;
  if (unitId === 'campaign:fundingShort') return billboard;
  return unitId === 'ui:helplines.call' || unitId === 'ui:helplines.free';
}

/** Outdated or missing texts on print files, unit by unit (a design's lines missing as a whole are poster-text-missing). */
function printedTextFacts(content: Content, countries: Country[], files: PrintedFile[]): ReleaseFact[] {
  const facts: ReleaseFact[] = [];
  const sources = unitSources(content);
  const locales = [...new Set(files.map((f) => f.locale))].filter((l) => l !== sourceLocale);
  for (const locale of locales) {
    const own = files.filter((f) => f.locale === locale && countries.includes(f.country));
    for (const unit of localeUnits(content, locale, sources)) {
      if (unit.state !== 'outdated' && unit.state !== 'missing') continue;
      const printFiles = own.filter((f) => unitIsPrintedOn(unit.id, { design: f.design.id, format: f.format, country: f.country })).map((f) => f.key);
      if (printFiles.length === 0) continue;
      facts.push(printedTextFact(unit, locale, printFiles));
    }
  }
  return facts;
}

function printedTextFact(unit: Unit, locale: string, printFiles: string[]): ReleaseFact {
  const place = { file: `content/${unit.place(locale).file}`, field: unit.place(locale).path.join('.') };
  const text = { unit: unit.id, locale, language: localeInfo(locale).englishName, where: unit.where };
  const appearsOn = { sites: [], printFiles, pageCards: [] };
  if (unit.state === 'missing') return { ...fact('printed-text-missing', 'PrintedTextMissing', text), ...place, appearsOn };
  const origin = localeInfo(locale).derivedFrom?.locale;
  const because = unit.outdatedBecause ?? 'english-changed';
  return { ...fact('printed-text-outdated', 'PrintedTextOutdated', { ...text, because, ...(origin ? { origin } : {}) }), ...place, appearsOn };
}

/** Whether a helpline's number counts as verified for this release, and if not, what is wrong. */
/**
 * Whether a number counts as verified for this campaign's release: confirmed with its operator within
 * the re-check period before the release date. The site's "not yet confirmed" note asks this too, so
 * what a reader is told and what a release refuses never disagree.
 */
export function helplineIsVerified(helpline: Helpline, campaign: Pick<Content['campaign'], 'releaseDate' | 'recheckMonths'>): boolean {
  return !helplineFact(helpline, campaign.releaseDate, campaign.recheckMonths, recheckCutoff(campaign.releaseDate, campaign.recheckMonths));
}

function helplineFact(helpline: Helpline, releaseDate: string, months: number, cutoff: string) {
  const which = { number: helpline.number, id: helpline.id, ...(helpline.operator ? { operator: helpline.operator } : {}) };
  if (!helpline.verifiedOn) return fact('helpline-unverified', 'HelplineUnverified', which);
  if (helpline.verifiedOn > releaseDate) return fact('helpline-future', 'HelplineFuture', { ...which, verifiedOn: helpline.verifiedOn, releaseDate });
  if (helpline.verifiedOn < cutoff)
    return fact('helpline-expired', 'HelplineExpired', { ...which, verifiedOn: helpline.verifiedOn, months, releaseDate, cutoff });
  return undefined;
}

/** The facts a print file or page card shows, by its key (what makes it a proof), stripped of their places. */
export function factsByFile(facts: ReleaseFact[]): Map<string, UnverifiedFact[]> {
  const byKey = new Map<string, UnverifiedFact[]>();
  for (const { appearsOn, code: _code, args: _args, ...fact } of facts) {
    for (const key of [...appearsOn.printFiles, ...appearsOn.pageCards]) byKey.set(key, [...(byKey.get(key) ?? []), fact]);
  }
  return byKey;
}

/** Keys grouped by folder, the last part of each in braces: `gr/destination-demand/el/{a4,a3}; gr/cards/el/{home}`. */
function compactKeys(keys: string[]): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const cut = key.lastIndexOf('/');
    const group = key.slice(0, cut);
    groups.set(group, [...(groups.get(group) ?? []), key.slice(cut + 1)]);
  }
  return [...groups].map(([group, names]) => `${group}/{${names.join(',')}}`).join('; ');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where a fact appears, in one line. */
export function formatPlaces(places: FactPlaces): string {
  const parts = [
    ...places.sites.map((s) => `${count(s.pages.length, 'page', 'pages')} of the ${s.country} site`),
    ...(places.printFiles.length ? [`${count(places.printFiles.length, 'print file', 'print files')}: ${compactKeys(places.printFiles)}`] : []),
    ...(places.pageCards.length ? [`${count(places.pageCards.length, 'page card', 'page cards')}: ${compactKeys(places.pageCards)}`] : []),
  ];
  return parts.length ? parts.join('; ') : 'nowhere yet';
}

/** The one formatter of a fact: what, where to fix it and how, and where it appears. */
export function formatFact(fact: ReleaseFact): string {
  return `  - [${fact.code}] ${fact.what}\n    fix: ${fact.file} field "${fact.field}": ${fact.fix}\n    appears on: ${formatPlaces(fact.appearsOn)}`;
}

/** The one message of a refused release. */
export function formatReleaseRefusal(facts: ReleaseFact[]): string {
  return `Release refused: ${count(facts.length, 'fact is', 'facts are')} unverified and would be published:\n${facts.map(formatFact).join('\n')}`;
}

/** Thrown by every release build (sites, print files, publish) while any fact is unverified. */
export class ReleaseRefused extends Error {
  readonly facts: ReleaseFact[];
  constructor(facts: ReleaseFact[]) {
    super(formatReleaseRefusal(facts));
    this.name = 'ReleaseRefused';
    this.facts = facts;
  }
}

/** Throws ReleaseRefused when there is any fact. */
export function refuseUnverified(facts: ReleaseFact[]): void {
  if (facts.length > 0) throw new ReleaseRefused(facts);
}

/**
 * The campaign team's report of every unverified fact (dist/reports/unverified.md and .json; never
 * deployed): the same facts and formatter as a refused release.
 */
export function releaseReport(content: Content, facts: ReleaseFact[]): { markdown: string; json: string } {
  const { id, releaseDate, recheckMonths } = content.campaign;
  const cutoff = recheckCutoff(releaseDate, recheckMonths);
  const intro = [
    `# Unverified facts: ${id}, release date ${releaseDate}`,
    '',
    'Every fact below makes the print files that show it proofs marked "PROOF — NOT FOR PRINT", and a',
    'release build (`npm run build -- --release`) refuses while there is any. A helpline counts as',
    `verified when its verifiedOn date is from ${cutoff} to ${releaseDate} (recheckMonths: ${recheckMonths} in content/campaign.yaml).`,
    'The public "For printers" pages only say that the files are proofs; this list is for the campaign team.',
    '',
  ];
  const body = facts.length
    ? [`${count(facts.length, 'fact', 'facts')}:`, '', '```', ...facts.map(formatFact), '```']
    : ['None: a release build may go ahead.'];
  const json = { campaign: id, releaseDate, recheckMonths, verifiedFrom: cutoff, facts };
  return { markdown: `${[...intro, ...body].join('\n')}\n`, json: `${JSON.stringify(json, null, 2)}\n` };
}
