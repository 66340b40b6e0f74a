// Help-first gate: on every page, at the two phone sizes the readers have (360 × 640 and 320 × 568),
// the first number to call is a tap-to-call link on the first screen, big enough to hit, in large
// type, with a line saying what it is for, and not covered by the sticky exit bar; every other number
// is one tap away; the page is no wider than the screen; on a home page the campaign's message is on
// the first screen too; and a helpline number in running text is a link, never plain text.
import type { Page } from 'playwright-core';
import type { BrowserRunOptions, PageCheck, Visit } from './browser.ts';
import { runBrowserChecks } from './browser.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** The phone screens every page is checked at: a common Android size and the smallest iPhone SE. */
export const phoneScreens = [
  { width: 360, height: 640 },
  { width: 320, height: 568 },
] as const;

/** WCAG 2.5.5 (AAA) target size, which a reader in a hurry on a cheap phone needs for the one tap that matters. */
export const minTarget = 48;
/** "Large type": at least 1.5 × the body text (24 px at the default 16 px). */
export const largeTypeRatio = 1.5;

/** A home page is the root of its locale: `/` or `/<locale>/`. */
const isHome = (path: string) => /^\/(?:[a-z]{2,3}(?:-[a-z]{4})?\/)?$/.test(path);

/** What the page shows at one screen size, measured in the browser. */
interface Measured {
  screen: { width: number; height: number };
  scrollWidth: number;
  firstCall?: {
    href: string;
    text: string;
    top: number;
    bottom: number;
    left: number;
    right: number;
    width: number;
    height: number;
    covered: string;
    fontRatio: number;
  };
  /** tel: addresses the page links to, and those not reachable from the first screen in one tap. */
  tels: string[];
  unreachable: string[];
  /** A link target that, once scrolled to, hides under a fixed or sticky bar. */
  hiddenTargets: string[];
  headline?: { text: string; bottom: number };
  /** Helpline numbers written in the page's text outside a link. */
  unlinked: string[];
}

