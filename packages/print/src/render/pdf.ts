import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { type Printing, pdfxVersions, printingConditions, tokenCmyk } from '@repo/design';
import PDFDocument from 'pdfkit';
import type { Geometry } from '../geometry.ts';
import { pdfBoxes } from '../geometry.ts';
import { Memo } from '../memo.ts';
import { printingProblems, registration } from './colour.ts';
import type { CropMark, DisplayList, SlugLabel } from './display-list.ts';
import { artworkOps, overprintStates, type PdfOps, registrationOps } from './pdf-ops.ts';
import { photoToCmyk } from './photo.ts';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Fixed date for CreationDate and ModDate (and the XMP dates), so the same content gives the same bytes. */
  date: Date;
}

export interface PdfOptions {
  /** The printing condition the CMYK is for and the PDF/X version to write (the job's `printing`). */
  printing: Printing;
  /** Write streams uncompressed (for reading a PDF back in tests). */
  compress?: boolean;
}

/**
 * A display list → one-page PDF/X (X-1a:2001 or X-4, see `writePdfx`): MediaBox with room for crop
 * marks, BleedBox 3 mm beyond the trim, TrimBox at the finished size. The artwork is one form
 * XObject (`/Poster`) whose fills are the tokens' exact CMYK for the printing condition, K100
 * overprinting; crop marks and the slug (`/Slug`) are in the registration colour; there is no
 * transparency, no font, no RGB; the dates and IDs come from `info.date` and the content, so the
 * same input gives the same bytes.
 */
export async function writePdf(list: DisplayList, g: Geometry, info: PdfInfo, options: PdfOptions): Promise<Buffer> {
  const { printing } = options;
  const problems = printingProblems(printing);
  if (problems.length) throw new Error(problems.map((e) => e.message).join('\n'));
  const compress = options.compress ?? true;
  const poster = artworkOps(list.items, (token) => tokenCmyk(token, printing.condition));
  // Photos become CMYK JPEGs before the document opens: sharp works asynchronously, pdfkit does not.
  const cmyk = await Promise.all(poster.images.map((i) => photoToCmyk(i.jpeg)));
  const crop = list.marks.filter((mark): mark is CropMark => mark.type === 'crop-mark');
  const slug = list.marks.find((mark): mark is SlugLabel => mark.type === 'slug');
  const slugOps = slug ? registrationOps(slug.run, registrationResource) : undefined;
  // The file ID and the XMP InstanceID: a hash of everything the file is made from.
  const hash = createHash('sha256').update(JSON.stringify({ info, printing, geometry: g, crop, slug: slug && { ...slug, run: undefined } }));
  for (const ops of [poster, slugOps]) {
    if (!ops) continue;
    hash.update('\0').update(ops.content);
    for (const glyph of ops.glyphs) hash.update('\0').update(glyph.id).update(glyph.digest);
  }
  for (const image of poster.images) hash.update('\0').update(image.jpeg);
  const contentHash = hash.digest();
  const doc = new CollectedPdf({
    size: [g.mediaW, g.mediaH],
    margin: 0,
    pdfVersion: pdfxVersions[printing.pdfx].pdfVersion,
    // No default font: pdfkit would parse Helvetica's metrics for every file, and there is no text.
    font: null,
    compress,
  });
  forbidTransparency(doc);
  const done = new Promise<Buffer>((resolve) => {
    doc.finished = resolve;
  });

  writePdfx(doc, info, printing, 'campaign kit @repo/print (satori layout, display list)', contentHash);
  const boxes = pdfBoxes(g);
  doc.page.dictionary.data.BleedBox = boxes.bleed;
  doc.page.dictionary.data.TrimBox = boxes.trim;
  // pdfkit writes the default UserUnit 1, a PDF 1.6 key: out of place in a PDF 1.3 (X-1a) file.
  delete doc.page.dictionary.data.UserUnit;

  drawForm(doc, { name: 'Poster', ops: poster, cmyk, x: g.slug, y: g.slug, width: list.width, height: list.height, compress });
  if (crop.length || slugOps) {
    internals(doc).addSpotColor(registration.name, ...registration.cmyk);
    drawCropMarks(doc, crop);
    if (slug && slugOps)
      drawForm(doc, { name: 'Slug', ops: slugOps, cmyk: [], x: slug.x, y: slug.y, width: slug.width, height: slug.height, compress, registration: true });
  }
  doc.end();
  return done;
}

