// Plan: which files this run makes, from the content. Every design × language × format of each
// country in scope (`planJobs`), narrowed by --design/--format; the page cards (`planCards`) unless a
// subset of posters was asked for; where each file goes and the name it downloads as. Refuses a
// release run while a file to be made shows an unverified fact (the release rule of @repo/content).
import { type Content, refuseUnverified, releaseFacts } from '@repo/content';
import type { PdfxVersion } from '@repo/design';
import { type CardJob, downloadName, formatById, type PrintJob, planCards, planJobs } from '@repo/print';
import { defaultTiffDpi } from './tiff.ts';

/** What a run is asked for: which files, and how (the CLI's options). */
export interface PlanOptions {
  release?: boolean;
  countries?: string[];
  designs?: string[];
  formats?: string[];
  cropMarks?: boolean;
  /** The PDF/X version of the PDFs (`--pdfx`), over content/campaign.yaml `printing.pdfx`. */
  pdfx?: PdfxVersion;
  /**
   * Render the page cards (one Open Graph image per planned page of each country's site). Default:
   * yes, unless `designs` or `formats` pick a subset of the posters; the previous cards are then kept.
   */
  cards?: boolean;
  /**
   * Also write a `.tif` for wide formats (billboards; posters larger than A2): trim + bleed, the design
   * tokens' exact CMYK, Deflate, at `tiffDpi` (default 300) of the file's size. Part of those jobs' input
   * hash; listed on the printers' page and in the country's ZIP.
   */
  tiff?: boolean;
  tiffDpi?: number;
  /** Unix seconds for the files' dates; default: the campaign's releaseDate. */
  sourceDateEpoch?: number;
}

/**
 * One print file to have in place after the run. Every print file of a country is in its own folder
 * under its download name (`<cc>/victor-ro-origin-youth-ro-a4.pdf`), so the address, the saved file,
 * the ZIP entry and the SHA256SUMS line all carry the same name; previews go to `<cc>/previews/`.
 */
export interface PlannedPrint {
  job: PrintJob;
  /** Relative to the output folder. */
  file: string;
  /** The name it downloads and unzips as: the file's own name. */
  name: string;
  preview: string;
  /** The TIFF this job also writes (wide formats under --tiff). */
  tiff?: { file: string; name: string; dpi: number };
}

/** One page card: `<cc>/cards/<locale>/<page>.png`, its own preview. */
export interface PlannedCard {
  job: CardJob;
  file: string;
  preview: string;
}

export interface Plan {
  content: Content;
  prints: PlannedPrint[];
  cards: PlannedCard[];
  /** Only some designs or formats: the other files of the countries stay as they are. */
  partial: boolean;
  /** Page cards planned in this run (else the previous ones stay). */
  withCards: boolean;
  /** The countries this run is for: their ZIPs, checksums and stale files are its business. */
  scope: Set<string>;
  /** The date stamped on the files and the ZIP entries (SOURCE_DATE_EPOCH, else the campaign's releaseDate). */
  date: Date;
  tiffDpi: number;
}

export function planBuild(content: Content, o: PlanOptions): Plan {
  let jobs = planJobs(content, {
    ...(o.countries ? { countries: o.countries } : {}),
    cropMarks: o.cropMarks ?? true,
    ...(o.sourceDateEpoch !== undefined ? { sourceDateEpoch: o.sourceDateEpoch } : {}),
    ...(o.pdfx !== undefined ? { pdfx: o.pdfx } : {}),
  });
  const partial = Boolean(o.designs?.length || o.formats?.length);
  if (o.designs?.length) jobs = jobs.filter((j) => o.designs?.includes(j.design));
  if (o.formats?.length) jobs = jobs.filter((j) => o.formats?.includes(j.format));
  const withCards = o.cards ?? !partial;
  const cardJobs: CardJob[] = withCards ? planCards(content, o.countries ? { countries: o.countries } : {}) : [];

  // The release rule: refuse (ReleaseRefused) while a file to be made shows an unverified fact.
  if (o.release) {
    const keys = new Set([...jobs, ...cardJobs].map((j) => j.key));
    const facts = releaseFacts(content, o.countries ? { countries: o.countries } : {});
    refuseUnverified(facts.filter((f) => [...f.appearsOn.printFiles, ...f.appearsOn.pageCards].some((k) => keys.has(k))));
  }

  const tiffDpi = o.tiffDpi ?? defaultTiffDpi;
  if (o.tiff && !(Number.isFinite(tiffDpi) && tiffDpi > 0)) throw new Error(`--tiff-dpi must be a positive number, not ${o.tiffDpi}`);
  const campaign = content.campaign.id;
  const prints = jobs.map((job): PlannedPrint => {
    const format = formatById(job.format);
    const name = downloadName(campaign, job, format.output);
    const base = name.slice(0, name.lastIndexOf('.'));
    const tiffName = `${base}.tif`;
    return {
      job,
      file: `${job.country}/${name}`,
      name,
      preview: format.output === 'png' ? `${job.country}/${name}` : `${job.country}/previews/${base}.png`,
      ...(o.tiff && format.wideFormat ? { tiff: { file: `${job.country}/${tiffName}`, name: tiffName, dpi: tiffDpi } } : {}),
    };
  });
  const cards = cardJobs.map((job): PlannedCard => ({ job, file: `${job.key}.png`, preview: `${job.key}.png` }));
  const scope = new Set(o.countries?.length ? o.countries : content.countries.map((c) => c.code));
  const date = new Date(jobs[0]?.date ?? (o.sourceDateEpoch !== undefined ? o.sourceDateEpoch * 1000 : `${content.campaign.releaseDate}T00:00:00Z`));
  return { content, prints, cards, partial, withCards, scope, date, tiffDpi };
}
