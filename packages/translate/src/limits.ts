// Poster box limits, measured by the print build's own copyfitter: @repo/print lays out each print
// file a text appears on (`planJobs`, `layoutJob`: the templates, the fonts and the measurer of the
// print build, without rendering) and throws a CopyfitError when a text does not fit its box at the
// box's smallest size. An import is refused for such a text; an export states, per poster unit, about
// how many characters fit every format it is printed on.
import { type Content, type UnitSource, unitIsPrintedOn } from '@repo/content';
import { sourceLocale } from '@repo/i18n';
import { CopyfitError, layoutJob, loadFonts, type PrintJob, planJobs, TextMeasurer } from '@repo/print';

let measurer: TextMeasurer | undefined;
const m = () => (measurer ??= new TextMeasurer(loadFonts()));

/** The unit a text box shows, for a print job (the box names from @repo/print's text-boxes.ts). */
function unitOfBox(job: PrintJob, box: string): string | undefined {
  const poster = (field: string) => `poster:${job.design}:${field}`;
  switch (box) {
    case 'headline':
    case 'message':
      return poster('headline');
    case 'body':
      return poster('body');
    case 'cta':
      return poster('cta');
    case 'billboard-headline':
      return poster('billboard.headline');
    case 'billboard-cta':
      return poster('billboard.cta');
    case 'funding':
      return 'campaign:funding';
    case 'funding-short':
      return 'campaign:fundingShort';
    case 'helpline-label':
      return 'ui:helplines.call';
    default:
      return undefined;
  }
}

/** Does a unit's text appear on a print job? The release rule's answer (@repo/content `unitIsPrintedOn`). */
function printedOn(unitId: string, job: PrintJob, content: Content): boolean {
  const country = content.countries.find((c) => c.code === job.country);
  return !!country && unitIsPrintedOn(unitId, { design: job.design, format: job.format, country });
}

export interface LimitProblem {
  unit: string;
  message: string;
}

/**
 * Lays out every print file in `locale` that shows one of `units` and reports each text that does
 * not fit its box: the unit (by the box that overflowed), the file and the copyfitter's reason.
 */
export function posterLimitProblems(content: Content, locale: string, units: Set<string>): LimitProblem[] {
  const jobs = planJobs(content).filter((j) => j.locale === locale && [...units].some((u) => printedOn(u, j, content)));
  const byUnit = new Map<string, { files: string[]; reason: string }>();
  for (const job of jobs) {
    try {
      layoutJob(job, m());
    } catch (error) {
      if (!(error instanceof CopyfitError)) throw error;
      const unit = unitOfBox(job, error.box) ?? [...units].find((u) => printedOn(u, job, content)) ?? `poster:${job.design}`;
      const entry = byUnit.get(unit) ?? { files: [], reason: `${/does not fit: (.*?)\. Text:/.exec(error.message)?.[1] ?? error.message} (${job.format})` };
      entry.files.push(job.key);
      byUnit.set(unit, entry);
    }
  }
  return [...byUnit].map(([unit, { files, reason }]) => ({
    unit,
    message: `is over the limit of its box, measured by the print copyfitter, on ${files.length} print file${files.length === 1 ? '' : 's'} (${files.join(', ')}): ${reason}. Shorten it`,
  }));
}

/** `text` made `length` characters long: repeated, then cut at a space. */
function sample(text: string, length: number): string {
  let s = text;
  while (s.length < length) s = `${s} ${text}`;
  const cut = s.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return (space > length / 2 ? cut.slice(0, space) : cut).trim();
}

/**
 * About how many characters of a poster line fit every print file it is on, in `locale`: the longest
 * text made of its current words (or the English ones) that the copyfitter still fits everywhere,
 * found by halving. A note for translators; the import measures the real text.
 */
export function posterLineLimits(
  content: Content,
  locale: string,
  units: UnitSource[],
  texts: Map<string, string>,
): Map<string, { chars: number; note: string }> {
  const out = new Map<string, { chars: number; note: string }>();
  const jobs = planJobs(content).filter((j) => j.locale === locale);
  for (const unit of units) {
    if (!unit.poster || unit.poster.field[0] === 'name') continue;
    const own = jobs.filter((j) => printedOn(unit.id, j, content));
    if (own.length === 0) continue;
    const base = texts.get(unit.id) ?? unit.source;
    const field = unit.poster.field;
    const fits = (text: string) => {
      for (const job of own) {
        const lines = structuredClone(job.lines) as unknown as Record<string, unknown>;
        let at = lines;
        for (const key of field.slice(0, -1)) {
          at[key] ??= {};
          at = at[key] as Record<string, unknown>;
        }
        at[field[field.length - 1] as string] = text;
        try {
          layoutJob({ ...job, lines: lines as unknown as PrintJob['lines'] }, m());
        } catch (error) {
          if (error instanceof CopyfitError) return false;
          throw error;
        }
      }
      return true;
    };
    let low = 0;
    let high = Math.max(base.length * 4, 40);
    if (fits(sample(base, high))) low = high;
    while (high - low > Math.max(2, low / 20)) {
      const mid = Math.floor((low + high) / 2);
      if (fits(sample(base, mid))) low = mid;
      else high = mid;
    }
    if (low === 0) continue;
    const formats = [...new Set(own.map((j) => j.format))].join(', ');
    out.set(unit.id, {
      chars: low,
      note: `Printed on ${formats}${locale === sourceLocale ? '' : ` (${locale})`}: about ${low} characters fit every one of them at the box's smallest type size (the English has ${unit.source.length}). The import measures the text with the print copyfitter and refuses it if it does not fit.`,
    });
  }
  return out;
}
