import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Colour, type ColourName, colours, coloursCondition, type Printing, type PrintingConditionId, printingConditions, tokenCmyk } from '@repo/design';
import { PrintProblem } from '../errors.ts';

export type { Printing } from '@repo/design';

export type Cmyk = readonly [number, number, number, number];

/**
 * Everything that keeps `printing` from being written: a token without CMYK values for the
 * condition (one error per token), PDF/X-4 for a condition without an output profile. Empty: fine.
 */
export function printingProblems(printing: Printing): PrintProblem[] {
  const problems: PrintProblem[] = [];
  const { condition } = printing;
  const printingField = { file: 'content/campaign.yaml', field: 'printing' };
  for (const token of Object.keys(colours) as ColourName[]) {
    const c: Colour = colours[token];
    if (!(condition === coloursCondition ? c.cmyk : c.cmykIn?.[condition]))
      problems.push(new PrintProblem('TokenWithoutCmyk', { token, condition, coloursCondition }, { file: 'packages/design/src/index.ts', field: token }));
  }
  const profile: string | undefined = (printingConditions[condition] as { profile?: string }).profile;
  if (printing.pdfx === '4' && !profile) {
    problems.push(new PrintProblem('PdfxWithoutProfile', { condition }, printingField));
  } else if (printing.pdfx === '4' && profile && !existsSync(resolve(import.meta.dirname, '../../../..', profile))) {
    problems.push(new PrintProblem('PdfxProfileMissing', { profile, condition }, { file: profile }));
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
