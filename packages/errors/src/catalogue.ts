// The catalogue: every message the kit shows an editor or a campaign team, by code. Codes are
// PascalCase names of the cause, unique across all groups, and never renamed or reused (see README).

import { contentErrors } from './content.ts';
import { type ErrorArgs, type ErrorGroup, errorGroups, type GroupedEntry } from './define.ts';
import { gateErrors } from './gates.ts';
import { mdxErrors } from './mdx.ts';
import { posterErrors } from './posters.ts';
import { printErrors } from './print.ts';
import { releaseErrors } from './release.ts';

/** Each group's entries, as written. */
export const groups = {
  content: contentErrors,
  mdx: mdxErrors,
  posters: posterErrors,
  release: releaseErrors,
  print: printErrors,
  gates: gateErrors,
} as const satisfies Record<ErrorGroup, object>;

export const catalogue = { ...contentErrors, ...mdxErrors, ...posterErrors, ...releaseErrors, ...printErrors, ...gateErrors };

export type Catalogue = typeof catalogue;
export type ErrorCode = keyof Catalogue;
/** The arguments of a code's message. */
export type ArgsOf<C extends ErrorCode> = Parameters<Catalogue[C]['message']>[0];
/** The codes of one group. */
export type CodeOf<G extends ErrorGroup> = keyof (typeof groups)[G];
export type ContentCode = CodeOf<'content'> | CodeOf<'mdx'> | CodeOf<'posters'>;
export type ReleaseCode = CodeOf<'release'>;
export type PrintCode = CodeOf<'print'>;
export type GateCode = CodeOf<'gates'>;

/** A message of the catalogue with its words: what the kit shows and what tests compare (by code). */
export interface Described<C extends ErrorCode = ErrorCode> {
  code: C;
  args: ArgsOf<C>;
  title: string;
  message: string;
  hint: string;
}

function entryOf(code: ErrorCode): GroupedEntry {
  const e = (catalogue as unknown as Record<string, GroupedEntry | undefined>)[code];
  if (!e) throw new Error(`No error "${code}" in the catalogue (packages/errors/src/catalogue.ts)`);
  return e;
}

/** A code's title, message and hint for these arguments. */
export function describe<C extends ErrorCode>(code: C, args: ArgsOf<C>): Described<C> {
  const e = entryOf(code);
  const a = args as ErrorArgs;
  return { code, args, title: e.title, message: e.message(a), hint: e.hint(a) };
}

/** What makes two reports of a code one cause: the entry's `cause`, else all its arguments. */
export function causeKey(code: ErrorCode, args: ErrorArgs): string {
  const e = entryOf(code);
  return `${code}\u0000${e.cause ? e.cause(args) : JSON.stringify(args)}`;
}

/** The group of a code. */
export function groupOf(code: ErrorCode): ErrorGroup {
  return entryOf(code).group;
}

/** True for a code of the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(catalogue, code);
}

export { errorGroups };
