import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PrintFormatId, printFormats } from '@repo/design';
import { localeInfo, sourceLocale } from '@repo/i18n';
import { imageSize } from 'image-size';
import { type ContentIssue, contentIssue } from './issues.ts';
import { billboardCtaMaxWords, billboardHeadlineMaxWords, type Country, type Poster, type PosterImage, posterSchema, wordsOf } from './schema/index.ts';
import { checkNamedAfterFile, readYaml, yamlFiles } from './yaml-file.ts';

/** A poster design as loaded: its file (relative to the content root) beside its data. */
export interface PosterDesign extends Poster {
  file: string;
  /** The photo as read from disk (when the design has one and it could be read). */
  photo?: PosterPhoto;
}

/** A design's photo file, read: what the print renderer needs to place it and check its resolution. */
export interface PosterPhoto {
  /** Absolute path. */
  path: string;
  /** Path relative to the content root, as written in the design. */
  file: string;
  width: number;
  height: number;
  /** SHA-256 of the file: part of every print file's input hash. */
  sha256: string;
  credit: string;
  focus: { x: number; y: number };
}

/** The English pages as the poster loader needs them: id and audience. */
type PageRef = { id: string; locale: string; data: { audience: string } };

/** What the poster checks know of the files that could not be read. */
export interface PosterCheckOptions {
  /**
   * Every country file gave its roles and languages. Otherwise lines in a language no known country
   * speaks are not reported as unused (the broken file's country may speak it), nor a design as
   * without countries.
   */
  allCountriesRead?: boolean;
  /** Ids of English pages whose frontmatter could not be read: a QR code opening one is not reported. */
  unreadPages?: Set<string>;
}

/**
 * Reads content/posters/*.yaml and cross-checks each design against the countries and pages: the file
 * name, English lines, translation states, the page its QR code opens, and a set of lines for every
 * language of every country the design is for (of the countries that could be read). Problems go
 * into `issues`; nothing is thrown.
 */
export function loadPosters(
  root: string,
  countries: Pick<Country, 'code' | 'roles' | 'languages'>[] | undefined,
  pages: PageRef[],
  issues: ContentIssue[],
  { allCountriesRead = true, unreadPages = new Set() }: PosterCheckOptions = {},
): PosterDesign[] {
  const dir = join(root, 'posters');
  if (!existsSync(dir)) return [];
  const designs: PosterDesign[] = [];
  const english = new Map(pages.filter((p) => p.locale === sourceLocale).map((p) => [p.id, p]));
  for (const name of yamlFiles(dir)) {
    const file = `posters/${name}`;
    const poster = readYaml(join(dir, name), posterSchema, file, issues);
    if (!poster) continue;
    checkNamedAfterFile(file, name, poster.id, 'id', issues);
    const seen = new Set<string>();
    poster.formats.forEach((f, i) => {
      if (seen.has(f)) issues.push(contentIssue('FormatListedTwice', { format: f }, { file, field: `formats.${i}` }));
      seen.add(f);
    });
    const page = english.get(poster.page);
    // A page whose frontmatter could not be read is reported as such, not as missing.
    if (!page && !unreadPages.has(poster.page))
      issues.push(contentIssue('PosterPageMissing', { page: poster.page, source: sourceLocale, pages: [...english.keys()] }, { file, field: 'page' }));
    else if (page && page.data.audience !== 'all' && page.data.audience !== poster.audience)
      issues.push(
        contentIssue('PosterPageAudience', { page: poster.page, pageAudience: page.data.audience, audience: poster.audience }, { file, field: 'page' }),
      );
    for (const [locale, lines] of Object.entries(poster.lines)) {
      const field = `lines.${locale}.translation`;
      if ((locale === sourceLocale) !== (lines.translation === 'source'))
        issues.push(contentIssue(locale === sourceLocale ? 'EnglishLinesNotSource' : 'TranslatedLinesMarkedSource', {}, { file, field }));
      if (lines.translation === 'reviewed' && !lines.reviewedBy)
        issues.push(contentIssue('ReviewerMissing', {}, { file, field: `lines.${locale}.reviewedBy` }));
    }
    checkBillboardLines(file, poster, issues);
    if (!poster.lines[sourceLocale]) issues.push(contentIssue('EnglishLinesMissing', { source: sourceLocale }, { file, field: `lines.${sourceLocale}` }));
    if (countries) {
      const served = countries.filter((c) => c.roles.includes(poster.audience));
      if (served.length === 0 && allCountriesRead)
        issues.push(contentIssue('NoCountryForAudience', { audience: poster.audience }, { file, field: 'audience' }));
      const needed = new Map<string, string[]>();
      for (const c of served) for (const l of c.languages) needed.set(l, [...(needed.get(l) ?? []), c.code]);
      for (const [locale, codes] of needed) {
        if (!poster.lines[locale])
          issues.push(
            contentIssue(
              'PosterLinesMissing',
              { locale, language: localeInfo(locale).englishName, countries: codes, billboard: billboardFormats(poster).length > 0 },
              { file, field: `lines.${locale}` },
            ),
          );
      }
      for (const locale of Object.keys(poster.lines)) {
        if (allCountriesRead && !needed.has(locale) && locale !== sourceLocale)
          issues.push(contentIssue('PosterLinesUnused', { audience: poster.audience, locale }, { file, field: `lines.${locale}` }));
      }
    }
    const photo = poster.image ? readPhoto(root, file, poster.image, issues) : undefined;
    designs.push({ ...poster, file, ...(photo ? { photo } : {}) });
  }
  return designs;
}