/**
 * A pdfkit document that keeps the bytes it writes instead of pushing each piece through its Node
 * stream. Why: pdfkit writes a file in some thousand small pieces (every line of every object
 * dictionary, every xref entry), each converted to bytes in JavaScript and pushed through the
 * Readable stream's machinery, and the pieces were then joined again: about a fifth of the writer's
 * time for an A4 poster (measured with --cpu-prof). The bytes are the same. It overrides pdfkit's
 * private `_write` and `_finalize`, so pdfkit's version is pinned exactly (packages/print/package.json):
 * an update is taken on purpose, with the PDF tests.
 */
class CollectedPdf extends PDFDocument {
  declare pieces: Uint8Array[] | undefined;
  /** Called with the file when pdfkit has written its trailer. */
  declare finished: ((pdf: Buffer) => void) | undefined;
  override _write(data: string | Uint8Array): void {
    // pdfkit's own conversion keeps the low byte of each character: latin1, as Node writes it.
    const piece = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    this.pieces ??= [];
    this.pieces.push(piece);
    this._offset += piece.length;
  }
  override _finalize(): void {
    super._finalize();
    this.finished?.(Buffer.concat(this.pieces ?? []));
  }
}

/** The resource name the slug's content uses for the registration colour space (pdfkit's name for the spot colour, `CS0`, is mapped onto it). */
const registrationResource = 'CS0';

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
export function printingHashInput(printing: Printing): string {
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

const compressedGlyphs = new Memo<string, Buffer>(20_000);

/** Glyph form XObjects already written to a document, by glyph id. */
const glyphForms = new WeakMap<PDFDocument, Map<string, PDFKitReference>>();

/**
 * Draws operators as a form XObject with its top-left corner at (x, y) on the page, compressed at
 * zlib level 1 (pdfkit always uses level 6, which took 100 ms per A4 poster of outlines here, for
 * 16 % smaller files). Each glyph outline is one form XObject for the whole document (the poster and
 * the slug share them); `registration`: the content paints in the registration Separation.
 */
function drawForm(
  doc: PDFDocument,
  f: { name: string; ops: PdfOps; cmyk: Buffer[]; x: number; y: number; width: number; height: number; compress: boolean; registration?: boolean },
) {
  const stream = (ops: string) => {
    const bytes = Buffer.from(ops, 'latin1');
    return f.compress ? deflateSync(bytes, { level: 1 }) : bytes;
  };
  // A glyph's stream is the same in every file: compress it once per process (one zlib call costs
  // more than the few hundred bytes it compresses).
  const glyphStream = (ops: string) => (f.compress ? compressedGlyphs.get(ops, stream) : stream(ops));
  let shared = glyphForms.get(doc);
  if (!shared) {
    shared = new Map();
    glyphForms.set(doc, shared);
  }
  const xobjects: Record<string, PDFKitReference> = {};
  for (const glyph of f.ops.glyphs) {
    let ref = shared.get(glyph.id);
    if (!ref) {
      ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: glyph.bbox, Resources: {}, ...(f.compress ? { Filter: 'FlateDecode' } : {}) });
      ref.end(glyphStream(glyph.ops));
      shared.set(glyph.id, ref);
    }
    xobjects[glyph.id] = ref;
  }
  f.ops.images.forEach((image, i) => {
    // DeviceCMYK JPEG (DCTDecode); pdfkit adds the inverted Decode array Adobe-style CMYK JPEGs need.
    const embedded = doc.openImage(f.cmyk[i] as Buffer);
    embedded.embed(doc);
    xobjects[image.name] = embedded.obj;
  });
  const resources: Record<string, unknown> = {};
  if (Object.keys(xobjects).length) resources.XObject = xobjects;
  if (f.ops.overprint) resources.ExtGState = overprintRefs(doc);
  if (f.registration) resources.ColorSpace = { [registrationResource]: registrationSpot(doc).ref };
  const form = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [0, 0, f.width, f.height],
    Resources: resources,
    ...(f.compress ? { Filter: 'FlateDecode' } : {}),
  });
  form.end(stream(f.ops.content));
  doc.page.xobjects[f.name] = form;
  // pdfkit's page already maps y downwards from the top-left corner, as the display list does.
  doc.addContent(`q 1 0 0 1 ${f.x} ${f.y} cm /${f.name} Do Q`);
}

/** The overprint graphics states (pdf-ops.ts `overprintStates`), one object each per document. */
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

/** The crop marks (render/marks.ts) as strokes on the page, in registration colour: the Separation /All (tint 1, alternate DeviceCMYK 100/100/100/100), which prints on every plate. */
function drawCropMarks(doc: PDFDocument, marks: CropMark[]) {
  if (!marks.length) return;
  doc
    .save()
    .lineWidth(marks[0]?.lineWidth ?? 0)
    .strokeColor(registration.name);
  for (const { from, to } of marks) doc.moveTo(from[0], from[1]).lineTo(to[0], to[1]).stroke();
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
