import { isCardJob } from './cards.ts';
import { AssetError, CopyfitError, type GlyphError } from './errors.ts';
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

function textProblems(jobs: RenderJob[], fonts: FontSet, m: TextMeasurer): Error[] {
  const errors: Error[] = [];
  const seenGlyph = new Set<string>();
  for (const job of jobs) {
    const strings = isCardJob(job) ? cardDrawnStrings(job) : drawnStrings(job);
    for (const e of checkGlyphs(fonts, isCardJob(job) ? job.shownLocale : job.locale, strings)) {
      const key = `${e.locale}\u0000${e.text}\u0000${e.char}`;
      if (seenGlyph.has(key)) continue;
      seenGlyph.add(key);
      errors.push(e satisfies GlyphError);
    }
  }
  // A missing glyph makes every measurement of that string meaningless: report glyphs first.
  if (errors.length) return errors;
  const seenFit = new Set<string>();
  for (const job of jobs) {
    try {
      layoutJob(job, m);
    } catch (error) {
      if (!(error instanceof CopyfitError) && !(error instanceof AssetError)) throw error;
      // The same line failing in the same format for several countries is one problem; so is a photo
      // too small for a format, whatever the language.
      const key =
        error instanceof AssetError
          ? `${isCardJob(job) ? '' : job.design}/${error.file}/${job.format}`
          : `${isCardJob(job) ? `card:${job.page}` : job.design}/${job.locale}/${job.format}/${error.box}/${error.text}`;
      if (!seenFit.has(key)) errors.push(error);
      seenFit.add(key);
    }
  }
  return errors;
}
