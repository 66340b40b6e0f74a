import type { Content } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { planJobs, releaseBlockers, renderPoster } from '../src/index.ts';
import { fonts, measurer, realContent, realJobs } from './helpers.ts';

/** The real content with every helpline verified and real-looking domains. */
function verifiedContent(): Content {
  const c = realContent();
  return {
    ...c,
    countries: c.countries.map((country) => ({
      ...country,
      siteUrl: `https://${country.code}.victor-campaign.org`,
      helplines: country.helplines.map((h) => ({ ...h, verifiedOn: '2026-11-01' })),
    })),
  };
}

describe('facts on paper', () => {
  it('a poster shows only its own country’s helplines marked onPosters', () => {
    const jobs = realJobs({ countries: ['bg'] });
    const ids = new Set(jobs.flatMap((j) => j.helplines.map((h) => h.id)));
    expect([...ids].every((id) => id.startsWith('bg-'))).toBe(true);
    expect(ids.has('bg-nccthb')).toBe(false); // onPosters: false
  });

  it('an unverified helpline makes a proof; release lists every unverified fact and where it appears', () => {
    const jobs = realJobs({ countries: ['gr'] });
    expect(jobs.every((j) => j.unverified.length > 0)).toBe(true);
    const blockers = releaseBlockers(jobs);
    expect(blockers).toContainEqual(
      expect.stringMatching(
        /^helpline 1109 \(gr-1109\) has no verifiedOn date \(fix in content\/countries\/gr\.yaml\); it appears on 26 files: gr\/destination-demand\/el\/\{a4,a3,/,
      ),
    );
    expect(blockers.some((b) => b.includes('gr.victor-campaign.example, a reserved example domain'))).toBe(true);
    expect(blockers).toHaveLength(5); // four helplines and the domain
  });

  it('a proof carries the "PROOF — NOT FOR PRINT" mark; verified content does not', async () => {
    const proof = await renderPoster(realJobs({ countries: ['si'] }).find((j) => j.format === 'a4') as never, { fonts, measurer });
    expect(proof.sizes['proof-top']).toBeGreaterThan(0);
    const jobs = planJobs(verifiedContent(), { countries: ['si'] });
    expect(releaseBlockers(jobs)).toEqual([]);
    const clean = await renderPoster(jobs.find((j) => j.format === 'a4') as never, { fonts, measurer });
    expect(clean.sizes['proof-top']).toBeUndefined();
  });
});
