// Help-first gate: on every page, at the two phone sizes the readers have (360 × 640 and 320 × 568),
// the first number to call is a tap-to-call link on the first screen, big enough to hit, in large
// type, with a line saying what it is for, and not covered by the sticky exit bar; every other number
// is one tap away; the page is no wider than the screen; on a home page the campaign's message is on
// the first screen too; and a helpline number in running text is a link, never plain text.
//
// Each size is measured twice: in the site's web fonts and in the browser's own font. The site's
// fonts are `font-display: optional`, so a phone on a slow network never swaps them in and shows the
// page in its own font (Roboto on Android, San Francisco on iPhones). The gate can only use the fonts
// of the machine it runs on: DejaVu Sans on Debian, which sets Latin, Cyrillic and Greek wider than
// Noto Sans and than those, so it stands in for the widest of them: a bar that wraps to three lines, a
// headline pushed below the first screen. Which of the two a single page load showed depends on how
// busy the machine was, so the gate sets each one itself (fontMode) rather than measuring whichever
// happened.

import type { ArgsOf, ErrorArgs, GateCode } from '@repo/errors';
import type { Page } from 'playwright-core';
import type { BrowserRunOptions, PageCheck, Visit } from './browser.ts';
import { phoneScreens, runBrowserChecks } from './browser.ts';
import { failure } from './failure.ts';
import type { Failure, GateResult, Site } from './types.ts';

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
  /** Helpline numbers written in the page's text outside a link, with the text and whether it is the page's own (its MDX file). */
  unlinked: { number: string; text: string; inText: boolean }[];
}

/** Runs in the page: measures everything above with the page scrolled to the top. */
async function measure(): Promise<Measured> {
  const screen = { width: window.innerWidth, height: window.innerHeight };
  // Instantly, even where the page asks for smooth scrolling: every measure is of where a scroll ends.
  const toTop = () => window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  toTop();
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
    // Where the link lands: the target's top must not be under a sticky or fixed bar. Two frames:
    // the scroll and any late reflow settle before hit-testing. Hit-testing
    // straight after the scroll saved 28 ms of CPU a page but reported a target under the exit bar
    // on a page where it was not, in a full build on a busy machine (gr, 320 × 568).
    target.scrollIntoView({ behavior: 'instant' });
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    const cover = coverAt(target, Math.max(0, target.getBoundingClientRect().top) + 4);
    if (cover && pinned(cover)) hiddenTargets.push(`${hash} (under ${describe(cover)})`);
    toTop();
  }
  const h1 = document.querySelector('main h1');
  // Helpline numbers in the text of the page (outside links, scripts and the visually hidden).
  const numbers = [...new Set(links.map((a) => a.innerText.replace(/\D+/g, ' ').trim()).filter((n) => n.replace(/\D/g, '').length >= 3))];
  const unlinked: { number: string; text: string; inText: boolean }[] = [];
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
        if (pattern.test(text) && !linkedHere.has(n.replace(/\D/g, '')))
          unlinked.push({ number: n, text: text.trim().slice(0, 60), inText: parent.closest('main article') !== null });
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
    unlinked: unlinked.filter((u, i) => unlinked.findIndex((v) => v.number === u.number && v.text === u.text) === i),
  };
}

/**
 * Runs in the page: lays it out in the site's web fonts ('web') or in the browser's own font
 * ('fallback'), as a phone shows it without them. The first call finds every @font-face rule (in
 * imported sheets and inside @media, @supports, @layer… too) and every `font-family` or custom
 * property that names one of their families. 'fallback' takes the rules out and those names out of
 * the lists (so that a copy of the font installed on this machine is not used either); 'web' puts
 * the rules back where they were, as `font-display: block` copies, and the names: block waits for
 * the file (from this machine's server, in milliseconds) instead of giving up on it as `optional`
 * may on a busy machine. Edits through the CSS object model, which the page's Content-Security-Policy
 * allows.
 */
