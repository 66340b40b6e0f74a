// node apps/print/src/cli.ts [--release] [--country gr] [--design origin-youth] [--format a4] [--cards | --no-cards] [--no-crop-marks] [--tiff [--tiff-dpi 300]] [--pdfx 1a|4] [--workers 2]
//
// Renders every poster design × language × format for every country whose role the design serves,
// into apps/print/dist/<cc>/<campaign>-<cc>-<design>-<locale>-<format>[-1to10].pdf (its download name;
// PNG previews in <cc>/previews/), and one page card (the 1200 × 630 Open Graph image) per page of each
// country's site into <cc>/cards/<locale>/<page>.png, with manifest.json and, per country, a spec sheet,
// a ZIP and a SHA256SUMS (print files only; see build.ts for the stages). A file that shows an
// unverified fact (the release rule, @repo/content releaseFacts) is a proof; --release refuses while
// any file to be made shows one. COUNTRY and RELEASE=1 in the environment do the same as the flags
// (Turborepo passes them through).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, ReleaseRefused } from '@repo/content';
import { type PdfxVersion, pdfxVersionIds } from '@repo/design';
import { PrintErrors, withPrintProblems } from '@repo/print';
import { buildPrint } from './build.ts';

const root = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    release: { type: 'boolean', default: false },
    country: { type: 'string', multiple: true },
    design: { type: 'string', multiple: true },
    format: { type: 'string', multiple: true },
    'no-crop-marks': { type: 'boolean', default: false },
    cards: { type: 'boolean' },
    'no-cards': { type: 'boolean', default: false },
    tiff: { type: 'boolean', default: false },
    'tiff-dpi': { type: 'string' },
    pdfx: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node apps/print/src/cli.ts [--release] [--country cc]… [--design id]… [--format id]… [--cards | --no-cards] [--no-crop-marks] [--tiff [--tiff-dpi n]] [--pdfx 1a|4] [--workers n] [--out dir]\n' +
      '  --pdfx 1a|4: PDF/X-1a:2001 or PDF/X-4 (output profile embedded, XMP); default printing.pdfx in content/campaign.yaml; PDFX=4 works too\n' +
      '  --tiff also writes <key>.tif for wide formats (billboards at 1:10, posters larger than A2): trim + bleed, exact design-token CMYK, Deflate, at --tiff-dpi (default 300)\n' +
      '  page cards are rendered unless --design or --format pick a subset (--cards adds them) or --no-cards is given',
  );
  process.exit(0);
}

const split = (list: string[] | undefined) => list?.flatMap((v) => v.split(',')).filter(Boolean);
const countries = split(values.country) ?? split(process.env.COUNTRY ? [process.env.COUNTRY] : undefined);
const release = values.release || process.env.RELEASE === '1' || process.env.RELEASE === 'true';
const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
const outDir = resolve(values.out ?? resolve(root, 'apps/print/dist'));
// --pdfx (or PDFX, as Turborepo passes it) is a plan option: the jobs carry their printing settings to the workers.
const pdfx = (values.pdfx ?? process.env.PDFX) as PdfxVersion | undefined;
if (pdfx !== undefined && !pdfxVersionIds.includes(pdfx)) {
  console.error(`--pdfx ${pdfx}: use 1a (PDF/X-1a:2001) or 4 (PDF/X-4)`);
  process.exit(1);
}

const tty = process.stderr.isTTY;
let lastReport = 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  const summary = await buildPrint({
    contentDir: resolve(root, 'content'),
    outDir,
    release,
    ...(countries?.length ? { countries } : {}),
    ...(split(values.design) ? { designs: split(values.design) } : {}),
    ...(split(values.format) ? { formats: split(values.format) } : {}),
    cropMarks: !values['no-crop-marks'],
    ...(pdfx ? { pdfx } : {}),
    ...(values['no-cards'] ? { cards: false } : values.cards ? { cards: true } : {}),
    ...(values.tiff ? { tiff: true, ...(values['tiff-dpi'] ? { tiffDpi: Number(values['tiff-dpi']) } : {}) } : {}),
    ...(values.workers ? { workers: Number(values.workers) } : {}),
    ...(epoch !== undefined && !Number.isNaN(epoch) ? { sourceDateEpoch: epoch } : {}),
    log: (line) => console.log(line),
    progress: (done, total, elapsed) => {
      const now = performance.now();
      if (done < total && now - lastReport < (tty ? 250 : 2000)) return;
      lastReport = now;
      const eta = done > 0 ? ((total - done) * elapsed) / done : 0;
      const line = `print: ${done}/${total} (${Math.round((100 * done) / total)} %) · ${seconds(elapsed)} · ETA ${seconds(eta)}`;
      if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
      else console.log(line);
    },
  });
  const t = summary.timings;
  const m = summary.manifest;
  console.log(
    `print: done in ${seconds(summary.ms)}: ${summary.rendered} rendered (${summary.cards.rendered} of them page cards), ${summary.skipped} skipped (inputs unchanged), ${summary.removed} stale removed; ` +
      `${m.files.length} files, ${m.cards.length} page cards and ${m.zips.length} ZIPs in ${outDir}`,
  );
  if (summary.rendered)
    console.log(
      `print: render time per file (worker CPU): SVG ${Math.round(t.svg / summary.rendered)} ms, PDF ${Math.round(t.pdf / summary.rendered)} ms, PNG ${Math.round(t.png / summary.rendered)} ms` +
        (summary.tiffs ? `; TIFF ${seconds(t.tiff / summary.tiffs)} each (${summary.tiffs})` : ''),
    );
  if (summary.proofs || summary.cards.proofs) {
    console.log(
      `print: ${summary.proofs} files and ${summary.cards.proofs} page cards are proofs marked "PROOF — NOT FOR PRINT": they show unverified facts (listed per file under "unverified" in manifest.json, and in full in dist/reports/unverified.md after npm run build); --release refuses them.`,
    );
  }
} catch (error) {
  if (error instanceof ContentError || error instanceof PrintErrors || error instanceof ReleaseRefused) {
    const message =
      error instanceof ContentError ? withPrintProblems(error, { ...(countries?.length ? { countries } : {}), ...(pdfx ? { pdfx } : {}) }) : error.message;
    console.error(`${message}\n\nNothing was written: ${outDir} is unchanged.`);
    process.exit(1);
  }
  throw error;
}
