// `npm run translations`: which translations are missing, drafts, reviewed or outdated, per locale.
// `npm run translations -- --mark-current <locale>[/<page-id>]` records that the translations were
// made from the current English text (writes `sourceHash` into their frontmatter), so a later edit
// of the English page shows them as outdated.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadContent, sourceFingerprint, translationReport } from '@repo/content';
import { localeInfo, sourceLocale } from '@repo/i18n';

const root = resolve(import.meta.dirname, '..', 'content');
const { values } = parseArgs({ options: { 'mark-current': { type: 'string' } } });

let content: ReturnType<typeof loadContent>;
try {
  content = loadContent(root);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const target = values['mark-current'];
if (target) {
  const [locale, pageId] = target.split('/');
  const pages = content.pages.filter((p) => p.locale === locale && p.locale !== sourceLocale && (!pageId || p.id === pageId));
  if (pages.length === 0) {
    console.error(`No translated page matches "${target}". Write it as <locale> or <locale>/<page-id>, e.g. el or el/report.`);
    process.exit(1);
  }
  for (const page of pages) {
    const original = content.pages.find((p) => p.locale === sourceLocale && p.id === page.id);
    if (!original) continue;
    const text = readFileSync(page.absolutePath, 'utf8');
    const line = `sourceHash: ${sourceFingerprint(original)}`;
    const updated = /^sourceHash: .*$/m.test(text) ? text.replace(/^sourceHash: .*$/m, line) : text.replace(/^translation: .*$/m, (m) => `${m}\n${line}`);
    writeFileSync(page.absolutePath, updated);
  }
  console.log(`Marked ${pages.length} ${locale} pages as translated from the current English text.`);
  process.exit(0);
}

for (const report of translationReport(content)) {
  const count = (state: string) => report.pages.filter((p) => p.state === state).length;
  console.log(
    `${report.locale.padEnd(8)} ${localeInfo(report.locale).englishName.padEnd(20)} pages: ${count('reviewed')} reviewed, ${count('draft')} draft, ${count('outdated')} outdated, ${count('missing')} missing of ${report.pages.length}; interface strings: ${report.uiState}, ${report.missingUiKeys.length} missing`,
  );
  for (const page of report.pages.filter((p) => p.state === 'missing' || p.state === 'outdated'))
    console.log(`           ${page.state.padEnd(8)} content/${page.file}`);
  for (const key of report.missingUiKeys) console.log(`           missing  content/ui/${report.locale}.yaml: ${key}`);
}
console.log('\nDrafts are shown with a notice until a native speaker reviews them (translation: reviewed, reviewedBy: <name>).');
