// The release rule (src/release.ts): which facts are unverified and where each appears, on the
// fixture content, copied and changed one fact at a time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe as describeError } from '@repo/errors';
import { describe, expect, it } from 'vitest';
import {
  type Content,
  ContentError,
  factsByFile,
  formatFact,
  isReservedHost,
  loadContent,
  planSite,
  printedFiles,
  type ReleaseFact,
  ReleaseRefused,
  recheckCutoff,
  refuseUnverified,
  releaseFacts,
  releaseReport,
} from '../src/index.ts';
import { copyFixture, edit, validFixture, write } from './helpers.ts';

const poster = `id: demand
name: { en: The person you pay may be a child }
audience: destination
template: stark
page: demand
formats: [a4, social-link]
lines:
  en:
    translation: source
    headline: The person you pay may be a child.
    body: Behind cheap sex there can be a trafficked child.
    cta: Call and report it.
  el:
    translation: draft
    headline: Το άτομο που πληρώνετε μπορεί να είναι παιδί.
    body: Πίσω από το φτηνό σεξ μπορεί να κρύβεται ένα παιδί.
    cta: Καλέστε και καταγγείλετέ το.
`;

/** A fixture copy with one poster design for gr (Greek lines a draft), after `change`. */
function withPoster(change: (dir: string) => void = () => {}): Content {
  const dir = copyFixture();
  mkdirSync(join(dir, 'posters'));
  write(dir, 'posters/demand.yaml', poster);
  change(dir);
  return loadContent(dir);
}

function changed(change: (dir: string) => void): Content {
  const dir = copyFixture();
  change(dir);
  return loadContent(dir);
}

const ofKind = (facts: ReleaseFact[], kind: ReleaseFact['kind']) => facts.filter((f) => f.kind === kind);
const gr = 'countries/gr.yaml';
const md = 'countries/md.yaml';

