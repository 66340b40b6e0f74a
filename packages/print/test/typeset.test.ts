// Typesetting (src/typeset.ts): UAX #14 break opportunities, words kept whole at their hyphens,
// addresses and phone numbers never broken, balanced headlines without a lone last word. Texts are
// the tests' own, never the campaign's content.
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../src/fonts.ts';
import { type FitResult, fitText, TextMeasurer } from '../src/measure.ts';
import { balancedBreaks, breakOpportunities, firstFit, lineText, lineWidth, pieces, pieceWidths, unbreakableSpans } from '../src/typeset.ts';

const measurer = new TextMeasurer(loadFonts());

/** The lines `text` breaks into at `width` (size 1 units), first fit. */
function split(text: string, width: number): string[] {
  const ps = pieces(text);
  const r = firstFit(ps, width, 800, measurer);
  if (!('starts' in r)) throw new Error(`"${r.tooWide.text}" is wider than ${width}`);
  return r.starts.map((s, i) => lineText(ps, s, r.starts[i + 1] ?? ps.length));
}

function fitted(r: FitResult | { reason: string }): FitResult {
  if ('reason' in r) throw new Error(r.reason);
  return r;
}

const words = (line: string) => line.split(' ').filter(Boolean).length;

describe('break opportunities: UAX #14 (linebreak), tailored', () => {
  it('breaks where UAX #14 allows, not only at spaces: after an em dash, a slash between words, a zero-width space', () => {
    expect(pieces('word—word and/or zero\u200bwidth').map((p) => p.text)).toEqual(['word', '—', 'word', 'and/', 'or', 'zero\u200b', 'width']);
  });

  it('never breaks at a no-break space, nor before closing punctuation', () => {
    expect(pieces('Call 116\u00a0000 now !').map((p) => p.text)).toEqual(['Call', '116\u00a0000', 'now !']);
  });

  it('never breaks after a hyphen or en dash inside a word: "з-за", "e-mail", "2013–2015" stay whole (UAX #14 alone would split them)', () => {
    expect(pieces('Перевір з-за кордону').map((p) => p.text)).toEqual(['Перевір', 'з-за', 'кордону']);
    expect(pieces('an e-mail in 2013–2015').map((p) => p.text)).toEqual(['an', 'e-mail', 'in', '2013–2015']);
    expect(breakOpportunities('з-за')).toEqual([]);
    // At a width that holds one word a line, the Ukrainian is set word by word, never "з-" / "за".
    const lines = split('Перевір з-за кордону', measurer.unitWidth('кордону', 800) * 1.01);
    expect(lines).toEqual(['Перевір', 'з-за', 'кордону']);
  });

  it('finds web addresses and phone numbers in running text', () => {
    const text = 'Visit ro.victor-campaign.example or https://md.example.org/ro/a-b/ and call 0 800 800 678 or +381 11 785 0000.';
    const spans = unbreakableSpans(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(expect.arrayContaining(['ro.victor-campaign.example', 'https://md.example.org/ro/a-b/', '0 800 800 678', '+381 11 785 0000']));
    // Short numbers and years are no phone numbers (they have no break inside anyway).
    expect(unbreakableSpans('in 2012 call 112')).toEqual([]);
  });
});

describe('addresses and phone numbers never break', () => {
  it('an address in text moves whole to the next line, never "ro.victor-" / "campaign.example"', () => {
    const text = 'Read more at ro.victor-campaign.example today';
    const width = measurer.unitWidth('ro.victor-campaign.example', 800) * 1.05;
    const lines = split(text, width);
    expect(lines).toContain('ro.victor-campaign.example');
    for (const line of lines) expect(line.endsWith('-')).toBe(false);
  });

  it('a line is measured as it is drawn where pieces meet without a space: the kerning across the joint counts', () => {
    for (const text of ['Hall A\u200bJury and more', 'AVA\u200bVAVA\u200bAVA', 'TOTAL—TVA AWAY/TAVO']) {
      const ps = pieces(text);
      for (let width = 1; width < 12; width += 0.05) {
        const r = firstFit(ps, width, 800, measurer);
        if (!('starts' in r)) continue;
        r.starts.forEach((s, i) => {
          const line = lineText(ps, s, r.starts[i + 1] ?? ps.length);
          expect(lineWidth(pieceWidths(ps, 800, measurer), s, r.starts[i + 1] ?? ps.length)).toBeCloseTo(measurer.unitWidth(line, 800), 9);
          expect(measurer.unitWidth(line, 800)).toBeLessThanOrEqual(width + 1e-9);
        });
      }
    }
  });

  it('a phone number in text is kept on one line, its spaces are no breaks', () => {
    const lines = split('Call 0 800 800 678 free', measurer.unitWidth('0 800 800 678', 800) * 1.05);
    expect(lines).toContain('0 800 800 678');
  });

  it('an address too wide for its box shrinks (within the size range) and stays on one line', () => {
    const wide = measurer.width('ro.victor-campaign.example', 700, 40);
    const r = fitted(
      fitText(
        { text: 'ro.victor-campaign.example', weight: 700, width: wide * 0.8, height: 200, maxSize: 40, minSize: 20, lineHeight: 1.2, maxLines: 2 },
        measurer,
      ),
    );
    expect(r.lines).toEqual(['ro.victor-campaign.example']);
    expect(r.size).toBeLessThan(40);
    expect(r.size).toBeGreaterThanOrEqual(20);
  });

  it('an address that cannot fit unbroken at the minimum size fails, saying it must stay on one line', () => {
    const r = fitText(
      { text: 'ro.victor-campaign.example', weight: 700, width: 200, height: 200, maxSize: 40, minSize: 20, lineHeight: 1.2, maxLines: 2 },
      measurer,
    );
    const over = Math.ceil((measurer.width('ro.victor-campaign.example', 700, 20) / 200 - 1) * 100);
    expect('reason' in r && r.reason).toBe(
      `"ro.victor-campaign.example" must stay on one line (a web address or phone number is never broken) and is ${over} % wider than its box at the smallest size the design allows`,
    );
  });

  it('a no-wrap box (a number) fails rather than break at its spaces', () => {
    const r = fitText({ text: '+38 044 284 19 15', weight: 800, width: 100, height: 200, maxSize: 30, minSize: 20, lineHeight: 1.1, nowrap: true }, measurer);
    expect('reason' in r && r.reason).toMatch(/"\+38 044 284 19 15" must stay on one line/);
  });
});

describe('balanced headlines', () => {
  const headline = 'Prea frumos ca să fie adevărat? Verifică înainte să pleci.';

  it('first fit leaves "pleci." alone on the last line; the balanced setting has the same number of lines and never a lone last word', () => {
    const size = 50;
    const ps = pieces(headline);
    // Just wide enough for all but the last word on the first line.
    const width = measurer.width(lineText(ps, 0, ps.length - 1), 800, size) * 1.001;
    const first = firstFit(ps, width / size, 800, measurer);
    if (!('starts' in first)) throw new Error('too wide');
    expect(lineText(ps, first.starts.at(-1) as number, ps.length)).toBe('pleci.');
    const r = fitted(fitText({ text: headline, weight: 800, width, height: 1000, maxSize: size, minSize: size, lineHeight: 1.1, balance: true }, measurer));
    expect(r.lines).toHaveLength(first.starts.length);
    expect(words(r.lines.at(-1) as string)).toBeGreaterThan(1);
    expect(r.lines.join(' ')).toBe(headline);
  });

  it('is the most even of all settings in that many lines (checked against every pair of breaks)', () => {
    const width = 620 / 50;
    const ps = pieces(headline);
    const starts = balancedBreaks(ps, 3, width, 800, measurer);
    if (!starts) throw new Error('no 3-line setting');
    const cost = (s: number[]) => s.reduce((sum, start, i) => sum + (width - measurer.unitWidth(lineText(ps, start, s[i + 1] ?? ps.length), 800)) ** 2, 0);
    let best = Number.POSITIVE_INFINITY;
    for (let a = 1; a < ps.length; a++)
      for (let b = a + 1; b < ps.length; b++) {
        const s = [0, a, b];
        const fits = s.every((start, i) => measurer.unitWidth(lineText(ps, start, s[i + 1] ?? ps.length), 800) <= width);
        const lone = ps.length - b === 1;
        if (fits && !lone) best = Math.min(best, cost(s));
      }
    expect(cost(starts)).toBeCloseTo(best, 6);
    const lines = starts.map((s, i) => lineText(ps, s, starts[i + 1] ?? ps.length));
    const widths = lines.map((l) => measurer.unitWidth(l, 800));
    // Far more even than first fit, whose last line is a third of the others.
    expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.6);
  });

  it('keeps a lone last word only when no other set of breaks fits', () => {
    // Two words in two lines: the second is necessarily alone.
    const r = fitted(
      fitText(
        {
          text: 'Verifică înainte',
          weight: 800,
          width: measurer.width('Verifică', 800, 50) * 1.01,
          height: 1000,
          maxSize: 50,
          minSize: 50,
          lineHeight: 1.1,
          balance: true,
        },
        measurer,
      ),
    );
    expect(r.lines).toEqual(['Verifică', 'înainte']);
  });

  it('other text (body, notes) is set first fit, but a lone last word takes the word before it along when that fits', () => {
    const body =
      'Traffickers rarely look like criminals. They offer a job, a trip or love, and push you to decide fast. Talk it over with someone you trust first.';
    for (const width of [300, 350, 400, 450, 500]) {
      const r = fitted(fitText({ text: body, weight: 400, width, height: 10_000, maxSize: 20, minSize: 20, lineHeight: 1.3 }, measurer));
      expect(words(r.lines.at(-1) as string), `${width}: ${r.lines.join(' / ')}`).toBeGreaterThan(1);
      expect(r.lines.join(' ')).toBe(body);
      for (const line of r.lines) expect(measurer.width(line, 400, 20)).toBeLessThanOrEqual(width);
    }
  });
});
