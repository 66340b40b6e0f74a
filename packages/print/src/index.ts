/// <reference path="./vendor.d.ts" />
// @repo/print: poster templates → satori's boxes → a display list → two writers (PDF/X, SVG → PNG).
// Stages, each its own file:
//   jobs (content → one plain job per file, its printing settings on it; cards: one page card per planned site page) →
//   templates (job → element tree, copyfitted by measurement; text boxes named in text-boxes.ts) →
//   render/layout (satori lays the tree out and reports every box as numbers) →
//   render/paint (boxes → display list: rects, glyph runs, QR modules, photo, marks; colour, overprint) →
//   render/pdf-ops + render/pdf (PDF/X) and render/svg + render/png (preview, social images).
export * from './cards.ts';
export * from './errors.ts';
export * from './fonts.ts';
export * from './geometry.ts';
export * from './glyphs.ts';
export * from './hash.ts';
export * from './html.ts';
export * from './jobs.ts';
export * from './manifest.ts';
export * from './measure.ts';
export * from './preflight.ts';
export * from './qr.ts';
export { type Printing, printingProblems } from './render/colour.ts';
export * from './render/display-list.ts';
export { layoutJob, type RenderJob } from './render/layout.ts';
export { specLine } from './render/marks.ts';
export { type DrawnJob, displayList } from './render/paint.ts';
export { type PdfInfo, type PdfOptions, printingHashInput, writePdf } from './render/pdf.ts';
export { encodePng, listToPng } from './render/png.ts';
export * from './render/poster.ts';
export { listToSvg, type SvgView } from './render/svg.ts';
export * from './spec-sheet.ts';
export { proofText } from './templates/blocks.ts';
export { cardDrawnStrings } from './templates/card.ts';
export { drawnStrings } from './templates/layout.ts';
export { schemes } from './templates/schemes.ts';
export * from './text-boxes.ts';
export * from './zip.ts';
