import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { pdfxVersions, printingConditions } from '@repo/design';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { cropMark, type Geometry, pdfBoxes, ptPerMm } from '../geometry.ts';
import { Memo } from '../memo.ts';
import { cmykFor, currentPrinting, type Printing, printingProblems, registration } from './colour.ts';
import { photoToCmyk } from './photo.ts';
import { overprintStates, type PdfOps, type SvgOpsOptions, svgToPdfOps } from './svg-ops.ts';

export { currentPrinting, type Printing, printingEnv, printingProblems } from './colour.ts';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Fixed date for CreationDate and ModDate (and the XMP dates), so the same content gives the same bytes. */
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
   * `svg-to-pdfkit` uses the library (about ten times slower here, same shapes and colours; for
   * comparison only: it writes no overprint, so K100 knocks out; the slug is always drawn directly).
   */
  engine?: 'direct' | 'svg-to-pdfkit';
  /**
   * The printing condition the CMYK is for and the PDF/X version to write. Default: the settings in
   * force (`currentPrinting()`: content/campaign.yaml `printing` and `--pdfx`, via the environment).
   */
  printing?: Printing;
}

/**
 * SVG of the bleed box → one-page PDF/X (X-1a:2001 or X-4, see `writePdfx`): MediaBox with room for
 * crop marks, BleedBox 3 mm beyond the trim, TrimBox at the finished size. Colours become the tokens'
 * exact CMYK for the printing condition (DeviceCMYK), K100 overprints, crop marks and slug are in
 * registration colour, anything that would be transparency throws, and the dates and IDs come from
 * `info.date` and the content, so the same input gives the same bytes.
 */
