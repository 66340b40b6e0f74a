import { type Content, type Country, localized, type PosterDesign, type PosterPhoto, planSite } from '@repo/content';
import type { UiKey } from '@repo/i18n';
import { formatById } from './geometry.ts';

/** A helpline as a poster shows it. */
export interface PosterHelpline {
  id: string;
  /** As its source writes it. */
  number: string;
  /** Purpose in the poster's language, then "free call" and hours where known. */
  note: string;
  verified: boolean;
}

/** A fact on the poster nobody has confirmed yet: it makes the poster a proof. */
export interface UnverifiedFact {
  /** What is unconfirmed, e.g. `helpline 1109 (gr-1109) has no verifiedOn date`. */
  fact: string;
  /** The content file to fix. */
  file: string;
}

/**
 * Everything needed to render one file: one design in one language and one format for one country.
 * Plain data, so it crosses to worker threads and hashes as JSON.
 */
export interface PrintJob {
  /** `<country>/<design>/<locale>/<format>`: also the output path without extension. */
  key: string;
  country: string;
  design: string;
  template: string;
  locale: string;
  format: string;
  translation: 'source' | 'draft' | 'reviewed';
  /** The design's name in the poster's language. */
  title: string;
  lines: { headline: string; body: string; cta: string };
  /** Type size overrides from the design, percent of the short side. */
  sizes: PosterDesign['sizes'];
  /** Interface words the poster uses, in its language. */
  labels: { call: string };
  /** The country's own helplines marked `onPosters`, most specific first. */
  helplines: PosterHelpline[];
  /** Absolute URL of the design's page in the poster's language, on the country's canonical domain. */
  url: string;
  /** The domain alone, printed under the QR code. */
  host: string;
  brand: string;
  funding: string;
  /** The design's photo, on poster formats (A4 … city light) only. */
  photo?: PosterPhoto;
  /** Non-empty: the file is a proof and carries a "PROOF — NOT FOR PRINT" mark. */
  unverified: UnverifiedFact[];
  cropMarks: boolean;
  /** Fixed timestamp written into the files (ISO 8601), so the same content gives the same bytes. */
  date: string;
}

export interface PlanOptions {
  /** Only these countries (codes); all when empty or absent. */
  countries?: string[];
  cropMarks?: boolean;
  /** Unix seconds, e.g. from SOURCE_DATE_EPOCH; defaults to the campaign's releaseDate. */
  sourceDateEpoch?: number;
}

const reservedHost = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/;

/** Every file to render: each design × each language of each country whose role it serves × each format. */
export function planJobs(content: Content, options: PlanOptions = {}): PrintJob[] {
  const wanted = options.countries?.length ? new Set(options.countries) : undefined;
  if (wanted) {
    const known = new Set(content.countries.map((c) => c.code));
    const unknown = [...wanted].filter((c) => !known.has(c));
    if (unknown.length) throw new Error(`Unknown country ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  }
  const date = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : new Date(`${content.campaign.releaseDate}T00:00:00Z`);
  const jobs: PrintJob[] = [];
  for (const country of content.countries) {
    if (wanted && !wanted.has(country.code)) continue;
    const plan = planSite(content, country.code);
    for (const design of content.posters) {
      if (!country.roles.includes(design.audience)) continue;
      for (const locale of country.languages) {
        const lines = design.lines[locale];
        // The loader refuses a design without lines for a language its countries speak.
        if (!lines) continue;
        const page = plan.pages.find((p) => p.id === design.page && p.locale === locale);
        if (!page) throw new Error(`${country.code} has no page "${design.page}" in ${locale}, which ${design.file} links to.`);
        const url = `${country.siteUrl}${page.path}`;
        const helplines = posterHelplines(content, country, locale);
        const host = new URL(country.siteUrl).hostname;
        const unverified = unverifiedFacts(country, helplines);
        for (const format of design.formats) {
          jobs.push({
            key: `${country.code}/${design.id}/${locale}/${format}`,
            country: country.code,
            design: design.id,
            template: design.template,
            locale,
            format,
            translation: lines.translation,
            title: localized(design.name, locale),
            lines: { headline: lines.headline, body: lines.body, cta: lines.cta },
            sizes: design.sizes,
            labels: { call: ui(content, locale, 'helplines.call') },
            helplines,
            url,
            host,
            brand: content.campaign.brand,
            funding: localized(content.campaign.funding, locale),
            ...(design.photo && formatById(format).kind === 'poster' ? { photo: design.photo } : {}),
            unverified,
            cropMarks: options.cropMarks ?? true,
            date: date.toISOString(),
          });
        }
      }
    }
  }
  return jobs;
}

export function ui(content: Content, locale: string, key: UiKey): string {
  return content.ui.get(locale)?.strings[key] ?? content.sourceUi[key];
}

/** The unverified facts of a file: its helplines without verifiedOn, and the site address when it is a reserved example domain. */
export function unverifiedFacts(country: Country, helplines: PosterHelpline[]): UnverifiedFact[] {
  const facts: UnverifiedFact[] = helplines
    .filter((h) => !h.verified)
    .map((h) => ({ fact: `helpline ${h.number} (${h.id}) has no verifiedOn date`, file: `content/countries/${country.code}.yaml` }));
  const host = new URL(country.siteUrl).hostname;
  if (reservedHost.test(host)) {
    facts.push({ fact: `the address (and QR code) point to ${host}, a reserved example domain`, file: `content/countries/${country.code}.yaml (siteUrl)` });
  }
  return facts;
}

/** A country's helplines marked `onPosters`, most specific first, described in `locale`. */
export function posterHelplines(content: Content, country: Country, locale: string): PosterHelpline[] {
  return country.helplines
    .filter((h) => h.onPosters)
    .map((h) => ({
      id: h.id,
      number: h.number,
      note: [localized(h.purpose, locale), h.cost === 'free' ? ui(content, locale, 'helplines.free') : undefined, h.hours ?? undefined]
        .filter(Boolean)
        .join(' · '),
      verified: Boolean(h.verifiedOn),
    }));
}

/**
 * Every unverified fact of a set of jobs (posters and page cards), with the files it appears on: what
 * a release render refuses.
 */
export function releaseBlockers(jobs: { key: string; unverified: UnverifiedFact[] }[]): string[] {
  const byFact = new Map<string, { file: string; keys: string[] }>();
  for (const job of jobs) {
    for (const u of job.unverified) {
      const entry = byFact.get(u.fact) ?? { file: u.file, keys: [] };
      entry.keys.push(job.key);
      byFact.set(u.fact, entry);
    }
  }
  return [...byFact].map(([fact, { file, keys }]) => {
    // Group the files by country/design/locale, listing the formats of each.
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const cut = key.lastIndexOf('/');
      const group = key.slice(0, cut);
      groups.set(group, [...(groups.get(group) ?? []), key.slice(cut + 1)]);
    }
    const where = [...groups].map(([group, formats]) => `${group}/{${formats.join(',')}}`).join('; ');
    return `${fact} (fix in ${file}); it appears on ${keys.length} file${keys.length === 1 ? '' : 's'}: ${where}`;
  });
}
