// Billboard lines (schema/poster.ts, posters.ts) and the short funding statement (schema/campaign.ts)
// on the fixture content, copied with one poster design added and changed one thing at a time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ContentError, type ContentIssue, loadContent, wordsOf } from '../src/index.ts';
import { copyFixture, edit, write } from './helpers.ts';

const poster = `id: road
name: { en: The person you pay may be a child }
audience: destination
template: stark
page: demand
formats: [a4, billboard-504x238, billboard-18-1]
lines:
  en:
    translation: source
    headline: The person you pay may be a child.
    body: Behind cheap sex there can be a trafficked child.
    cta: Call and report it.
    billboard:
      headline: You may be paying a child.
      cta: Seen something? Report it.
  el:
    translation: draft
    headline: Το άτομο που πληρώνετε μπορεί να είναι παιδί.
    body: Πίσω από το φτηνό σεξ μπορεί να κρύβεται ένα παιδί.
    cta: Καλέστε και καταγγείλετέ το.
    billboard:
      headline: Μπορεί να πληρώνετε ένα παιδί.
      cta: Είδατε κάτι; Καταγγείλετέ το.
`;

/** A fixture copy with the design above, after `change`. */
function withPoster(change: (dir: string) => void = () => {}): string {
  const dir = copyFixture();
  mkdirSync(join(dir, 'posters'));
  write(dir, 'posters/road.yaml', poster);
  change(dir);
  return dir;
}

function issuesOf(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    return (error as ContentError).issues;
  }
  return [];
}

const find = (issues: ContentIssue[], file: string, field: string) => issues.find((i) => i.file === file && i.field === field);

describe('billboard lines', () => {
  it('load beside the poster lines, with the language’s translation state', () => {
    const design = loadContent(withPoster()).posters[0];
    expect(design?.lines.el?.billboard).toEqual({ headline: 'Μπορεί να πληρώνετε ένα παιδί.', cta: 'Είδατε κάτι; Καταγγείλετέ το.' });
    expect(design?.lines.el?.translation).toBe('draft');
  });

  it('count words as a reader sees them: hyphenated words once, a lone dash not at all, a spaced number per group', () => {
    expect(wordsOf('Перевір з-за кордону — зараз')).toEqual(['Перевір', 'з-за', 'кордону', 'зараз']);
    expect(wordsOf('Call 0 800 800 678')).toHaveLength(5);
  });

  it('are refused over their word limits, naming design, locale, formats and count, in the same list as every other error', () => {
    const issues = issuesOf(
      withPoster((dir) => {
        edit(dir, 'posters/road.yaml', 'headline: You may be paying a child.', 'headline: The person you pay for sex may be a child.');
        edit(dir, 'posters/road.yaml', 'cta: Είδατε κάτι; Καταγγείλετέ το.', 'cta: Είδατε κάτι ύποπτο; Καλέστε και καταγγείλετέ το.');
        // An unrelated error in another file: reported in the same run.
        edit(dir, 'countries/gr.yaml', '    source: facts-helplines\n', '');
      }),
    );
    const headline = find(issues, 'posters/road.yaml', 'lines.en.billboard.headline');
    const formats = ['billboard-504x238', 'billboard-18-1'];
    expect(headline).toMatchObject({
      code: 'BillboardTooManyWords',
      args: { words: 10, max: 7, name: 'headline', design: 'road', locale: 'en', formats, text: 'The person you pay for sex may be a child.' },
    });
    const cta = find(issues, 'posters/road.yaml', 'lines.el.billboard.cta');
    expect(cta).toMatchObject({ code: 'BillboardTooManyWords', args: { words: 7, max: 5, name: 'call to action', design: 'road', locale: 'el', formats } });
    expect(find(issues, 'countries/gr.yaml', 'helplines.0.source')).toBeDefined();
  });

  it('are required in every language of a design with a billboard format', () => {
    const issues = issuesOf(withPoster((dir) => edit(dir, 'posters/road.yaml', /\n {4}billboard:\n {6}headline: Μπορεί.*\n {6}cta: .*/, '')));
    const missing = find(issues, 'posters/road.yaml', 'lines.el.billboard');
    expect(missing).toMatchObject({
      code: 'BillboardLinesMissing',
      args: { design: 'road', locale: 'el', formats: ['billboard-504x238', 'billboard-18-1'], headlineMax: 7, ctaMax: 5 },
    });
    expect(issues).toHaveLength(1);
  });

  it('are optional for a design without billboard formats, and still checked for length there', () => {
    const noBillboards = (dir: string) => edit(dir, 'posters/road.yaml', 'formats: [a4, billboard-504x238, billboard-18-1]', 'formats: [a4]');
    expect(
      issuesOf(
        withPoster((dir) => {
          noBillboards(dir);
          edit(dir, 'posters/road.yaml', /\n {4}billboard:\n {6}headline: Μπορεί.*\n {6}cta: .*/, '');
        }),
      ),
    ).toEqual([]);
    const long = issuesOf(
      withPoster((dir) => {
        noBillboards(dir);
        edit(dir, 'posters/road.yaml', 'cta: Seen something? Report it.', 'cta: Seen something wrong? Call and report it.');
      }),
    );
    expect(find(long, 'posters/road.yaml', 'lines.en.billboard.cta')).toMatchObject({
      code: 'BillboardTooManyWords',
      args: { words: 7, max: 5, name: 'call to action', design: 'road', locale: 'en', formats: [], text: 'Seen something wrong? Call and report it.' },
    });
  });

  it('must not carry unknown fields', () => {
    const issues = issuesOf(
      withPoster((dir) =>
        edit(dir, 'posters/road.yaml', '      cta: Seen something? Report it.', '      cta: Seen something? Report it.\n      body: No body on billboards.'),
      ),
    );
    expect(find(issues, 'posters/road.yaml', 'lines.en.billboard')).toMatchObject({ code: 'FieldUnknown', args: { keys: ['body'] } });
  });
});

describe('the short funding statement', () => {
  it('is required, in English at least', () => {
    const dir = copyFixture();
    edit(dir, 'campaign.yaml', /fundingShort: .*\n/, '');
    expect(find(issuesOf(dir), 'campaign.yaml', 'fundingShort')?.code).toBe('FieldMissing');
  });

  it('has at most 8 words per language', () => {
    const dir = copyFixture();
    edit(
      dir,
      'campaign.yaml',
      'fundingShort: { en: Funded by the fixture fund,',
      'fundingShort: { en: This work was funded by the fixture fund of the test campaign,',
    );
    const issue = find(issuesOf(dir), 'campaign.yaml', 'fundingShort.en');
    expect(issue).toMatchObject({
      code: 'FieldInvalid',
      args: { rule: expect.stringMatching(/^has 12 words; the short funding statement \(en\) has at most 8/) },
    });
  });
});
