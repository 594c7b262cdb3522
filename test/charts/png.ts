import { PNG } from 'pngjs';

export interface Raster {
  width: number;
  height: number;
  /** True where the pixel is dark (luminance below 110 of 255): text and outlines, not the pale bars. */
  dark(x: number, y: number): boolean;
  /** Dark pixels in a rectangle (clamped to the image). */
  darkIn(x1: number, y1: number, x2: number, y2: number): number;
  data: Buffer;
}

export function decodePng(bytes: Buffer): Raster {
  const png = PNG.sync.read(bytes);
  const dark = (x: number, y: number) => {
    const i = (png.width * y + x) * 4;
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    return 0.299 * r + 0.587 * g + 0.114 * b < 110;
  };
  return {
    width: png.width,
    height: png.height,
    data: png.data,
    dark,
    darkIn(x1, y1, x2, y2) {
      let n = 0;
      for (let y = Math.max(0, Math.floor(y1)); y < Math.min(png.height, Math.ceil(y2)); y++) {
        for (let x = Math.max(0, Math.floor(x1)); x < Math.min(png.width, Math.ceil(x2)); x++) if (dark(x, y)) n++;
      }
      return n;
    },
  };
}
