import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PrintFormatId, printFormats } from '@repo/design';
import { localeInfo, sourceLocale } from '@repo/i18n';
import { imageSize } from 'image-size';
import type { ContentIssue } from './issues.ts';
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

/**
 * Reads content/posters/*.yaml and cross-checks each design against the countries and pages: the file
 * name, English lines, translation states, the page its QR code opens, and a set of lines for every
 * language of every country the design is for. Problems go into `issues`; nothing is thrown.
 * `countries` is undefined when a country file was broken, so language checks are skipped.
 */
export function loadPosters(root: string, countries: Country[] | undefined, pages: PageRef[], issues: ContentIssue[]): PosterDesign[] {
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
      if (seen.has(f)) issues.push({ file, field: `formats.${i}`, message: `lists "${f}" twice`, fix: 'list each format once' });
      seen.add(f);
    });
    const page = english.get(poster.page);
    if (!page) {
      issues.push({
        file,
        field: 'page',
        message: `names page "${poster.page}", but content/pages/${sourceLocale}/${poster.page}.mdx does not exist`,
        fix: `use the file name of an English page: ${[...english.keys()].join(', ')}`,
      });
    } else if (page.data.audience !== 'all' && page.data.audience !== poster.audience) {
      issues.push({
        file,
        field: 'page',
        message: `opens page "${poster.page}", which is for ${page.data.audience} sites, but the design is for ${poster.audience} countries`,
        fix: `pick a page whose audience is "${poster.audience}" or "all"`,
      });
    }
    for (const [locale, lines] of Object.entries(poster.lines)) {
      const field = `lines.${locale}.translation`;
      if ((locale === sourceLocale) !== (lines.translation === 'source')) {
        issues.push({
          file,
          field,
          message: locale === sourceLocale ? 'must be "source" for the English lines' : 'is "source", but only the English lines are the source',
          fix: locale === sourceLocale ? 'write translation: source' : 'write translation: draft until a native speaker has reviewed it',
        });
      }
      if (lines.translation === 'reviewed' && !lines.reviewedBy) {
        issues.push({
          file,
          field: `lines.${locale}.reviewedBy`,
          message: 'is missing for a reviewed translation',
          fix: 'name the reviewer, or set translation: draft',
        });
      }
    }
    checkBillboardLines(file, poster, issues);
    if (!poster.lines[sourceLocale]) {
      issues.push({
        file,
        field: `lines.${sourceLocale}`,
        message: 'is missing: every design needs its English lines',
        fix: `add lines.${sourceLocale} with translation: source, headline, body and cta`,
      });
    }
    if (countries) {
      const served = countries.filter((c) => c.roles.includes(poster.audience));
      if (served.length === 0) {
        issues.push({
          file,
          field: 'audience',
          message: `no country has the role "${poster.audience}", so nothing would be printed`,
          fix: 'change the audience or add the role to a country',
        });
      }
      const needed = new Map<string, string[]>();
      for (const c of served) for (const l of c.languages) needed.set(l, [...(needed.get(l) ?? []), c.code]);
      for (const [locale, codes] of needed) {
        if (!poster.lines[locale]) {
          issues.push({
            file,
            field: `lines.${locale}`,
            message: `is missing: ${codes.join(', ')} ${codes.length > 1 ? 'speak' : 'speaks'} ${localeInfo(locale).englishName} and get${codes.length > 1 ? '' : 's'} this design`,
            fix: `add lines.${locale} with translation: draft, headline, body and cta${billboardFormats(poster).length ? ', and billboard: { headline, cta }' : ''}`,
          });
        }
      }
      for (const locale of Object.keys(poster.lines)) {
        if (!needed.has(locale) && locale !== sourceLocale) {
          issues.push({
            file,
            field: `lines.${locale}`,
            message: `no ${poster.audience} country speaks "${locale}", so these lines are never printed`,
            fix: 'remove them, or add the language to a country',
          });
        }
      }
    }
    const photo = poster.image ? readPhoto(root, file, poster.image, issues) : undefined;
    designs.push({ ...poster, file, ...(photo ? { photo } : {}) });
  }
  return designs;
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
  const on = formats.length ? `, printed on ${formats.join(', ')}` : '';
  for (const [locale, lines] of Object.entries(poster.lines)) {
    if (!lines.billboard) {
      if (formats.length) {
        issues.push({
          file,
          field: `lines.${locale}.billboard`,
          message: `is missing: design "${poster.id}" lists the billboard format${formats.length > 1 ? 's' : ''} ${formats.join(', ')}, which show billboard lines, not the poster's`,
          fix: `add lines.${locale}.billboard with a headline of at most ${billboardHeadlineMaxWords} words and a cta of at most ${billboardCtaMaxWords}, or drop the billboard formats`,
        });
      }
      continue;
    }
    const limits = [
      ['headline', billboardHeadlineMaxWords, 'headline'],
      ['cta', billboardCtaMaxWords, 'call to action'],
    ] as const;
    for (const [field, max, name] of limits) {
      const n = wordsOf(lines.billboard[field]).length;
      if (n <= max) continue;
      issues.push({
        file,
        field: `lines.${locale}.billboard.${field}`,
        message: `has ${n} words; a billboard ${name} has at most ${max} (design "${poster.id}", locale ${locale}${on}): "${lines.billboard[field]}"`,
        fix: `shorten it to ${max} words or fewer: a driver reads 7–10 words in passing, and the whole board carries at most 30`,
      });
    }
  }
}

/** Reads a design's photo: it must exist and be a JPEG or PNG whose size can be read. */
function readPhoto(root: string, file: string, image: PosterImage, issues: ContentIssue[]): PosterPhoto | undefined {
  const path = join(root, image.file);
  if (!existsSync(path)) {
    issues.push({
      file,
      field: 'image.file',
      message: `names ${image.file}, but content/${image.file} does not exist`,
      fix: `put the photo at content/${image.file}, or correct the path`,
    });
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
    issues.push({
      file,
      field: 'image.file',
      message: `content/${image.file} is not a JPEG or PNG image that can be read`,
      fix: 'export the photo as JPEG (or PNG) again',
    });
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
