import { describe, expect, it } from 'vitest';
import { type ContentIssue, expectedE164, numberMatchesE164, phoneNumbersIn, scanPage } from '../src/index.ts';
import { coded, edit, refusedIssues, scratchFixture, writeRoadPoster } from './helpers.ts';

const numbersIn = (text: string) => phoneNumbersIn(text).map((m) => m.number);
const phoneIssues = (dir: string) =>
  refusedIssues(dir)
    .filter((i) => i.code === 'PhoneNotInCall' || i.code === 'PhoneNotAHelpline' || i.code === 'HelplineNumberMismatch')
    .map(coded);
const gr = ['116 000', '112'];
const md = ['0 800 77777'];

describe('what reads as a phone number', () => {
  it('finds international, national and EU harmonised numbers, as written', () => {
    expect(numbersIn('Καλέστε 210 555 0000.')).toEqual(['210 555 0000']);
    expect(numbersIn('Sună la 0 800 500 500')).toEqual(['0 800 500 500']);
    expect(numbersIn('Sunați la 0722 000 000.')).toEqual(['0722 000 000']);
    expect(numbersIn('Sunați la +40 21 555 1234. Acest site…')).toEqual(['+40 21 555 1234']);
    expect(numbersIn('…; sau sunați la 0800 123 456')).toEqual(['0800 123 456']);
    expect(numbersIn('1547 (+38 044 284 19 15 from abroad)')).toEqual(['+38 044 284 19 15']);
    expect(numbersIn('La Strada: +373 (22) 23 33 09 or 0 800 77777')).toEqual(['+373 (22) 23 33 09', '0 800 77777']);
    expect(numbersIn('Call 116 000, 116111 or 112.')).toEqual(['116 000', '116111', '112']);
    expect(numbersIn('SOS 02 2777 070, 0800-20-100, 0722000000 or +359.2.807.80.50')).toEqual(['02 2777 070', '0800-20-100', '0722000000', '+359.2.807.80.50']);
    // A text node runs over the page's line breaks.
    expect(numbersIn('call 210 555\n0000 now')).toEqual(['210 555 0000']);
    // A number followed by its hours or another count: the number alone.
    expect(numbersIn('Call 0800 500 500 24/7, 112 24/7 or 116 000 24 hours a day')).toEqual(['0800 500 500', '112', '116 000']);
    expect(numbersIn('0800 500 500 08:00–20:00')).toEqual(['0800 500 500']);
    // After a label and its colon; a number grouped 4-2-2 that is not a date (hr's SOS line).
    expect(numbersIn('Tel:0722 000 000; Tel.:0 800 800 678; SOS:116 000; call 0800 77 99 or 0800-77-99')).toEqual([
      '0722 000 000',
      '0 800 800 678',
      '116 000',
      '0800 77 99',
      '0800-77-99',
    ]);
  });

  it('leaves years, figures, dates, article numbers, times, postcodes and addresses alone', () => {
    const prose = [
      'In 2013, an 18% rise over 2008–2010 and 2008-2010; 15% of victims; $12 billion; 200,000 women; 200 000 жени.',
      'Dans 12 000 000 000 cas; average age 14.7 years; Article 12 of Law 4198/2013; Art. 323a.',
      'On 2024-01-15, 15 01 2024, 01.02.2013 and 01-02-2013, from 10:30 to 18:00.',
      'Bucharest 010011; see 080020100.bg, https://example.org/0722000000 and ref #0800123456.',
      'A code 1109, 1056, 1547 or 119 in running text is not told from a year, so it is not looked for.',
      'Version 1.116.000; +18 points; 0.5 mg; 007.',
      'In 2023 12 000 people; between 2015 and 2020 2 000 people; in 2023 2 500 victims; ISBN 978-3-16-148410-0.',
    ];
    for (const text of prose) expect(numbersIn(text), text).toEqual([]);
  });
});

