// Weave's icons, drawn in code: three strands across and three down, each passing over and under
// the others, as the professions do in a joined-up workforce. `npm run icons` writes the PNGs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png';

/** The Teams accent colour and the colour icon's background. */
export const ACCENT = '#1F6F78';

const STRANDS = [0.3, 0.5, 0.7];
const HALF_WIDTH = 0.075;
const GAP = 0.028;
const EXTENT: [number, number] = [0.14, 0.86];

/** 1 where the weave is drawn at (x, y) in the unit square, 0 where it is not. */
function weaveAt(x: number, y: number): number {
  const across = STRANDS.findIndex((c) => Math.abs(y - c) <= HALF_WIDTH && x >= EXTENT[0] && x <= EXTENT[1]);
  const down = STRANDS.findIndex((c) => Math.abs(x - c) <= HALF_WIDTH && y >= EXTENT[0] && y <= EXTENT[1]);
  if (across >= 0 && down >= 0) return 1;
  // Near a crossing, the strand underneath stops short of the one on top, so the eye sees over and under.
  if (across >= 0) {
    const j = STRANDS.findIndex((c) => Math.abs(x - c) <= HALF_WIDTH + GAP);
    return j >= 0 && (across + j) % 2 === 1 ? 0 : 1;
  }
  if (down >= 0) {
    const i = STRANDS.findIndex((c) => Math.abs(y - c) <= HALF_WIDTH + GAP);
    return i >= 0 && (i + down) % 2 === 0 ? 0 : 1;
  }
  return 0;
}

/** Coverage of each pixel, 4×4 samples a pixel so edges are smooth. */
function coverage(size: number): Float64Array {
  const out = new Float64Array(size * size);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) hits += weaveAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
      }
      out[py * size + px] = hits / (samples * samples);
    }
  }
  return out;
}

function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** 192×192, full colour: the white weave on the accent colour, edge to edge. */
export function colorIcon(): Buffer {
  const size = 192;
  const [r, g, b] = hex(ACCENT);
  const cover = coverage(size);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((a, i) => rgba.set([r + (255 - r) * a, g + (255 - g) * a, b + (255 - b) * a, 255].map(Math.round), i * 4));
  return encodePng(size, size, rgba);
}

/** 32×32 outline: white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((a, i) => rgba.set([255, 255, 255, Math.round(255 * a)], i * 4));
  return encodePng(size, size, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('./outline.png', import.meta.url), outlineIcon());
  console.log('wrote manifest/color.png and manifest/outline.png');
}
