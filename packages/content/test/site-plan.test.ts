import { describe, expect, it } from 'vitest';
import { loadContent, planSite } from '../src/index.ts';
import { validFixture } from './helpers.ts';

const content = loadContent(validFixture);

describe('planSite', () => {
  it('gives a destination country its role pages and the shared pages, never the other role', () => {
    const ids = planSite(content, 'gr').locales[0]?.pages.map((p) => p.id);
    expect(ids).toEqual(['home', 'demand', 'safety', 'privacy']);
    expect(planSite(content, 'md').locales[0]?.pages.map((p) => p.id)).toEqual(['home', 'recruitment', 'safety', 'privacy']);
  });

  it('puts the default language at the root and the others under their path', () => {
    const plan = planSite(content, 'gr');
    expect(plan.locales.map((l) => [l.tag, l.base])).toEqual([
      ['el', '/'],
      ['en', '/en/'],
    ]);
    expect(plan.pages.find((p) => p.locale === 'en' && p.id === 'demand')?.path).toBe('/en/buying-harms-children/');
  });

  it('falls back to English where a translation is missing, and keeps fallbacks out of hreflang', () => {
    const plan = planSite(content, 'gr');
    const privacyEl = plan.pages.find((p) => p.locale === 'el' && p.id === 'privacy');
    expect(privacyEl?.isFallback).toBe(true);
    expect(privacyEl?.page.locale).toBe('en');
    expect(privacyEl?.path).toBe('/privacy/');
    expect(privacyEl?.alternates).toEqual({ en: '/en/privacy/' });
    const demandEl = plan.pages.find((p) => p.locale === 'el' && p.id === 'demand');
    expect(demandEl?.isFallback).toBe(false);
    expect(demandEl?.alternates).toEqual({ el: '/i-agora-vlaptei/', en: '/en/buying-harms-children/' });
  });

  it('looks up interface strings with key-by-key English fallback', () => {
    const el = planSite(content, 'gr').locales[0];
    expect(el?.t('exit.label')).toBe('Έξοδος από τη σελίδα');
    expect(el?.t('exit.press1')).toBe('Shift, press 1 more time to exit.');
    expect(el?.t('site.fallbackNotice', { language: 'Ελληνικά' })).toBe('Αυτή η σελίδα δεν είναι ακόμη διαθέσιμη στα Ελληνικά. Εμφανίζεται στα αγγλικά.');
  });

  it('refuses an unknown country', () => {
    expect(() => planSite(content, 'xx')).toThrow('Unknown country "xx". Known: gr, md.');
  });
});

describe('translationReport', () => {
  it('reports missing, draft and outdated translations per locale, and interface strings that fall back', async () => {
    const { copyFixture, edit } = await import('./helpers.ts');
    const { sourceFingerprint, translationReport } = await import('../src/index.ts');
    const dir = copyFixture();
    const englishHome = loadContent(dir).pages.find((p) => p.locale === 'en' && p.id === 'home');
    if (!englishHome) throw new Error('fixture lacks the English home page');
    // el/demand was made from an older English text; el/home from the current one.
    edit(dir, 'pages/el/demand.mdx', 'translation: draft', 'translation: draft\nsourceHash: 0123456789ab');
    edit(dir, 'pages/el/home.mdx', 'translation: draft', `translation: draft\nsourceHash: ${sourceFingerprint(englishHome)}`);
    const el = translationReport(loadContent(dir)).find((r) => r.locale === 'el');
    expect(el?.pages).toEqual([
      { id: 'demand', state: 'outdated', file: 'pages/el/demand.mdx' },
      { id: 'home', state: 'draft', file: 'pages/el/home.mdx' },
      { id: 'privacy', state: 'missing', file: 'pages/el/privacy.mdx' },
      { id: 'safety', state: 'missing', file: 'pages/el/safety.mdx' },
    ]);
    expect(el?.missingUiKeys).toContain('exit.press1');
    expect(el?.missingUiKeys).not.toContain('exit.label');
  });
});
