/** One built site: its country code and the folder that is deployed at the root of its domain. */
export interface Site {
  code: string;
  dir: string;
}

/** One thing a gate found wrong, in words a campaign team can act on. */
export interface Failure {
  /** Country code of the site, or another name for what was checked (e.g. `build`). */
  site: string;
  /** The page as a reader would type it (`/en/about/`), or the file for non-pages (`/_headers`). */
  page: string;
  /** What is wrong, with the figures or the offending text. */
  problem: string;
  /** What to do about it. */
  fix: string;
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
