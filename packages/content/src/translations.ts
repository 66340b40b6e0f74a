import { type UiKey, uiStringKeys } from '@repo/i18n';
import type { Content } from './load.ts';
import { localeUnits, staleRecords, translatedLocales, type Unit, type UnitKind, unitSources } from './units.ts';

export type PageTranslationState = 'missing' | 'draft' | 'reviewed' | 'outdated';

export interface LocaleTranslationReport {
  locale: string;
  /** Page ids the locale's sites need, with the state of each translation. */
  pages: { id: string; state: PageTranslationState; file: string }[];
  /** Interface strings that fall back to English. */
  missingUiKeys: UiKey[];
  uiState: 'missing' | 'draft' | 'reviewed';
  /** Every unit of the locale (pages, interface strings, poster lines, names, purposes, statements, figures) with its state. */
  units: Unit[];
  /** Units by kind and state. */
  counts: Record<UnitKind, Record<Unit['state'], number>>;
  /** Records in content/translations/<locale>.yaml of units that no longer exist. */
  staleRecords: string[];
}

const kinds: UnitKind[] = ['page', 'ui', 'poster', 'country', 'helpline', 'campaign', 'figure'];

/**
 * Which translations are missing, still drafts, reviewed, or outdated (made from an older English
 * text), for every locale a country speaks, unit by unit. A page's state is that of its units
 * (title, description and body share the page's record).
 */
export function translationReport(content: Content): LocaleTranslationReport[] {
  const sources = unitSources(content);
  return translatedLocales(content).map((locale) => {
    const units = localeUnits(content, locale, sources);
    const pages = new Map<string, { id: string; state: PageTranslationState; file: string }>();
    for (const u of units.filter((u) => u.kind === 'page' && u.needed)) {
      const id = u.page as string;
      const rank = { missing: 3, outdated: 2, draft: 1, reviewed: 0 };
      const before = pages.get(id);
      if (!before || rank[u.state] > rank[before.state]) pages.set(id, { id, state: u.state, file: `pages/${locale}/${id}.mdx` });
    }
    const counts = Object.fromEntries(kinds.map((k) => [k, { missing: 0, outdated: 0, draft: 0, reviewed: 0 }])) as LocaleTranslationReport['counts'];
    for (const u of units) counts[u.kind][u.state]++;
    const ui = content.ui.get(locale);
    return {
      locale,
      pages: [...pages.values()].sort((a, b) => a.id.localeCompare(b.id)),
      missingUiKeys: (Object.keys(uiStringKeys) as UiKey[]).filter((key) => !ui?.strings[key]),
      uiState: ui ? (ui.translation === 'reviewed' ? 'reviewed' : 'draft') : 'missing',
      units,
      counts,
      staleRecords: staleRecords(content, locale, sources),
    };
  });
}