describe('release rule: helplines', () => {
  it('an unverified helpline is a fact, with the file and field to fix, shown on every page of its site', () => {
    const content = loadContent(validFixture);
    const facts = ofKind(releaseFacts(content), 'helpline-unverified');
    // Every one of them is gr's: md's number is verified.
    expect(facts.every((f) => f.file === 'content/countries/gr.yaml')).toBe(true);
    const fact = facts.find((f) => f.field === 'helplines.0.verifiedOn');
    expect(fact).toMatchObject({
      code: 'HelplineUnverified',
      args: { number: '116 000', id: 'gr-116000', operator: 'The Smile of the Child' },
      file: 'content/countries/gr.yaml',
      field: 'helplines.0.verifiedOn',
    });
    // No poster design in the fixture: no print files, but every page has its page card.
    const pages = planSite(content, 'gr').pages;
    expect(fact?.appearsOn).toEqual({
      sites: [{ country: 'gr', pages: pages.map((p) => p.path) }],
      printFiles: [],
      pageCards: pages.map((p) => `gr/cards/${p.locale}/${p.id}`),
    });
  });

  it('a number verified on the release date, or exactly recheckMonths before it, is verified', () => {
    // md's number is verified on 2026-01-01, the fixture's releaseDate.
    expect(releaseFacts(loadContent(validFixture)).filter((f) => f.file.endsWith('md.yaml') && f.kind.startsWith('helpline'))).toEqual([]);
    const boundary = changed((dir) => edit(dir, md, 'verifiedOn: "2026-01-01"', 'verifiedOn: "2025-01-01"'));
    expect(ofKind(releaseFacts(boundary), 'helpline-expired')).toEqual([]);
  });

  it('a verification older than the re-check period counts as unverified again', () => {
    const content = changed((dir) => edit(dir, md, 'verifiedOn: "2026-01-01"', 'verifiedOn: "2024-12-31"'));
    const [fact, ...others] = ofKind(releaseFacts(content), 'helpline-expired');
    expect(others).toEqual([]);
    expect(fact).toMatchObject({ file: 'content/countries/md.yaml', field: 'helplines.0.verifiedOn' });
    expect(fact).toMatchObject({
      code: 'HelplineExpired',
      args: { number: '0 800 77777', operator: 'La Strada Moldova', verifiedOn: '2024-12-31', months: 12, releaseDate: '2026-01-01', cutoff: '2025-01-01' },
    });
    expect(fact?.appearsOn.sites.map((s) => s.country)).toEqual(['md']);
    // A longer period keeps it current.
    const longer = changed((dir) => {
      edit(dir, md, 'verifiedOn: "2026-01-01"', 'verifiedOn: "2024-12-31"');
      edit(dir, 'campaign.yaml', 'releaseDate: 2026-01-01', 'releaseDate: 2026-01-01\nrecheckMonths: 24');
    });
    expect(longer.campaign.recheckMonths).toBe(24);
    expect(ofKind(releaseFacts(longer), 'helpline-expired')).toEqual([]);
  });

  it('a verification dated after the release date is a fact too: the date is impossible', () => {
    const content = changed((dir) => edit(dir, md, 'verifiedOn: "2026-01-01"', 'verifiedOn: "2026-01-02"'));
    const [fact] = ofKind(releaseFacts(content), 'helpline-future');
    expect(fact).toMatchObject({ code: 'HelplineFuture', args: { verifiedOn: '2026-01-02', releaseDate: '2026-01-01' } });
  });

  it('counts the re-check period back in calendar months, to the month’s last day where the day does not exist', () => {
    expect(recheckCutoff('2026-11-22', 12)).toBe('2025-11-22');
    expect(recheckCutoff('2026-01-15', 13)).toBe('2024-12-15');
    expect(recheckCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(recheckCutoff('2024-03-31', 1)).toBe('2024-02-29');
    expect(recheckCutoff('2025-02-28', 12)).toBe('2024-02-28');
  });
});

describe('release rule: reserved domains', () => {
  it('knows every reserved form (RFC 2606, RFC 6761) and lets real domains pass', () => {
    for (const host of [
      'example',
      'gr.example',
      'gr.victor-campaign.example',
      'example.org',
      'gr.example.org',
      'example.com',
      'www.example.com',
      'example.net',
      'a.b.example.net',
      'test',
      'gr.test',
      'invalid',
      'site.invalid',
      'localhost',
      'gr.localhost',
      'GR.Example.ORG',
      'example.org.',
    ])
      expect(isReservedHost(host), host).toBe(true);
    for (const host of [
      'victor-campaign.org',
      'gr.victor-campaign.org',
      'myexample.org',
      'example.org.mk',
      'examples.com',
      'test.gr',
      'invalid.com',
      'localhost.eu',
    ])
      expect(isReservedHost(host), host).toBe(false);
  });

  it('a site on a reserved domain is a fact for every page of its site (both fixture sites are on .example)', () => {
    const content = loadContent(validFixture);
    const facts = ofKind(releaseFacts(content), 'reserved-domain');
    expect(facts.map((f) => [f.file, f.field])).toEqual([
      ['content/countries/gr.yaml', 'siteUrl'],
      ['content/countries/md.yaml', 'siteUrl'],
    ]);
    expect(facts[0]).toMatchObject({ code: 'ReservedDomain', args: { siteUrl: 'https://gr.test.example', host: 'gr.test.example', country: 'gr' } });
    expect(facts[1]?.appearsOn.sites).toEqual([{ country: 'md', pages: planSite(content, 'md').pages.map((p) => p.path) }]);
  });

  it('https://gr.example.org is reserved too; a real domain passes', () => {
    const org = changed((dir) => edit(dir, gr, 'siteUrl: https://gr.test.example', 'siteUrl: https://gr.example.org'));
    expect(ofKind(releaseFacts(org), 'reserved-domain').map((f) => f.args.siteUrl)).toEqual(['https://gr.example.org', 'https://md.test.example']);
    const real = changed((dir) => edit(dir, gr, 'siteUrl: https://gr.test.example', 'siteUrl: https://gr.victor-campaign.org'));
    expect(ofKind(releaseFacts(real), 'reserved-domain').map((f) => f.file)).toEqual(['content/countries/md.yaml']);
  });
});

describe('release rule: words on print files', () => {
  it('draft poster lines are a fact on every print file in that language, and nowhere else', () => {
    const content = withPoster();
    const facts = ofKind(releaseFacts(content), 'poster-text-draft');
    expect(facts).toEqual([
      {
        kind: 'poster-text-draft',
        code: 'PosterTextDraft',
        args: { design: 'demand', locale: 'el', language: 'Greek' },
        what: describeError('PosterTextDraft', { design: 'demand', locale: 'el', language: 'Greek' }).message,
        file: 'content/posters/demand.yaml',
        field: 'lines.el.translation',
        fix: describeError('PosterTextDraft', { design: 'demand', locale: 'el', language: 'Greek' }).hint,
        appearsOn: { sites: [], printFiles: ['gr/demand/el/a4', 'gr/demand/el/social-link'], pageCards: [] },
      },
    ]);
    const reviewed = withPoster((dir) => edit(dir, 'posters/demand.yaml', '    translation: draft', '    translation: reviewed\n    reviewedBy: A. Reviewer'));
    expect(ofKind(releaseFacts(reviewed), 'poster-text-draft')).toEqual([]);
  });

  it('missing poster lines: the loader refuses them, and the rule names them should content arrive without them', () => {
    const dir = copyFixture();
    mkdirSync(join(dir, 'posters'));
    write(dir, 'posters/demand.yaml', poster.slice(0, poster.indexOf('  el:')));
    expect(() => loadContent(dir)).toThrow(ContentError);
    try {
      loadContent(dir);
    } catch (error) {
      expect((error as ContentError).issues).toContainEqual(expect.objectContaining({ file: 'posters/demand.yaml', field: 'lines.el' }));
    }
    // The same content as a program could still hand it over: the rule does not rely on the loader.
    const content = withPoster();
    const [design] = content.posters;
    const { el: _, ...lines } = design?.lines ?? {};
    const without = { ...content, posters: [{ ...(design as (typeof content.posters)[number]), lines }] };
    const [fact, ...others] = ofKind(releaseFacts(without), 'poster-text-missing');
    expect(others).toEqual([]);
    expect(fact).toMatchObject({ file: 'content/posters/demand.yaml', field: 'lines.el' });
    expect(fact).toMatchObject({ code: 'PosterTextMissing', args: { design: 'demand', locale: 'el', language: 'Greek', countries: ['gr'], isSource: false } });
    expect(fact?.appearsOn.printFiles).toEqual(['gr/demand/el/a4', 'gr/demand/el/social-link']);
    expect(printedFiles(without).map((f) => f.key)).toEqual(['gr/demand/en/a4', 'gr/demand/en/social-link']);
  });

  it('a helpline and the site address appear on every print file of the country, and on its page cards', () => {
    const content = withPoster();
    const facts = releaseFacts(content);
    const helpline = ofKind(facts, 'helpline-unverified')[0];
    const files = ['gr/demand/el/a4', 'gr/demand/el/social-link', 'gr/demand/en/a4', 'gr/demand/en/social-link'];
    expect(helpline?.appearsOn.printFiles).toEqual(files);
    expect(helpline?.appearsOn.pageCards).toEqual(planSite(content, 'gr').pages.map((p) => `gr/cards/${p.locale}/${p.id}`));
    expect(ofKind(facts, 'reserved-domain')[0]?.appearsOn.printFiles).toEqual(files);
    // Per file: exactly the facts that list it, without their places.
    const byFile = factsByFile(facts);
    const strip = ({ appearsOn: _, code: _code, args: _args, ...fact }: ReleaseFact) => fact;
    const on = (key: string) => facts.filter((f) => f.appearsOn.printFiles.includes(key)).map(strip);
    expect(byFile.get('gr/demand/el/a4')).toEqual(on('gr/demand/el/a4'));
    // The fixture's Greek interface strings lack the helpline labels: the poster would print them in English.
    expect(new Set(byFile.get('gr/demand/el/a4')?.map((f) => f.kind))).toEqual(
      new Set(['helpline-unverified', 'reserved-domain', 'poster-text-draft', 'printed-text-missing']),
    );
    expect(new Set(byFile.get('gr/demand/en/a4')?.map((f) => f.kind))).toEqual(new Set(['helpline-unverified', 'reserved-domain']));
    expect(byFile.get('gr/demand/en/a4')?.[0]).not.toHaveProperty('appearsOn');
    // A page card shows only the first poster helpline.
    const card = byFile.get('gr/cards/el/home') ?? [];
    expect(card.filter((f) => f.kind === 'helpline-unverified').map((f) => f.field)).toEqual(['helplines.0.verifiedOn']);
  });

  it('a helpline not marked onPosters appears on the site only', () => {
    const content = withPoster((dir) => edit(dir, gr, '    verifiedOn: null', '    verifiedOn: null\n    onPosters: false'));
    const fact = releaseFacts(content).find((f) => f.field === 'helplines.0.verifiedOn');
    expect(fact?.appearsOn).toMatchObject({ printFiles: [], pageCards: [] });
    expect(fact?.appearsOn.sites).toHaveLength(1);
  });
});

describe('release rule: the re-check period', () => {
  it('refuses a period that is not a whole number of months, naming file, field and fix, in the same run as other errors', () => {
    for (const bad of ['0', '-3', '1.5', '"12"', 'twelve']) {
      const dir = copyFixture();
      edit(dir, 'campaign.yaml', 'releaseDate: 2026-01-01', `releaseDate: 2026-01-01\nrecheckMonths: ${bad}`);
      edit(dir, gr, '    source: facts-helplines\n', '');
      let error: ContentError | undefined;
      try {
        loadContent(dir);
      } catch (e) {
        error = e as ContentError;
      }
      expect(error, bad).toBeInstanceOf(ContentError);
      const issue = error?.issues.find((i) => i.field === 'recheckMonths');
      expect(issue, bad).toMatchObject({ file: 'campaign.yaml', line: 8, code: 'RecheckMonthsInvalid', args: { default: 12 } });
      expect(
        error?.issues.some((i) => i.file === gr && i.field === 'helplines.0.source'),
        bad,
      ).toBe(true);
      expect(error?.message).toContain('content/campaign.yaml:8 [RecheckMonthsInvalid] field "recheckMonths": ');
    }
  });
});

describe('release rule: one message, one report', () => {
  it('ReleaseRefused lists every fact with its file, field, fix and places; no fact, no refusal', () => {
    const facts = releaseFacts(withPoster());
    const error = (() => {
      try {
        refuseUnverified(facts);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReleaseRefused);
    const message = (error as ReleaseRefused).message;
    expect(message.split('\n')[0]).toBe(`Release refused: ${facts.length} facts are unverified and would be published:`);
    for (const fact of facts) expect(message).toContain(formatFact(fact));
    expect(message).toContain('  - [HelplineUnverified] ');
    expect(message).toContain('\n    fix: content/countries/gr.yaml field "helplines.0.verifiedOn": ');
    expect(message).toContain('4 print files: gr/demand/el/{a4,social-link}; gr/demand/en/{a4,social-link}');
    expect(() => refuseUnverified([])).not.toThrow();
  });

  it('keeps to the selected countries', () => {
    const facts = releaseFacts(loadContent(validFixture), { countries: ['md'] });
    // md's only number is verified; its site is on a reserved domain.
    expect(facts.map((f) => [f.kind, f.file])).toEqual([['reserved-domain', 'content/countries/md.yaml']]);
  });

  it('writes the team’s report: the same facts as Markdown and JSON', () => {
    const content = withPoster();
    const facts = releaseFacts(content);
    const report = releaseReport(content, facts);
    expect(report.markdown).toContain('# Unverified facts: fixture, release date 2026-01-01');
    expect(report.markdown).toContain('verifiedOn date is from 2025-01-01 to 2026-01-01 (recheckMonths: 12 in content/campaign.yaml)');
    for (const fact of facts) expect(report.markdown).toContain(formatFact(fact));
    expect(JSON.parse(report.json)).toEqual({ campaign: 'fixture', releaseDate: '2026-01-01', recheckMonths: 12, verifiedFrom: '2025-01-01', facts });
  });
});
