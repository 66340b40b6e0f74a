import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ColourName,
  colours,
  defaultPrinting,
  type PdfxVersion,
  type PrintingConditionId,
  pdfxVersionIds,
  printingConditionIds,
  printingConditions,
  tokenCmyk,
} from '@repo/design';

type Cmyk = readonly [number, number, number, number];

/** What the print files are made for: the printing condition their CMYK is for, and their PDF/X version. */
export interface Printing {
  condition: PrintingConditionId;
  pdfx: PdfxVersion;
}

/**
 * The environment variables that carry the printing settings to the renderer and its worker threads
 * (which inherit the environment): apps/print's CLI sets them from content/campaign.yaml `printing`
 * and `--pdfx`. Unset: FOGRA39, PDF/X-1a.
 */
export const printingEnv = { condition: 'PRINTING_CONDITION', pdfx: 'PDFX' } as const;

/** The printing settings in force (see `printingEnv`); an unknown value is an error saying what is known. */
export function currentPrinting(env: NodeJS.ProcessEnv = process.env): Printing {
  const condition = env[printingEnv.condition] || defaultPrinting.condition;
  const pdfx = env[printingEnv.pdfx] || defaultPrinting.pdfx;
  if (!printingConditionIds.includes(condition as PrintingConditionId)) {
    throw new Error(
      `${printingEnv.condition}=${condition} is not a known printing condition; the known conditions are ${printingConditionIds.join(', ')} (set printing.condition in content/campaign.yaml)`,
    );
  }
  if (!pdfxVersionIds.includes(pdfx as PdfxVersion)) {
    throw new Error(`${printingEnv.pdfx}=${pdfx} (or --pdfx ${pdfx}) is not a PDF/X version this kit writes: use 1a (PDF/X-1a:2001) or 4 (PDF/X-4)`);
  }
  return { condition: condition as PrintingConditionId, pdfx: pdfx as PdfxVersion };
}

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

/** Screen colour (as r,g,b) → the design token it is, for every token. */
const tokenByRgb = new Map<string, ColourName>((Object.keys(colours) as ColourName[]).map((name) => [hexToRgb(colours[name].screen).join(','), name]));
// svg-to-pdfkit's own defaults (initial fill black, white for clips) map to ink and paper.
tokenByRgb.set('0,0,0', 'ink');
tokenByRgb.set('255,255,255', 'paper');

/** Crop marks and the slug print on every plate: the registration colour, a Separation named All. */
export const registration = { name: 'All', cmyk: [100, 100, 100, 100] as Cmyk } as const;

/** K100, the only CMYK that overprints: black text, rules and QR modules print on top of what is under them. */
export function isK100(cmyk: readonly number[]): boolean {
  return cmyk[0] === 0 && cmyk[1] === 0 && cmyk[2] === 0 && cmyk[3] === 100;
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The CMYK a screen colour prints as under a printing condition (default: the one in force). Only
 * design tokens may appear on a poster: any other colour (anti-aliasing, a typo in a template) fails
 * loudly instead of being converted by guess, and so does a token without values for the condition.
 */
export function cmykFor(rgb: readonly number[], raw?: string, condition: PrintingConditionId = currentPrinting().condition): Cmyk {
  const token = tokenByRgb.get(rgb.join(','));
  if (!token) {
    throw new Error(`colour ${raw ?? `rgb(${rgb.join(', ')})`} is not a design token; templates may only use the colours in packages/design/src/index.ts`);
  }
  return tokenCmyk(token, condition);
}
