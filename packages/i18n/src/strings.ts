/**
 * Interface strings: the fixed words around the content (buttons, notices, headings). Each key is
 * described once here; `content/ui/<locale>.yaml` gives the words as ICU MessageFormat messages
 * (`{name}` for a value, `{n, plural, one {…} other {…}}` for plural forms; see messages.ts). English
 * must have every key; another locale may leave a key out, and readers then see the English words.
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
  'home.postersHeading': 'Heading of the poster previews on the home page (small images of the country’s posters in the reader’s language).',
  'home.postersAlt': 'Alternative text of one poster preview image, which links to the page for printers. {name} is the poster design’s name.',
  'home.postersLink': 'Link text under the poster previews to the page where every poster and print file can be downloaded.',
  'helplines.heading': 'Heading of the helpline box on every page.',
  'helplines.call': 'Accessible prefix before a phone number link, e.g. “Call”.',
  'helplines.free': 'Shown for a call that costs nothing.',
  'helplines.hours': 'Label before opening hours.',
  'helplines.unverified': 'Warning that a number comes from a public source and has not yet been confirmed with its operator.',
  'helplines.emergency': 'Line before the emergency number 112.',
  'helplines.more': 'Link from the first helpline at the top of every page to the box with every number, its hours and cost.',
  'figure.source': 'Label before the source of a figure.',
  'figure.undated': 'Said of a source that gives no date.',
  'partners.none':
    'Shown under the heading “Partners in this country” on the page about the campaign, when the country has no partner organisation in the VICTOR project.',
  'exit.label': 'Text of the Exit this page button.',
  'exit.hint': 'Visually hidden hint: pressing Shift three times also leaves the page.',
  'exit.press2': 'Announcement after the first Shift press.',
  'exit.press1': 'Announcement after the second Shift press.',
  'exit.leaving': 'Announcement when the page is being left.',
  'exit.expired': 'Announcement when the Shift presses timed out.',
  'exit.learnMore': 'Link text to the page that explains the exit button and safe browsing.',
  'printers.zip': 'Link text to the ZIP of every print file of the country. {country} is the country name.',
  'printers.zipInfo':
    'What the ZIP holds and weighs. {files} is the number of files, a plural: give every form your language has (# shows the number); {size} is a size such as “5.6 MB”.',
  'printers.format': 'Table heading: format and specification of a print file.',
  'printers.file': 'Table heading: the file to download.',
  'printers.preview': 'Table heading and link text: PNG preview of a print file.',
  'printers.checksum': 'Table heading: SHA-256 checksum of a file, for printers to verify the download.',
  'printers.formatPoster': 'Name of a poster format without a standard paper name. {width} and {height} are its finished size in millimetres.',
  'printers.formatPaper':
    'Name of a poster format with a standard paper name. {name} is that name, e.g. “A4” or “B1”; {width} and {height} are its finished size in millimetres.',
  'printers.formatBillboard': 'Name of a billboard format. {width} and {height} are its finished size in centimetres.',
  'printers.formatSocial': 'Name of a social-media image format. {width} and {height} are its size in pixels.',
  'printers.specPrint':
    'Specification of a print PDF at full size. {width} and {height} are the trim size in millimetres, {bleed} the bleed around it in millimetres.',
  'printers.specScaled':
    'Specification of a print PDF drawn smaller than its real size (billboards). {scale} is the reduction (10 for 1:10), {percent} the enlargement, e.g. “1000 %”; {width} and {height} the real trim size in millimetres; {fileWidth}, {fileHeight} and {bleed} the trim size and bleed inside the file, in millimetres.',
  'printers.specSocial': 'Specification of a social-media image (a PNG for screens).',
  'printers.checksumsNote': 'Note that the checksums in the tables are shortened. {digits} is how many characters are shown.',
  'printers.checksums': 'Link text to the file SHA256SUMS, which lists every file’s full SHA-256 checksum for the command sha256sum -c.',
  'printers.proof':
    'One sentence above print files that are proofs (marked “PROOF — NOT FOR PRINT”) while the campaign team has not yet confirmed a fact on them: phone numbers, the web address, the translations. The full list goes to the team, never to this page.',
  'printers.none': 'Shown when no print files have been built for the site.',
  'printers.specSheet':
    'Link text to the specification sheet: a PDF in the country’s languages and English listing every print file with its size, bleed, scale, colours, QR code address and checksum (it is also in the ZIP).',
  'specSheet.title': 'Title of the specification sheet in each country’s ZIP of print files. {country} is the country name.',
  'specSheet.intro': 'First paragraph of the specification sheet: what its table lists for each file of the ZIP. {country} is the country name.',
  'specSheet.printing':
    'Specification sheet: the colours and PDF version of the print files. {pdfx} is the PDF/X version, e.g. “PDF/X-1a:2001”; {condition} the printing condition’s registered name, e.g. “FOGRA39”.',
  'specSheet.billboard':
    'Specification sheet: how to enlarge a billboard file drawn at 1:10. {percent} is the enlargement, e.g. “1000 %”; {fileBleed} the bleed in the file and {bleed} on the board, in millimetres.',
  'specSheet.checksums': 'Specification sheet: how to check the files after unzipping them. {command} is the command, e.g. “sha256sum -c SHA256SUMS”.',
  'specSheet.trim': 'Specification sheet, table heading: the finished (trim) size in millimetres.',
  'specSheet.bleed': 'Specification sheet, table heading: the bleed around the trim in millimetres.',
  'specSheet.scale': 'Specification sheet, table heading: the scale the file is drawn at (1:1, or 1:10 for billboards).',
  'specSheet.colours': 'Specification sheet, table heading: colours, printing condition and PDF/X version of the file.',
  'specSheet.qr': 'Specification sheet, table heading: the web address the file’s QR code opens.',
  'notFound.title': 'Title of the 404 page.',
  'notFound.body': 'Body of the 404 page.',
} as const;

export type UiKey = keyof typeof uiStringKeys;
export type UiStrings = Partial<Record<UiKey, string>>;

// createTranslator (ICU MessageFormat, plural forms, English fallback key by key): messages.ts.