export async function fontMode(mode: 'web' | 'fallback'): Promise<void> {
  type Parent = CSSStyleSheet | CSSGroupingRule;
  type Face = { parent: Parent; index: number; text: string };
  type Use = { style: CSSStyleDeclaration; property: string; value: string; priority: string; without: string };
  type Kept = { faces: Face[]; uses: Use[]; families: Set<string>; now: 'loaded' | 'web' | 'fallback' };
  const holder = window as unknown as { helpFirstFonts?: Kept };
  const unquote = (name: string) =>
    name
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2')
      .toLowerCase();
  if (!holder.helpFirstFonts) {
    const faces: Face[] = [];
    const styles: CSSStyleDeclaration[] = [];
    const visit = (parent: Parent) => {
      let rules: CSSRuleList;
      try {
        rules = parent.cssRules;
      } catch {
        return; // a style sheet from another origin (the privacy gates forbid those)
      }
      for (let index = 0; index < rules.length; index++) {
        const rule = rules[index];
        if (rule instanceof CSSImportRule) {
          if (rule.styleSheet) visit(rule.styleSheet);
        } else if (rule instanceof CSSFontFaceRule) {
          const text = rule.cssText.replace(/font-display:\s*[a-z]+;?/, '').replace(/\}\s*$/, '; font-display: block; }');
          faces.push({ parent, index, text });
        } else {
          if (rule instanceof CSSStyleRule) styles.push(rule.style);
          // Style rules hold nested rules too (CSS nesting).
          if (rule instanceof CSSGroupingRule) visit(rule);
        }
      }
    };
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) visit(sheet);
    // And style attributes, which the sites' policy forbids but a page under test may have.
    for (const element of document.querySelectorAll<HTMLElement>('[style]')) styles.push(element.style);
    const families = new Set(faces.map(({ parent, index }) => unquote((parent.cssRules[index] as CSSFontFaceRule).style.getPropertyValue('font-family'))));
    const uses: Use[] = [];
    for (const style of styles)
      for (const property of [...style]) {
        if (property !== 'font-family' && !property.startsWith('--')) continue;
        const value = style.getPropertyValue(property);
        const names = value.split(',');
        const kept = names.filter((name) => !families.has(unquote(name)));
        if (kept.length < names.length)
          uses.push({ style, property, value, priority: style.getPropertyPriority(property), without: kept.join(',').trim() || 'sans-serif' });
      }
    holder.helpFirstFonts = { faces, uses, families, now: 'loaded' };
  }
  const kept = holder.helpFirstFonts;
  if (kept.now === mode) return;
  // Out last first, so that each index still names its rule; back first first, to the same indexes.
  if (kept.now !== 'fallback') for (const { parent, index } of [...kept.faces].reverse()) parent.deleteRule(index);
  if (mode === 'web') {
    for (const { parent, index, text } of kept.faces) parent.insertRule(text, index);
    for (const { style, property, value, priority } of kept.uses) style.setProperty(property, value, priority);
    // Lay out now, so that the faces the page uses start loading, then wait for them.
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  } else {
    for (const { style, property, without, priority } of kept.uses) style.setProperty(property, without, priority);
    const left = [...document.fonts].filter((face) => kept.families.has(unquote(face.family)));
    if (left.length > 0) throw new Error(`help-first: the site's fonts could not be taken away (${left.map((f) => f.family).join(', ')})`);
    document.body.getBoundingClientRect();
  }
  kept.now = mode;
}

/** The two ways a reader may see a page: the browser's own font (the site's had not arrived), or its web fonts. */
const fontModes = [
  { mode: 'fallback', label: ", in the browser's own font (as on a phone that has not received the site's fonts)" },
  { mode: 'web', label: '' },
] as const;

/** One fault: `cause` names it apart from the figures, so the same fault at both sizes is reported once. */
export interface HelpFirstProblem {
  cause: string;
  code: GateCode;
  args: ErrorArgs;
  region?: 'body' | 'layout';
  evidence?: string;
}

