import {
  type BillboardLines,
  type Content,
  type Country,
  factsByFile,
  localized,
  type PosterDesign,
  type PosterPhoto,
  planSite,
  printedFiles,
  printedHelplines,
  releaseFacts,
  type UnverifiedFact,
} from '@repo/content';
import { type PdfxVersion, type Printing, pdfxVersionIds } from '@repo/design';
import type { UiKey } from '@repo/i18n';
import { formatById } from './geometry.ts';

/** A helpline as a poster shows it. */
export interface PosterHelpline {
  id: string;
  /** As its source writes it. */
  number: string;
  /** Purpose in the poster's language, then "free call" and hours where known. */
  note: string;
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
  /** The design's lines in the poster's language; `billboard`: its billboard lines, where it lists a billboard format. */
  lines: { headline: string; body: string; cta: string; billboard?: BillboardLines };
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
  /** The funding statement's short form (billboards). */
  fundingShort: string;
  /** The design's photo, on the formats that show one (`shows.photo`: A4 … city light). */
  photo?: PosterPhoto;
  /**
   * What the PDF is made for: the printing condition its CMYK is separated for and its PDF/X version
   * (content/campaign.yaml `printing`, `pdfx` overridden by the plan's option). On PDF formats only:
   * a PNG does not depend on it.
   */
  printing?: Printing;
  /**
   * The unverified facts this file shows, from the release rule (@repo/content `releaseFacts`).
   * Non-empty: the file is a proof and carries a "PROOF — NOT FOR PRINT" mark.
   */
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
  /** The PDF/X version for this run (apps/print's `--pdfx`), over content/campaign.yaml `printing.pdfx`. */
  pdfx?: PdfxVersion;
}

/** Every file to render: each design × each language of each country whose role it serves × each format. */
export function planJobs(content: Content, options: PlanOptions = {}): PrintJob[] {
  const wanted = options.countries?.length ? new Set(options.countries) : undefined;
  if (wanted) {
    const known = new Set(content.countries.map((c) => c.code));
    const unknown = [...wanted].filter((c) => !known.has(c));
    if (unknown.length) throw new Error(`Unknown country ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  }
  if (options.pdfx !== undefined && !pdfxVersionIds.includes(options.pdfx)) {
    throw new Error(`--pdfx ${options.pdfx} is not a PDF/X version this kit writes: use 1a (PDF/X-1a:2001) or 4 (PDF/X-4)`);
  }
  const printing: Printing = { condition: content.campaign.printing.condition, pdfx: options.pdfx ?? content.campaign.printing.pdfx };
  const date = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : new Date(`${content.campaign.releaseDate}T00:00:00Z`);
  const facts = factsByFile(releaseFacts(content, wanted ? { countries: [...wanted] } : {}));
  const plans = new Map<string, ReturnType<typeof planSite>>();
  const jobs: PrintJob[] = [];
  for (const { key, country, design, locale, format, lines } of printedFiles(content)) {
    if (wanted && !wanted.has(country.code)) continue;
    const plan = plans.get(country.code) ?? planSite(content, country.code);
    plans.set(country.code, plan);
    const page = plan.pages.find((p) => p.id === design.page && p.locale === locale);
    if (!page) throw new Error(`${country.code} has no page "${design.page}" in ${locale}, which ${design.file} links to.`);
    const { shows, output } = formatById(format);
    jobs.push({
      key,
      country: country.code,
      design: design.id,
      template: design.template,
      locale,
      format,
      translation: lines.translation,
      title: localized(design.name, locale),
      lines: { headline: lines.headline, body: lines.body, cta: lines.cta, ...(lines.billboard ? { billboard: lines.billboard } : {}) },
      sizes: design.sizes,
      labels: { call: ui(content, locale, 'helplines.call') },
      helplines: posterHelplines(content, country, locale, 'poster'),
      url: `${country.siteUrl}${page.path}`,
      host: new URL(country.siteUrl).hostname,
      brand: content.campaign.brand,
      funding: localized(content.campaign.funding, locale),
      fundingShort: localized(content.campaign.fundingShort, locale),
      ...(design.photo && shows.photo ? { photo: design.photo } : {}),
      ...(output === 'pdf' ? { printing } : {}),
      unverified: facts.get(key) ?? [],
      cropMarks: options.cropMarks ?? true,
      date: date.toISOString(),
    });
  }
  return jobs;
}

export function ui(content: Content, locale: string, key: UiKey): string {
  return content.ui.get(locale)?.strings[key] ?? content.sourceUi[key];
}

/** The helplines a poster (every one marked `onPosters`) or a page card (the first) shows, described in `locale`. */
export function posterHelplines(content: Content, country: Country, locale: string, on: 'poster' | 'card'): PosterHelpline[] {
  return printedHelplines(country, on).map((h) => ({
    id: h.id,
    number: h.number,
    note: [localized(h.purpose, locale), h.cost === 'free' ? ui(content, locale, 'helplines.free') : undefined, h.hours ?? undefined]
      .filter(Boolean)
      // A no-break space before the dot: a wrapped note ends a line with "·" and never starts one with it.
      .join('\u00a0· '),
  }));
}
