/// <reference path="./linebreak.d.ts" />
import LineBreaker from 'linebreak';
import type { FontWeight } from './fonts.ts';
import type { TextMeasurer } from './measure.ts';
import { Memo } from './memo.ts';

/*
 * Typesetting: where a line may break, and how a text is set into a box (copyfitting).
 *
 * Where a line may break: the break opportunities of Unicode UAX #14 (the `linebreak` package: spaces,
 * after an em dash, a slash between words, a zero-width space; never before closing punctuation or
 * inside a no-break space), with two tailorings, both about words that must stay whole:
 *
 * 1. No break after a hyphen or a dash written inside a word or number. UAX #14 allows a break after
 *    U+002D HYPHEN-MINUS before a letter (its class HY breaks after, rule LB21 only forbids a break
 *    before it), which split the Ukrainian "з-/за", "e-/mail" and the address "ro.victor-/campaign".
 *    The posters have no hyphenation and their words are short, so a hyphen, U+2010 HYPHEN, a soft
 *    hyphen, a figure dash or an en dash ("2013–2015") never ends a line: lines break at spaces and at
 *    the other UAX #14 opportunities only.
 * 2. Web addresses (domains, URLs, e-mail addresses) and phone numbers never break, whatever UAX #14
 *    allows inside them (after a slash, at the spaces of "0 800 800 678"). A box that cannot hold one
 *    on a line sets the whole text smaller, and fails at its minimum size naming the address or number.
 *
 * How a text is set: the largest size from the box's range at which it fits (2 % steps down to the
 * minimum); the fewest lines at that size (first fit). Headlines and calls to action are balanced: of
 * all ways to set them in that many lines, the one with the most even line lengths (the sum of
 * squared shortfalls from the box width is smallest, as CSS `text-wrap: balance` aims for), and never
 * a last line of a single word when another set of breaks fits. Other texts are set first fit, but a
 * single word alone on the last line takes the last word of the line before with it when that fits.
 */

/** A piece of text between two break opportunities: a line starts only at a piece. */
export interface Piece {
  /** The piece without the spaces that follow it. */
  text: string;
  /** The spaces after it: drawn between pieces, dropped at the end of a line. */
  trail: string;
  /** Holds (part of) a web address or phone number, or is the whole text of a no-wrap box: named as such when it cannot fit. */
  whole: boolean;
}

/** Hyphens and dashes after which a line never breaks: hyphen-minus, soft hyphen, hyphen, non-breaking hyphen, figure dash, en dash. */
const hyphens = new Set(['-', '\u00ad', '\u2010', '\u2011', '\u2012', '\u2013']);

/** Web addresses: optional scheme, dotted labels ending in a letter TLD, optional port and path; e-mail addresses. */
const addressRe =
  /(?:https?:\/\/)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d+)?(?:\/[^\s]*[^\s.,;:!?)\]»”"'])?|[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu;
/** Phone numbers (and other long digit groups): digits with spaces, dots, slashes, brackets or hyphens between them, at least 5 digits. */
const phoneRe = /\+?\(?\d[\d \u00a0\u202f()./-]*\d\)?/gu;

/** The ranges [start, end) of `text` that must not break: web addresses and phone numbers. */
export function unbreakableSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(addressRe)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(phoneRe)) {
    if ((m[0].match(/\d/g) ?? []).length >= 5) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/**
 * Offsets at which a line may start: UAX #14's break opportunities, without those after a hyphen or
 * dash inside a word and those inside a web address or phone number. The end of the text is not one.
 */
export function breakOpportunities(text: string, spans: [number, number][] = unbreakableSpans(text)): number[] {
  const out: number[] = [];
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const at = bk.position;
    if (at >= text.length) continue;
    if (hyphens.has(text[at - 1] as string)) continue;
    if (spans.some(([start, end]) => start < at && at < end)) continue;
    out.push(at);
  }
  return out;
}

/** `text` (spaces, tabs and line ends collapsed to one space, trimmed) cut into pieces at its break opportunities; one piece when `nowrap`. */
export function pieces(text: string, nowrap = false): Piece[] {
  const t = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (t === '') return [];
  if (nowrap) return [{ text: t, trail: '', whole: true }];
  const spans = unbreakableSpans(t);
  const cuts = [0, ...breakOpportunities(t, spans), t.length];
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const segment = t.slice(start, cuts[i + 1]);
    const body = segment.replace(/ +$/, '');
    out.push({ text: body, trail: segment.slice(body.length), whole: spans.some(([s, e]) => s < start + body.length && start < e) });
  }
  return out;
}

