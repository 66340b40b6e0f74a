import QRCode from 'qrcode';
import { Memo } from './memo.ts';

/** Modules of light margin around the symbol, as ISO/IEC 18004 requires. */
export const quietZoneModules = 4;

export interface QrMatrix {
  text: string;
  /** Modules per side, without the quiet zone. */
  size: number;
  dark: boolean[][];
}

const matrices = new Memo<string, QrMatrix>(1000);

/**
 * Error correction M: survives a scuffed or partly covered poster, keeps the symbol small. Cached per
 * text: every format of a design in one language encodes the same URL (the mask search costs ~1.5 ms).
 */
export function qrMatrix(text: string): QrMatrix {
  return matrices.get(text, encode);
}

function encode(text: string): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const dark = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.modules.get(row, col) === 1));
  return { text, size, dark };
}

/** The dark modules of each row as horizontal runs: `length` modules from column `col`. */
export function qrRuns(qr: QrMatrix): { row: number; col: number; length: number }[] {
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[row]?.[col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[row]?.[col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}

/** SVG path data drawing every dark module as part of one path (horizontal runs merged), its top-left module at (x, y). */
export function qrPathData(qr: QrMatrix, x: number, y: number, module: number): string {
  const f = (n: number) => String(Math.round(n * 1000) / 1000);
  return qrRuns(qr)
    .map((r) => {
      const x0 = x + r.col * module;
      const y0 = y + r.row * module;
      return `M${f(x0)} ${f(y0)}H${f(x + (r.col + r.length) * module)}V${f(y0 + module)}H${f(x0)}Z`;
    })
    .join('');
}

/**
 * Side of the symbol (without quiet zone) in real millimetres for a viewing distance: a tenth of the
 * distance (the usual 10:1 rule for scanning), never less than 20 mm.
 */
export function qrSymbolMm(viewingDistanceM: number): number {
  return Math.max(20, viewingDistanceM * 100);
}
