// Once per cause: failures grouped by what causes them, each reported once with every site, locale
// and page where it shows. A `<script src="https://…">` in one English page fails the privacy gates
// on every page that shows it, in every language that falls back to it, on every site: one cause.
//
// Two failures are one cause when they come from the same file and line (see trace.ts) and:
// - name the same offending text (`evidence`: an address, a character, a number), whatever the gate
//   or code (a script from another host is a foreign resource, a request and a blocked script); or
// - have the same code and the same cause by the catalogue (`causeKey`: the arguments that name it).
import { causeKey, count } from '@repo/errors';
import { layoutNote } from './trace.ts';
import type { Failure, FailureSource, GateResult } from './types.ts';

/** A failure with the gate that found it. */
export type GateFailure = Failure & { gate: string };

/** One cause: the first report of it, and everywhere it shows. */
export interface Cause {
  /** The first failure found, in gate order: its code and words head the cause. */
  first: GateFailure;
  /** Other codes the same cause was reported as (another gate, another check), one failure each. */
  also: GateFailure[];
  /** Every gate that reported it. */
  gates: string[];
  /** Every site and page it shows on. */
  places: { site: string; page: string; locale?: string }[];
}

/** True for a failure in the layout around pages that no content file could be named for: one cause on every page. */
const inLayout = (f: Failure) => f.source?.note === layoutNote;

function keyOf(f: Failure): string {
  const at = inLayout(f) ? layoutNote : `${f.source?.file ?? ''}\u0000${f.source?.line ?? ''}`;
  // The same offending text (an address, a character) from the same place is one cause, whichever gate saw it.
  if (f.evidence) return `${at}\u0000e\u0000${f.evidence}`;
  return `${at}\u0000c\u0000${causeKey(f.code, f.args)}`;
}

/** Groups failures into causes, in the order they were found. */
export function causesOf(results: GateResult[]): Cause[] {
  const causes = new Map<string, Cause>();
  for (const result of results) {
    for (const f of result.failures) {
      const failure = { ...f, gate: result.gate };
      const key = keyOf(f);
      const cause = causes.get(key);
      if (!cause) {
        causes.set(key, { first: failure, also: [], gates: [result.gate], places: [place(f)] });
        continue;
      }
      if (!cause.gates.includes(result.gate)) cause.gates.push(result.gate);
      if (f.code !== cause.first.code && !cause.also.some((a) => a.code === f.code)) cause.also.push(failure);
      if (!cause.places.some((p) => p.site === f.site && p.page === f.page)) cause.places.push(place(f));
    }
  }
  return [...causes.values()];
}

const place = (f: Failure) => ({ site: f.site, page: f.page, ...(f.locale ? { locale: f.locale } : {}) });

function where(source: FailureSource): string {
  return `${source.file}${source.line ? `:${source.line}` : ''}${source.note ? ` (${source.note})` : ''}`;
}

/** Where a cause shows: "gr /en/", or "2 sites (gr, md), 2 locales (el, en), 3 pages: /en/privacy/ (gr, md), /privacy/ (gr)". */
export function formatPlaces(places: Cause['places'], limit = 8): string {
  if (places.length === 1) return `${places[0]?.site} ${places[0]?.page}`;
  const sites = [...new Set(places.map((p) => p.site))].sort();
  const locales = [...new Set(places.flatMap((p) => (p.locale ? [p.locale] : [])))].sort();
  const byPath = new Map<string, string[]>();
  for (const p of places) byPath.set(p.page, [...(byPath.get(p.page) ?? []), p.site]);
  const paths = [...byPath].map(([path, on]) => `${path} (${[...new Set(on)].sort().join(', ')})`);
  const shown = paths.slice(0, limit).join(', ') + (paths.length > limit ? `, … and ${paths.length - limit} more` : '');
  return [
    `${count(sites.length, 'site', 'sites')} (${sites.join(', ')})`,
    ...(locales.length ? [`${count(locales.length, 'locale', 'locales')} (${locales.join(', ')})`] : []),
    `${count(places.length, 'page', 'pages')}: ${shown}`,
  ].join(', ');
}

/**
 * One cause as text: where it comes from (the file and line, else the page), its code and message,
 * the other ways the gates saw it, where it shows, and the fix.
 *
 *     content/pages/en/about.mdx:12 [ForeignResource] <script src="https://cdn.example/x.js"> loads from another host
 *       also [ForeignRequest] the page requested script https://cdn.example/x.js, … (privacy-browser)
 *       shows on 2 sites (gr, md), 2 locales (el, en), 3 pages: /en/about/ (gr, md), /about/ (gr)
 *       Fix: Host the file on the site itself …
 */
export function formatCause(cause: Cause, indent = '    '): string {
  const { first } = cause;
  const single = cause.places.length === 1;
  const head =
    first.source && (single || !inLayout(first)) ? `${where(first.source)} ` : first.source ? `(${layoutNote}) ` : single ? `${first.site} ${first.page} ` : '';
  const lines = [`${indent}${head}[${first.code}] ${first.problem}`];
  for (const a of cause.also) lines.push(`${indent}  also [${a.code}] ${a.problem}${a.gate !== first.gate ? ` (${a.gate})` : ''}`);
  if (first.source || !single) lines.push(`${indent}  shows on ${formatPlaces(cause.places)}`);
  lines.push(`${indent}  Fix: ${first.fix}`);
  return lines.join('\n');
}