/**
 * The pieces of a text, once per measurer: a text is fitted several times in a render (at each
 * helpline scale, each headline share), and UAX #14 with the address and number patterns costs more
 * than the fitting. Kept with the measurer, so a new measurer (the benchmark's per run) starts empty.
 */
const piecesByMeasurer = new WeakMap<TextMeasurer, Memo<string, Piece[]>>();
function piecesOf(text: string, nowrap: boolean, m: TextMeasurer): Piece[] {
  let memo = piecesByMeasurer.get(m);
  if (!memo) {
    memo = new Memo(20_000);
    piecesByMeasurer.set(m, memo);
  }
  return memo.get(`${nowrap ? 1 : 0}${text}`, () => pieces(text, nowrap));
}

/**
 * Widths at size 1 of each piece's text and of what joins it to the next: a line of pieces [s, i) is
 * as wide as their texts and the joins between them, so the copyfitter's many candidate lines cost
 * additions. A join is the spaces after a piece (the measurer adds words and spaces the same way), or,
 * where two pieces meet without a space (after an em dash, a slash, a zero-width space), the kerning
 * between them: the measurer shapes them as one word, and "T—" or "A\u200bJ" kern by a few hundredths
 * of an em, enough to set a line wider than its box.
 */
export interface PieceWidths {
  text: number[];
  trail: number[];
}

export function pieceWidths(ps: Piece[], weight: FontWeight, m: TextMeasurer): PieceWidths {
  const text = ps.map((p) => m.unitWidth(p.text, weight));
  const trail = ps.map((p, i) => {
    if (p.trail) return m.unitWidth(p.trail, weight);
    const next = ps[i + 1];
    return next ? m.unitWidth(p.text + next.text, weight) - (text[i] as number) - (text[i + 1] as number) : 0;
  });
  return { text, trail };
}

/** Width at size 1 of the line of pieces [from, to). */
export function lineWidth(w: PieceWidths, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += i + 1 < to ? (w.text[i] as number) + (w.trail[i] as number) : (w.text[i] as number);
  return total;
}

/** The text of a line made of pieces [from, to): the spaces after its last piece dropped. */
export function lineText(ps: Piece[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const p = ps[i] as Piece;
    out += i + 1 < to ? p.text + p.trail : p.text;
  }
  return out;
}

/** Lines from the piece index at which each starts. */
function linesFrom(ps: Piece[], starts: number[]): string[] {
  return starts.map((s, j) => lineText(ps, s, starts[j + 1] ?? ps.length));
}

/** A piece that is one word: no space inside (a phone number set whole is not a lone word). */
function oneWord(p: Piece): boolean {
  return !/\s/.test(p.text);
}

/**
 * First-fit breaking at `width` (units of size 1): the fewest lines. Returns each line's first piece,
 * or the piece that is wider than the box on its own.
 */
export function firstFit(
  ps: Piece[],
  width: number,
  weight: FontWeight,
  m: TextMeasurer,
  w: PieceWidths = pieceWidths(ps, weight, m),
): { starts: number[] } | { tooWide: Piece } {
  const starts = [0];
  let start = 0;
  /** Width of the line so far: pieces [start, i). */
  let line = 0;
  for (let i = 0; i < ps.length; i++) {
    const own = w.text[i] as number;
    if (own > width) return { tooWide: ps[i] as Piece };
    if (i === start) {
      line = own;
      continue;
    }
    const longer = line + (w.trail[i - 1] as number) + own;
    if (longer > width) {
      starts.push(i);
      start = i;
      line = own;
    } else {
      line = longer;
    }
  }
  return { starts };
}

/**
 * The most even way to set the pieces in `count` lines no wider than `width`: the smallest sum of
 * squared shortfalls from the width, a last line of a single word only when no other set of breaks
 * fits. Undefined when they do not fit in `count` lines.
 */
