// Poster designs (content/posters/<id>.yaml): formats, the page a design's QR code opens, its lines
// in every language its countries speak, billboard word limits and the photo. Said by the content
// loader (posters.ts) with the design's file and field.
import { defineGroup, entry } from './define.ts';

export const posterErrors = defineGroup('posters', {
  FormatListedTwice: entry<{ format: string }>({
    title: 'Format listed twice',
    message: (a) => `lists "${a.format}" twice`,
    hint: () => 'list each format once',
  }),
  PosterPageMissing: entry<{ page: string; source: string; pages: string[] }>({
    title: 'Design opens a page that does not exist',
    message: (a) => `names page "${a.page}", but content/pages/${a.source}/${a.page}.mdx does not exist`,
    hint: (a) => `use the file name of an English page: ${a.pages.join(', ')}`,
  }),
  PosterPageAudience: entry<{ page: string; pageAudience: string; audience: string }>({
    title: 'Design opens a page for other readers',
    message: (a) => `opens page "${a.page}", which is for ${a.pageAudience} sites, but the design is for ${a.audience} countries`,
    hint: (a) => `pick a page whose audience is "${a.audience}" or "all"`,
  }),
  EnglishLinesNotSource: entry({
    title: 'English lines not marked as the source',
    message: () => 'must be "source" for the English lines',
    hint: () => 'write translation: source',
  }),
  TranslatedLinesMarkedSource: entry({
    title: 'Translated lines marked as the source',
    message: () => 'is "source", but only the English lines are the source',
    hint: () => 'write translation: draft until a native speaker has reviewed it',
  }),
  EnglishLinesMissing: entry<{ source: string }>({
    title: 'Design without English lines',
    message: () => 'is missing: every design needs its English lines',
    hint: (a) => `add lines.${a.source} with translation: source, headline, body and cta`,
  }),
  PosterLinesMissing: entry<{ locale: string; language: string; countries: string[]; billboard: boolean }>({
    title: 'Lines missing for a language that gets the design',
    message: (a) =>
      `is missing: ${a.countries.join(', ')} ${a.countries.length > 1 ? 'speak' : 'speaks'} ${a.language} and get${a.countries.length > 1 ? '' : 's'} this design`,
    hint: (a) => `add lines.${a.locale} with translation: draft, headline, body and cta${a.billboard ? ', and billboard: { headline, cta }' : ''}`,
  }),
  PosterLinesUnused: entry<{ audience: string; locale: string }>({
    title: 'Lines no country prints',
    message: (a) => `no ${a.audience} country speaks "${a.locale}", so these lines are never printed`,
    hint: () => 'remove them, or add the language to a country',
  }),
  NoCountryForAudience: entry<{ audience: string }>({
    title: 'No country for the design’s audience',
    message: (a) => `no country has the role "${a.audience}", so nothing would be printed`,
    hint: () => 'change the audience or add the role to a country',
  }),
  BillboardLinesMissing: entry<{ design: string; locale: string; formats: string[]; headlineMax: number; ctaMax: number }>({
    title: 'Billboard lines missing',
    message: (a) =>
      `is missing: design "${a.design}" lists the billboard format${a.formats.length > 1 ? 's' : ''} ${a.formats.join(', ')}, which show billboard lines, not the poster's`,
    hint: (a) =>
      `add lines.${a.locale}.billboard with a headline of at most ${a.headlineMax} words and a cta of at most ${a.ctaMax}, or drop the billboard formats`,
  }),
  BillboardTooManyWords: entry<{ words: number; max: number; name: string; design: string; locale: string; formats: string[]; text: string }>({
    title: 'Billboard line over its word limit',
    message: (a) =>
      `has ${a.words} words; a billboard ${a.name} has at most ${a.max} (design "${a.design}", locale ${a.locale}${a.formats.length ? `, printed on ${a.formats.join(', ')}` : ''}): "${a.text}"`,
    hint: (a) => `shorten it to ${a.max} words or fewer: a driver reads 7–10 words in passing, and the whole board carries at most 30`,
  }),
  PhotoMissing: entry<{ file: string }>({
    title: 'Photo file missing',
    message: (a) => `names ${a.file}, but content/${a.file} does not exist`,
    hint: (a) => `put the photo at content/${a.file}, or correct the path`,
  }),
  PhotoUnreadable: entry<{ file: string }>({
    title: 'Photo cannot be read',
    message: (a) => `content/${a.file} is not a JPEG or PNG image that can be read`,
    hint: () => 'export the photo as JPEG (or PNG) again',
  }),
});