/**
 * Whether a country prints a design in a locale: the design is for one of the country's roles, the
 * country speaks the locale and the design has lines in it (print files and printers' pages follow this).
 */
export function designShownIn(design: Pick<Poster, 'audience' | 'lines'>, country: Pick<Country, 'roles' | 'languages'>, locale: string): boolean {
  return country.roles.includes(design.audience) && country.languages.includes(locale) && design.lines[locale] !== undefined;
}

/** The billboard formats a design lists. */
export function billboardFormats(poster: Pick<Poster, 'formats'>): PrintFormatId[] {
  return poster.formats.filter((f) => printFormats[f].kind === 'billboard');
}

/**
 * Billboard lines: every language of a design with a billboard format has them, and each stays
 * within its word limit (headline 7, call to action 5: a driver reads 7–10 words in passing). Lines
 * of a design without billboard formats are checked too, so they are ready when one is added.
 */
function checkBillboardLines(file: string, poster: Poster, issues: ContentIssue[]) {
  const formats = billboardFormats(poster);
  for (const [locale, lines] of Object.entries(poster.lines)) {
    if (!lines.billboard) {
      if (formats.length)
        issues.push(
          contentIssue(
            'BillboardLinesMissing',
            { design: poster.id, locale, formats, headlineMax: billboardHeadlineMaxWords, ctaMax: billboardCtaMaxWords },
            { file, field: `lines.${locale}.billboard` },
          ),
        );
      continue;
    }
    const limits = [
      ['headline', billboardHeadlineMaxWords, 'headline'],
      ['cta', billboardCtaMaxWords, 'call to action'],
    ] as const;
    for (const [field, max, name] of limits) {
      const words = wordsOf(lines.billboard[field]).length;
      if (words <= max) continue;
      issues.push(
        contentIssue(
          'BillboardTooManyWords',
          { words, max, name, design: poster.id, locale, formats, text: lines.billboard[field] },
          { file, field: `lines.${locale}.billboard.${field}` },
        ),
      );
    }
  }
}

/** Reads a design's photo: it must exist and be a JPEG or PNG whose size can be read. */
function readPhoto(root: string, file: string, image: PosterImage, issues: ContentIssue[]): PosterPhoto | undefined {
  const path = join(root, image.file);
  if (!existsSync(path)) {
    issues.push(contentIssue('PhotoMissing', { file: image.file }, { file, field: 'image.file' }));
    return undefined;
  }
  const data = readFileSync(path);
  let size: { width?: number; height?: number; type?: string; orientation?: number };
  try {
    size = imageSize(data);
  } catch {
    size = {};
  }
  if (!size.width || !size.height || (size.type !== 'jpg' && size.type !== 'png')) {
    issues.push(contentIssue('PhotoUnreadable', { file: image.file }, { file, field: 'image.file' }));
    return undefined;
  }
  // EXIF orientations 5–8 turn the picture a quarter: the renderer rotates it upright first.
  const turned = (size.orientation ?? 1) >= 5;
  return {
    path,
    file: image.file,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    sha256: createHash('sha256').update(data).digest('hex'),
    credit: image.credit,
    focus: image.focus,
  };
}
