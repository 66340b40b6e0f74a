/// <reference path="./vendor.d.ts" />
// @repo/print: poster templates → satori → SVG → PDF / PNG. Stages, each its own file:
//   jobs (content → one plain job per file; cards: one page card per planned site page) →
//   templates (job → element tree, copyfitted) →
//   render/svg (satori lays out boxes, render/text draws the glyphs, QR code, overflow check) →
//   render/pdf (boxes, marks, CMYK) + render/png.
export * from './cards.ts';
export * from './errors.ts';
export * from './fonts.ts';
export * from './geometry.ts';
export * from './glyphs.ts';
export * from './hash.ts';
export * from './html.ts';
export * from './jobs.ts';
export * from './measure.ts';
export * from './preflight.ts';
export * from './qr.ts';
export * from './render/pdf.ts';
export * from './render/png.ts';
export * from './render/poster.ts';
export * from './render/svg.ts';
export * from './render/svg-ops.ts';
export { proofText } from './templates/blocks.ts';
export { cardDrawnStrings } from './templates/card.ts';
export { drawnStrings } from './templates/layout.ts';
export { schemes } from './templates/schemes.ts';
export * from './zip.ts';