export async function svgToPdf(svg: string, g: Geometry, info: PdfInfo, options: PdfOptions): Promise<Buffer> {
  const printing = options.printing ?? currentPrinting();
  const problems = printingProblems(printing);
  if (problems.length) throw new Error(problems.map((e) => e.message).join('\n'));
  const colour = (rgb: readonly number[], raw?: string) => cmykFor(rgb, raw, printing.condition);
  const engine: Engine = { kind: options.engine ?? 'direct', compress: options.compress ?? true, colour };
  if (engine.kind === 'svg-to-pdfkit' && svg.includes('<image')) throw new Error('the svg-to-pdfkit engine would write photos as RGB: use the direct engine');
  // Photos become CMYK JPEGs before the document opens: sharp works asynchronously, pdfkit does not.
  let poster: Prepared | undefined;
  if (engine.kind === 'direct') {
    const ops = svgToPdfOps(svg, colour);
    poster = { ops, cmyk: await Promise.all(ops.images.map((i) => photoToCmyk(i.jpeg))) };
  }
  const marks = options.cropMarks && g.slug > 0;
  const slug = marks ? options.slugLabel : undefined;
  // The file ID and the XMP InstanceID: a hash of everything the file is made from.
  const contentHash = createHash('sha256')
    .update(JSON.stringify({ info, printing, engine: engine.kind, marks, geometry: g }))
    .update('\0')
    .update(svg)
    .update('\0')
    .update(slug?.svg ?? '')
    .digest();
  const doc = new PDFDocument({
    size: [g.mediaW, g.mediaH],
    margin: 0,
    pdfVersion: pdfxVersions[printing.pdfx].pdfVersion,
    // No default font: pdfkit would parse Helvetica's metrics for every file, and there is no text.
    font: null,
    compress: options.compress ?? true,
  });
  forbidTransparency(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  writePdfx(doc, info, printing, `campaign kit @repo/print (satori, ${engine.kind})`, contentHash);
  const boxes = pdfBoxes(g);
  doc.page.dictionary.data.BleedBox = boxes.bleed;
  doc.page.dictionary.data.TrimBox = boxes.trim;
  // pdfkit writes the default UserUnit 1, a PDF 1.6 key: out of place in a PDF 1.3 (X-1a) file.
  delete doc.page.dictionary.data.UserUnit;

  drawSvg(doc, 'Poster', svg, g.slug, g.slug, g.canvasW, g.canvasH, engine, poster);

  if (marks) {
    internals(doc).addSpotColor(registration.name, ...registration.cmyk);
    drawCropMarks(doc, g);
    if (slug) {
      // Always the direct engine: the slug's outlined text is in registration colour, which svg-to-pdfkit cannot write.
      const { svg: label, width, height } = slug;
      drawSvg(doc, 'Slug', label, g.slug + g.bleed + 6 * ptPerMm, (g.slug - height) / 2, width, height, { ...engine, kind: 'direct' }, undefined, {
        registration: registrationSpot(doc).id,
      });
    }
  }
  doc.end();
  return done;
}

/**
 * The parts of pdfkit 0.20 this writer reaches past its typed API (vendor.d.ts) for: the spot colour
 * it writes as a Separation, the Info dictionary, the catalog, the file ID and its XMP hook.
 */
interface PdfkitInternals {
  addSpotColor(name: string, c: number, m: number, y: number, k: number): void;
  spotColors: Record<string, { id: string; ref: PDFKitReference }>;
  info: Record<string, unknown>;
  _root: RawRef;
  _id: Uint8Array;
  endMetadata(): void;
}
/** A pdfkit object with its dictionary and compression flag. */
type RawRef = PDFKitReference & { data: Record<string, unknown>; compress: boolean };
const internals = (doc: PDFDocument) => doc as unknown as PdfkitInternals;

interface Engine {
  kind: 'direct' | 'svg-to-pdfkit';
  compress: boolean;
  /** Screen colour → the token's CMYK for the printing condition. */
  colour: (rgb: readonly number[], raw?: string) => readonly [number, number, number, number];
}

/** pdfkit's Separation for the registration colour (`addSpotColor`), once it is added. */
function registrationSpot(doc: PDFDocument): { id: string; ref: PDFKitReference } {
  const spot = internals(doc).spotColors[registration.name];
  if (!spot) throw new Error('the registration colour is not defined in this document');
  return spot;
}

/**
 * Makes the document PDF/X: the Info dictionary (direct values, as preflight tools expect them),
 * `/Trapped /False` (nobody traps these files: K100 overprints, the rest are flat areas of token
 * colours), the GTS_PDFX output intent naming the printing condition, the trailer ID; for X-4 also
 * the condition's ICC output profile and an XMP packet stating the same as the Info dictionary.
 */
function writePdfx(doc: PDFDocument, info: PdfInfo, printing: Printing, creator: string, contentHash: Buffer) {
  const x = pdfxVersions[printing.pdfx];
  const condition: { identifier: string; registryName: string; description: string; profile?: string } = printingConditions[printing.condition];
  const x4 = printing.pdfx === '4';
  const fields = {
    Title: info.title,
    Author: info.author,
    Subject: info.subject,
    Keywords: info.keywords,
    Creator: creator,
    Producer: 'PDFKit',
  };
  const infoDict: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, new String(v)])),
    CreationDate: info.date,
    ModDate: info.date,
    // A plain string becomes a PDF name (`/False`, as Trapped must be); a String object a PDF string.
    Trapped: 'False',
    GTS_PDFXVersion: new String(x4 ? 'PDF/X-4' : 'PDF/X-1:2001'),
    ...(x4 ? {} : { GTS_PDFXConformance: new String('PDF/X-1a:2001') }),
  };
  // pdfkit writes each Info entry as an indirect object and every string as a string: it gets this
  // dictionary instead (its own info stays empty), in the object it creates when the document ends.
  const pdfkit = internals(doc);
  let infoRef: RawRef | undefined;
  Object.defineProperty(doc, '_info', {
    configurable: true,
    get: () => infoRef,
    set: (ref: RawRef) => {
      ref.data = infoDict;
      infoRef = ref;
    },
  });
  pdfkit.info = {};
  // pdfkit would add its own XMP packet to a PDF 1.4+ file (without the PDF/X fields, and unescaped).
  pdfkit.endMetadata = () => {};
  // Both halves of the trailer ID: the file is new each time it is made.
  pdfkit._id = contentHash.subarray(0, 16);

  const intent: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(condition.identifier),
    RegistryName: new String(condition.registryName),
    OutputCondition: new String(condition.description),
    Info: new String(condition.description),
  };
  const root = pdfkit._root;
  if (x4) {
    if (!condition.profile) throw new Error(`PDF/X-4 needs an output profile for ${printing.condition}`);
    const profile = outputProfile(condition.profile);
    const ref = doc.ref({ N: 4, Alternate: 'DeviceCMYK', Filter: 'FlateDecode' });
    ref.end(profile);
    intent.DestOutputProfile = ref;
    const xmp = Buffer.from(
      xmpPacket({ ...fields, date: info.date, documentId: uuid(sha256(`document\0${info.keywords}`)), instanceId: uuid(contentHash), pdfx: x.label }),
      'utf8',
    );
    const metadata = doc.ref({ Type: 'Metadata', Subtype: 'XML' }) as RawRef;
    // Uncompressed, so that tools that do not parse PDF can still find the packet.
    metadata.compress = false;
    metadata.end(xmp);
    root.data.Metadata = metadata;
  }
  root.data.OutputIntents = [intent];
}

