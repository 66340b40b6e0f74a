// What a catalogue entry is, after Astro's error catalogue (packages/astro/src/core/errors/errors-data.ts):
// data, not classes. The entry's key is its code: a PascalCase name of the cause (`FigureOutOfScope`),
// unique in the whole catalogue and never renamed or reused, so tests, reports and editors can rely
// on it while the wording improves.

/** The groups of the catalogue: who meets the message, and where it comes from. */
export const errorGroups = ['content', 'mdx', 'posters', 'release', 'print', 'gates'] as const;
export type ErrorGroup = (typeof errorGroups)[number];

/** Arguments of a message: plain data (they travel in reports and between threads). */
export type ErrorArgs = Record<string, unknown>;

/** One kind of problem: what it is called, what went wrong and why, and what to do. */
export interface ErrorEntry<A extends ErrorArgs = ErrorArgs> {
  /** A short title, in sentence case without a full stop ("Figure about another country"). */
  title: string;
  /** What is wrong and why, built from the arguments; the file, line and field are said beside it. */
  message: (args: A) => string;
  /** What to do about it. */
  hint: (args: A) => string;
  /**
   * What makes two reports one cause, for a problem found in many places (gate failures on every
   * built page that shows one piece of content): the arguments that name the offending thing.
   * All arguments when absent.
   */
  cause?: (args: A) => string;
}

/** An entry as the catalogue holds it: with its group. */
export type GroupedEntry<A extends ErrorArgs = ErrorArgs> = ErrorEntry<A> & { group: ErrorGroup };

/** Types an entry by its arguments: `entry<{ id: string }>({ title, message: (a) => …, hint: (a) => … })`. */
export function entry<A extends ErrorArgs = Record<string, never>>(e: ErrorEntry<A>): ErrorEntry<NoInfer<A>> {
  return e;
}

/** Puts a group's entries into the catalogue's shape (each with its group). */
export function defineGroup<E extends Record<string, ErrorEntry<never>>>(group: ErrorGroup, entries: E): { [K in keyof E]: E[K] & { group: ErrorGroup } } {
  return Object.fromEntries(Object.entries(entries).map(([code, e]) => [code, { ...e, group }])) as { [K in keyof E]: E[K] & { group: ErrorGroup } };
}

/** "gr", "gr and md", "gr, md and ro". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 page", "2 pages". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "U+0126". */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The fields of a place that are given (a report leaves out a line or field nobody knows). */
export function given<T extends object>(place: T): T {
  return Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined && v !== '' && v !== 0)) as T;
}