/** The problems of one page at one screen size. */
export function helpFirstProblems(m: Measured, path: string): HelpFirstProblem[] {
  const screen = `${m.screen.width} × ${m.screen.height}`;
  const out: HelpFirstProblem[] = [];
  const add = <C extends GateCode>(cause: string, code: C, args: ArgsOf<C>, more: Pick<HelpFirstProblem, 'region' | 'evidence'> = {}) =>
    out.push({ cause, code, args: args as ErrorArgs, ...more });
  if (m.scrollWidth > m.screen.width) add('too-wide', 'PageTooWide', { width: m.scrollWidth, screen });
  const c = m.firstCall;
  if (!c) {
    add('no-call', 'NoCallLink', { screen });
    return out;
  }
  if (c.top < 0 || c.bottom > m.screen.height || c.right > m.screen.width)
    add('off-screen', 'FirstNumberOffScreen', { text: c.text, screen, top: Math.round(c.top), bottom: Math.round(c.bottom) }, { region: 'layout' });
  else if (c.covered) add('covered', 'FirstNumberCovered', { text: c.text, cover: c.covered, screen }, { region: 'layout' });
  if (c.width < minTarget || c.height < minTarget)
    add('small-target', 'FirstNumberSmallTarget', { width: Math.round(c.width), height: Math.round(c.height), screen, min: minTarget }, { region: 'layout' });
  if (c.fontRatio < largeTypeRatio)
    add('small-type', 'FirstNumberSmallType', { ratio: c.fontRatio.toFixed(2), screen, min: largeTypeRatio }, { region: 'layout' });
  if (!/\p{L}{3}/u.test(c.text.replace(/^\S+\s/, ''))) add('no-purpose', 'FirstNumberNoPurpose', { text: c.text }, { region: 'layout' });
  if (m.unreachable.length > 0) add(`unreachable ${m.unreachable.join(' ')}`, 'NumbersUnreachable', { numbers: m.unreachable, screen }, { region: 'layout' });
  for (const t of m.hiddenTargets) add(`hidden ${t}`, 'TargetUnderStickyBar', { target: t, screen }, { region: 'layout' });
  if (isHome(path) && m.headline && m.headline.bottom > m.screen.height)
    add('headline-off-screen', 'HeadlineOffScreen', { text: m.headline.text.slice(0, 60), bottom: Math.round(m.headline.bottom), screen });
  for (const u of m.unlinked)
    add(`unlinked ${u.number} ${u.text}`, 'NumberNotLinked', { number: u.number, text: u.text }, { region: u.inText ? 'body' : 'layout', evidence: u.number });
  return out;
}

export function helpFirstCheck(): PageCheck {
  return {
    gate: 'help-first',
    async check(page: Page, visit: Visit): Promise<Failure[]> {
      const loaded = page.viewportSize();
      let size = loaded;
      // Each cause once, as seen in the web fonts if it shows there (the plain fault), else in the
      // phone's font; at the first of phoneScreens where it shows.
      const found = new Map<string, { rank: number; problem: HelpFirstProblem; label: string }>();
      // The phone's font at the screen the page loaded at (the first), then at the other; web fonts at
      // that one, then back at the first: two resizes for four measurements, and the page ends as it
      // was loaded, in its web fonts, for the checks after this one.
      const screens = [...phoneScreens];
      try {
        for (const { mode, label } of fontModes) {
          await page.evaluate(fontMode, mode);
          for (const screen of screens) {
            if (size?.width !== screen.width || size.height !== screen.height) {
              await page.setViewportSize(screen);
              size = screen;
            }
            const rank = (mode === 'web' ? 0 : phoneScreens.length) + phoneScreens.indexOf(screen);
            for (const problem of helpFirstProblems(await page.evaluate(measure), visit.page.path)) {
              const known = found.get(problem.cause);
              if (!known || rank < known.rank) found.set(problem.cause, { rank, problem, label });
            }
          }
          screens.reverse();
        }
      } finally {
        // measure() leaves the page scrolled to the top; the size it was loaded at is put back.
        if (loaded && (size?.width !== loaded.width || size.height !== loaded.height)) await page.setViewportSize(loaded);
        // Also after an error half-way (the checks after this one see the page in its web fonts).
        await page.evaluate(fontMode, 'web' as const).catch(() => undefined);
      }
      return [...found.values()].map(({ problem: { code, args, cause: _, ...more }, label }) =>
        failure(code, ('screen' in args ? { ...args, screen: `${args.screen}${label}` } : args) as ArgsOf<typeof code>, {
          site: visit.site.code,
          page: visit.page.path,
          ...more,
        }),
      );
    },
  };
}

export async function helpFirstGate(sites: Site[], options: BrowserRunOptions = {}): Promise<GateResult> {
  const [result] = await runBrowserChecks(sites, [helpFirstCheck], options);
  return result as GateResult;
}
