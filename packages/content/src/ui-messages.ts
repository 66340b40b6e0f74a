// Interface strings are ICU MessageFormat messages (@repo/i18n messages.ts). The loader checks every
// one: it parses, its plural elements give every form its language has (and none it lacks), and a
// translation uses exactly the values the English message uses. Each problem names the locale's
// file, the key and, for a plural, the form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMessage, sourceLocale, type UiKey } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import type { UiFile } from './load.ts';
import { fieldLine } from './yaml-file.ts';

export function checkUiMessages(root: string, ui: Map<string, UiFile>, issues: ContentIssue[]): void {
  const english = ui.get(sourceLocale)?.strings ?? {};
  for (const [locale, file] of ui) {
    let text: string | undefined;
    for (const [key, message] of Object.entries(file.strings) as [UiKey, string | undefined][]) {
      if (message === undefined) continue;
      const problems = checkMessage(message, locale, locale === sourceLocale ? undefined : english[key]);
      if (problems.length === 0) continue;
      text ??= readFileSync(join(root, 'ui', `${locale}.yaml`), 'utf8');
      const line = fieldLine(text, ['strings', key]);
      for (const p of problems)
        issues.push(
          contentIssue(
            'UiMessageInvalid',
            { locale, ...(p.form ? { form: p.form } : {}), problem: p.message, fix: p.fix },
            { file: `ui/${locale}.yaml`, line, field: `strings.${key}` },
          ),
        );
    }
  }
}
