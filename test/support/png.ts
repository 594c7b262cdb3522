/**
 * Real PNG files for the tests, without an image library: an RGBA canvas with filled rectangles,
 * encoded with zlib (8-bit RGBA, no filter), and a reader of a PNG's size and pixels' colour at a
 * point. The fake EmbeddedChart.getAs draws its chart with it; the docx tests embed such a picture.
 */
import zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type Rgb = [number, number, number];

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(readonly width: number, readonly height: number, background: Rgb = [255, 255, 255]) {
    if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) throw new Error(`bad canvas size ${width}×${height}`);
    this.pixels = new Uint8Array(width * height * 4);
    this.fill(0, 0, width, height, background);
  }

  fill(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.ceil(x + w));
    const y1 = Math.min(this.height, Math.ceil(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 4;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
        this.pixels[i + 3] = 255;
      }
    }
  }

  png(): Buffer {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    const stride = this.width * 4;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++) Buffer.from(this.pixels.buffer, y * stride, stride).copy(raw, y * (stride + 1) + 1);
    return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  }
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG');
  const b = Buffer.from(bytes);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Decodes a PNG written by `Canvas.png` (8-bit RGBA, filter 0) and returns the colour at (x, y). */
export function pixelAt(bytes: Uint8Array, x: number, y: number): Rgb {
  const { width } = pngDimensions(bytes);
  const b = Buffer.from(bytes);
  const parts: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(parts));
  const i = y * (width * 4 + 1) + 1 + x * 4;
  return [raw[i], raw[i + 1], raw[i + 2]];
}

/** A bar chart picture: one bar per value on a 0..max scale, and an optional horizontal line. */
export function barChartPng(values: number[], opts: { width?: number; height?: number; max?: number; line?: number | null; highlight?: boolean[] } = {}): Buffer {
  const width = Math.round(opts.width ?? 600);
  const height = Math.round(opts.height ?? 371);
  const canvas = new Canvas(width, height);
  const max = opts.max ?? Math.max(1, ...values);
  const plot = { x: 40, y: 20, w: width - 60, h: height - 60 };
  canvas.fill(plot.x, plot.y + plot.h, plot.w, 1, [60, 64, 67]);
  const step = values.length ? plot.w / values.length : plot.w;
  values.forEach((v, i) => {
    const h = (Math.max(0, v) / max) * plot.h;
    canvas.fill(plot.x + i * step + step * 0.15, plot.y + plot.h - h, step * 0.7, h, opts.highlight?.[i] ? [242, 139, 130] : [138, 180, 248]);
  });
  if (opts.line !== undefined && opts.line !== null) canvas.fill(plot.x, plot.y + plot.h - (opts.line / max) * plot.h, plot.w, 2, [217, 48, 37]);
  return canvas.png();
}
