import type { Content, PlannedPage, SiteLocale, SitePlan } from '@repo/content';
import type { SitePrint } from './build-context.ts';

/** Everything a component needs to know about the page it is rendered in. */
export interface PageContext {
  content: Content;
  plan: SitePlan;
  locale: SiteLocale;
  /** Undefined on the 404 page. */
  planned?: PlannedPage;
  /** The country's print files and page cards. */
  print: SitePrint;
  /** How many helpline boxes the page has rendered so far, for unique ids. */
  helplineBoxes?: number;
  /** How many of those the page's own text has rendered, to make the first one the "#help" target. */
  contentHelplineBoxes?: number;
}

/** A source's or figure's year as readers see it: the number, or "undated" in their language. */
export function yearLabel(year: number | 'undated', locale: SiteLocale): string {
  return year === 'undated' ? locale.t('figure.undated') : String(year);
}

/**
 * Whether the page's own text shows the helpline box (`<Helplines />` in its MDX). That box is then
 * the one "More numbers" links to, and the layout's side box is shown only on wide screens.
 */
export function helplinesInContent(planned: PlannedPage | undefined): boolean {
  return planned?.page.body.includes('<Helplines') ?? false;
}
