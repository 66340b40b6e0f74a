// The catalogue's contract: codes are PascalCase names, unique across groups, and never renamed or
// removed (tests, reports and editors rely on them; see README). Adding an error adds its code to the
// list below; renaming one fails here on purpose.
import { describe, expect, it } from 'vitest';
import { catalogue, causeKey, describe as describeError, errorGroups, groupOf, groups, isErrorCode } from '../src/index.ts';

const codes: Record<(typeof errorGroups)[number], string[]> = {
  content: [
    'YamlSyntax',
    'FieldMissing',
    'FieldUnknown',
    'FieldWrongType',
    'FieldNotOneOf',
    'FieldInvalid',
    'NotNamedAfterFile',
    'UnknownLocale',
    'ContentFileMissing',
    'PagesFolderMissing',
    'HomePageMissing',
    'SourceUiMissing',
    'ContentUnreadable',
    'PreviewCountryMissing',
    'NoCountryFiles',
    'UnknownSource',
    'DuplicateId',
    'FigureScopeUnknownCountry',
    'RecheckMonthsInvalid',
    'DefaultLanguageNotSpoken',
    'CountryWithoutEnglish',
    'LanguageListedTwice',
    'DuplicateHelplineId',
    'HelplineOfOtherCountry',
    'UiFileUnknownLocale',
    'UiLocaleNotSpoken',
    'UiMessageInvalid',
    'RecordsOfEnglish',
    'RecordsUnknownLocale',
    'PageFolderUnknownLocale',
    'PageLocaleNotSpoken',
    'PageWithoutFrontmatter',
    'NoEnglishOriginal',
    'AudienceDiffers',
    'EnglishPageNotSource',
    'TranslationMarkedSource',
    'ReviewerMissing',
    'RoleDescriptionMissing',
    'SlugNotAscii',
    'DuplicateSlug',
    'HomeSlugNotEmpty',
    'EmptySlug',
    'SlugAddressTaken',
    'SlugAddressReserved',
    'LocalesFileMissing',
    'LocaleDeclaredTwice',
    'LocalePathTaken',
    'DerivedFromUnknownLocale',
    'EnglishNotDeclared',
    'LocaleTagInvalid',
    'LocaleTagNotCanonical',
    'ScriptWithoutFonts',
    'LocalePathMismatch',
    'LocaleScriptMismatch',
    'LocaleDirectionMismatch',
    'LocalePluralsMismatch',
    'WrongScript',
    'PhoneNotAHelpline',
    'HelplineNumberMismatch',
    'UiStringsMissing',
  ],
  mdx: [
    'MdxSyntax',
    'PageImportsCode',
    'UnknownComponent',
    'AttributeExpression',
    'FigureWithoutId',
    'UnknownFigure',
    'FigureOutOfScope',
    'CiteWithoutId',
    'CallWithoutNumber',
    'CallNotAHelpline',
    'ForCountryUnknownAttribute',
    'ForCountryNoCondition',
    'ForCountryEmptyList',
    'ForCountryUnknownRole',
    'ForCountryUnknownCountry',
    'ImageWithoutText',
    'ImgWithoutAlt',
    'ForeignImage',
    'ForeignScript',
    'ScriptInPage',
    'ForeignFile',
    'ForeignStyle',
    'EventHandler',
    'LinkWithoutSlash',
    'LinkToPageNotOnSite',
    'LinkToNowhere',
    'PhoneNotInCall',
  ],
  posters: [
    'FormatListedTwice',
    'PosterPageMissing',
    'PosterPageAudience',
    'EnglishLinesNotSource',
    'TranslatedLinesMarkedSource',
    'EnglishLinesMissing',
    'PosterLinesMissing',
    'PosterLinesUnused',
    'NoCountryForAudience',
    'BillboardLinesMissing',
    'BillboardTooManyWords',
    'PhotoMissing',
    'PhotoUnreadable',
  ],
  release: [
    'HelplineUnverified',
    'HelplineFuture',
    'HelplineExpired',
    'ReservedDomain',
    'PosterTextDraft',
    'PosterTextMissing',
    'PrintedTextMissing',
    'PrintedTextOutdated',
  ],
  print: [
    'GlyphMissing',
    'TextOverflow',
    'PhotoTooSmall',
    'TokenWithoutCmyk',
    'PdfxWithoutProfile',
    'PdfxProfileMissing',
    'SpecSheetGlyphMissing',
    'RenderFailed',
  ],
  gates: [
    'RobotsTxtMissing',
    'SitemapMissing',
    'SitemapForeignEntry',
    'LinkRedirects',
    'BrokenLink',
    'LinkFailed',
    'AnchorMissing',
    'LinkSwitchesLanguage',
    'HeadersFileMissing',
    'HeaderMissing',
    'HeaderWrong',
    'CspMetaMissing',
    'CspNotStrict',
    'CspMetaLate',
    'ForeignResource',
    'ForeignSrcset',
    'ForeignCss',
    'ForeignCssImport',
    'InlineHandler',
    'InlineStyle',
    'ForeignRequest',
    'CookieSet',
    'StorageWrite',
    'StorageLeftover',
    'IndexedDbLeftover',
    'CacheStorageLeftover',
    'CspBlocked',
    'ScriptError',
    'PageDidNotLoad',
    'PageHttpStatus',
    'AxeViolation',
    'PageTooWide',
    'NoCallLink',
    'FirstNumberOffScreen',
    'FirstNumberCovered',
    'FirstNumberSmallTarget',
    'FirstNumberSmallType',
    'FirstNumberNoPurpose',
    'NumbersUnreachable',
    'TargetUnderStickyBar',
    'HeadlineOffScreen',
    'NumberNotLinked',
    'CharactersWithoutGlyph',
    'InternalNameShown',
    'HtmlOverBudget',
    'CssOverBudget',
    'JsOverBudget',
    'FirstLoadOverBudget',
    'OnlyInFirstBuild',
    'OnlyInSecondBuild',
    'BuildsDiffer',
  ],
};