export function balancedBreaks(
  ps: Piece[],
  count: number,
  width: number,
  weight: FontWeight,
  m: TextMeasurer,
  pw: PieceWidths = pieceWidths(ps, weight, m),
): number[] | undefined {
  const k = ps.length;
  if (count < 1 || count > k) return undefined;
  // Lines of one word at the end cost more than the most ragged setting can.
  const lone = (count + 1) * width * width;
  const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(k + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(k + 1).fill(-1));
  (best[0] as number[])[0] = 0;
  for (let j = 1; j <= count; j++) {
    const row = best[j] as number[];
    const prev = best[j - 1] as number[];
    for (let i = j; i <= k; i++) {
      // The line is pieces [s, i): widest first, so stop once it no longer fits.
      let w = 0;
      for (let s = i - 1; s >= j - 1; s--) {
        w += s === i - 1 ? (pw.text[s] as number) : (pw.text[s] as number) + (pw.trail[s] as number);
        if (w > width) break;
        const before = prev[s] as number;
        if (before === Number.POSITIVE_INFINITY) continue;
        let cost = before + (width - w) ** 2;
        if (j === count && i === k && count > 1 && i - s === 1 && oneWord(ps[s] as Piece)) cost += lone;
        if (cost < (row[i] as number)) {
          row[i] = cost;
          (from[j] as number[])[i] = s;
        }
      }
    }
  }
  if ((best[count] as number[])[k] === Number.POSITIVE_INFINITY) return undefined;
  const starts: number[] = [];
  for (let j = count, i = k; j > 0; j--) {
    const s = (from[j] as number[])[i] as number;
    starts.unshift(s);
    i = s;
  }
  return starts;
}

/** A single word alone on the last line takes the last piece of the line before with it, when both still fit. */
function withoutLoneLastWord(ps: Piece[], starts: number[], width: number, w: PieceWidths): number[] {
  const n = starts.length;
  if (n < 2) return starts;
  const last = starts[n - 1] as number;
  const prevStart = starts[n - 2] as number;
  if (ps.length - last !== 1 || !oneWord(ps[last] as Piece) || last - 1 <= prevStart) return starts;
  if (lineWidth(w, last - 1, ps.length) > width) return starts;
  return [...starts.slice(0, -1), last - 1];
}

export interface FitRequest {
  text: string;
  weight: FontWeight;
  /** Box width in layout units (pt or px). */
  width: number;
  /** Box height available for the text. */
  height: number;
  /** Largest and smallest font sizes, in layout units. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** At most this many lines, whatever the height. */
  maxLines?: number;
  /** Even out line lengths (headlines, calls to action) once the size is found. */
  balance?: boolean;
  /** The whole text is one unbreakable unit (a web address, a phone number): one line or nothing. */
  nowrap?: boolean;
}

export interface FitResult {
  size: number;
  lines: string[];
  /** Widest line, measured. */
  width: number;
  /** lines × size × lineHeight. */
  height: number;
}

export type FitFailure = { reason: string };

/**
 * Finds the largest size between max and min at which `text` fits the box: every line no wider than
 * the box (no word may overflow sideways: there is no hyphenation), all lines within its height.
 * Sizes step down by 2 % from the maximum, the minimum is always tried last.
 */
export function fitText(req: FitRequest, m: TextMeasurer): FitResult | FitFailure {
  const ps = piecesOf(req.text, req.nowrap ?? false, m);
  const widths = pieceWidths(ps, req.weight, m);
  const sizes: number[] = [];
  for (let s = req.maxSize; s > req.minSize; s *= 0.98) sizes.push(round(s));
  sizes.push(round(req.minSize));
  let reason = '';
  for (const size of sizes) {
    const unitWidth = req.width / size;
    const first = firstFit(ps, unitWidth, req.weight, m, widths);
    if ('tooWide' in first) {
      const p = first.tooWide;
      // As a share of the box, not in layout units: the same text is too wide on every format
      // (points on a poster, pixels on a screen image), and one message covers them all.
      const wide = `is ${Math.ceil((m.width(p.text, req.weight, size) / req.width - 1) * 100)} % wider than its box at the smallest size the design allows`;
      reason = p.whole ? `"${p.text}" must stay on one line (a web address or phone number is never broken) and ${wide}` : `the word "${p.text}" ${wide}`;
      continue;
    }
    const maxLines = Math.min(req.maxLines ?? Number.POSITIVE_INFINITY, Math.floor((req.height + 0.01) / (size * req.lineHeight)));
    const count = first.starts.length;
    if (count > maxLines) {
      reason = `at the minimum size ${size} it needs ${count} lines, the box holds ${Math.max(0, maxLines)} (${round(req.width)} × ${round(req.height)})`;
      continue;
    }
    const starts =
      req.balance && count > 1
        ? (balancedBreaks(ps, count, unitWidth, req.weight, m, widths) ?? first.starts)
        : withoutLoneLastWord(ps, first.starts, unitWidth, widths);
    const lines = linesFrom(ps, starts);
    const width = Math.max(0, ...lines.map((l) => m.width(l, req.weight, size)));
    return { size, lines, width, height: lines.length * size * req.lineHeight };
  }
  return { reason };
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}
