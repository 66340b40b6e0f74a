// Validates all content and prints every error at once; exits 1 if there is any. `npm run check:content`.
// Valid content may still show English words on a page in another language where a locale lacks
// interface strings: that is printed as a warning, which does not fail the command (ui-coverage.ts).
import { resolve } from 'node:path';
import { ContentError, formatIssue, loadContent, missingUiStrings } from '@repo/content';

// CONTENT_DIR checks another content folder (as for npm run translations).
const root = resolve(process.env.CONTENT_DIR ?? resolve(import.meta.dirname, '..', 'content'));
try {
  const content = loadContent(root);
  const drafts = content.pages.filter((p) => p.data.translation === 'draft').length;
  console.log(
    `Content is valid: ${content.countries.length} countries, ${content.pages.length} pages (${drafts} draft translations), ${content.figures.size} figures, ${content.sources.size} sources.`,
  );
  const warnings = missingUiStrings(content);
  if (warnings.length > 0) {
    const n = warnings.length;
    console.warn(
      `${n} ${n === 1 ? 'warning' : 'warnings'}: interface strings missing in ${n === 1 ? 'a language' : `${n} languages`}, shown in English on that language's pages:\n${warnings.map(formatIssue).join('\n')}`,
    );
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
