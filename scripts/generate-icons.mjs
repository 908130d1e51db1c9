// Draws the app icon once; the PNG it writes is committed, so packaging never needs a canvas.
// Run again only to change the artwork: node scripts/generate-icons.mjs
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';

const iconsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');

/** A till: rounded teal square, white receipt with lines, and an "O" for Omnitill. */
function drawIcon(size) {
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  const unit = size / 512;

  const radius = 96 * unit;
  context.fillStyle = '#0f766e';
  context.beginPath();
  context.roundRect(16 * unit, 16 * unit, 480 * unit, 480 * unit, radius);
  context.fill();

  // Receipt paper with a zig-zag tear at the bottom.
  const left = 136 * unit;
  const right = 376 * unit;
  const top = 88 * unit;
  const bottom = 424 * unit;
  const teeth = 8;
  const toothWidth = (right - left) / teeth;
  context.fillStyle = '#ffffff';
  context.beginPath();
  context.moveTo(left, top);
  context.lineTo(right, top);
  context.lineTo(right, bottom);
  for (let tooth = teeth; tooth > 0; tooth -= 1) {
    const x = left + tooth * toothWidth;
    context.lineTo(x - toothWidth / 2, bottom - 20 * unit);
    context.lineTo(x - toothWidth, bottom);
  }
  context.closePath();
  context.fill();

  context.strokeStyle = '#0f766e';
  context.lineWidth = 22 * unit;
  context.beginPath();
  context.arc(256 * unit, 188 * unit, 52 * unit, 0, Math.PI * 2);
  context.stroke();

  context.fillStyle = '#94a3b8';
  for (const [row, width] of [
    [284, 176],
    [324, 136],
    [364, 176],
  ]) {
    context.fillRect(168 * unit, row * unit, width * unit, 16 * unit);
  }

  return canvas.toBuffer('image/png');
}

// One 512x512 PNG serves all three: Linux derives its sizes from it, electron-builder converts it
// to .icns for macOS and to .ico (up to 256x256) for Windows.
const file = join(iconsDir, 'icon.png');
await writeFile(file, drawIcon(512));
console.log(`wrote ${file} (512x512)`);
