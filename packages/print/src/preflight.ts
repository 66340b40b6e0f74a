import type { ContentError } from '@repo/content';
import type { ArgsOf } from '@repo/errors';
import { isCardJob, planCards } from './cards.ts';
import { AssetError, CopyfitError, GlyphError, PrintProblem, printProblemLines } from './errors.ts';
import { type FontSet, loadFonts } from './fonts.ts';
import { checkGlyphs } from './glyphs.ts';
import { type PlanOptions, planJobs } from './jobs.ts';
import { TextMeasurer } from './measure.ts';
import { printingProblems } from './render/colour.ts';
import { layoutJob, type RenderJob } from './render/layout.ts';
import { cardDrawnStrings } from './templates/card.ts';
import { drawnStrings } from './templates/layout.ts';

/**
 * Checks every job (posters and page cards) before anything is rendered or written: the printing
 * settings the PDFs are made for (every colour token has CMYK values for the printing condition;
 * PDF/X-4 has a profile), every character of every string against the fonts, every text box
 * copyfitted by measurement, and every photo's resolution at its printed size. Returns all
 * problems (not just the first), each naming design (or page), locale, format (or string) and the text.
 */
export function preflight(jobs: RenderJob[], fonts: FontSet, m: TextMeasurer): Error[] {
  // The printing settings of the PDF jobs (PNGs have none), each distinct one checked once.
  const settings = new Map(jobs.flatMap((j) => ('printing' in j && j.printing ? [[`${j.printing.condition}/${j.printing.pdfx}`, j.printing] as const] : [])));
  return [...[...settings.values()].flatMap(printingProblems), ...textProblems(jobs, fonts, m)];
}

/**
 * The print preflight of content that failed to load (`ContentError.partial`), to report with its
 * issues in the same run: a billboard line over its word limit, colour tokens without CMYK values
 * for the printing condition and a web address too long for its box are three causes an editor
 * should see at once. A problem in a field a content issue already names (the over-long billboard
 * line, which also overflows) follows from that issue and is left out. Nothing is rendered or
 * written; nothing is found when too little could be read to plan files from.
 */
export function printProblemsBeside(error: ContentError, options: Pick<PlanOptions, 'countries' | 'pdfx'> = {}): Error[] {
  const content = error.partial;
  if (!content) return [];
  const named = new Set(error.issues.map((i) => `content/${i.file}\u0000${i.field ?? ''}`));
  // A design's lines in a locale with an issue: whatever else overflows on those files (the funding
  // line of a board that an over-long headline took the words of) may follow from it.
  const linesWithIssues = new Set(
    error.issues.flatMap((i) => {
      const design = /^posters\/(.+)\.ya?ml$/.exec(i.file)?.[1];
      const locale = /^lines\.([^.]+)/.exec(i.field ?? '')?.[1];
      return design && locale ? [`${design}\u0000${locale}`] : [];
    }),
  );
  const follows = (e: Error) =>
    e instanceof PrintProblem &&
    ((e.source && named.has(`${e.source.file}\u0000${e.source.field ?? ''}`)) ||
      ((e instanceof CopyfitError || e instanceof AssetError) && linesWithIssues.has(`${e.where.design}\u0000${e.where.locale}`)));
  try {
    const jobs: RenderJob[] = [...planJobs(content, options), ...planCards(content, options)];
    const fonts = loadFonts();
    return preflight(jobs, fonts, new TextMeasurer(fonts)).filter((e) => !follows(e));
  } catch {
    // Content with a broken part (a design whose lines failed their schema) may not plan or lay out:
    // its own issues are the causes to fix first, and they are reported.
    return [];
  }
}

/** The content error's message, followed by the print preflight's problems of the same content (printProblemsBeside), if any. */
export function withPrintProblems(error: ContentError, options: Pick<PlanOptions, 'countries' | 'pdfx'> = {}): string {
  const lines = printProblemLines(printProblemsBeside(error, options));
  if (lines.length === 0) return error.message;
  const found = lines.length === 1 ? 'this problem' : `these ${lines.length} problems`;
  return `${error.message}\n\nThe print preflight of the content that could be read also found ${found}:\n${lines.map((line) => `  - ${line}`).join('\n')}`;
}

/** Formats and countries a problem shows on: `a4, a3 (md, ro)`. */
function shownOn(jobs: RenderJob[]): string {
  const formats = [...new Set(jobs.map((j) => j.format))];
  const countries = [...new Set(jobs.map((j) => j.country))].sort();
  return `format${formats.length > 1 ? 's' : ''} ${formats.join(', ')} (${countries.join(', ')})`;
}

/** Problems grouped by cause, with the jobs each shows on. */
class ByCause<E> {
  readonly #groups = new Map<string, { error: E; jobs: RenderJob[] }>();
  add(key: string, error: E, job: RenderJob) {
    const group = this.#groups.get(key) ?? { error, jobs: [] };
    group.jobs.push(job);
    this.#groups.set(key, group);
  }
  get groups() {
    return [...this.#groups.values()];
  }
}

function textProblems(jobs: RenderJob[], fonts: FontSet, m: TextMeasurer): Error[] {
  // A character no font has, in one field of one locale, is one cause on every file that draws it.
  const glyphs = new ByCause<GlyphError>();
  for (const job of jobs) {
    const strings = isCardJob(job) ? cardDrawnStrings(job) : drawnStrings(job);
    for (const e of checkGlyphs(fonts, isCardJob(job) ? job.shownLocale : job.locale, strings))
      glyphs.add([e.locale, e.source?.file, e.source?.field, e.text, e.char].join('\u0000'), e, job);
  }
  // A missing glyph makes every measurement of that string meaningless: report glyphs first.
  if (glyphs.groups.length)
    return glyphs.groups.map(
      ({ error: e, jobs }) => new GlyphError(e.locale, e.label, e.text, e.char, { ...(e.source ? { source: e.source } : {}), shownOn: shownOn(jobs) }),
    );
  // The same line failing in the same format for several countries is one problem; so is a photo too
  // small for a format, whatever the language. (Each format has its own measurements and fix.)
  const fits = new ByCause<CopyfitError | AssetError>();
  for (const job of jobs) {
    try {
      layoutJob(job, m);
    } catch (error) {
      if (!(error instanceof CopyfitError) && !(error instanceof AssetError)) throw error;
      const key =
        error instanceof AssetError
          ? `${isCardJob(job) ? '' : job.design}/${error.file}/${job.format}`
          : `${isCardJob(job) ? `card:${job.page}` : job.design}/${job.locale}/${job.format}/${error.box}/${error.text}`;
      fits.add(key, error, job);
    }
  }
  return fits.groups.map(({ error, jobs }) => {
    if (jobs.length === 1) return error;
    const where = { ...error.where, country: [...new Set(jobs.map((j) => j.country))].sort().join(', ') };
    return error instanceof CopyfitError
      ? new CopyfitError(where, error.box, error.text, error.args.reason as string)
      : new AssetError(where, error.args as ArgsOf<'PhotoTooSmall'>);
  });
}
