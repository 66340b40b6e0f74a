// Runs every gate on a set of built sites and formats what they found. The static gates run
// first (they need no browser), then one Chromium visits every page once for both browser gates.
import { join } from 'node:path';
import { count } from '@repo/errors';
import { accessibilityCheck } from './accessibility.ts';
import { chromiumAvailable, chromiumPath, runBrowserChecks, skippedBrowserGates, type Visit } from './browser.ts';
import { causesOf, formatCause } from './causes.ts';
import { fontsGate } from './fonts.ts';
import { helpFirstCheck } from './help-first.ts';
import { internalsGate } from './internals.ts';
import { linksGate } from './links.ts';
import { privacyGate } from './privacy.ts';
import { privacyBrowserCheck } from './privacy-browser.ts';
import { forgetPages } from './site-files.ts';
import type { GateResult, Site } from './types.ts';
import { weightGate } from './weight.ts';

export const staticGates = ['links', 'weight', 'fonts', 'privacy', 'internals'] as const;
export const browserGates = ['accessibility', 'privacy-browser', 'help-first'] as const;

export interface RunGatesOptions {
  /** Folder for reports (weight.md, weight.json); none are written without it. */
  reportsDir?: string;
  /** Tabs in parallel for the browser gates. */
  concurrency?: number;
  /** Called with a line as each gate finishes. */
  log?: (line: string) => void;
  /**
   * Only this work, when a build re-checks what changed (record.ts, scripts/publish.ts): `sites`,
   * the codes of the sites the static gates check; `pages`, `<code> <path>` of the pages the
   * browser gates visit. Everything by default. A gate with nothing to check passes with a summary
   * saying so; the browser is not started for no page.
   */
  only?: { sites?: ReadonlySet<string>; pages?: ReadonlySet<string> };
}

export interface TimedResult extends GateResult {
  ms: number;
}

export async function runGates(sites: Site[], options: RunGatesOptions = {}): Promise<TimedResult[]> {
  const results: TimedResult[] = [];
  const done = (result: GateResult, started: number) => {
    const timed = { ...result, ms: performance.now() - started };
    results.push(timed);
    options.log?.(formatResult(timed).split('\n')[0] as string);
  };
  // Which sites the static gates check, and which pages the browser visits.
  const staticSites = options.only?.sites ? sites.filter((s) => options.only?.sites?.has(s.code)) : sites;
  const pages = options.only?.pages;
  const browserSites = pages ? sites.filter((s) => [...pages].some((p) => p.startsWith(`${s.code} `))) : sites;
  const unchanged = (gate: string, what: string): GateResult => ({ gate, failures: [], summary: `no ${what} changed since the gates passed it` });
  try {
    // The browser gates are the long pole: start them first, and run the static gates meanwhile.
    const browserStarted = performance.now();
    const browser =
      browserSites.length === 0
        ? Promise.resolve(browserGates.map((gate) => unchanged(gate, 'page')))
        : chromiumAvailable()
          ? runBrowserChecks(browserSites, [accessibilityCheck, privacyBrowserCheck, helpFirstCheck], {
              concurrency: options.concurrency,
              ...(pages ? { only: (v: Visit) => pages.has(`${v.site.code} ${v.page.path}`) } : {}),
            })
          : Promise.resolve(skippedBrowserGates([...browserGates], `Chromium was not found at ${chromiumPath()}`));
    // Should a static gate throw, the browser run must not end as an unhandled rejection.
    browser.catch(() => undefined);
    let started = performance.now();
    if (staticSites.length === 0) {
      for (const gate of staticGates) done(unchanged(gate, 'site'), started);
    } else {
      const links = linksGate(staticSites).then((r) => done(r, started));
      started = performance.now();
      done(await weightGate(staticSites, { reportFile: options.reportsDir ? join(options.reportsDir, 'weight.md') : undefined }), started);
      started = performance.now();
      done(await fontsGate(staticSites), started);
      started = performance.now();
      done(await privacyGate(staticSites), started);
      started = performance.now();
      done(await internalsGate(staticSites), started);
      await links;
    }
    for (const r of await browser) done(r, r.skipped ? performance.now() : browserStarted);
  } finally {
    forgetPages();
  }
  const order: string[] = [...staticGates, ...browserGates];
  return results.sort((a, b) => order.indexOf(a.gate) - order.indexOf(b.gate));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A gate's status line: passed, skipped, or how many problems (causes) it found in how many reports. */
function statusLine(result: TimedResult | GateResult): string {
  const time = 'ms' in result ? ` (${seconds(result.ms)})` : '';
  if (result.skipped) return `! ${result.gate}: SKIPPED: ${result.skipped}`;
  if (result.failures.length === 0) return `✓ ${result.gate}: ${result.summary ?? 'passed'}${time}`;
  const causes = causesOf([result]).length;
  const reports = result.failures.length > causes ? `, reported ${result.failures.length} times` : '';
  return `✗ ${result.gate}: ${causes} problem${causes === 1 ? '' : 's'}${reports}${result.summary ? ` (${result.summary})` : ''}${time}`;
}

/** One gate as text: a status line, then each cause once, with where it shows and its fix. */
export function formatResult(result: TimedResult | GateResult): string {
  return [statusLine(result), ...causesOf([result]).map((c) => formatCause(c))].join('\n');
}

/**
 * Every gate as text: the status lines, then each cause once across all gates (a script from another
 * host seen by the privacy and privacy-browser gates on 28 pages is one cause), traced to its file
 * and line when the failures were traced (`traceFailures`).
 */
export function formatResults(results: GateResult[]): string {
  const causes = causesOf(results);
  const reports = results.reduce((n, r) => n + r.failures.length, 0);
  if (causes.length === 0) return results.map(statusLine).join('\n');
  const heading = `${count(causes.length, 'cause', 'causes')}${reports > causes.length ? ` (${count(reports, 'report', 'reports')})` : ''}:`;
  return [...results.map(statusLine), '', heading, ...causes.map((c) => formatCause(c))].join('\n');
}

/** How many causes the failing gates found: the count a summary gives. */
export function countCauses(results: GateResult[]): number {
  return causesOf(results).length;
}

export const failed = (results: GateResult[]) => results.filter((r) => r.failures.length > 0);
export const skipped = (results: GateResult[]) => results.filter((r) => r.skipped);
