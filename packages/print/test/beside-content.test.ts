// Content that fails to load is still preflighted for print, so an editor sees every cause in one run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, loadContent } from '@repo/content';
import { describe, expect, it } from 'vitest';
import { type PrintProblem, printProblemsBeside, withPrintProblems } from '../src/index.ts';
import { copyFixture } from './helpers.ts';

const edit = (dir: string, file: string, from: string, to: string) => {
  const before = readFileSync(join(dir, file), 'utf8');
  if (!before.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(join(dir, file), before.replace(from, to));
};

/** 13 words where a billboard headline may have 7: refused by the content loader. */
const overlongBillboardHeadline = (dir: string) =>
  edit(
    dir,
    'posters/youth.yaml',
    'headline: "Too good to be true? Check first."',
    'headline: "Too good to be true? Check first, then check again, and again please."',
  );

function contentError(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('the content loaded');
}

describe('print problems beside content issues', () => {
  it('finds the printing condition and a web address that cannot fit, in the run that refuses a billboard line, and leaves out what follows from it', () => {
    const dir = copyFixture();
    edit(dir, 'campaign.yaml', 'condition: FOGRA39', 'condition: FOGRA47');
    edit(dir, 'countries/md.yaml', 'siteUrl: https://md.victor-campaign.example', `siteUrl: https://md.${'victor-campaign-'.repeat(8)}example`);
    overlongBillboardHeadline(dir);
    const error = contentError(dir);
    expect(error.issues.map((i) => [i.code, i.field])).toEqual([['BillboardTooManyWords', 'lines.en.billboard.headline']]);
    const problems = printProblemsBeside(error) as PrintProblem[];
    const codes = new Set(problems.map((p) => p.code));
    expect(codes).toEqual(new Set(['TokenWithoutCmyk', 'TextOverflow']));
    expect(problems.filter((p) => p.code === 'TextOverflow').map((p) => p.source)).toContainEqual({ file: 'content/countries/md.yaml', field: 'siteUrl' });
    // The over-long headline's own files: nothing of them is reported twice.
    expect(
      problems.some(
        (p) =>
          p.source?.field?.startsWith('lines.en.billboard') ||
          ('where' in p && (p.where as { locale: string; design: string }).design === 'youth' && (p.where as { locale: string }).locale === 'en'),
      ),
    ).toBe(false);
    const message = withPrintProblems(error);
    expect(message.startsWith(error.message)).toBe(true);
    expect(message).toMatch(/The print preflight of the content that could be read also found these \d+ problems:\n {2}- \[TokenWithoutCmyk\]/);
  });

  it('adds nothing when the content has no other print problem, or could not be read enough to plan from', () => {
    const dir = copyFixture();
    overlongBillboardHeadline(dir);
    const error = contentError(dir);
    expect(printProblemsBeside(error)).toEqual([]);
    expect(withPrintProblems(error)).toBe(error.message);
    const unreadable = copyFixture();
    edit(unreadable, 'campaign.yaml', 'printing:', 'printing: [');
    expect(contentError(unreadable).partial).toBeUndefined();
    expect(printProblemsBeside(contentError(unreadable))).toEqual([]);
  });
});
