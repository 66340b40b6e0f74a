// Content files other than page bodies and poster designs: YAML syntax and schemas, the campaign,
// sources and figures, countries, interface strings, locales, translation records, page folders and
// frontmatter, slugs and the script each language is written in. Said to editors by the content
// loader (`npm run check:content`, the build's first step, the preview), with file, line and field.
import { defineGroup, entry, list } from './define.ts';
import { countryFiles, helplineChoices } from './mdx.ts';

const schemaComments = 'see the schema comments in packages/content/src/schema';

/** The fix of a slug problem: a slug made from the page's title, by the locale's rule. */
export function slugHint(what: string, suggestion: string | undefined, romanisation: string | undefined): string {
  if (!suggestion) return `${what}: lower-case ASCII words joined by hyphens, in the page's language`;
  return `${what}, e.g. slug: "${suggestion}" (the title in ${romanisation}; shorten it by hand if it is long)`;
}

/** Arguments of every slug problem's fix. */
type SlugFix = { suggestion?: string; romanisation?: string };

export const contentErrors = defineGroup('content', {
  // YAML and schemas (yaml-file.ts)
  /**
   * The first syntax error of a file only: the parser's later errors follow from it. `unclosed` is
   * the bracket of a flow mapping or list (`{ en: x, ro: y`) that is never closed, at the line the
   * issue points to (where it opens), rather than the line after, where the parser noticed.
   */
  YamlSyntax: entry<{ detail: string; unclosed?: '{' | '[' }>({
    title: 'YAML syntax error',
    message: (a) => (a.unclosed ? `the ${a.unclosed} opened on this line is never closed (YAML syntax error: ${a.detail})` : `YAML syntax error: ${a.detail}`),
    hint: (a) =>
      a.unclosed
        ? `end the value on this line with ${a.unclosed === '{' ? '}' : ']'}, and quote any text in it that contains ", " or ": "; then run the check again (errors after this one in the same file may only follow from it)`
        : 'check indentation, colons and quotes on that line; quote text that contains ": " or starts with a symbol; then run the check again (errors after this one in the same file may only follow from it)',
  }),
  FieldMissing: entry<{ expected: string }>({
    title: 'Required field missing',
    message: (a) => `is missing (expected ${a.expected})`,
    hint: () => `add the field; ${schemaComments}`,
  }),
  FieldUnknown: entry<{ keys: string[] }>({
    title: 'Unknown field',
    message: (a) => `has unknown field${a.keys.length > 1 ? 's' : ''} ${a.keys.map((k) => `"${k}"`).join(', ')}`,
    hint: () => `remove it or correct its spelling; ${schemaComments}`,
  }),
  FieldWrongType: entry<{ expected: string; got: string }>({
    title: 'Field of the wrong type',
    message: (a) => `has the wrong type: expected ${a.expected}, got ${a.got}`,
    hint: () => `correct the value; ${schemaComments}`,
  }),
  FieldNotOneOf: entry<{ rule: string; values: unknown[] }>({
    title: 'Value not one of the allowed ones',
    message: (a) => a.rule,
    hint: (a) => `use one of: ${a.values.map((v) => JSON.stringify(v)).join(', ')}`,
  }),
  /** A rule of the schema (a pattern, a length, a range): the schema's own words say which. */
  FieldInvalid: entry<{ rule: string }>({
    title: 'Value breaks a rule of the schema',
    message: (a) => a.rule,
    hint: () => `correct the value; ${schemaComments}`,
  }),
  NotNamedAfterFile: entry<{ actual: string; name: string; field: string; expected: string }>({
    title: 'Identifier differs from the file name',
    message: (a) => `is "${a.actual}" but the file is named ${a.name}`,
    hint: (a) => `rename the file to ${a.actual}.yaml or write ${a.field}: ${a.expected}`,
  }),
  UnknownLocale: entry<{ tag: string; known: string[] }>({
    title: 'Unknown locale',
    message: (a) => `unknown locale "${a.tag}": use one of ${a.known.join(', ')} (or declare it in content/locales.yaml)`,
    hint: () => 'use the tag of a locale declared in content/locales.yaml, or declare it there (see the README section "Add a language")',
  }),

  // Files and folders (load.ts)
  ContentFileMissing: entry<{ file: string }>({
    title: 'Content file missing',
    message: () => 'is missing',
    hint: (a) => `create content/${a.file}; see the README section "Content"`,
  }),
  PagesFolderMissing: entry({
    title: 'No pages folder',
    message: () => 'is missing',
    hint: () => 'create content/pages/en/ with the English pages',
  }),
  HomePageMissing: entry({
    title: 'No English home page',
    message: () => 'is missing',
    hint: () => 'every site needs a home page in English, the fallback language',
  }),
  SourceUiMissing: entry({
    title: 'No English interface strings',
    message: () => 'is missing',
    hint: () => 'create it with every interface string; it is the fallback for all locales',
  }),
  ContentUnreadable: entry<{ error: string }>({
    title: 'Content could not be read',
    message: (a) => `could not be read: ${a.error}`,
    hint: () => 'see the terminal',
  }),
  PreviewCountryMissing: entry<{ code: string; other: string }>({
    title: 'The previewed country has no file',
    message: (a) => `is missing, but this preview shows the ${a.code} site`,
    hint: (a) => `restore it (git checkout -- content/countries/${a.code}.yaml), or preview another country: npm run dev -- --country ${a.other}`,
  }),
  NoCountryFiles: entry({
    title: 'No country files',
    message: () => 'has no country files',
    hint: () => 'add content/countries/<cc>.yaml for each country; see the README',
  }),

  // Sources and figures
  UnknownSource: entry<{ id: string }>({
    title: 'Source not listed',
    message: (a) => `cites source "${a.id}", which content/sources.yaml does not list`,
    hint: () => 'add the source to content/sources.yaml (title, publisher, where, year) or correct the id',
  }),
  DuplicateId: entry<{ id: string }>({
    title: 'Duplicate id',
    message: (a) => `duplicate id "${a.id}"`,
    hint: () => 'give each entry its own id',
  }),
  FigureScopeUnknownCountry: entry<{ figure: string; code: string; known: string[] }>({
    title: 'Figure scope names an unknown country',
    message: (a) => `names country "${a.code}", which has no file in content/countries/`,
    hint: (a) => `use the codes of the countries the figure is about (${a.known.join(', ')}), or world, eu or region`,
  }),
  RecheckMonthsInvalid: entry<{ rule: string; default: number }>({
    title: 'Re-check period is not a number of months',
    message: (a) => a.rule,
    hint: (a) => `write a whole number of months without quotes, e.g. recheckMonths: ${a.default}, or leave the field out for ${a.default}`,
  }),

  // Countries
  DefaultLanguageNotSpoken: entry<{ language: string; languages: string[] }>({
    title: 'Default language not among the site’s languages',
    message: (a) => `"${a.language}" is not one of the site's languages (${a.languages.join(', ')})`,
    hint: () => 'add it to languages or pick one of them',
  }),
  CountryWithoutEnglish: entry<{ source: string }>({
    title: 'Site without English',
    message: (a) => `does not include "${a.source}"`,
    hint: (a) => `add ${a.source}: every site also speaks English, the language every page falls back to`,
  }),
  LanguageListedTwice: entry({
    title: 'Language listed twice',
    message: () => 'lists a language twice',
    hint: () => 'list each language once',
  }),
  DuplicateHelplineId: entry<{ id: string; other: string }>({
    title: 'Helpline id used twice',
    message: (a) => `duplicate helpline id "${a.id}" (also in ${a.other})`,
    hint: () => 'prefix helpline ids with the country code',
  }),
  HelplineOfOtherCountry: entry<{ id: string; country: string; rest: string }>({
    title: 'Helpline filed under another country',
    message: (a) => `"${a.id}" does not start with "${a.country}-": a helpline must belong to the country whose file lists it`,
    hint: (a) => `rename it ${a.country}-${a.rest} or move it to its own country's file`,
  }),

  // Interface strings, translation records and page folders named after locales
  UiFileUnknownLocale: entry<{ tag: string; known: string[] }>({
    title: 'Interface strings of an unknown locale',
    message: (a) => `is named after unknown locale "${a.tag}"`,
    hint: (a) => `name it after one of ${a.known.join(', ')}`,
  }),
  UiLocaleNotSpoken: entry<{ tag: string }>({
    title: 'Interface strings no site uses',
    message: (a) => `no country lists "${a.tag}" among its languages`,
    hint: () => 'add the language to a country or remove the file',
  }),
  UiMessageInvalid: entry<{ locale: string; form?: string; problem: string; fix: string }>({
    title: 'Interface string is not a valid message',
    message: (a) => `(${a.locale}${a.form ? `, plural form "${a.form}"` : ''}) ${a.problem}`,
    hint: (a) => a.fix,
  }),
  RecordsOfEnglish: entry({
    title: 'Translation records for English',
    message: () => 'records translations of English, which is the source',
    hint: () => 'remove the file',
  }),
  RecordsUnknownLocale: entry<{ tag: string }>({
    title: 'Translation records of an unknown locale',
    message: (a) => `is named after unknown locale "${a.tag}"`,
    hint: () => 'name it after a locale declared in content/locales.yaml, or remove it',
  }),
  PageFolderUnknownLocale: entry<{ tag: string; known: string[] }>({
    title: 'Page folder of an unknown locale',
    message: (a) => `is named after unknown locale "${a.tag}"`,
    hint: (a) => `use one of ${a.known.join(', ')} (tags are case-sensitive, e.g. sr-Latn)`,
  }),
  PageLocaleNotSpoken: entry<{ tag: string }>({
    title: 'Pages in a language no site speaks',
    message: (a) => `holds pages in "${a.tag}", which no country lists among its languages`,
    hint: () => 'add the language to a country file or remove the folder',
  }),

  // Page files and frontmatter
  PageWithoutFrontmatter: entry({
    title: 'Page without frontmatter',
    message: () => 'has no frontmatter',
    hint: () => 'start the file with a block between two "---" lines holding title, description, slug, audience, order and translation',
  }),
  NoEnglishOriginal: entry<{ id: string; source: string }>({
    title: 'Translation without an English page',
    message: (a) => `has no English original pages/${a.source}/${a.id}.mdx`,
    hint: () => 'write the English page first, or rename this file to match an English page',
  }),
  AudienceDiffers: entry<{ audience: string; english: string }>({
    title: 'Audience differs from the English page',
    message: (a) => `is "${a.audience}" but the English page says "${a.english}"`,
    hint: (a) => `write audience: ${a.english}`,
  }),
  EnglishPageNotSource: entry({
    title: 'English page not marked as the source',
    message: () => 'must be "source" for English pages',
    hint: () => 'write translation: source',
  }),
  TranslationMarkedSource: entry({
    title: 'Translation marked as the source',
    message: () => 'is "source", but only English pages are sources',
    hint: () => 'write translation: draft until a native speaker has reviewed it',
  }),
  ReviewerMissing: entry({
    title: 'Reviewed translation without its reviewer',
    message: () => 'is missing for a reviewed translation',
    hint: () => 'name the reviewer, or set translation: draft',
  }),
  RoleDescriptionMissing: entry<{ role: string; original: string; sites: string[] }>({
    title: 'Role description not translated',
    message: (a) =>
      `is missing, but ${a.original} has one and the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''} (${a.role} only) show${a.sites.length > 1 ? '' : 's'} this translation`,
    hint: (a) => `translate descriptions.${a.role} of ${a.original} into this page's frontmatter`,
  }),

  // Slugs (load.ts, slugs.ts)
  SlugNotAscii: entry<{ rule: string } & SlugFix>({
    title: 'Slug is not lower-case ASCII',
    message: (a) => a.rule,
    hint: (a) => slugHint('write the slug in lower-case ASCII', a.suggestion, a.romanisation),
  }),
  DuplicateSlug: entry<{ slug: string; other: string } & SlugFix>({
    title: 'Two pages of a locale with one slug',
    message: (a) => `"${a.slug}" is also the slug of ${a.other}`,
    hint: (a) => slugHint('give each page in a locale its own slug', a.suggestion, a.romanisation),
  }),
  HomeSlugNotEmpty: entry({
    title: 'Home page with a slug',
    message: () => 'must be empty for the home page',
    hint: () => 'write slug: ""',
  }),
  EmptySlug: entry<SlugFix>({
    title: 'Page without a slug',
    message: () => 'is empty; only home.mdx may have an empty slug',
    hint: (a) => slugHint('give the page a slug', a.suggestion, a.romanisation),
  }),
  SlugAddressTaken: entry<{ slug: string; path: string; sites: string[]; other: string; shownIn?: string } & SlugFix>({
    title: 'Two pages at one address',
    message: (a) =>
      `"${a.slug}" gives the address ${a.path} on the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''}, which is also the address of ${a.other}${a.shownIn ? ` (shown in ${a.shownIn} until it is translated)` : ''}`,
    hint: (a) => slugHint('give this page another slug: an address belongs to one page on each site, across all its languages', a.suggestion, a.romanisation),
  }),
  SlugAddressReserved: entry<{ slug: string; path: string; sites: string[] } & SlugFix>({
    title: 'Page at a reserved address',
    message: (a) =>
      `"${a.slug}" gives the address ${a.path} on the ${list(a.sites)} site${a.sites.length > 1 ? 's' : ''}, which is reserved for the site's print files`,
    hint: (a) => slugHint('give this page another slug: an address belongs to one page on each site, across all its languages', a.suggestion, a.romanisation),
  }),

  // Languages and scripts (locales.ts, script-check.ts)
  LocalesFileMissing: entry({
    title: 'No locales file',
    message: () => 'is missing',
    hint: () => 'create content/locales.yaml declaring every language of the campaign; see the README section "Add a language"',
  }),
  LocaleDeclaredTwice: entry<{ tag: string; other: number }>({
    title: 'Locale declared twice',
    message: (a) => `declares "${a.tag}" again (also locales.${a.other})`,
    hint: () => 'declare each locale once: remove or merge one entry',
  }),
  LocalePathTaken: entry<{ tag: string; path: string; other: number }>({
    title: 'Two locales with one path',
    message: (a) => `"${a.path}" is also the path of locales.${a.other}`,
    hint: () => 'give each locale its own path',
  }),
  DerivedFromUnknownLocale: entry<{ locale: string; tag: string }>({
    title: 'Derived from an unknown locale',
    message: (a) => `names "${a.locale}", which is not a declared locale`,
    hint: (a) => `use the tag of the locale ${a.tag} is derived from, e.g. sr-Cyrl`,
  }),
  EnglishNotDeclared: entry<{ source: string }>({
    title: 'English not declared',
    message: (a) => `does not declare "${a.source}"`,
    hint: () => 'declare English: it is the source of every translation and every locale falls back to it',
  }),
  LocaleTagInvalid: entry<{ tag: string }>({
    title: 'Not a language tag',
    message: (a) => `"${a.tag}" is not a valid BCP 47 language tag`,
    hint: () => 'write a language code with an optional script or region, e.g. hu, sr-Latn or pt-BR',
  }),
  LocaleTagNotCanonical: entry<{ tag: string; canonical: string }>({
    title: 'Language tag not in canonical form',
    message: (a) => `"${a.tag}" is not written in its canonical form "${a.canonical}"`,
    hint: (a) => `write tag: ${a.canonical} (and name its files and folders so)`,
  }),
  ScriptWithoutFonts: entry<{ tag: string; script: string; scripts: string[] }>({
    title: 'Script the fonts do not cover',
    message: (a) => `script "${a.script}" is not one the fonts cover (${a.scripts.join(', ')})`,
    hint: () =>
      'a language in another script needs font files first: add its Noto Sans subset to the site (apps/site/src/lib/fonts.ts) and the print fonts (packages/print/src/fonts.ts), then to fontScripts in packages/i18n/src/locales.ts',
  }),
  LocalePathMismatch: entry<{ path: string; tag: string }>({
    title: 'Locale path differs from its tag',
    message: (a) => `is "${a.path}" but the tag is "${a.tag}"`,
    hint: (a) => `write path: ${a.tag.toLowerCase()}`,
  }),
  LocaleScriptMismatch: entry<{ declared: string; tag: string; script: string; language: string }>({
    title: 'Script is not the language’s',
    message: (a) => `is ${a.declared}, but ${a.tag} is written in ${a.script}`,
    hint: (a) => `write script: ${a.script}, or add the script to the tag (e.g. ${a.language}-${a.declared})`,
  }),
  LocaleDirectionMismatch: entry<{ declared: string; tag: string; direction: string }>({
    title: 'Writing direction is not the script’s',
    message: (a) => `is ${a.declared}, but ${a.tag} is written ${a.direction}`,
    hint: (a) => `write dir: ${a.direction}`,
  }),
  LocalePluralsMismatch: entry<{ declared: string[]; tag: string; plurals: string[] }>({
    title: 'Plural categories differ from Intl.PluralRules',
    message: (a) => `are [${a.declared.join(', ')}], but Intl.PluralRules gives ${a.tag} [${a.plurals.join(', ')}]`,
    hint: (a) => `write plurals: [${a.plurals.join(', ')}]`,
  }),
  WrongScript: entry<{ unit: string; locale: string; words: string[]; script: string; language: string }>({
    title: 'Words not in the language’s script',
    message: (a) =>
      `(${a.unit}, ${a.locale}) has ${a.words.length === 1 ? 'a word' : 'words'} not in ${a.script} letters, the script of ${a.language}: ${a.words
        .slice(0, 8)
        .map((w) => `"${w}"`)
        .join(', ')}${a.words.length > 8 ? ' …' : ''}`,
    hint: (a) =>
      `write ${a.words.length === 1 ? 'it' : 'them'} in ${a.script} letters (a Latin letter inside a Cyrillic or Greek word looks the same but is not); a brand name or abbreviation kept as it is goes into allowedForeignWords in content/locales.yaml`,
  }),
  // Phone numbers (phone-numbers.ts, text-numbers.ts) and interface strings a site shows in English (ui-coverage.ts)
  PhoneNotAHelpline: entry<{ unit: string; locale: string; number: string; sites: string[]; helplines: Record<string, string[]> }>({
    title: 'Phone number that is not a helpline of a site that shows it',
    message: (a) => `(${a.unit}, ${a.locale}) shows the phone number "${a.number}", which is not a helpline of ${list(a.sites)}, where this text is shown`,
    hint: (a) =>
      `write a helpline of ${a.sites.length > 1 ? 'each of these countries' : 'the country'} as its file writes it (${helplineChoices(a.helplines)}), or remove the number; if "${a.number}" is a real helpline, add it with its source to ${countryFiles(a.sites)} (only numbers from shared/facts/helplines.md)`,
  }),
  HelplineNumberMismatch: entry<{ number: string; e164: string; expected?: string }>({
    title: 'Helpline shown as one number and dialled as another',
    message: (a) => `"${a.e164}" is not the number "${a.number}": readers would see one number and their phone would dial another`,
    hint: (a) =>
      `write the number and e164 of one line, as shared/facts/helplines.md gives it: e164 is the digits of a short number ("116 000" → "116000") or "+", the calling code and the national number without its leading 0 ("0 800 800 678" → "+40800800678")${a.expected ? `; for "${a.number}" that is e164: "${a.expected}"` : ''}`,
  }),
  UiStringsMissing: entry<{ locale: string; language: string; keys: string[]; sites: string[]; printed: string[]; derivedFrom?: string }>({
    title: 'Interface strings shown in English',
    message: (a) =>
      `lacks ${a.keys.length === 1 ? 'the interface string' : `${a.keys.length} interface strings`} ${a.keys.slice(0, 12).join(', ')}${a.keys.length > 12 ? ` … and ${a.keys.length - 12} more (npm run translations -- --details lists them)` : ''}: the ${list(a.sites)} site${a.sites.length > 1 ? 's show' : ' shows'} ${a.keys.length === 1 ? 'it' : 'them'} in English on ${a.sites.length > 1 ? 'their' : 'its'} ${a.language} pages${a.printed.length ? `, and a release build refuses to print ${a.printed.join(', ')} in English` : ''}`,
    hint: (a) =>
      a.derivedFrom
        ? `npm run translations -- derive ${a.locale} writes ${a.keys.length === 1 ? 'it' : 'them'} from content/ui/${a.derivedFrom}.yaml; translate ${a.keys.length === 1 ? 'it' : 'them'} there first where ${a.keys.length === 1 ? 'it is' : 'they are'} missing too`
        : `translate ${a.keys.length === 1 ? 'it' : 'them'} in content/ui/${a.locale}.yaml, or with npm run translations -- export ${a.locale}, then import the translated file (npm run translations shows what is missing)`,
  }),
});
