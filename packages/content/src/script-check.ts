// Every locale's text is written in its script (content/locales.yaml `script`): a Latin letter typed
// inside a Cyrillic word, a Cyrillic word in Serbian Latin, a Greek word left in a Bulgarian text are
// errors. Brand names and abbreviations that stay in Latin letters are listed once in
// content/locales.yaml (`allowedForeignWords`); web addresses and codes with digits need no entry.
import { foreignWords, localeInfo, type MessageFormatElement, parseMessage, sourceLocale } from '@repo/i18n';
import { type ContentIssue, contentIssue } from './issues.ts';
import type { Content } from './load.ts';
import { localeUnits, type UnitSource, unitSources } from './units.ts';
import { placeLines } from './yaml-file.ts';

/** The words of a message a reader sees: its literal text, in every plural form, without value names and keywords. */
function messageWords(text: string): string {
  const parsed = parseMessage(text);
  if ('error' in parsed) return '';
  const out: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === 0) out.push(el.value);
      else if ('options' in el) for (const option of Object.values(el.options)) walk((option as { value: MessageFormatElement[] }).value);
      else if ('children' in el) walk(el.children);
      out.push(' ');
    }
  };
  walk(parsed.ast);
  return out.join('');
}

/** The words of an MDX body a reader sees: without components and their attributes, code and link targets. */
export function mdxWords(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/\]\([^)\s]*\)/g, '] ')
    .replace(/\{[^{}]*\}/g, ' ');
}

/** The words of a unit's text a reader sees. */
export function readableText(unit: Pick<UnitSource, 'kind' | 'place'>, text: string): string {
  if (unit.kind === 'ui') return messageWords(text);
  if (unit.kind === 'page' && unit.place(sourceLocale).path[0] === 'body') return mdxWords(text);
  return text;
}

const scriptNames: Record<string, string> = { Latn: 'Latin', Cyrl: 'Cyrillic', Grek: 'Greek' };

export function checkScripts(content: Content, issues: ContentIssue[]): void {
  const allowed = new Set(content.locales.allowedForeignWords);
  const sources = unitSources(content);
  const english = sources.map((s) => ({ ...s, locale: sourceLocale, text: s.source as string | undefined }));
  const lineOf = placeLines(content.root);
  for (const info of content.locales.locales) {
    const units = info.tag === sourceLocale ? english : localeUnits(content, info.tag, sources);
    for (const unit of units) {
      if (unit.text === undefined) continue;
      const foreign = foreignWords(readableText(unit, unit.text), info.script, allowed);
      if (foreign.length === 0) continue;
      const place = unit.place(info.tag);
      const words = [...new Set(foreign.map((f) => f.word))];
      issues.push(
        contentIssue(
          'WrongScript',
          { unit: unit.id, locale: info.tag, words, script: scriptNames[info.script] ?? info.script, language: localeInfo(info.tag).englishName },
          place.path[0] === 'body' ? { file: place.file } : { file: place.file, line: lineOf(place.file, place.path), field: place.path.join('.') },
        ),
      );
    }
  }
}
