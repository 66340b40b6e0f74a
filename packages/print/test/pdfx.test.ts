import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, loadContent } from '@repo/content';
import { colours, printingConditions } from '@repo/design';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobInputHash, planJobs, preflight, type RenderedPoster, renderPoster } from '../src/index.ts';
import { printingProblems } from '../src/render/colour.ts';
import { copyFixture, fixtureContent, fonts, job, measurer, repoRoot } from './helpers.ts';

/**
 * PDF/X read back by independent tools: qpdf's JSON for every key printers' preflight checks (version,
 * output intent, Info, trailer ID, page boxes; for X-4 the ICC profile and the XMP packet), the
 * content streams for overprint and registration colour, and Ghostscript's tiffsep separations for
 * what the plates actually get.
 */

const found = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const hasQpdf = found('qpdf');
const hasGs = found('gs');
/** A suite's title, saying why it is skipped when the tool it needs is missing. */
const needs = (title: string, tool: 'qpdf' | 'gs') => {
  if (tool === 'qpdf' ? hasQpdf : hasGs) return title;
  return tool === 'qpdf'
    ? `${title} (skipped: qpdf is not installed; apt-get install qpdf: the PDF/X structure is read back with qpdf --json)`
    : `${title} (skipped: Ghostscript is not installed; apt-get install ghostscript: the plates are rendered with gs -sDEVICE=tiffsep)`;
};

