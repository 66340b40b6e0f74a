import { type ArgsOf, type ContentCode, describe, type ErrorArgs, given } from '@repo/errors';
import type { Content } from './load.ts';

/**
 * One thing wrong in the content, said so that an editor can find and fix it without reading code.
 * Its words come from the catalogue (@repo/errors) by `code`; tests compare codes and arguments.
 */
export interface ContentIssue {
  /** The catalogue's code, e.g. `FigureOutOfScope`: stable, whatever the wording. */
  code: ContentCode;
  /** The values the message is made of (the figure's id, the sites…). */
  args: ErrorArgs;
  /** Path relative to the content root, e.g. `countries/gr.yaml`. */
  file: string;
  /** Line in that file, where known. */
  line?: number;
  /** Dotted path of the field, e.g. `helplines.0.source`. */
  field?: string;
  /** What is wrong, and why. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** Where an issue is: file (relative to the content root), line and field where known. */
export interface IssueAt {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
}

/** An issue of the catalogue at a place: `contentIssue('UnknownSource', { id }, { file, field })`. */
export function contentIssue<C extends ContentCode>(code: C, args: ArgsOf<C>, at: IssueAt): ContentIssue {
  const { message, hint } = describe(code, args);
  return { code, args: args as ErrorArgs, ...given({ file: at.file, line: at.line, field: at.field }), message, fix: hint };
}

/** Thrown by the loader with every issue it found in one pass. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];
  /**
   * The content as far as it could be read, when campaign.yaml could: never to build from, only for
   * checks that report their own problems in the same run (the print preflight: @repo/print
   * `printProblemsBeside`), so that an editor sees every cause at once.
   */
  readonly partial: Content | undefined;
  constructor(issues: ContentIssue[], partial?: Content) {
    const reported = onePerCause(issues);
    super(formatIssues(reported));
    this.name = 'ContentError';
    this.issues = reported;
    this.partial = partial;
  }
}

export function formatIssue(issue: ContentIssue): string {
  const where = `content/${issue.file}${issue.line ? `:${issue.line}` : ''}`;
  const field = issue.field ? ` field "${issue.field}"` : '';
  return `  ${where} [${issue.code}]${field}: ${issue.message}\n    fix: ${issue.fix}`;
}

export function formatIssues(issues: ContentIssue[]): string {
  const n = issues.length;
  return `${n} content ${n === 1 ? 'error' : 'errors'}; nothing was built or published:\n${issues.map(formatIssue).join('\n')}`;
}

/** Codes that name a locale by its tag (`args.tag`), and that a problem with the locale's declaration explains. */
const namesLocale = new Set<ContentCode>(['UnknownLocale', 'UiFileUnknownLocale', 'PageFolderUnknownLocale', 'RecordsUnknownLocale']);

/**
 * Each cause once: the same issue found twice is reported once, and an issue that follows from
 * another one already reported is left out, so the editor fixes the cause and not its echoes:
 * - a locale whose entry in content/locales.yaml is wrong is unknown everywhere else (countries,
 *   page folders, interface strings, records): the entry is reported, not every use of the tag;
 * - a figure whose scope names an unknown country would be "about another country" on every site
 *   that quotes it: the scope is reported, not every quote.
 */
export function onePerCause(issues: ContentIssue[]): ContentIssue[] {
  const badLocales = new Set(
    issues.filter((i) => i.file === 'locales.yaml').flatMap((i) => [i.args.tag, i.args.canonical].filter((t): t is string => typeof t === 'string')),
  );
  const badScopes = new Set(issues.filter((i) => i.code === 'FigureScopeUnknownCountry').map((i) => i.args.figure as string));
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (namesLocale.has(issue.code) && badLocales.has(issue.args.tag as string)) return false;
    if (issue.code === 'FigureOutOfScope' && badScopes.has(issue.args.id as string)) return false;
    const key = JSON.stringify([issue.code, issue.file, issue.line, issue.field, issue.args]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A problem of a page's MDX body found while reading it, before the page's file is known to the caller. */
export type PageProblem = Omit<ContentIssue, 'file'> & { line: number };

/** A page problem of the catalogue at a line. */
export function pageProblem<C extends ContentCode>(code: C, args: ArgsOf<C>, line: number): PageProblem {
  const { file: _file, ...rest } = contentIssue(code, args, { file: '', line });
  return { ...rest, line };
}
