import { describe, expect, it } from 'vitest';
import { deterministicZip, renderPoster, sha256 } from '../src/index.ts';
import { fonts, job, measurer } from './helpers.ts';

describe('determinism', () => {
  it('two renders of the same poster are byte-identical (PDF and preview), photo included', async () => {
    const j = job('gr/demand/el/a3');
    const a = await renderPoster(j, { fonts, measurer });
    const b = await renderPoster(structuredClone(j), { fonts, measurer });
    expect(sha256(a.file)).toBe(sha256(b.file));
    expect(sha256(a.preview)).toBe(sha256(b.preview));
  });

  it('SOURCE_DATE_EPOCH-style dates change the dates and nothing else', async () => {
    const j = job('md/youth/ro/a4', { sourceDateEpoch: 1_700_000_000 });
    expect(j.date).toBe('2023-11-14T22:13:20.000Z');
    const pdf = (await renderPoster(j, { fonts, measurer })).file.toString('latin1');
    expect(pdf).toContain('(D:20231114221320Z)');
  });

  it('a ZIP depends only on its entries, whatever the time zone', async () => {
    const entries = [
      { name: 'b.pdf', data: Buffer.from('b') },
      { name: 'a/a.pdf', data: Buffer.from('a') },
    ];
    const date = new Date('2026-11-22T00:00:00Z');
    const first = await deterministicZip(entries, date);
    const second = await deterministicZip([...entries].reverse(), date);
    expect(sha256(first)).toBe(sha256(second));
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect(sha256(await deterministicZip(entries, date))).toBe(sha256(first));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