describe('a helpline is shown and dialled as one number', () => {
  it("accepts the same digits, or the country's calling code before the national number (without its trunk 0)", () => {
    // Every form the campaign's country files use (content/countries/*.yaml), and a Greek number (no trunk 0).
    const pairs: [string, string, string][] = [
      ['0 800 800 678', '+40800800678', 'ro'],
      ['116 000', '116000', 'ro'],
      ['112', '112', 'gr'],
      ['1109', '1109', 'gr'],
      ['+38 044 284 19 15', '+380442841915', 'ua'],
      ['02 2777 070', '+38922777070', 'mk'],
      ['080 020 505', '+38780020505', 'ba'],
      ['0800 20 100', '+35980020100', 'bg'],
      ['+359 2 807 80 50', '+35928078050', 'bg'],
      ['0800 77 99', '+3858007799', 'hr'],
      ['0 800 77777', '+37380077777', 'md'],
      ['+373 22 23 33 09', '+37322233309', 'md'],
      ['0800 11111', '+38980011111', 'mk'],
      ['+381 11 785 0000', '+381117850000', 'rs'],
      ['210 555 0000', '+302105550000', 'gr'],
    ];
    for (const [number, e164, country] of pairs) expect(numberMatchesE164(number, e164, country), `${number} ↔ ${e164} (${country})`).toBe(true);
  });

  it("refuses two different numbers, and another country's calling code", () => {
    const pairs: [string, string, string][] = [
      ['0800 123 456', '119', 'ro'],
      ['0 800 800 678', '+40800800679', 'ro'],
      ['02 2777 070', '+3892277707', 'mk'],
      ['0 800 800 678', '+1234800800678', 'ro'],
      ['0 800 800 678', '+0800800678', 'ro'],
      ['0 800 800 678', '+44800800678', 'ro'],
      ['0 800 800 678', '+4800800678', 'ro'],
      ['116 000', '116006', 'ro'],
      ['+40 21 555 1234', '+40215551235', 'ro'],
    ];
    for (const [number, e164, country] of pairs) expect(numberMatchesE164(number, e164, country), `${number} ↔ ${e164} (${country})`).toBe(false);
  });

  it('says what e164 should be', () => {
    expect(expectedE164('116 000', 'ro')).toBe('116000');
    expect(expectedE164('+373 22 23 33 09', 'md')).toBe('+37322233309');
    expect(expectedE164('0800 123 456', 'ro')).toBe('+40800123456');
    expect(expectedE164('210 555 0000', 'gr')).toBe('+302105550000');
  });

  it('refuses a country file whose number and e164 differ, naming the field and the e164 to write', () => {
    const dir = scratchFixture();
    edit(dir, 'countries/gr.yaml', 'number: "116 000"', 'number: "0800 123 456"');
    edit(
      dir,
      'countries/md.yaml',
      'partners:',
      '  - { id: md-116111, number: "116 111", e164: "116112", operator: null, purpose: { en: Child helpline }, hours: null, cost: free, source: facts-helplines, verifiedOn: null }\n  - { id: md-0800-2, number: "0 800 12345", e164: "+373800123456", operator: null, purpose: { en: Other line }, hours: null, cost: free, source: facts-helplines, verifiedOn: null }\npartners:',
    );
    expect(phoneIssues(dir)).toEqual([
      {
        file: 'countries/gr.yaml',
        line: 11,
        field: 'helplines.0.e164',
        code: 'HelplineNumberMismatch',
        args: { number: '0800 123 456', e164: '116000', expected: '+30800123456' },
      },
      {
        file: 'countries/md.yaml',
        line: 18,
        field: 'helplines.1.e164',
        code: 'HelplineNumberMismatch',
        args: { number: '116 111', e164: '116112', expected: '116111' },
      },
      {
        file: 'countries/md.yaml',
        line: 19,
        field: 'helplines.2.e164',
        code: 'HelplineNumberMismatch',
        args: { number: '0 800 12345', e164: '+373800123456', expected: '+37380012345' },
      },
    ]);
  });
});

describe('numbers in a page’s text', () => {
  it('finds numbers in text, code and tel: links outside <Call>, at their lines, with the blocks around them', () => {
    const scan = scanPage(
      [
        '---',
        'title: Call 210 555 0000',
        '---',
        '',
        'Call <Call number="116 000" /> or 112, or',
        '210 555 0000. `0722 000 000` [x](tel:+40215551234) <a href="tel:1109">1109</a> [0800 20 100](tel:+35980020100)',
        '',
        '<ForCountry countries="md">',
        '',
        'Sună la 0 800 500 500',
        '',
        '</ForCountry>',
        '',
      ].join('\n'),
    );
    expect(scan.phones.map((p) => [p.number, p.line, p.within.map((b) => b.props.countries)])).toEqual([
      ['112', 5, []],
      ['210 555 0000', 6, []],
      ['0722 000 000', 6, []],
      ['+40215551234', 6, []],
      ['1109', 6, []],
      // A link that shows its number is reported once, by the number it shows.
      ['0800 20 100', 6, []],
      ['0 800 500 500', 10, ['md']],
    ]);
    expect(scan.calls.map((c) => c.number)).toEqual(['116 000']);
  });

  it('refuses a number written outside <Call>, naming the sites that show it and those it is no helpline of', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/el/home.mdx', '<Partners />', 'Καλέστε 210 555 0000 ή 116 000.\n\n<Partners />');
    edit(dir, 'pages/en/home.mdx', '<Partners />', 'Call <Call number="112" /> now.\n\n<Partners />');
    edit(dir, 'pages/ro/home.mdx', 'Body of home in ro.', 'Body of home in ro. Sună la 0 800 500 500 sau la 0 800 77777.');
    const notHelpline = (codes: string[], helplines: Record<string, string[]>) => ({ notHelplineOf: codes, helplines });
    expect(phoneIssues(dir)).toEqual([
      {
        file: 'pages/el/home.mdx',
        line: 14,
        code: 'PhoneNotInCall',
        args: { number: '210 555 0000', sites: ['gr'], ...notHelpline(['gr'], { gr }) },
      },
      // A helpline of every site that shows it: the fix is only to write it as <Call>.
      { file: 'pages/el/home.mdx', line: 14, code: 'PhoneNotInCall', args: { number: '116 000', sites: ['gr'], ...notHelpline([], {}) } },
      {
        file: 'pages/ro/home.mdx',
        line: 10,
        code: 'PhoneNotInCall',
        args: { number: '0 800 500 500', sites: ['md'], ...notHelpline(['md'], { md }) },
      },
      { file: 'pages/ro/home.mdx', line: 10, code: 'PhoneNotInCall', args: { number: '0 800 77777', sites: ['md'], ...notHelpline([], {}) } },
    ]);
    const issue = refusedIssues(dir).find((i) => i.args.number === '210 555 0000') as ContentIssue;
    expect(issue.fix).toContain('<Call number="…" />');
    expect(issue.fix).toContain('gr: 116 000 or 112 in content/countries/gr.yaml');
  });

  it('accepts numbers in <Call> and everything that is not written like a phone number', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/home.mdx', '<Partners />', 'In 2013, 15% of 200,000 victims (Article 12, Law 4198/2013): call <Call number="112" />.\n\n<Partners />');
    expect(phoneIssues(dir)).toEqual([]);
  });
});

