// Unverified facts (the release rule, packages/content/src/release.ts): facts nobody has confirmed
// for this release. They make the print files that show them proofs, fill the campaign team's
// dist/reports/unverified.md, and a release build refuses while there is any. Each names the content
// file and field to fix, and where the fact appears.
import { defineGroup, entry } from './define.ts';

type Helpline = { number: string; operator?: string; id: string };
const helpline = (a: Helpline) => `helpline ${a.number} (${a.operator ?? 'operator not confirmed'})`;
const confirm = (a: Helpline) => `confirm ${a.number} (${a.id}) with its operator`;

export const releaseErrors = defineGroup('release', {
  HelplineUnverified: entry<Helpline>({
    title: 'Helpline never verified',
    message: (a) => `${helpline(a)} has no verifiedOn date`,
    hint: (a) => `${confirm(a)}, then write the day you did: verifiedOn: YYYY-MM-DD`,
  }),
  HelplineFuture: entry<Helpline & { verifiedOn: string; releaseDate: string }>({
    title: 'Helpline verified after the release date',
    message: (a) =>
      `${helpline(a)} was verified on ${a.verifiedOn}, after the release date ${a.releaseDate}: no confirmation can be dated after the content it is published with`,
    hint: () => 'correct the date; if it is right, this is a new release: set releaseDate in content/campaign.yaml to its date',
  }),
  HelplineExpired: entry<Helpline & { verifiedOn: string; months: number; releaseDate: string; cutoff: string }>({
    title: 'Helpline verification expired',
    message: (a) =>
      `${helpline(a)} was verified on ${a.verifiedOn}, more than ${a.months} month${a.months === 1 ? '' : 's'} before the release date ${a.releaseDate} (anything before ${a.cutoff} must be confirmed again)`,
    hint: (a) => `${confirm(a)} again, then write the new date; the period is recheckMonths in content/campaign.yaml`,
  }),
  ReservedDomain: entry<{ siteUrl: string; host: string; country: string }>({
    title: 'Site address on a reserved domain',
    message: (a) =>
      `the site address ${a.siteUrl} is on ${a.host}, a domain reserved for examples and tests, which can never be the real site; posters print it and their QR codes open it`,
    hint: (a) => `write the real address of the ${a.country} site, e.g. siteUrl: https://www.<real-domain>`,
  }),
  PosterTextDraft: entry<{ design: string; locale: string; language: string }>({
    title: 'Poster lines still a draft translation',
    message: (a) => `the ${a.language} (${a.locale}) lines of poster design "${a.design}" are a draft translation that no native speaker has reviewed`,
    hint: () => 'have a native speaker review headline, body and cta, then write translation: reviewed and reviewedBy: <their name>',
  }),
  PosterTextMissing: entry<{ design: string; locale: string; language: string; countries: string[]; isSource: boolean }>({
    title: 'Poster lines missing for a printed language',
    message: (a) => `poster design "${a.design}" has no ${a.language} (${a.locale}) lines, so ${a.countries.join(', ')} would print it without them`,
    hint: (a) => `add lines.${a.locale} with headline, body and cta${a.isSource ? ' (translation: source)' : ', translated and reviewed'}`,
  }),
  PrintedTextMissing: entry<{ unit: string; locale: string; language: string; where: string }>({
    title: 'Printed text not translated',
    message: (a) => `${a.unit} has no ${a.language} (${a.locale}) translation, so print files in ${a.locale} would show the English: ${a.where}`,
    hint: (a) => `translate it (npm run translations -- export ${a.locale}), then have a native speaker review it`,
  }),
  PrintedTextOutdated: entry<{
    unit: string;
    locale: string;
    language: string;
    where: string;
    because: 'english-changed' | 'not-derived' | 'origin-changed';
    origin?: string;
  }>({
    title: 'Printed text translated from older English',
    message: (a) =>
      `the ${a.language} (${a.locale}) text of ${a.unit} ${
        a.because === 'not-derived'
          ? `is not what the rule makes of its ${a.origin} text`
          : a.because === 'origin-changed'
            ? 'is a reviewer’s wording for a text that has changed since'
            : 'was translated from an English text that has changed since'
      }: ${a.where}`,
    hint: (a) =>
      a.because === 'not-derived'
        ? `npm run translations -- derive ${a.locale}`
        : `update the translation to the current English (npm run translations -- export ${a.locale}), or, if it is still right, npm run translations -- mark-current ${a.locale}/${a.unit}`,
  }),
});
