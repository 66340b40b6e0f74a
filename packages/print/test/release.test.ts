import { type Content, factsByFile, formatFact, releaseFacts } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { planCards, planJobs, renderPoster } from '../src/index.ts';
import { fixtureContent, fixtureJobs, fonts, measurer } from './helpers.ts';

/**
 * The fixture content with every helpline verified on `verifiedOn` (the releaseDate is 2026-11-22),
 * real-looking domains and every poster translation reviewed.
 */
function verifiedContent(verifiedOn = '2026-11-01'): Content {
  const c = fixtureContent();
  return {
    ...c,
    countries: c.countries.map((country) => ({
      ...country,
      siteUrl: `https://${country.code}.victor-campaign.org`,
      helplines: country.helplines.map((h) => ({ ...h, verifiedOn })),
    })),
    posters: c.posters.map((design) => ({
      ...design,
      lines: Object.fromEntries(
        Object.entries(design.lines).map(([locale, lines]) => [
          locale,
          lines.translation === 'draft' ? { ...lines, translation: 'reviewed' as const, reviewedBy: 'A. Reviewer' } : lines,
        ]),
      ),
    })),
  };
}

describe('facts on paper', () => {
  it('a poster shows only its own country’s helplines marked onPosters', () => {
    const c = fixtureContent();
    const md = c.countries.find((x) => x.code === 'md');
    if (!md) throw new Error('no md');
    const hidden = {
      ...c,
      countries: c.countries.map((x) =>
        x === md ? { ...md, helplines: md.helplines.map((h) => (h.id === 'md-abroad' ? { ...h, onPosters: false } : h)) } : x,
      ),
    };
    const ids = new Set(planJobs(hidden, { countries: ['md'] }).flatMap((j) => j.helplines.map((h) => h.id)));
    expect([...ids].sort()).toEqual(['md-0800-77777', 'md-112']);
  });

  it('each file carries exactly the facts the release rule says appear on it', () => {
    const content = fixtureContent();
    const jobs = planJobs(content, { countries: ['gr'] });
    const cards = planCards(content, { countries: ['gr'] });
    const byFile = factsByFile(releaseFacts(content));
    for (const job of [...jobs, ...cards]) expect(job.unverified, job.key).toEqual(byFile.get(job.key) ?? []);
    expect(jobs.every((j) => j.unverified.length > 0)).toBe(true);
    // The Greek posters are also proofs for their draft words; the English ones are not.
    const kinds = (key: string) => new Set(jobs.find((j) => j.key === key)?.unverified.map((f) => f.kind));
    expect(kinds('gr/demand/el/a4')).toEqual(new Set(['helpline-unverified', 'reserved-domain', 'poster-text-draft']));
    expect(kinds('gr/demand/en/a4')).toEqual(new Set(['helpline-unverified', 'reserved-domain']));
  });

  it('an unverified helpline makes a proof; the rule lists every unverified fact and where it appears', () => {
    const facts = releaseFacts(fixtureContent(), { countries: ['gr'] });
    const helpline = facts.find((f) => f.what.startsWith('helpline 112 '));
    expect(helpline).toMatchObject({ kind: 'helpline-unverified', file: 'content/countries/gr.yaml', field: 'helplines.1.verifiedOn' });
    expect(formatFact(helpline as never)).toMatch(/appears on: \d+ pages of the gr site; 10 print files: gr\/demand\/el\/\{a4,a3,/);
    expect(facts.some((f) => f.kind === 'reserved-domain' && f.what.includes('on gr.victor-campaign.example, a domain reserved for examples and tests'))).toBe(
      true,
    );
    // The unverified helpline of gr (1109 is verified), its domain and its Greek poster words.
    expect(facts.map((f) => f.kind)).toEqual(['helpline-unverified', 'reserved-domain', 'poster-text-draft']);
  });

  it('a number confirmed longer ago than recheckMonths makes a proof again', () => {
    const jobs = planJobs(verifiedContent('2025-11-21'), { countries: ['gr'] });
    expect(jobs.every((j) => j.unverified.length > 0 && j.unverified.every((f) => f.kind === 'helpline-expired'))).toBe(true);
    expect(planJobs(verifiedContent('2025-11-22'), { countries: ['gr'] }).every((j) => j.unverified.length === 0)).toBe(true);
  });

  it('a proof carries the "PROOF — NOT FOR PRINT" mark; verified content does not', async () => {
    const proof = await renderPoster(fixtureJobs({ countries: ['gr'] }).find((j) => j.format === 'a4') as never, { fonts, measurer });
    expect(proof.sizes.proof).toBeGreaterThan(0);
    const content = verifiedContent();
    expect(releaseFacts(content, { countries: ['gr'] })).toEqual([]);
    const jobs = planJobs(content, { countries: ['gr'] });
    expect(jobs.every((j) => j.unverified.length === 0)).toBe(true);
    const clean = await renderPoster(jobs.find((j) => j.format === 'a4') as never, { fonts, measurer });
    expect(clean.sizes.proof).toBeUndefined();
  });
});