/** The ICC output profile, Flate-compressed once per process. */
const profiles = new Memo<string, Buffer>(8);
const repoRoot = resolve(import.meta.dirname, '../../../..');
function outputProfile(path: string): Buffer {
  return profiles.get(path, () => deflateSync(readFileSync(resolve(repoRoot, path)), { level: 9 }));
}

/**
 * What of the printing settings shapes a PDF's bytes, for its input hash: the condition, the PDF/X
 * version and, for PDF/X-4, the SHA-256 of the output profile it embeds (assets/icc/ lies outside the
 * source folders the code hash covers).
 */
export function printingHashInput(printing: Printing = currentPrinting()): string {
  const profile: string | undefined = printing.pdfx === '4' ? (printingConditions[printing.condition] as { profile?: string }).profile : undefined;
  const profileHash = profile ? profileHashes.get(profile, fileSha256) : '';
  return `${printing.condition} PDF/X-${printing.pdfx} ${profileHash}`.trim();
}
const profileHashes = new Memo<string, string>(8);
/** A missing profile is the preflight's to report (`printingProblems`), not the input hash's. */
function fileSha256(path: string): string {
  const file = resolve(repoRoot, path);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing';
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A UUID (RFC 9562 version 8: custom, here the first 16 bytes of a SHA-256) from a hash. */
function uuid(hash: Buffer): string {
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The XMP packet of a PDF/X-4 file: the PDF/X version (pdfxid), trapping, the Info dictionary's
 * fields (dc, xmp, pdf), and the document and instance IDs with version and rendition class (xmpMM).
 */
function xmpPacket(
  m: Record<'Title' | 'Author' | 'Subject' | 'Keywords' | 'Creator' | 'Producer', string> & {
    date: Date;
    documentId: string;
    instanceId: string;
    pdfx: string;
  },
) {
  const date = m.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '  xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.Title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(m.Author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.Subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(m.Creator)}</xmp:CreatorTool>`,
    `<xmpMM:DocumentID>${m.documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${m.instanceId}</xmpMM:InstanceID>`,
    '<xmpMM:VersionID>1</xmpMM:VersionID>',
    '<xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    `<pdf:Producer>${xml(m.Producer)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(m.Keywords)}</pdf:Keywords>`,
    '<pdf:Trapped>False</pdf:Trapped>',
    `<pdfxid:GTS_PDFXVersion>${m.pdfx}</pdfxid:GTS_PDFXVersion>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
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
  engine: Engine,
  prepared?: Prepared,
  opsOptions?: SvgOpsOptions,
) {
  if (engine.kind === 'direct') {
    const { content, symbols, images, overprint } = prepared?.ops ?? svgToPdfOps(svg, engine.colour, opsOptions);
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
    const resources: Record<string, unknown> = {};
    if (Object.keys(xobjects).length) resources.XObject = xobjects;
    if (overprint) resources.ExtGState = overprintRefs(doc);
    if (opsOptions?.registration) resources.ColorSpace = { [opsOptions.registration]: registrationSpot(doc).ref };
    const form = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, width, height],
      Resources: resources,
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
      return [[...engine.colour(rgb, raw)], alpha];
    },
    warningCallback: (w) => warnings.push(w),
  });
  if (warnings.length) throw new Error(`svg-to-pdfkit could not draw everything: ${warnings.join('; ')}`);
}

/** The overprint graphics states (svg-ops.ts `overprintStates`), one object each per document. */
const overprintObjects = new WeakMap<PDFDocument, Record<string, PDFKitReference>>();
function overprintRefs(doc: PDFDocument): Record<string, PDFKitReference> {
  let refs = overprintObjects.get(doc);
  if (!refs) {
    refs = Object.fromEntries(
      Object.entries(overprintStates).map(([name, state]) => {
        const ref = doc.ref({ ...state });
        ref.end();
        return [name, ref];
      }),
    );
    overprintObjects.set(doc, refs);
  }
  return refs;
}

/**
 * Eight marks at the trim lines, starting 2 mm beyond the bleed, in registration colour: the
 * Separation /All (tint 1, alternate DeviceCMYK 100/100/100/100), which prints on every plate.
 */
function drawCropMarks(doc: PDFDocument, g: Geometry) {
  const t0 = g.slug + g.bleed;
  const xs = [t0, g.mediaW - t0];
  const ys = [t0, g.mediaH - t0];
  const start = g.bleed + cropMark.gapMm * ptPerMm;
  const length = cropMark.lengthMm * ptPerMm;
  doc.save().lineWidth(cropMark.lineWidthPt).strokeColor(registration.name);
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