/** Runs in the page: measures everything above with the page scrolled to the top. */
async function measure(): Promise<Measured> {
  const screen = { width: window.innerWidth, height: window.innerHeight };
  window.scrollTo(0, 0);
  const onScreen = (r: DOMRect) => r.top >= 0 && r.left >= 0 && r.bottom <= screen.height && r.right <= screen.width && r.width > 0 && r.height > 0;
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && el.getClientRects().length > 0;
  };
  /** What covers an element at height y (its middle by default), if something other than itself does. */
  const coverAt = (el: Element, y?: number) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 24), y ?? r.top + r.height / 2);
    return hit && !el.contains(hit) ? hit : undefined;
  };
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}`;
  /** Whether an element is in a bar that stays put while the page scrolls. */
  const pinned = (el: Element | null) => {
    for (let e = el; e; e = e.parentElement) if (['fixed', 'sticky'].includes(getComputedStyle(e).position)) return true;
    return false;
  };
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')].filter(visible);
  const tels = [...new Set(links.map((a) => a.getAttribute('href') as string))];
  const first = links[0];
  const bodySize = Number.parseFloat(getComputedStyle(document.body).fontSize);
  let firstCall: Measured['firstCall'];
  if (first) {
    const r = first.getBoundingClientRect();
    const sizes = [first, ...first.querySelectorAll('*')]
      .filter((el) =>
        /\d/.test(
          [...el.childNodes]
            .filter((n) => n.nodeType === 3)
            .map((n) => n.textContent)
            .join(''),
        ),
      )
      .map((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    firstCall = {
      href: first.getAttribute('href') as string,
      text: first.innerText.replace(/\s+/g, ' ').trim(),
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      width: r.width,
      height: r.height,
      covered: (() => {
        const cover = onScreen(r) ? coverAt(first) : undefined;
        return cover ? describe(cover) : '';
      })(),
      fontRatio: Math.max(0, ...sizes) / bodySize,
    };
  }
  // One tap away: a tel: link on the first screen, or inside the target of an in-page link there.
  const firstScreenLinks = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => visible(a) && onScreen(a.getBoundingClientRect()));
  const reachable = new Set(firstScreenLinks.filter((a) => a.href.startsWith('tel:')).map((a) => a.getAttribute('href')));
  const hiddenTargets: string[] = [];
  for (const a of firstScreenLinks) {
    const hash = a.getAttribute('href') ?? '';
    if (!hash.startsWith('#') || hash.length < 2) continue;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target || !visible(target)) continue;
    for (const t of target.querySelectorAll('a[href^="tel:"]')) if (visible(t)) reachable.add(t.getAttribute('href'));
    // Where the link lands: the target's top must not be under a sticky or fixed bar.
    target.scrollIntoView();
    // Two frames: the scroll and any late reflow (a font swapping in) settle before hit-testing.
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    const cover = coverAt(target, Math.max(0, target.getBoundingClientRect().top) + 4);
    if (cover && pinned(cover)) hiddenTargets.push(`${hash} (under ${describe(cover)})`);
    window.scrollTo(0, 0);
  }
  const h1 = document.querySelector('main h1');
  // Helpline numbers in the text of the page (outside links, scripts and the visually hidden).
  const numbers = [...new Set(links.map((a) => a.innerText.replace(/\D+/g, ' ').trim()).filter((n) => n.replace(/\D/g, '').length >= 3))];
  const unlinked: string[] = [];
  const main = document.querySelector('main');
  if (main && numbers.length > 0) {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('a, script, style, code')) continue;
      const text = node.textContent ?? '';
      // A number named in the same list item or paragraph as its own link (a helpline's purpose that
      // quotes its number) is one tap away already.
      const block = parent.closest('li, p, td, dd') ?? parent;
      const linkedHere = new Set([...block.querySelectorAll<HTMLElement>('a[href^="tel:"]')].map((a) => a.innerText.replace(/\D+/g, '')));
      for (const n of numbers) {
        const pattern = new RegExp(`(^|[^\\d+])${n.replace(/ /g, '[\\s\\u00a0]?')}(?![\\d])`);
        if (pattern.test(text) && !linkedHere.has(n.replace(/\D/g, ''))) unlinked.push(`${n} in “${text.trim().slice(0, 60)}”`);
      }
    }
  }
  return {
    screen,
    scrollWidth: document.documentElement.scrollWidth,
    firstCall,
    tels,
    unreachable: tels.filter((t) => !reachable.has(t)),
    hiddenTargets,
    headline: h1 ? { text: (h1 as HTMLElement).innerText.trim(), bottom: h1.getBoundingClientRect().bottom } : undefined,
    unlinked: [...new Set(unlinked)],
  };
}

/** The problems of one page at one screen size, each with its fix. */
/** One fault: `cause` names it apart from the figures, so the same fault at both sizes is reported once. */
export interface HelpFirstProblem {
  cause: string;
  problem: string;
  fix: string;
}

export function helpFirstProblems(m: Measured, path: string): HelpFirstProblem[] {
  const at = `at ${m.screen.width} × ${m.screen.height}`;
  const out: HelpFirstProblem[] = [];
  if (m.scrollWidth > m.screen.width)
    out.push({
      cause: 'too-wide',
      problem: `the page is ${m.scrollWidth} px wide ${at}: readers must scroll sideways`,
      fix: 'Let long words, addresses and checksums wrap (overflow-wrap: anywhere) or shorten them with the full value one tap away.',
    });
  const c = m.firstCall;
  if (!c) {
    out.push({
      cause: 'no-call',
      problem: `no tap-to-call link ${at}`,
      fix: 'Give the country at least one helpline in content/countries/<cc>.yaml; the layout shows the first at the top of every page.',
    });
    return out;
  }
  if (c.top < 0 || c.bottom > m.screen.height || c.right > m.screen.width)
    out.push({
      cause: 'off-screen',
      problem: `the first number to call (${c.text}) is not on the first screen ${at}: it spans ${Math.round(c.top)}–${Math.round(c.bottom)} px`,
      fix: 'Keep the help panel (apps/site/src/components/HelpFirst.astro) directly under the header and the header short.',
    });
  else if (c.covered)
    out.push({
      cause: 'covered',
      problem: `the first number to call (${c.text}) is covered by ${c.covered} ${at}`,
      fix: 'Keep the help panel in the normal flow below the sticky exit bar.',
    });
  if (c.width < minTarget || c.height < minTarget)
    out.push({
      cause: 'small-target',
      problem: `the first number's tap target is ${Math.round(c.width)} × ${Math.round(c.height)} px ${at}, under ${minTarget} × ${minTarget}`,
      fix: `Give the link a minimum size of ${minTarget} px each way.`,
    });
  if (c.fontRatio < largeTypeRatio)
    out.push({
      cause: 'small-type',
      problem: `the first number is in ${c.fontRatio.toFixed(2)} × body-size type ${at}`,
      fix: `Set its number in at least ${largeTypeRatio} × the body size.`,
    });
  if (!/\p{L}{3}/u.test(c.text.replace(/^\S+\s/, '')))
    out.push({
      cause: 'no-purpose',
      problem: `the first number to call (${c.text}) does not say what it is for`,
      fix: "Show the helpline's purpose (content/countries/<cc>.yaml, purpose) in one short line under the number.",
    });
  if (m.unreachable.length > 0)
    out.push({
      cause: `unreachable ${m.unreachable.join(' ')}`,
      problem: `${m.unreachable.join(', ')} cannot be reached in one tap from the first screen ${at}`,
      fix: 'Link from the help panel to the box that lists every number (#help).',
    });
  for (const t of m.hiddenTargets)
    out.push({
      cause: `hidden ${t}`,
      problem: `the in-page link ${t} lands under the sticky bar ${at}`,
      fix: 'Give html a scroll-padding-top at least as tall as the sticky bar.',
    });
  if (isHome(path) && m.headline && m.headline.bottom > m.screen.height)
    out.push({
      cause: 'headline-off-screen',
      problem: `the campaign's message (“${m.headline.text.slice(0, 60)}”) ends ${Math.round(m.headline.bottom)} px down ${at}, below the first screen`,
      fix: "Shorten the home page's title (content/pages/<locale>/home.mdx) or the header above it.",
    });
  for (const u of m.unlinked)
    out.push({
      cause: `unlinked ${u}`,
      problem: `a helpline number is plain text, not a link: ${u}`,
      fix: 'Write the number in the page as <Call number="…" /> so a tap dials it.',
    });
  return out;
}

export function helpFirstCheck(): PageCheck {
  return {
    gate: 'help-first',
    async check(page: Page, visit: Visit): Promise<Failure[]> {
      const original = page.viewportSize();
      const failures: Failure[] = [];
      const seen = new Set<string>();
      try {
        for (const screen of phoneScreens) {
          await page.setViewportSize(screen);
          for (const { cause, problem, fix } of helpFirstProblems(await page.evaluate(measure), visit.page.path)) {
            // The same fault at both sizes is one cause: report it once, naming the first size.
            if (seen.has(cause)) continue;
            seen.add(cause);
            failures.push({ site: visit.site.code, page: visit.page.path, problem, fix });
          }
        }
      } finally {
        if (original) await page.setViewportSize(original);
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      return failures;
    },
  };
}

export async function helpFirstGate(sites: Site[], options: BrowserRunOptions = {}): Promise<GateResult> {
  const [result] = await runBrowserChecks(sites, [helpFirstCheck], options);
  return result as GateResult;
}
