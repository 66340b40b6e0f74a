import type { ArgsOf } from '@repo/errors';
import { isCardJob } from './cards.ts';
import { AssetError, CopyfitError, GlyphError } from './errors.ts';
import type { FontSet } from './fonts.ts';
import { checkGlyphs } from './glyphs.ts';
import type { TextMeasurer } from './measure.ts';
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
