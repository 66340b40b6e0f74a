// Accessibility gate: axe-core in Chromium on every page of every site in every language, against
// WCAG 2.0, 2.1 and 2.2 at levels A and AA. Zero violations. A rule may only be switched off here,
// with the reason written beside it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { BrowserRunOptions, PageCheck } from './browser.ts';
import { runBrowserChecks } from './browser.ts';
import { failure, pageTextSelector } from './failure.ts';
import type { Failure, GateResult, Site } from './types.ts';

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Rules switched off, each with the reason. Empty: every WCAG A/AA rule axe has is on.
 * To switch one off, write why it cannot apply to these sites, e.g.
 *   'some-rule': 'why this rule cannot fail meaningfully here, and what checks the same thing instead',
 */
export const disabledRules: Record<string, string> = {};

// axe-core as @axe-core/playwright ships it (same version). AxeBuilder evaluates axe's 580 kB
// source twice per page (once to probe, once to inject): measured here at 760 ms a page against
// 520 ms when the source is evaluated once and axe.run is called directly, as below.
const require = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
let axeSource: string | undefined;
const source = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export function accessibilityCheck(): PageCheck {
  return {
    gate: 'accessibility',
    async setUp(context) {
      // Sent to the tab once, and run in every page it loads before the page's own scripts, through
      // the DevTools protocol (which the page's Content-Security-Policy does not govern). Evaluating
      // the source after each load instead sent 580 kB through Node and Chromium's browser process
      // per page: whole gate runs on the 266 sample pages took 5–10 % more CPU time that way.
      await context.addInitScript({ content: source() });
    },
    async check(page, visit): Promise<Failure[]> {
      const options = {
        runOnly: { type: 'tag', values: axeTags },
        resultTypes: ['violations'],
        rules: Object.fromEntries(Object.keys(disabledRules).map((id) => [id, { enabled: false }])),
      };
      const results = await page.evaluate(
        (o) => (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, o),
        options,
      );
      const nodes = results.violations.flatMap((v) => v.nodes.map((node) => ({ v, node })));
      if (nodes.length === 0) return [];
      // Which offending elements are in the page's own text (its MDX file), the rest being the layout's.
      const inText = await page.evaluate(
        ({ targets, text }) =>
          targets.map((target) => {
            try {
              return document.querySelector(target)?.closest(text) != null;
            } catch {
              return false;
            }
          }),
        { targets: nodes.map(({ node }) => String(node.target.at(-1) ?? '')), text: pageTextSelector },
      );
      return nodes.map(({ v, node }, i) =>
        failure(
          'AxeViolation',
          {
            rule: v.id,
            impact: v.impact ?? 'unknown impact',
            help: v.help,
            target: node.target.join(' '),
            html: node.html,
            summary: (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim(),
            helpUrl: v.helpUrl.replace(/\?.*$/, ''),
          },
          { site: visit.site.code, page: visit.page.path, region: inText[i] ? 'body' : 'layout', evidence: evidenceOf(node.html) },
        ),
      );
    },
  };
}

/**
 * What an editor may have written of an offending element, to find its line: the address of its
 * link or image, else its text (short texts only; the markup itself is the site's).
 */
export function evidenceOf(html: string): string | undefined {
  const attribute = /\s(?:href|src)="([^"]+)"/.exec(html)?.[1];
  if (attribute) return attribute.replace(/&amp;/g, '&');
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length >= 4 && text.length <= 80 ? text : undefined;
}

export async function accessibilityGate(sites: Site[], options: BrowserRunOptions = {}): Promise<GateResult> {
  const [result] = await runBrowserChecks(sites, [accessibilityCheck], options);
  return result as GateResult;
}
