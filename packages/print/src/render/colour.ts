import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ColourName, colours, type Printing, type PrintingConditionId, printingConditions, tokenCmyk } from '@repo/design';

export type { Printing } from '@repo/design';

export type Cmyk = readonly [number, number, number, number];

/**
 * Everything that keeps `printing` from being written: a token without CMYK values for the
 * condition (one error per token), PDF/X-4 for a condition without an output profile. Empty: fine.
 */
export function printingProblems(printing: Printing): Error[] {
  const problems: Error[] = [];
  for (const name of Object.keys(colours) as ColourName[]) {
    try {
      tokenCmyk(name, printing.condition);
    } catch (error) {
      problems.push(error as Error);
    }
  }
  const profile: string | undefined = (printingConditions[printing.condition] as { profile?: string }).profile;
  if (printing.pdfx === '4' && !profile) {
    problems.push(
      new Error(
        `PDF/X-4 embeds the printing condition's ICC output profile, and ${printing.condition} has none (printingConditions in packages/design/src/print.ts). ` +
          `Fix: add a redistributable profile under assets/icc/ (see assets/icc/README.md) and name it there, or write PDF/X-1a (printing.pdfx: 1a in content/campaign.yaml, no --pdfx 4).`,
      ),
    );
  } else if (printing.pdfx === '4' && profile && !existsSync(resolve(import.meta.dirname, '../../../..', profile))) {
    problems.push(
      new Error(
        `PDF/X-4 embeds ${profile}, the output profile of ${printing.condition}, and it is missing. Fix: node scripts/make-icc.ts (see assets/icc/README.md).`,
      ),
    );
  }
  return problems;
}

/** Screen colour (lower-case hex) → the design token it is. */
const tokenByScreen = new Map<string, ColourName>((Object.keys(colours) as ColourName[]).map((name) => [colours[name].screen.toLowerCase(), name]));

/**
 * The design token a template colour is. Templates style boxes with the tokens' screen colours (the
 * schemes in templates/schemes.ts, which the HTML version shows as they are); any other colour (a
 * typo, a colour made up in a template) fails the render instead of being converted by guess.
 */
export function tokenOf(colour: string, where: string): ColourName {
  const token = tokenByScreen.get(colour.toLowerCase());
  if (!token) throw new Error(`${where}: colour ${colour} is not a design token; templates may only use the colours in packages/design/src/index.ts`);
  return token;
}

/** Crop marks and the slug print on every plate: the registration colour, a Separation named All. */
export const registration = { name: 'All', cmyk: [100, 100, 100, 100] as Cmyk } as const;

/** K100, the only CMYK that overprints: black text, rules and QR modules print on top of what is under them. */
export function isK100(cmyk: readonly number[]): boolean {
  return cmyk[0] === 0 && cmyk[1] === 0 && cmyk[2] === 0 && cmyk[3] === 100;
}

/**
 * Whether a token overprints under a printing condition: K100 does (only the black plate is
 * painted, the colours under it stay), everything else knocks out. A token without values for the
 * condition throws (the preflight reports it first, with every other such token).
 */
export function overprints(token: ColourName, condition: PrintingConditionId): boolean {
  return isK100(tokenCmyk(token, condition));
}
