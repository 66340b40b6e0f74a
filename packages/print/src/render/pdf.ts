import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { cropMark, type Geometry, pdfBoxes, ptPerMm } from '../geometry.ts';
import { Memo } from '../memo.ts';
import { cmykFor, registration } from './colour.ts';
import { photoToCmyk } from './photo.ts';
import { type PdfOps, svgToPdfOps } from './svg-ops.ts';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Fixed date for CreationDate and ModDate (and so for the file ID pdfkit derives from the info). */
  date: Date;
}

export interface PdfOptions {
  cropMarks: boolean;
  /** Small SVG (outlined text) printed in the slug above the trim: what the file is and its scale. */
  slugLabel?: { svg: string; width: number; height: number };
  /** Write streams uncompressed (for reading a PDF back in tests). */
  compress?: boolean;
  /**
   * How SVG becomes PDF operators: `direct` (default) converts satori's flat rects and paths itself;
   * `svg-to-pdfkit` uses the library (about ten times slower here, same shapes and colours).
   */
  engine?: 'direct' | 'svg-to-pdfkit';
}

/**
 * SVG of the bleed box → one-page PDF: MediaBox with room for crop marks, BleedBox 3 mm beyond the
 * trim, TrimBox at the finished size. Colours become the tokens' exact CMYK (DeviceCMYK), anything
 * that would be transparency throws, and the dates and ID come from `info.date`, so the same input
 * gives the same bytes.
 */
export async function svgToPdf(svg: string, g: Geometry, info: PdfInfo, options: PdfOptions): Promise<Buffer> {
  const engine = { kind: options.engine ?? 'direct', compress: options.compress ?? true } as const;
  if (engine.kind === 'svg-to-pdfkit' && svg.includes('<image')) throw new Error('the svg-to-pdfkit engine would write photos as RGB: use the direct engine');
  // Photos become CMYK JPEGs before the document opens: sharp works asynchronously, pdfkit does not.
  let poster: Prepared | undefined;
  if (engine.kind === 'direct') {
    const ops = svgToPdfOps(svg, cmykFor);
    poster = { ops, cmyk: await Promise.all(ops.images.map((i) => photoToCmyk(i.jpeg))) };
  }
  const doc = new PDFDocument({
    size: [g.mediaW, g.mediaH],
    margin: 0,
    // No default font: pdfkit would parse Helvetica's metrics for every file, and there is no text.
    font: null,
    compress: options.compress ?? true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: `campaign kit @repo/print (satori, ${options.engine ?? 'direct'})`,
      Producer: 'PDFKit',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  forbidTransparency(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const boxes = pdfBoxes(g);
  doc.page.dictionary.data.BleedBox = boxes.bleed;
  doc.page.dictionary.data.TrimBox = boxes.trim;

  drawSvg(doc, 'Poster', svg, g.slug, g.slug, g.canvasW, g.canvasH, engine, poster);

  if (options.cropMarks && g.slug > 0) {
    drawCropMarks(doc, g);
    if (options.slugLabel) {
      const { svg: label, width, height } = options.slugLabel;
      drawSvg(doc, 'Slug', label, g.slug + g.bleed + 6 * ptPerMm, (g.slug - height) / 2, width, height, engine);
    }
  }
  doc.end();
  return done;
}

type PDFKitReference = ReturnType<PDFDocument['ref']>;

/** An SVG's operators with its photos already in CMYK. */
interface Prepared {
  ops: PdfOps;
  cmyk: Buffer[];
}

const compressedSymbols = new Memo<string, Buffer>(20_000);

/** Glyph form XObjects already written to a document, by symbol id. */
const symbolForms = new WeakMap<PDFDocument, Map<string, PDFKitReference>>();

/**
 * Draws an SVG whose user units are points with its top-left corner at (x, y). The direct engine puts
 * the operators in a form XObject compressed at zlib level 1 (pdfkit always uses level 6, which took
 * 100 ms per A4 poster of outlines here, for 16 % smaller files).
 */
function drawSvg(
  doc: PDFDocument,
  name: string,
  svg: string,
  x: number,
  y: number,
  width: number,
  height: number,
  engine: { kind: 'direct' | 'svg-to-pdfkit'; compress: boolean },
  prepared?: Prepared,
) {
  if (engine.kind === 'direct') {
    const { content, symbols, images } = prepared?.ops ?? svgToPdfOps(svg, cmykFor);
    if (images.length && !prepared) throw new Error(`${name}: photos must be converted to CMYK first`);
    const stream = (ops: string) => {
      const bytes = Buffer.from(ops, 'latin1');
      return engine.compress ? deflateSync(bytes, { level: 1 }) : bytes;
    };
    // A glyph's stream is the same in every file: compress it once per process (one zlib call costs
    // more than the few hundred bytes it compresses).
    const glyphStream = (ops: string) => (engine.compress ? compressedSymbols.get(ops, stream) : stream(ops));
    // Each glyph outline is one form XObject for the whole document (the poster and the slug share them).
    let shared = symbolForms.get(doc);
    if (!shared) {
      shared = new Map();
      symbolForms.set(doc, shared);
    }
    const xobjects: Record<string, PDFKitReference> = {};
    for (const s of symbols) {
      let ref = shared.get(s.id);
      if (!ref) {
        ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: s.bbox, Resources: {}, ...(engine.compress ? { Filter: 'FlateDecode' } : {}) });
        ref.end(glyphStream(s.ops));
        shared.set(s.id, ref);
      }
      xobjects[s.id] = ref;
    }
    images.forEach((image, i) => {
      // DeviceCMYK JPEG (DCTDecode); pdfkit adds the inverted Decode array Adobe-style CMYK JPEGs need.
      const embedded = doc.openImage(prepared?.cmyk[i] as Buffer);
      embedded.embed(doc);
      xobjects[image.name] = embedded.obj;
    });
    const form = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, width, height],
      Resources: Object.keys(xobjects).length ? { XObject: xobjects } : {},
      ...(engine.compress ? { Filter: 'FlateDecode' } : {}),
    });
    form.end(stream(content));
    doc.page.xobjects[name] = form;
    // pdfkit's page already maps y downwards from the top-left corner, as SVG does.
    doc.addContent(`q 1 0 0 1 ${x} ${y} cm /${name} Do Q`);
    return;
  }
  const warnings: string[] = [];
  SVGtoPDF(doc, svg, x, y, {
    width,
    height,
    assumePt: true,
    colorCallback: (colour, raw) => {
      if (!colour) return colour as never;
      const [rgb, alpha] = colour;
      // svg-to-pdfkit converts its defaults (black, white, transparent at alpha 0) once per call; a
      // fill that is actually drawn with alpha below 1 trips forbidTransparency().
      if (alpha !== 1 && alpha !== 0) throw new Error(`colour ${raw} has opacity ${alpha}: print templates must be flat`);
      if (rgb.length === 4) return colour;
      return [[...cmykFor(rgb, raw)], alpha];
    },
    warningCallback: (w) => warnings.push(w),
  });
  if (warnings.length) throw new Error(`svg-to-pdfkit could not draw everything: ${warnings.join('; ')}`);
}

