import type { ContentIssue } from '@repo/content';

/**
 * What the dev preview (src/integrations/dev-preview.ts) tells the pages it renders: the content
 * errors of the last edit, while it shows the last good content. Shared by every copy of this module
 * in the process (the integration runs in Astro's config loader, the pages in Vite's renderer).
 * Never set in a build.
 */
const shared = globalThis as Record<symbol, unknown>;
shared[Symbol.for('@repo/site:preview-state')] ??= {};
export const previewState = shared[Symbol.for('@repo/site:preview-state')] as { problems?: { issues: ContentIssue[]; text: string } };
