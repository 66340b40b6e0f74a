import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { Geometry } from '../geometry.ts';
import type { DisplayList } from './display-list.ts';
import { listToSvg } from './svg.ts';

/**
 * PNG of the trim area (what the finished poster shows, without bleed), `longSide` pixels on its long
 * side; social images at their own pixel size. The display list is written as SVG (render/svg.ts)
 * and rasterised by resvg, which draws the outlined text, so no fonts are needed. resvg 2.6.2 frees
 * a render's pixels only when V8 collects its objects and the event loop runs their finalizers: a
 * synchronous loop of renders grows without bound, a worker rendering one request per message does
 * not (apps/print/src/pool.ts). The pixels are written as PNG here (`encodePng`), not by resvg's `asPng`.
 */
export function listToPng(list: DisplayList, g: Geometry, longSide?: number): Buffer {
  const svg = listToSvg(list, { view: { x: g.bleed, y: g.bleed, width: g.trimW, height: g.trimH } });
  const fitTo = longSide
    ? g.trimW >= g.trimH
      ? { mode: 'width' as const, value: longSide }
      : { mode: 'height' as const, value: longSide }
    : { mode: 'original' as const };
  const image = new Resvg(svg, { fitTo, font: { loadSystemFonts: false }, background: '#ffffff' }).render();
  return encodePng(image.pixels, image.width, image.height);
}

/** zlib level of the PNG's image data: fast (levels 1–3 are zlib's fast strategy), and still smaller than resvg's own PNGs. */
export const pngDeflateLevel = 2;

/**
 * Opaque RGBA pixels (resvg's, drawn on a white background, so every alpha is 255) as an 8-bit RGB
 * PNG: no filter, image data deflated at `pngDeflateLevel`. Why not resvg's `asPng`: it writes RGBA
 * with per-row filters at a slower compression, 40 % of an A4 preview's time (about 6 of 15 ms at
 * 800 px; 23 ms for a 1080 × 1920 social story), for files 10–20 % larger than these. The pixels are
 * the same (the image snapshots compare them). Deterministic: the same pixels give the same bytes.
 * The rows are assembled in one scratch buffer per thread, kept between calls: a fresh buffer of
 * several MB per image costs page faults and garbage collection that ate the time saved.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width} × ${height} RGBA pixels`);
  const stride = width * 3 + 1;
  const size = stride * height;
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  const raw = scratch;
  if (rgba.byteOffset % 4 === 0 && littleEndian) {
    // A pixel read as one 32-bit word (R in its low byte): a third of the time of four byte reads.
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
    for (let y = 0, p = 0, o = 0; y < height; y++) {
      raw[o++] = 0; // filter type None
      for (const end = p + width; p < end; p++) {
        const v = pixels[p] as number;
        if (v >>> 24 !== 255) throw new Error('encodePng: a pixel is not opaque (render on an opaque background)');
        raw[o] = v & 0xff;
        raw[o + 1] = (v >>> 8) & 0xff;
        raw[o + 2] = (v >>> 16) & 0xff;
        o += 3;
      }
    }
  } else {
    for (let y = 0, s = 0, o = 0; y < height; y++) {
      raw[o++] = 0; // filter type None
      for (const end = s + width * 4; s < end; s += 4) {
        if (rgba[s + 3] !== 255) throw new Error('encodePng: a pixel is not opaque (render on an opaque background)');
        raw[o++] = rgba[s] as number;
        raw[o++] = rgba[s + 1] as number;
        raw[o++] = rgba[s + 2] as number;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits per sample, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  const idat = deflateSync(raw.subarray(0, size), { level: pngDeflateLevel });
  return Buffer.concat([pngSignature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** The rows of the image being encoded (filter byte + RGB), reused: the largest image so far (6 MB for a social story). */
let scratch = Buffer.alloc(0);
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, tail]);
}
