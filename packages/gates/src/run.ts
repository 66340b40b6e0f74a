// Runs every gate on a set of built sites and formats what they found. The static gates run
// first (they need no browser), then one Chromium visits every page once for both browser gates.
import { join } from 'node:path';
import { accessibilityCheck } from './accessibility.ts';
import { chromiumAvailable, chromiumPath, runBrowserChecks, skippedBrowserGates } from './browser.ts';
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
  try {
    // The browser gates are the long pole: start them first, and run the static gates meanwhile.
    const browserStarted = performance.now();
    const browser = chromiumAvailable()
      ? runBrowserChecks(sites, [accessibilityCheck, privacyBrowserCheck, helpFirstCheck], { concurrency: options.concurrency })
      : Promise.resolve(skippedBrowserGates([...browserGates], `Chromium was not found at ${chromiumPath()}`));
    // Should a static gate throw, the browser run must not end as an unhandled rejection.
    browser.catch(() => undefined);
    let started = performance.now();
    const links = linksGate(sites).then((r) => done(r, started));
    started = performance.now();
    done(await weightGate(sites, { reportFile: options.reportsDir ? join(options.reportsDir, 'weight.md') : undefined }), started);
    started = performance.now();
    done(await fontsGate(sites), started);
    started = performance.now();
    done(await privacyGate(sites), started);
    started = performance.now();
    done(await internalsGate(sites), started);
    await links;
    for (const r of await browser) done(r, r.skipped ? performance.now() : browserStarted);
  } finally {
    forgetPages();
  }
  const order: string[] = [...staticGates, ...browserGates];
  return results.sort((a, b) => order.indexOf(a.gate) - order.indexOf(b.gate));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One gate as text: a status line, then every failure with its fix. */
export function formatResult(result: TimedResult | GateResult): string {
  const time = 'ms' in result ? ` (${seconds(result.ms)})` : '';
  if (result.skipped) return `! ${result.gate}: SKIPPED: ${result.skipped}`;
  if (result.failures.length === 0) return `✓ ${result.gate}: ${result.summary ?? 'passed'}${time}`;
  const lines = [
    `✗ ${result.gate}: ${result.failures.length} problem${result.failures.length === 1 ? '' : 's'}${result.summary ? ` (${result.summary})` : ''}${time}`,
  ];
  for (const f of result.failures) lines.push(`    ${f.site} ${f.page}: ${f.problem}`, `      Fix: ${f.fix}`);
  return lines.join('\n');
}

export function formatResults(results: GateResult[]): string {
  return results.map(formatResult).join('\n');
}

export const failed = (results: GateResult[]) => results.filter((r) => r.failures.length > 0);
export const skipped = (results: GateResult[]) => results.filter((r) => r.skipped);
