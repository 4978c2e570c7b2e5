// Draws the app icons in public/icons/ (a white half-filled square on the accent blue, as the
// toolbar's logo), with no image library: `npx tsx scripts/make-icons.ts` rewrites them.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { deflateSync } from "node:zlib";

const BLUE = [0x1f, 0x6f, 0xeb];
const WHITE = [0xff, 0xff, 0xff];

/** The colour of pixel (x, y) of a size-by-size icon; null is transparent (outside the rounded corners). */
function pixel(x: number, y: number, size: number): number[] | null {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // The mark: a square outline 0.26..0.74 with its left half filled.
  const inside = u > 0.26 && u < 0.74 && v > 0.26 && v < 0.74;
  const border = inside && (u < 0.31 || u > 0.69 || v < 0.31 || v > 0.69);
  return inside && (border || u < 0.5) ? WHITE : BLUE;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ -1) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of the icon at `size` pixels. */
function png(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = pixel(x, y, size);
      const at = y * (size * 4 + 1) + 1 + x * 4;
      if (colour) rows.set([...colour, 255], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = resolve(import.meta.dirname, "../public/icons");
for (const size of [192, 512]) writeFileSync(resolve(out, `icon-${size}.png`), png(size));
