/**
 * Raster mode: each laid-out text line is drawn with a font shipped in ./fonts and sent as a
 * 1-bit image, for printers whose code pages lack Vietnamese (or print it badly). The font is
 * bundled rather than taken from the system, so every register prints the same glyphs; when it
 * is missing the renderer refuses to start with a clear message instead of falling back silently.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import type { LayoutLine } from '../../../src/receipt/receipt-layout';
import { cells } from '../../../src/receipt/text-cells';

// In a packaged app the bundle sits inside app.asar, which the font loader cannot read; the
// fonts are unpacked beside it (electron-builder.yml asarUnpack).
export const DEFAULT_FONT_PATH = fileURLToPath(
  new URL('./fonts/DejaVuSansMono.ttf', import.meta.url),
).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
const FONT_FAMILY = 'OmnitillReceiptMono';
/** DejaVu Sans Mono advances 1233/2048 em per character. */
const MONO_ADVANCE_EM = 1233 / 2048;

export class RasterFontError extends Error {
  override readonly name = 'RasterFontError';
}

export interface RasterBitmap {
  widthBytes: number;
  height: number;
  /** Rows of packed bits, most significant bit leftmost, 1 = black. */
  bits: Uint8Array;
}

type TextLine = Extract<LayoutLine, { kind: 'text' }>;

const registered = new Set<string>();

export class RasterRenderer {
  private constructor(
    private readonly dots: number,
    private readonly columns: number,
  ) {}

  static create(
    dots: number,
    columns: number,
    fontPath: string = DEFAULT_FONT_PATH,
  ): RasterRenderer {
    if (!registered.has(fontPath)) {
      if (!existsSync(fontPath)) {
        throw new RasterFontError(
          `The receipt font ${fontPath} is missing, so raster printing cannot start. Reinstall Omnitill or set the printer to code page mode.`,
        );
      }
      if (!GlobalFonts.registerFromPath(fontPath, FONT_FAMILY)) {
        throw new RasterFontError(`The receipt font ${fontPath} could not be loaded.`);
      }
      registered.add(fontPath);
    }
    return new RasterRenderer(dots, columns);
  }

  /** PNG of the line, for command sets whose image command the library builds (Star). */
  renderPng(line: TextLine): Promise<Buffer> {
    return this.draw(line).canvas.encode('png');
  }

  render(line: TextLine): RasterBitmap {
    const { context, height } = this.draw(line);
    const pixels = context.getImageData(0, 0, this.dots, height).data;
    const widthBytes = Math.ceil(this.dots / 8);
    const bits = new Uint8Array(widthBytes * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < this.dots; x += 1) {
        const offset = (y * this.dots + x) * 4;
        const luminance =
          0.299 * (pixels[offset] ?? 255) +
          0.587 * (pixels[offset + 1] ?? 255) +
          0.114 * (pixels[offset + 2] ?? 255);
        if (luminance < 128) {
          const index = y * widthBytes + (x >> 3);
          bits[index] = (bits[index] ?? 0) | (0x80 >> (x & 7));
        }
      }
    }
    return { widthBytes, height, bits };
  }

  private draw(line: TextLine) {
    const scale = line.width < this.columns ? 2 : 1;
    const cellWidth = Math.floor(this.dots / this.columns) * scale;
    const fontSize = Math.floor(cellWidth / MONO_ADVANCE_EM);
    // Room above the capitals for stacked Vietnamese marks (Ẫ, Ẩ) and below for the dot (ặ).
    const height = Math.ceil(fontSize * 1.5);
    const baseline = Math.ceil(fontSize * 1.12);
    const canvas = createCanvas(this.dots, height);
    const context = canvas.getContext('2d');
    const ink = line.style.invert ? '#fff' : '#000';
    context.fillStyle = line.style.invert ? '#000' : '#fff';
    context.fillRect(0, 0, this.dots, height);
    context.fillStyle = ink;
    context.font = `${fontSize}px ${FONT_FAMILY}`;
    context.textBaseline = 'alphabetic';
    // Drawn cell by cell so the grid matches the layout exactly, whatever the font's advance.
    cells(line.text).forEach((character, index) => {
      const x = index * cellWidth;
      context.fillText(character, x, baseline);
      if (line.style.bold) context.fillText(character, x + Math.max(1, scale), baseline);
    });
    if (line.style.underline) {
      context.fillRect(
        0,
        baseline + Math.ceil(fontSize * 0.12),
        cells(line.text).length * cellWidth,
        scale * 2,
      );
    }
    return { canvas, context, height };
  }
}
