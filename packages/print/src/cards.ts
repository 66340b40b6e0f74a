import { type Content, factsByFile, pageCardKey, planSite, releaseFacts, type UnverifiedFact } from '@repo/content';
import type { PosterTemplateId } from '@repo/design';
import { type PlanOptions, type PosterHelpline, posterHelplines, ui } from './jobs.ts';

/** The format of every page card: the Open Graph / link card size. */
export const cardFormat = 'social-link';
/** The template (colour scheme) page cards use: the brand panel. */
export const cardTemplate: PosterTemplateId = 'panel';

/**
 * One page card: the 1200 × 630 Open Graph image of one page of one locale of a country's site. Plain
 * data, like PrintJob, so it crosses to worker threads and hashes as JSON.
 */
export interface CardJob {
  kind: 'card';
  /** `<country>/cards/<locale>/<page>`: also the output path without extension. */
  key: string;
  country: string;
  /** Page id (the content file name), e.g. `report`. */
  page: string;
  /** The site locale the page belongs to (BCP 47, as in content, e.g. `sr-Latn`). */
  locale: string;
  /**
   * The language the card is written in: the page's shown language, which is English for a fallback
   * page (one without a translation). Title, call label and helpline note all use it.
   */
  shownLocale: string;
  isFallback: boolean;
  /** Root-relative path of the page on the site, e.g. `/en/how-to-report/`. */
  path: string;
  /** Absolute URL of the page on the country's canonical domain. */
  url: string;
  format: typeof cardFormat;
  template: PosterTemplateId;
  /** The page's title in its shown language. */
  title: string;
  /** The content file the title comes from, for messages. */
  source: string;
  labels: { call: string };
  /** The country's first helpline marked `onPosters` (none when it has none). */
  helplines: PosterHelpline[];
  /** The site's domain. */
  host: string;
  brand: string;
  /** The unverified facts it shows (the release rule). Non-empty: the card carries the "PROOF — NOT FOR PRINT" bands, as social images do. */
  unverified: UnverifiedFact[];
}

export function isCardJob(job: object): job is CardJob {
  return (job as { kind?: unknown }).kind === 'card';
}

/** One card per planned page of each country's site (`planSite(content, cc).pages`), in site order. */
export function planCards(content: Content, options: Pick<PlanOptions, 'countries'> = {}): CardJob[] {
  const wanted = options.countries?.length ? new Set(options.countries) : undefined;
  if (wanted) {
    const known = new Set(content.countries.map((c) => c.code));
    const unknown = [...wanted].filter((c) => !known.has(c));
    if (unknown.length) throw new Error(`Unknown country ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  }
  // Cards live in <cc>/cards/, beside the designs' folders <cc>/<design>/.
  if (content.posters.some((d) => d.id === 'cards')) {
    throw new Error('A poster design may not be called "cards": <country>/cards/ holds the page cards. Rename content/posters/cards.yaml.');
  }
  const facts = factsByFile(releaseFacts(content, wanted ? { countries: [...wanted] } : {}));
  const cards: CardJob[] = [];
  for (const country of content.countries) {
    if (wanted && !wanted.has(country.code)) continue;
    const host = new URL(country.siteUrl).hostname;
    for (const planned of planSite(content, country.code).pages) {
      const shown = planned.page.locale;
      const key = pageCardKey(country.code, planned.locale, planned.id);
      cards.push({
        kind: 'card',
        key,
        country: country.code,
        page: planned.id,
        locale: planned.locale,
        shownLocale: shown,
        isFallback: planned.isFallback,
        path: planned.path,
        url: `${country.siteUrl}${planned.path}`,
        format: cardFormat,
        template: cardTemplate,
        title: planned.page.data.title,
        source: `content/${planned.page.file}`,
        labels: { call: ui(content, shown, 'helplines.call') },
        helplines: posterHelplines(content, country, shown, 'card'),
        host,
        brand: content.campaign.brand,
        unverified: facts.get(key) ?? [],
      });
    }
  }
  return cards;
}
