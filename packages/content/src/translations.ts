import { createHash } from 'node:crypto';
import { sourceLocale, type UiKey, uiStringKeys } from '@repo/i18n';
import type { Content, Page } from './load.ts';
import { pageIdsFor } from './site-plan.ts';

/** Fingerprint of what a translator translates: title, description and body of the English page. */
export function sourceFingerprint(page: Page): string {
  return createHash('sha256').update(`${page.data.title}\n${page.data.description}\n${page.body}`).digest('hex').slice(0, 12);
}

export type PageTranslationState = 'missing' | 'draft' | 'reviewed' | 'outdated';

export interface LocaleTranslationReport {
  locale: string;
  /** Page ids the locale's sites need, with the state of each translation. */
  pages: { id: string; state: PageTranslationState; file: string }[];
  /** Interface strings that fall back to English. */
  missingUiKeys: UiKey[];
  uiState: 'missing' | 'draft' | 'reviewed';
}

/**
 * Which translations are missing, still drafts, reviewed, or outdated (made from an older English
 * text), for every locale a country speaks. A page counts as needed when some country speaking the
 * locale shows it.
 */
export function translationReport(content: Content): LocaleTranslationReport[] {
  const english = new Map(content.pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p]));
  const byKey = new Map(content.pages.map((p) => [`${p.locale}/${p.id}`, p]));
  const locales = [...new Set(content.countries.flatMap((c) => c.languages))].filter((l) => l !== sourceLocale).sort();
  return locales.map((locale) => {
    const needed = new Set(content.countries.filter((c) => c.languages.includes(locale)).flatMap((c) => pageIdsFor(content, c)));
    const pages = [...needed].sort().map((id) => {
      const translation = byKey.get(`${locale}/${id}`);
      const original = english.get(id) as Page;
      const file = `pages/${locale}/${id}.mdx`;
      if (!translation) return { id, state: 'missing' as const, file };
      if (translation.data.sourceHash && translation.data.sourceHash !== sourceFingerprint(original)) return { id, state: 'outdated' as const, file };
      return { id, state: translation.data.translation === 'reviewed' ? ('reviewed' as const) : ('draft' as const), file };
    });
    const ui = content.ui.get(locale);
    const missingUiKeys = (Object.keys(uiStringKeys) as UiKey[]).filter((key) => !ui?.strings[key]);
    return { locale, pages, missingUiKeys, uiState: ui ? (ui.translation === 'reviewed' ? 'reviewed' : 'draft') : 'missing' };
  });
}
