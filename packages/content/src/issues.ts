/** One thing wrong in the content, said so that an editor can find and fix it without reading code. */
export interface ContentIssue {
  /** Path relative to the content root, e.g. `countries/gr.yaml`. */
  file: string;
  /** Line in that file, where known. */
  line?: number;
  /** Dotted path of the field, e.g. `helplines.0.source`. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix?: string;
}

/** Thrown by the loader with every issue it found in one pass. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(formatIssues(issues));
    this.name = 'ContentError';
    this.issues = issues;
  }
}

export function formatIssue(issue: ContentIssue): string {
  const where = `content/${issue.file}${issue.line ? `:${issue.line}` : ''}`;
  const field = issue.field ? ` field "${issue.field}"` : '';
  const fix = issue.fix ? `\n    fix: ${issue.fix}` : '';
  return `  ${where}${field}: ${issue.message}${fix}`;
}

export function formatIssues(issues: ContentIssue[]): string {
  const n = issues.length;
  return `${n} content ${n === 1 ? 'error' : 'errors'}; nothing was built or published:\n${issues.map(formatIssue).join('\n')}`;
}
