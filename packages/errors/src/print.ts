// Print preflight (packages/print/src/preflight.ts, apps/print): what stops a print file from being
// made, found before anything renders. Each names the content file and field it comes from (a design's
// lines.<locale>.<box>, a country's helplines, campaign.yaml), the locale and the formats.
import { codePoint, defineGroup, entry } from './define.ts';

export const printErrors = defineGroup('print', {
  GlyphMissing: entry<{ char: string; text: string; label: string }>({
    title: 'Character no poster font has',
    message: (a) => `no poster font has the character "${a.char}" (${codePoint(a.char)}) in "${a.text}" (${a.label})`,
    hint: () => 'replace the character, or add a font that covers it to packages/print/src/fonts.ts',
    cause: (a) => `${a.char}\u0000${a.text}`,
  }),
  TextOverflow: entry<{ box: string; label: string; reason: string; text: string; fix: string }>({
    title: 'Text does not fit its box',
    message: (a) => `the ${a.label} does not fit: ${a.reason}. Text: "${a.text}"`,
    hint: (a) => a.fix,
    cause: (a) => `${a.box}\u0000${a.text}`,
  }),
  PhotoTooSmall: entry<{
    file: string;
    width: number;
    height: number;
    dpi: number;
    widthMm: number;
    heightMm: number;
    minDpi: number;
    needWidth: number;
    needHeight: number;
    format: string;
    design: string;
  }>({
    title: 'Photo too small for its printed size',
    message: (a) =>
      `the photo ${a.file} is ${a.width} × ${a.height} px: ${a.dpi} dpi at its printed size of ${a.widthMm} × ${a.heightMm} mm (with bleed), below the ${a.minDpi} dpi print needs`,
    hint: (a) =>
      `use a photo at least ${a.needWidth} px wide and ${a.needHeight} px high, or drop the format ${a.format} from content/posters/${a.design}.yaml`,
  }),
  TokenWithoutCmyk: entry<{ token: string; condition: string; coloursCondition: string }>({
    title: 'Colour token without values for the printing condition',
    message: (a) => `colour token "${a.token}" has no CMYK values for the printing condition ${a.condition} (its cmyk values are for ${a.coloursCondition})`,
    hint: (a) =>
      `add measured ${a.condition} values as cmykIn: { ${a.condition}: [c, m, y, k] } to "${a.token}" in packages/design/src/index.ts, or set printing.condition to ${a.coloursCondition} in content/campaign.yaml`,
  }),
  PdfxWithoutProfile: entry<{ condition: string }>({
    title: 'PDF/X-4 for a condition without an output profile',
    message: (a) =>
      `PDF/X-4 embeds the printing condition's ICC output profile, and ${a.condition} has none (printingConditions in packages/design/src/print.ts)`,
    hint: () =>
      'add a redistributable profile under assets/icc/ (see assets/icc/README.md) and name it there, or write PDF/X-1a (printing.pdfx: 1a in content/campaign.yaml, no --pdfx 4)',
  }),
  PdfxProfileMissing: entry<{ profile: string; condition: string }>({
    title: 'Output profile file missing',
    message: (a) => `PDF/X-4 embeds ${a.profile}, the output profile of ${a.condition}, and it is missing`,
    hint: () => 'node scripts/make-icc.ts (see assets/icc/README.md)',
  }),
  SpecSheetGlyphMissing: entry<{ country: string; locale: string; char: string; text: string; source: string }>({
    title: 'Character no font of the spec sheet has',
    message: (a) => `spec sheet of ${a.country}, locale ${a.locale}: no font has the character "${a.char}" (${codePoint(a.char)}) in "${a.text}"`,
    hint: (a) => `write it with characters Noto Sans has (Latin, Cyrillic, Greek) in ${a.source}`,
  }),
  RenderFailed: entry<{ key: string; name: string; message: string }>({
    title: 'A print file failed to render',
    message: (a) => `${a.key}: ${a.message}`,
    hint: () => 'run the build again; if it fails the same way, the message above names what stopped the renderer',
  }),
});
