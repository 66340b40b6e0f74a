import type { ErrorArgs, GateCode } from '@repo/errors';

/** One built site: its country code and the folder that is deployed at the root of its domain. */
export interface Site {
  code: string;
  dir: string;
}

/** The file that causes a failure, once traced back from the built page (see trace.ts). */
export interface FailureSource {
  /** A content file (`content/pages/en/about.mdx`, `content/countries/gr.yaml`) or a file of the kit (`apps/site/astro.config.ts`). */
  file: string;
  /** The line in it, where the offending text was found there. */
  line?: number;
  /** Where in the page it shows, when that is not the file itself: "in the site's layout". */
  note?: string;
}

/**
 * One thing a gate found wrong, in words a campaign team can act on. Its words come from the
 * catalogue (@repo/errors, group `gates`) by `code`; tests compare codes and arguments.
 */
export interface Failure {
  /** The catalogue's code, e.g. `ForeignResource`. */
  code: GateCode;
  /** The values the message is made of (the address, the character…). */
  args: ErrorArgs;
  /** Country code of the site, or another name for what was checked (e.g. `build`). */
  site: string;
  /** The page as a reader would type it (`/en/about/`), or the file for non-pages (`/_headers`). */
  page: string;
  /** What is wrong, with the figures or the offending text. */
  problem: string;
  /** What to do about it. */
  fix: string;
  /**
   * Where on the page the offending element is: inside the page's own text (`main article`, what
   * its MDX file makes) or in the layout around it (header, help panel, footer). Unknown when absent.
   */
  region?: 'body' | 'layout';
  /** The offending text as an editor may have written it (an address, a character, a number): how a failure is traced to its line. */
  evidence?: string;
  /** The file that causes it, filled in by `traceFailures` from the content's site plans. */
  source?: FailureSource;
  /** The locale of the page, filled in by `traceFailures`. */
  locale?: string;
}

export interface GateResult {
  /** Short name of the gate: `links`, `weight`, `privacy`, `accessibility`, `privacy-browser`, `reproducible`. */
  gate: string;
  failures: Failure[];
  /** Set when the gate did not run (e.g. no browser); a skipped gate is not a pass. */
  skipped?: string;
  /** One line with what was checked, for the summary. */
  summary?: string;
}
