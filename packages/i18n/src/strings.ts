/**
 * Interface strings: the fixed words around the content (buttons, notices, headings). Each key is
 * described once here; `content/ui/<locale>.yaml` gives the words. English must have every key;
 * another locale may leave a key out, and readers then see the English words.
 */
export const uiStringKeys = {
  'site.skipToContent': 'Skip link to the main content, first thing a keyboard user reaches after the exit link.',
  'site.menu': 'Heading of the list of pages in this language.',
  'site.home': 'Link text back to the home page.',
  'site.languages': 'Label of the language switcher.',
  'site.draftNotice': 'Notice on a page whose translation still awaits review by a native speaker.',
  'site.fallbackNotice': 'Notice on a page shown in English because it is not translated yet. {language} is the reader’s language name.',
  'site.footerNote': 'Short line in the footer saying the site stores nothing and calls no other site.',
  'site.printers': 'Link text to the page where printers download posters.',
  'home.originHeading': 'Home-page heading above the pages for young people and parents (countries of origin).',
  'home.destinationHeading': 'Home-page heading above the pages for adults who might buy services (countries of destination).',
  'home.allHeading': 'Home-page heading above the pages every site has (about, safety, privacy).',
  'helplines.heading': 'Heading of the helpline box on every page.',
  'helplines.call': 'Accessible prefix before a phone number link, e.g. “Call”.',
  'helplines.free': 'Shown for a call that costs nothing.',
  'helplines.hours': 'Label before opening hours.',
  'helplines.unverified': 'Warning that a number comes from a public source and has not yet been confirmed with its operator.',
  'helplines.emergency': 'Line before the emergency number 112.',
  'figure.source': 'Label before the source of a figure.',
  'figure.undated': 'Said of a source that gives no date.',
  'exit.label': 'Text of the Exit this page button.',
  'exit.hint': 'Visually hidden hint: pressing Shift three times also leaves the page.',
  'exit.press2': 'Announcement after the first Shift press.',
  'exit.press1': 'Announcement after the second Shift press.',
  'exit.leaving': 'Announcement when the page is being left.',
  'exit.expired': 'Announcement when the Shift presses timed out.',
  'exit.learnMore': 'Link text to the page that explains the exit button and safe browsing.',
  'printers.zip': 'Link text to the ZIP of every print file of the country. {country} is the country name.',
  'printers.zipInfo': 'What the ZIP holds and weighs. {files} is a number of files, {size} a size such as “5.6 MB”.',
  'printers.format': 'Table heading: format and specification of a print file.',
  'printers.file': 'Table heading: the file to download.',
  'printers.preview': 'Table heading and link text: PNG preview of a print file.',
  'printers.checksum': 'Table heading: SHA-256 checksum of a file, for printers to verify the download.',
  'printers.proof': 'Warning above print files that are proofs because a fact on them (a phone number, the web address) is not verified yet.',
  'printers.none': 'Shown when no print files have been built for the site.',
  'notFound.title': 'Title of the 404 page.',
  'notFound.body': 'Body of the 404 page.',
} as const;

export type UiKey = keyof typeof uiStringKeys;
export type UiStrings = Partial<Record<UiKey, string>>;

/**
 * Looks up interface strings for one locale, falling back to the source locale's words key by key.
 * `{name}` placeholders are filled from `vars`; a missing variable is left visible so it is noticed.
 */
export function createTranslator(strings: UiStrings, fallback: Record<UiKey, string>) {
  return (key: UiKey, vars: Record<string, string> = {}): string => {
    const template = strings[key] ?? fallback[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  };
}

export type Translate = ReturnType<typeof createTranslator>;