const work = mkdtempSync(join(tmpdir(), 'print-pdfx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Dict = Record<string, Json>;

/** A PDF as qpdf sees it (`qpdf --json=2`, streams decoded and inline). */
class Qpdf {
  readonly version: string;
  readonly trailer: Dict;
  private readonly objects: Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>;
  constructor(pdf: Buffer, name: string) {
    const path = join(work, name);
    writeFileSync(path, pdf);
    const r = spawnSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', path], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`qpdf --json failed: ${r.stderr}`);
    const [head, objects] = (JSON.parse(r.stdout) as { qpdf: [{ pdfversion: string }, Record<string, { value?: Json }>] }).qpdf;
    this.version = head.pdfversion;
    this.objects = objects;
    this.trailer = objects.trailer?.value as Dict;
  }
  /** A value with indirect references followed (streams give their dictionary). */
  get(value: Json | undefined): Json {
    if (typeof value === 'string' && / 0 R$/.test(value)) {
      const o = this.objects[`obj:${value}`];
      if (!o) throw new Error(`no object ${value}`);
      return o.stream ? o.stream.dict : (o.value ?? null);
    }
    return value ?? null;
  }
  dict(value: Json | undefined): Dict {
    return this.get(value) as Dict;
  }
  /** A stream's decoded bytes. */
  data(ref: Json | undefined): Buffer {
    const data = this.objects[`obj:${ref}`]?.stream?.data;
    if (data === undefined) throw new Error(`${ref} is not a stream with inline data`);
    return Buffer.from(data, 'base64');
  }
  get catalog(): Dict {
    return this.dict(this.trailer['/Root']);
  }
  get info(): Dict {
    return this.dict(this.trailer['/Info']);
  }
  get page(): Dict {
    return this.dict((this.dict(this.catalog['/Pages'])['/Kids'] as Json[])[0]);
  }
}

/** qpdf's JSON text string (`u:…`) as text. */
const text = (value: Json) => String(value).replace(/^u:/, '');

/** The key job: panel template, so its K100 call to action sits on the accent (yellow) band. */
const key = 'md/youth/ro/a4';

describe.skipIf(!hasQpdf)(needs('PDF/X-1a:2001, the default, read back by qpdf', 'qpdf'), () => {
  let r: RenderedPoster;
  let q: Qpdf;
  beforeAll(async () => {
    r = await renderPoster(job(key), { fonts, measurer });
    q = new Qpdf(r.file, 'x1a.pdf');
  });

  it('passes qpdf --check and is PDF 1.3', () => {
    expect(r.file.subarray(0, 9).toString('latin1')).toBe('%PDF-1.3\n');
    expect(q.version).toBe('1.3');
    const check = spawnSync('qpdf', ['--check', join(work, 'x1a.pdf')], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('names FOGRA39 in one GTS_PDFX output intent, without a profile', () => {
    const intents = q.catalog['/OutputIntents'] as Json[];
    expect(intents).toHaveLength(1);
    const intent = q.dict(intents[0]);
    expect(intent['/Type']).toBe('/OutputIntent');
    expect(intent['/S']).toBe('/GTS_PDFX');
    expect(text(intent['/OutputConditionIdentifier'] as Json)).toBe('FOGRA39');
    expect(text(intent['/RegistryName'] as Json)).toBe('http://www.color.org');
    expect(text(intent['/OutputCondition'] as Json)).toBe(printingConditions.FOGRA39.description);
    expect(text(intent['/Info'] as Json)).toBe(printingConditions.FOGRA39.description);
    expect(intent['/DestOutputProfile']).toBeUndefined();
    expect(q.catalog['/Metadata']).toBeUndefined();
  });

  it('says PDF/X-1a:2001 in its Info dictionary, untrapped, titled and dated by the content', () => {
    const info = q.info;
    expect(text(info['/GTS_PDFXVersion'] as Json)).toBe('PDF/X-1:2001');
    expect(text(info['/GTS_PDFXConformance'] as Json)).toBe('PDF/X-1a:2001');
    expect(info['/Trapped']).toBe('/False');
    expect(text(info['/Title'] as Json)).toMatch(/^KIT: .+ \(youth, ro, a4, md\)/);
    expect(text(info['/CreationDate'] as Json)).toBe('D:20261122000000Z');
    expect(text(info['/ModDate'] as Json)).toBe('D:20261122000000Z');
  });

  it('has a trailer ID derived from the content: the same for the same job, another for another', async () => {
    const id = q.trailer['/ID'] as string[];
    expect(id).toHaveLength(2);
    expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);
    expect(id[1]).toBe(id[0]);
    const again = await renderPoster(structuredClone(job(key)), { fonts, measurer });
    expect(new Qpdf(again.file, 'again.pdf').trailer['/ID']).toEqual(id);
    const other = await renderPoster(job('md/youth/ro/a3'), { fonts, measurer });
    expect((new Qpdf(other.file, 'other.pdf').trailer['/ID'] as string[])[0]).not.toBe(id[0]);
  });

  it('has a TrimBox inside a BleedBox inside the MediaBox', () => {
    const [media, bleed, trim] = ['/MediaBox', '/BleedBox', '/TrimBox'].map((k) => q.page[k] as number[]) as [number[], number[], number[]];
    for (const [outer, inner] of [
      [media, bleed],
      [bleed, trim],
    ] as const) {
      expect(inner[0]).toBeGreaterThan(outer[0]!);
      expect(inner[1]).toBeGreaterThan(outer[1]!);
      expect(inner[2]).toBeLessThan(outer[2]!);
      expect(inner[3]).toBeLessThan(outer[3]!);
    }
    expect(q.page['/UserUnit']).toBeUndefined();
  });

  it('overprints K100 (ExtGState OP/op true, OPM 1 before every black fill) and knocks out everything else', () => {
    const resources = q.dict(q.page['/Resources']);
    const poster = (q.dict(resources['/XObject']) as Dict)['/Poster'] as string;
    const form = q.dict(poster);
    const formResources = q.dict(form['/Resources']);
    const states = q.dict(formResources['/ExtGState']);
    const overprintOn = Object.entries(states).filter(([, v]) => q.dict(v)['/op'] === true);
    expect(overprintOn).toHaveLength(1);
    expect(q.dict(overprintOn[0]![1])).toMatchObject({ '/OP': true, '/op': true, '/OPM': 1 });
    const paints = paintsIn(q.data(poster).toString('latin1'), (name) => q.dict(states[`/${name}`])['/op'] === true);
    const xobjects = q.dict(formResources['/XObject']);
    const k100 = paints.filter((p) => p.fill === '0 0 0 1' && p.what !== 'image');
    expect(k100.length).toBeGreaterThan(100);
    expect(k100.every((p) => p.overprint)).toBe(true);
    const others = paints.filter((p) => p.fill !== '0 0 0 1' || p.what === 'image');
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter((p) => p.overprint)).toEqual([]);
    // Glyphs are forms; photos, if any, images: both painted where the checks above say.
    for (const p of paints.filter((p) => p.what !== 'path')) expect(xobjects[`/${p.name}`]).toBeDefined();
  });

  it('draws crop marks and slug in a Separation /All, tint 1, alternate DeviceCMYK 100/100/100/100', () => {
    const resources = q.dict(q.page['/Resources']);
    const spaces = q.dict(resources['/ColorSpace']);
    const [name, ref] = Object.entries(spaces)[0] as [string, Json];
    const space = q.get(ref) as Json[];
    expect(space.slice(0, 3)).toEqual(['/Separation', '/All', '/DeviceCMYK']);
    expect(q.dict(space[3])).toMatchObject({ '/FunctionType': 2, '/Domain': [0, 1], '/C0': [0, 0, 0, 0], '/C1': [1, 1, 1, 1], '/N': 1 });
    const page = q.data(q.page['/Contents']).toString('latin1');
    expect(page).toContain(`${name} CS\n1 SCN\n`);
    expect(page).not.toMatch(/ K\n| SCN\n[\d.]+ [\d.]+ [\d.]+ [\d.]+ SCN|DeviceCMYK CS/);
    expect((page.match(/\nS\n/g) ?? []).length).toBe(8);
    const slug = q.dict((q.dict(resources['/XObject']) as Dict)['/Slug']);
    expect(q.dict(slug['/Resources'])['/ColorSpace']).toEqual({ [name]: ref });
    const slugOps = q.data((q.dict(resources['/XObject']) as Dict)['/Slug']).toString('latin1');
    expect(slugOps).toMatch(new RegExp(`^${name} cs 1 scn\\n`));
    expect(slugOps).not.toMatch(/ k\n/);
  });
});

/** Every paint in a content stream (fill, form or image XObject) with the fill colour and overprint in force. */
function paintsIn(content: string, overprints: (gsName: string) => boolean) {
  const paints: { what: 'path' | 'form' | 'image'; name?: string; fill: string; overprint: boolean }[] = [];
  const stack: { fill: string; overprint: boolean }[] = [];
  let state = { fill: '0 0 0 1', overprint: false };
  const operands: string[] = [];
  for (const [token] of content.matchAll(/\/[^\s/[\]()<>]+|-?\d*\.?\d+|[A-Za-z*]+/g)) {
    if (/^[/\d.-]/.test(token)) {
      operands.push(token);
      continue;
    }
    if (token === 'q') stack.push({ ...state });
    else if (token === 'Q') state = stack.pop() ?? state;
    else if (token === 'gs') state = { ...state, overprint: overprints((operands.at(-1) ?? '').slice(1)) };
    else if (token === 'k') state = { ...state, fill: operands.slice(-4).join(' ') };
    else if (token === 'f' || token === 'f*') paints.push({ what: 'path', ...state });
    else if (token === 'Do') {
      const name = (operands.at(-1) ?? '').slice(1);
      paints.push({ what: /^Im\d+$/.test(name) ? 'image' : 'form', name, ...state });
    }
    operands.length = 0;
  }
  return paints;
}

describe.skipIf(!hasQpdf)(needs('PDF/X-4 (--pdfx 4), read back by qpdf', 'qpdf'), () => {
  let r: RenderedPoster;
  let q: Qpdf;
  beforeAll(async () => {
    r = await renderPoster(job(key, { pdfx: '4' }), { fonts, measurer });
    q = new Qpdf(r.file, 'x4.pdf');
  });

  it('is PDF 1.6, says PDF/X-4 in its Info dictionary, and passes qpdf --check', () => {
    expect(r.file.subarray(0, 9).toString('latin1')).toBe('%PDF-1.6\n');
    expect(q.version).toBe('1.6');
    expect(text(q.info['/GTS_PDFXVersion'] as Json)).toBe('PDF/X-4');
    expect(q.info['/GTS_PDFXConformance']).toBeUndefined();
    expect(q.info['/Trapped']).toBe('/False');
    const check = spawnSync('qpdf', ['--check', join(work, 'x4.pdf')], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('embeds the FOGRA39 output profile from assets/icc/ in its output intent', () => {
    const intent = q.dict((q.catalog['/OutputIntents'] as Json[])[0]);
    expect(text(intent['/OutputConditionIdentifier'] as Json)).toBe('FOGRA39');
    expect(text(intent['/RegistryName'] as Json)).toBe('http://www.color.org');
    expect(q.dict(intent['/DestOutputProfile'])['/N']).toBe(4);
    const icc = q.data(intent['/DestOutputProfile']);
    const committed = readFileSync(join(repoRoot, printingConditions.FOGRA39.profile));
    expect(createHash('sha256').update(icc).digest('hex')).toBe(createHash('sha256').update(committed).digest('hex'));
    // ICC header: an output ('prtr') profile from CMYK to Lab.
    expect(icc.toString('latin1', 12, 20)).toBe('prtrCMYK');
    expect(icc.toString('latin1', 20, 24)).toBe('Lab ');
  });

  it('has an XMP packet in the catalog with the PDF/X version, trapping, title, dates and IDs', () => {
    const ref = q.catalog['/Metadata'];
    expect(q.dict(ref)).toMatchObject({ '/Type': '/Metadata', '/Subtype': '/XML' });
    const xmp = q.data(ref).toString('utf8');
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
    expect(xmp).toMatch(/^<\?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(xmp).toMatch(/<\?xpacket end="[rw]"\?>$/);
    expect(field('pdfxid:GTS_PDFXVersion')).toBe('PDF/X-4');
    expect(xmp).toContain('xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"');
    expect(field('pdf:Trapped')).toBe('False');
    expect(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)?.[1]).toBe(text(q.info['/Title'] as Json));
    for (const d of ['xmp:CreateDate', 'xmp:ModifyDate', 'xmp:MetadataDate']) expect(field(d)).toBe('2026-11-22T00:00:00Z');
    expect(field('xmpMM:DocumentID')).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(field('xmpMM:InstanceID')).toMatch(/^uuid:[0-9a-f-]{36}$/);
    expect(field('xmpMM:VersionID')).toBe('1');
    expect(field('xmpMM:RenditionClass')).toBe('default');
    expect(field('pdf:Producer')).toBe(text(q.info['/Producer'] as Json));
    expect(field('xmp:CreatorTool')).toBe(text(q.info['/Creator'] as Json));
  });

  it('is deterministic: the same bytes from a second render, other IDs than the X-1a file', async () => {
    const again = await renderPoster(structuredClone(job(key, { pdfx: '4' })), { fonts, measurer });
    expect(again.file.equals(r.file)).toBe(true);
    const x1a = await renderPoster(job(key), { fonts, measurer });
    expect((new Qpdf(x1a.file, 'x1a-2.pdf').trailer['/ID'] as string[])[0]).not.toBe((q.trailer['/ID'] as string[])[0]);
  });
});

describe.skipIf(!hasGs)(needs('separations (Ghostscript tiffsep)', 'gs'), () => {
  /** The yellow and black plates of a PDF at 36 dpi: one byte per pixel, 0 = full ink, 255 = none. */
  async function plates(pdf: Buffer, name: string) {
    const path = join(work, `${name}.pdf`);
    writeFileSync(path, pdf);
    const out = join(work, `${name}.tif`);
    const r = spawnSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=tiffsep', '-r36', `-sOutputFile=${out}`, path], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gs tiffsep failed: ${r.stderr}`);
    const read = async (plate: string) => {
      const { data, info } = await sharp(join(work, `${name}(${plate}).tif`))
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    };
    return { yellow: await read('Yellow'), black: await read('Black') };
  }

  /**
   * The yellow plate on the call to action's band: rows where nearly every pixel carries the accent's
   * yellow (95 %, about 12 of 255 left unprinted) or full black; in them, the yellow of the band
   * (the most common value where black is not inked) and the yellow under each fully black pixel.
   */
  async function yellowUnderBlackText(pdf: Buffer, name: string) {
    const { yellow, black } = await plates(pdf, name);
    const accent = 255 - 2.55 * colours.accent.cmyk[2];
    const under: number[] = [];
    const bandValues = new Map<number, number>();
    let rows = 0;
    for (let y = 0; y < yellow.height; y++) {
      const at = (x: number) => y * yellow.width + x;
      let inBand = 0;
      for (let x = 0; x < yellow.width; x++) if (Math.abs(yellow.data[at(x)]! - accent) <= 2 || black.data[at(x)] === 0) inBand++;
      if (inBand < yellow.width * 0.9) continue;
      rows++;
      for (let x = 0; x < yellow.width; x++) {
        const v = yellow.data[at(x)]!;
        if (black.data[at(x)] === 0) under.push(v);
        else bandValues.set(v, (bandValues.get(v) ?? 0) + 1);
      }
    }
    const band = [...bandValues].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
    return { band, accent, rows, under };
  }

  it('the yellow plate has no hole under the K100 call to action on the yellow band', async () => {
    const r = await renderPoster(job(key), { fonts, measurer, compressPdf: false });
    const { band, accent, rows, under } = await yellowUnderBlackText(r.file, 'overprint');
    expect(rows).toBeGreaterThan(10);
    expect(Math.abs(band - accent)).toBeLessThanOrEqual(1);
    expect(under.length).toBeGreaterThan(200);
    // Every black text pixel on the band keeps the band's yellow (95 %): overprinted, not knocked out.
    expect(new Set(under)).toEqual(new Set([band]));

    // The check can fail: the same file with overprint switched off has a yellow hole (255: no ink) under every letter.
    const knockedOut = Buffer.from(r.file.toString('latin1').replaceAll('/GSop gs', '/GSko gs'), 'latin1');
    const ko = await yellowUnderBlackText(knockedOut, 'knockout');
    expect(ko.under.length).toBe(under.length);
    expect(new Set(ko.under)).toEqual(new Set([255]));
  });
});

describe('the printing condition', () => {
  it('travels on every PDF job: FOGRA39 and PDF/X-1a unless content/campaign.yaml or the plan’s pdfx (--pdfx) say otherwise', () => {
    expect(job(key).printing).toEqual({ condition: 'FOGRA39', pdfx: '1a' });
    expect(job(key, { pdfx: '4' }).printing).toEqual({ condition: 'FOGRA39', pdfx: '4' });
    // A PNG (social image) is not made for a press: its job has none.
    expect(job('md/youth/ro/social-square').printing).toBeUndefined();
    expect(() => planJobs(fixtureContent(), { pdfx: '5' as never })).toThrow(
      /--pdfx 5 is not a PDF\/X version this kit writes: use 1a \(PDF\/X-1a:2001\) or 4 \(PDF\/X-4\)/,
    );
    const dir = copyFixture();
    try {
      const path = join(dir, 'campaign.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^printing:.*$/m, 'printing: { condition: FOGRA39, pdfx: 4 }'));
      const jobs = planJobs(loadContent(dir));
      expect(new Set(jobs.map((j) => j.printing?.pdfx))).toEqual(new Set(['4', undefined]));
      expect(new Set(planJobs(loadContent(dir), { pdfx: '1a' }).map((j) => j.printing?.pdfx))).toEqual(new Set(['1a', undefined]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('FOGRA47 is known, but the tokens have no values for it: one error per token, naming it, the condition and the fix', () => {
    const problems = printingProblems({ condition: 'FOGRA47', pdfx: '1a' });
    expect(problems.map((e) => [e.code, e.args.token])).toEqual(Object.keys(colours).map((token) => ['TokenWithoutCmyk', token]));
    expect(problems[0]).toMatchObject({
      args: { token: 'brand', condition: 'FOGRA47', coloursCondition: 'FOGRA39' },
      source: { file: 'packages/design/src/index.ts' },
    });
    // PDF/X-4 also needs a profile FOGRA47 does not have.
    const x4 = printingProblems({ condition: 'FOGRA47', pdfx: '4' });
    expect(x4).toHaveLength(problems.length + 1);
    expect(x4.at(-1)).toMatchObject({ code: 'PdfxWithoutProfile', args: { condition: 'FOGRA47' } });
    expect(printingProblems({ condition: 'FOGRA39', pdfx: '4' })).toEqual([]);
  });

  it('the preflight reports those errors before anything renders, and a render refuses them', async () => {
    const uncoated = { ...job(key), printing: { condition: 'FOGRA47', pdfx: '1a' } as const };
    const errors = preflight([uncoated, { ...uncoated, key: 'other' }], fonts, measurer);
    // Each distinct setting is checked once, however many jobs carry it.
    expect(errors.map((e) => e.message)).toEqual(printingProblems(uncoated.printing).map((e) => e.message));
    await expect(renderPoster(uncoated, { fonts, measurer })).rejects.toThrow(printingProblems(uncoated.printing)[0]?.message);
    // Social images are RGB PNGs: the printing condition does not concern them.
    expect(preflight([job('md/youth/ro/social-square')], fonts, measurer)).toEqual([]);
  });

  it('an unknown condition in campaign.yaml names the file, the field and the known conditions', () => {
    const dir = copyFixture();
    try {
      const path = join(dir, 'campaign.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^printing:.*$/m, 'printing: { condition: GRACOL, pdfx: 1a }'));
      expect(() => loadContent(dir)).toThrow(ContentError);
      const issue = (() => {
        try {
          loadContent(dir);
        } catch (error) {
          return (error as ContentError).issues.find((i) => i.field === 'printing.condition');
        }
      })();
      expect(issue).toMatchObject({ file: 'campaign.yaml', line: expect.any(Number), code: 'FieldNotOneOf', args: { values: ['FOGRA39', 'FOGRA47'] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is part of a PDF’s input hash (the profile too, for X-4), not of a PNG’s', () => {
    const hash = (k: string, pdfx?: '4') => jobInputHash(job(k, pdfx ? { pdfx } : {}), 'code', 'fonts', 'libs');
    expect(hash(key, '4')).not.toBe(hash(key));
    expect(hash('md/youth/ro/social-square', '4')).toBe(hash('md/youth/ro/social-square'));
  });
});
