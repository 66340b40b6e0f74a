// Validates all content and prints every error at once; exits 1 if there is any. `npm run check:content`.
import { resolve } from 'node:path';
import { ContentError, loadContent } from '@repo/content';

const root = resolve(import.meta.dirname, '..', 'content');
try {
  const content = loadContent(root);
  const drafts = content.pages.filter((p) => p.data.translation === 'draft').length;
  console.log(
    `Content is valid: ${content.countries.length} countries, ${content.pages.length} pages (${drafts} draft translations), ${content.figures.size} figures, ${content.sources.size} sources.`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
