/**
 * Turning emoji artwork (PNG or SVG) into opaque RGB bytes: alpha composited over
 * white, and an area-average downscale for anything larger than the cap.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import type { RawImage } from '../../core/data';

/** Straight (non-premultiplied) RGBA over white → RGB. */
export function rgbaOverWhite(rgba: Uint8Array, width: number, height: number): RawImage {
  const n = width * height;
  const pixels = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = rgba[i * 4 + 3]!;
    for (let c = 0; c < 3; c++) {
      pixels[i * 3 + c] = Math.round((rgba[i * 4 + c]! * a + 255 * (255 - a)) / 255);
    }
  }
  return { width, height, pixels };
}

export function decodePngFile(path: string): RawImage {
  const png = PNG.sync.read(readFileSync(path));
  return rgbaOverWhite(new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
}

/** Rasterises an SVG so its long side is `size` px, on a white background. */
export function renderSvgFile(path: string, size: number): RawImage {
  const data = readFileSync(path);
  const font = { loadSystemFonts: false };
  const natural = new Resvg(data, { font });
  const mode = natural.width >= natural.height ? 'width' : 'height';
  const svg = new Resvg(data, { fitTo: { mode, value: size }, background: 'rgba(255, 255, 255, 1)', font });
  const png = PNG.sync.read(svg.render().asPng());
  return rgbaOverWhite(new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
}

/**
 * Area-average (box) downscale so the long side is at most `maxSide`: every source
 * pixel contributes by its overlap, which avoids the aliasing of nearest/bilinear.
 */
export function downscaleToFit(img: RawImage, maxSide: number): RawImage {
  const long = Math.max(img.width, img.height);
  if (long <= maxSide) return img;
  const scale = maxSide / long;
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const sx = img.width / w;
  const sy = img.height / h;
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = y0 + sy;
    for (let x = 0; x < w; x++) {
      const x0 = x * sx;
      const x1 = x0 + sx;
      const acc = [0, 0, 0];
      let area = 0;
      for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++) {
        const wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
        for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
          const wx = Math.min(xx + 1, x1) - Math.max(xx, x0);
          const wgt = wx * wy;
          const o = (yy * img.width + xx) * 3;
          acc[0]! += img.pixels[o]! * wgt;
          acc[1]! += img.pixels[o + 1]! * wgt;
          acc[2]! += img.pixels[o + 2]! * wgt;
          area += wgt;
        }
      }
      for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = Math.round(acc[c]! / area);
    }
  }
  return { width: w, height: h, pixels: out };
}

/** RGB → PNG bytes, for looking at samples while building. */
export function encodePng(img: RawImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  for (let i = 0; i < img.width * img.height; i++) {
    png.data[i * 4] = img.pixels[i * 3]!;
    png.data[i * 4 + 1] = img.pixels[i * 3 + 1]!;
    png.data[i * 4 + 2] = img.pixels[i * 3 + 2]!;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}
