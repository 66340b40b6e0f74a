import { colours, type PosterTemplateId } from '@repo/design';

/**
 * A template's colours, all design tokens (so every one has an exact CMYK value). Flat colours only:
 * no gradients, no opacity. Dark text is `ink` (K100 in print); reversed text is `paper`.
 */
export interface Scheme {
  message: { bg: string; headline: string; body: string; rule: string; mark: string; markSquare: string };
  cta: { bg: string; text: string };
  footer: { bg: string; text: string; qrBg: string; qrInk: string; rule: string };
  proof: { bg: string; text: string };
}

const c = (name: keyof typeof colours) => colours[name].screen;

/** The templates named in packages/design/src/print.ts, by id. */
export const schemes: Record<PosterTemplateId, Scheme> = {
  panel: {
    message: { bg: c('brand'), headline: c('paper'), body: c('paper'), rule: c('accent'), mark: c('paper'), markSquare: c('accent') },
    cta: { bg: c('accent'), text: c('ink') },
    footer: { bg: c('paper'), text: c('ink'), qrBg: c('paper'), qrInk: c('ink'), rule: c('brand') },
    proof: { bg: c('warning'), text: c('paper') },
  },
  stark: {
    message: { bg: c('paper'), headline: c('ink'), body: c('ink'), rule: c('brand'), mark: c('brand'), markSquare: c('accent') },
    cta: { bg: c('brand'), text: c('paper') },
    footer: { bg: c('tint'), text: c('ink'), qrBg: c('paper'), qrInk: c('ink'), rule: c('brand') },
    proof: { bg: c('warning'), text: c('paper') },
  },
};
