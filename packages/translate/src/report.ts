// The translation status, unit by unit: as lines for `npm run translations`, and as the campaign
// team's HTML page dist/reports/translations.html (written by scripts/publish.ts beside the other
// reports: never deployed, in no sitemap).
import type { Content, LocaleTranslationReport, Unit, UnitKind } from '@repo/content';
import { localeInfo } from '@repo/i18n';

const kinds: [UnitKind, string][] = [
  ['page', 'pages'],
  ['ui', 'interface strings'],
  ['poster', 'poster lines'],
  ['country', 'country names'],
  ['helpline', 'helpline purposes'],
  ['campaign', 'campaign statements'],
  ['figure', 'figures'],
];
const states = ['missing', 'outdated', 'draft', 'reviewed'] as const;

function where(unit: Unit): string {
  const place = unit.place(unit.locale);
  return `content/${place.file}${place.path[0] === 'body' ? '' : ` ${place.path.join('.')}`}`;
}

function reason(unit: Unit): string {
  if (unit.state === 'missing') return 'missing';
  if (unit.outdatedBecause === 'not-derived') return 'outdated: not what the rule makes of its origin (npm run translations -- derive)';
  if (unit.outdatedBecause === 'origin-changed') return 'outdated: reviewer’s wording, origin text changed since';
  return 'outdated: the English changed';
}

/** The status as lines of text, one summary line per locale and one per unit to do. */
export function statusLines(reports: LocaleTranslationReport[], options: { details?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    const info = localeInfo(r.locale);
    const total = (state: (typeof states)[number]) => r.units.filter((u) => u.needed && u.state === state).length;
    const derived = r.units.filter((u) => u.derived === true).length;
    lines.push(
      `${r.locale.padEnd(8)} ${info.englishName.padEnd(20)} ${states.map((s) => `${total(s)} ${s}`).join(', ')}${derived ? `; ${derived} derived from ${info.derivedFrom?.locale}` : ''}${r.units.some((u) => u.needed && !u.recorded && u.state !== 'missing' && u.derived !== true) ? `; ${r.units.filter((u) => u.needed && !u.recorded && u.state !== 'missing' && u.derived !== true).length} without a record of their English` : ''}`,
    );
    const byKind = kinds
      .map(([kind, label]) => {
        const c = r.counts[kind];
        const parts = states.filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
        return parts.length ? `${label}: ${parts.join(', ')}` : undefined;
      })
      .filter(Boolean);
    lines.push(`         ${byKind.join('; ')}`);
    const todo = r.units.filter((u) => u.needed && (u.state === 'missing' || u.state === 'outdated'));
    const shown = options.details ? todo : todo.slice(0, 12);
    for (const u of shown) lines.push(`           ${u.state.padEnd(8)} ${u.id}  (${where(u)})`);
    if (shown.length < todo.length) lines.push(`           … and ${todo.length - shown.length} more: npm run translations -- --details, or export ${r.locale}`);
    if (r.staleRecords.length)
      lines.push(
        `           ${r.staleRecords.length} records of removed texts in content/translations/${r.locale}.yaml: npm run translations -- mark-current ${r.locale} drops them`,
      );
  }
  return lines;
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** dist/reports/translations.html: for the campaign team, never deployed. */
export function translationsHtml(content: Content, reports: LocaleTranslationReport[]): string {
  const sections = reports.map((r) => {
    const info = localeInfo(r.locale);
    const rows = kinds
      .map(([kind, label]) => `<tr><th scope="row">${label}</th>${states.map((s) => `<td class="${s}">${r.counts[kind][s] || ''}</td>`).join('')}</tr>`)
      .join('\n');
    const todo = r.units.filter((u) => u.needed && u.state !== 'reviewed');
    const items = todo
      .map(
        (u) =>
          `<tr class="${u.state}"><td>${html(u.id)}</td><td>${html(u.state === 'draft' ? (u.derived ? 'draft (derived)' : 'draft') : reason(u))}</td><td><code>${html(where(u))}</code></td><td>${html(u.where)}</td></tr>`,
      )
      .join('\n');
    return `<section id="${html(r.locale)}">
<h2>${html(info.englishName)} (<span lang="${html(r.locale)}">${html(info.nativeName)}</span>, ${html(r.locale)})</h2>
<table><thead><tr><th></th>${states.map((s) => `<th scope="col">${s}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
${todo.length ? `<details><summary>${todo.length} units not yet reviewed</summary><table class="units"><thead><tr><th>unit</th><th>state</th><th>file and field</th><th>where it appears</th></tr></thead><tbody>\n${items}\n</tbody></table></details>` : '<p>Every unit is reviewed.</p>'}
${r.staleRecords.length ? `<p>${r.staleRecords.length} records of removed texts: <code>npm run translations -- mark-current ${html(r.locale)}</code> drops them.</p>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translations: ${html(content.campaign.id)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #111; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.missing:not(:empty), tr.missing td:nth-child(2) { background: #fdd; }
td.outdated:not(:empty), tr.outdated td:nth-child(2) { background: #fed; }
td.draft:not(:empty) { background: #ffc; }
td.reviewed:not(:empty) { background: #dfd; }
code { font-size: 90%; }
</style>
</head>
<body>
<h1>Translations: ${html(content.campaign.id)}, release date ${html(content.campaign.releaseDate)}</h1>
<p>For the campaign team; never published. Each unit is one translatable text: <strong>missing</strong> (no translation),
<strong>outdated</strong> (made from an English text that has changed since), <strong>draft</strong> (awaiting a native speaker's review)
or <strong>reviewed</strong>. Serbian Latin is derived from Serbian Cyrillic by rule and has its state.
Export what a language needs with <code>npm run translations -- export &lt;locale&gt;</code> (README, "Translators").</p>
<nav><ul>${reports.map((r) => `<li><a href="#${html(r.locale)}">${html(localeInfo(r.locale).englishName)}</a></li>`).join('')}</ul></nav>
${sections.join('\n')}
</body>
</html>
`;
}