/** Eight marks at the trim lines, starting 2 mm beyond the bleed, in registration colour. */
function drawCropMarks(doc: PDFDocument, g: Geometry) {
  const t0 = g.slug + g.bleed;
  const xs = [t0, g.mediaW - t0];
  const ys = [t0, g.mediaH - t0];
  const start = g.bleed + cropMark.gapMm * ptPerMm;
  const length = cropMark.lengthMm * ptPerMm;
  doc
    .save()
    .lineWidth(cropMark.lineWidthPt)
    .strokeColor([...registration]);
  for (const x of xs) {
    for (const y of ys) {
      const dy = y === ys[0] ? -1 : 1;
      const dx = x === xs[0] ? -1 : 1;
      // Vertical mark above/below the corner, horizontal mark left/right of it.
      doc
        .moveTo(x, y + dy * start)
        .lineTo(x, y + dy * (start + length))
        .stroke();
      doc
        .moveTo(x + dx * start, y)
        .lineTo(x + dx * (start + length), y)
        .stroke();
    }
  }
  doc.restore();
}

/** Any opacity below 1 (what satori's opacity, gradients or masks would produce) is an error, not a soft mask. */
function forbidTransparency(doc: PDFDocument) {
  const guard = (name: string) => (value: number | undefined) => {
    if (value !== undefined && value !== null && value < 1) throw new Error(`${name}(${value}): print files must have no transparency`);
    return doc;
  };
  doc.fillOpacity = guard('fillOpacity');
  doc.strokeOpacity = guard('strokeOpacity');
  doc.opacity = guard('opacity');
}
