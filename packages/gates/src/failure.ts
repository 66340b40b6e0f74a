import { type ArgsOf, describe, type ErrorArgs, type GateCode, given } from '@repo/errors';
import type { Failure } from './types.ts';

/** Where a gate found a failure: the site and page, and what it knows of where on the page and of the offending text. */
export interface FailureAt {
  site: string;
  page: string;
  region?: 'body' | 'layout' | undefined;
  evidence?: string | undefined;
}

/** A failure of the catalogue at a place: `failure('BrokenLink', { target }, { site, page, evidence: target })`. */
export function failure<C extends GateCode>(code: C, args: ArgsOf<C>, at: FailureAt): Failure {
  const { message, hint } = describe(code, args);
  return { code, args: args as ErrorArgs, ...given({ region: at.region, evidence: at.evidence }), site: at.site, page: at.page, problem: message, fix: hint };
}

/** The selector of a page's own text: the article the page's MDX file renders into (apps/site/src/pages/[...path].astro). */
export const pageTextSelector = 'main article';