describe('the error catalogue', () => {
  it('has every group, each with exactly its codes, in a stable order', () => {
    expect(Object.keys(groups)).toEqual([...errorGroups]);
    for (const group of errorGroups) expect(Object.keys(groups[group]), group).toEqual(codes[group]);
  });

  it('gives every code one entry: unique across groups, PascalCase, with a title, a message and a hint', () => {
    const all = Object.values(codes).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(catalogue).sort()).toEqual([...all].sort());
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(code).toMatch(/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/);
      expect(entry.title, code).toMatch(/^[A-Z].*[^.]$/);
      expect(typeof entry.message, code).toBe('function');
      expect(typeof entry.hint, code).toBe('function');
      expect(isErrorCode(code)).toBe(true);
      expect(groupOf(code as keyof typeof catalogue)).toBe(errorGroups.find((g) => codes[g].includes(code)));
    }
    expect(isErrorCode('NoSuchError')).toBe(false);
  });

  it('builds the words from the arguments: what and why in the message, what to do in the hint', () => {
    const figure = describeError('FigureOutOfScope', { id: 'md-fixture', scope: ['md'], sites: ['gr', 'si'] });
    expect(figure).toEqual({
      code: 'FigureOutOfScope',
      args: { id: 'md-fixture', scope: ['md'], sites: ['gr', 'si'] },
      title: 'Figure about another country',
      message: 'quotes figure "md-fixture", which is about md only (scope [md]), but the gr and si sites show it here',
      hint: 'wrap it in <ForCountry countries="md">…</ForCountry> or quote a region-wide figure (scope world, eu or region)',
    });
    expect(describeError('GlyphMissing', { char: 'Ħ', text: 'Ħello', label: 'design "x" headline' }).message).toContain('"Ħ" (U+0126)');
    expect(() => describeError('NoSuchError' as 'BrokenLink', { target: '/' })).toThrow(/No error "NoSuchError" in the catalogue/);
  });

  it('says which arguments make two reports one cause', () => {
    // Help-first's type size differs by a fraction from page to page; the cause is the template's.
    expect(causeKey('FirstNumberSmallType', { ratio: '1.20', screen: '360 × 640', min: 1.5 })).toBe(
      causeKey('FirstNumberSmallType', { ratio: '1.10', screen: '320 × 568', min: 1.5 }),
    );
    // Without `cause`, all arguments: another address is another cause.
    expect(causeKey('BrokenLink', { target: '/a/' })).not.toBe(causeKey('BrokenLink', { target: '/b/' }));
    expect(causeKey('AxeViolation', { rule: 'link-name', html: '<a href="/x/"></a>', target: 'a:nth-child(2)' })).toBe(
      causeKey('AxeViolation', { rule: 'link-name', html: '<a href="/x/"></a>', target: 'main > p > a' }),
    );
  });
});
