import { join } from 'node:path';
import { type Content, loadContent } from '@repo/content';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCards, planJobs, preflight, renderPoster } from '../src/index.ts';
import { fonts, measurer, repoRoot } from './helpers.ts';

/**
 * The smoke test of the campaign's real content (content/): every print file and page card passes
 * the preflight and renders. It asserts nothing about the words, sizes or pixels: a campaign team's
 * wording change fails it only when a file really cannot be made (and then the message says which
 * field to change). Everything else is tested on fixtures/content.
 */
describe('the real content (smoke test)', () => {
  let content: Content;
  beforeAll(() => {
    content = loadContent(join(repoRoot, 'content'));
  });

  it('every print file and page card passes the preflight', () => {
    expect(preflight([...planJobs(content), ...planCards(content)], fonts, measurer).map((e) => e.message)).toEqual([]);
  });

  it('every print file and page card renders', async () => {
    const failed: string[] = [];
    const jobs = [...planJobs(content), ...planCards(content)];
    for (const job of jobs) {
      try {
        const r = await renderPoster(job, { fonts, measurer, previewLongSide: 200 });
        if (!r.file.length || !r.preview.length) failed.push(`${job.key}: empty file`);
      } catch (error) {
        failed.push(`${job.key}: ${(error as Error).message}`);
      }
    }
    expect(failed).toEqual([]);
    expect(jobs.length).toBeGreaterThan(0);
  });
});