describe('numbers in every other text', () => {
  it('refuses a number that is not a helpline of every country whose site shows the text, in interface strings, campaign statements, titles, purposes and figures', () => {
    const dir = scratchFixture();
    // Greek interface strings are shown on the Greek site; English ones on every site.
    edit(dir, 'ui/el.yaml', 'exit.label: Έξοδος από τη σελίδα', 'exit.label: Έξοδος από τη σελίδα\n  site.footerNote: Καλέστε +30 210 555 0000.');
    edit(dir, 'ui/en.yaml', 'site.footerNote: This site', 'site.footerNote: Call 116 000. This site');
    edit(dir, 'campaign.yaml', 'tagline: { en: A small content set for tests. }', 'tagline: { en: "Call 0 800 77777." }');
    edit(dir, 'pages/ro/home.mdx', /title: .*/, 'title: "Sună la 0722 000 000"');
    edit(
      dir,
      'countries/md.yaml',
      'purpose: { en: "Safe migration and anti-trafficking hotline" }',
      'purpose: { en: "Safe migration hotline; or call 116 000" }',
    );
    edit(dir, 'figures.yaml', 'label: { en: a fixture figure about Moldova only }', 'label: { en: "calls to 0 800 77777 in 2013" }');
    const unit = (id: string, locale: string, number: string, sites: string[], helplines: Record<string, string[]>) => ({
      unit: id,
      locale,
      number,
      sites,
      helplines,
    });
    expect(phoneIssues(dir)).toEqual([
      {
        file: 'ui/en.yaml',
        line: 9,
        field: 'strings.site.footerNote',
        code: 'PhoneNotAHelpline',
        args: unit('ui:site.footerNote', 'en', '116 000', ['md'], { md }),
      },
      {
        file: 'ui/el.yaml',
        line: 6,
        field: 'strings.site.footerNote',
        code: 'PhoneNotAHelpline',
        args: unit('ui:site.footerNote', 'el', '+30 210 555 0000', ['gr'], { gr }),
      },
      { file: 'pages/ro/home.mdx', line: 2, field: 'title', code: 'PhoneNotAHelpline', args: unit('page:home:title', 'ro', '0722 000 000', ['md'], { md }) },
      {
        file: 'countries/md.yaml',
        line: 13,
        field: 'helplines.0.purpose.en',
        code: 'PhoneNotAHelpline',
        args: unit('helpline:md-0800-77777:purpose', 'en', '116 000', ['md'], { md }),
      },
      { file: 'campaign.yaml', line: 4, field: 'tagline.en', code: 'PhoneNotAHelpline', args: unit('campaign:tagline', 'en', '0 800 77777', ['gr'], { gr }) },
      // A figure about Moldova is only quoted on the Moldovan site, which lists the number.
    ]);
  });

  it('checks poster lines against the countries that print the design in that language', () => {
    const dir = scratchFixture();
    writeRoadPoster(dir, { en: 'Call 0 800 77777.', el: 'Καλέστε 116 000.' });
    // Only Greece is a country of destination: its own 116 000 is fine, Moldova's number is not.
    expect(phoneIssues(dir)).toEqual([
      {
        file: 'posters/road.yaml',
        line: 8,
        field: 'lines.en.cta',
        code: 'PhoneNotAHelpline',
        args: { unit: 'poster:road:cta', locale: 'en', number: '0 800 77777', sites: ['gr'], helplines: { gr } },
      },
    ]);
  });
});
