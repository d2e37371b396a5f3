/**
 * Draws Chancery's icons — a white "C" seal on the accent blue — and writes
 * app/favicon.ico (16, 32 and 48 px), app/icon.svg and app/apple-icon.png (180 px).
 * Next.js serves them and links them from every page. Run after changing the design:
 *
 *   npx tsx scripts/build-icons.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const BLUE: [number, number, number] = [0x1d, 0x4e, 0x89];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];

/** How much of pixel (x, y) of a size×size icon each shape covers, by 4×4 supersampling. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      // u, v in [-1, 1], the icon's own coordinates.
      const u = ((x + (i + 0.5) / 4) / size) * 2 - 1;
      const v = ((y + (j + 0.5) / 4) / size) * 2 - 1;
      if (inside(u, v)) hits++;
    }
  }
  return hits / 16;
}

const roundedSquare = (u: number, v: number) => {
  const r = 0.36;
  const dx = Math.max(Math.abs(u) - (1 - r), 0);
  const dy = Math.max(Math.abs(v) - (1 - r), 0);
  return dx * dx + dy * dy <= r * r;
};

/** A "C": a ring open to the right. */
const letterC = (u: number, v: number) => {
  const d = Math.hypot(u, v);
  const angle = Math.abs((Math.atan2(v, u) * 180) / Math.PI);
  return d >= 0.36 && d <= 0.62 && angle >= 48;
};

/** RGBA pixels, row by row from the top. */
function draw(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, roundedSquare);
      const fg = coverage(size, x, y, (u, v) => roundedSquare(u, v) && letterC(u, v));
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(bg > 0 ? (BLUE[c]! * (bg - fg) + WHITE[c]! * fg) / bg : 0);
      out[o + 3] = Math.round(bg * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const rgba = draw(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (read by every browser since IE 11). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map(png);
  const dir = Buffer.alloc(6);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = images.map((img, i) => {
    const e = Buffer.alloc(16);
    e[0] = sizes[i]! % 256;
    e[1] = sizes[i]! % 256;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(img.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += img.length;
    return e;
  });
  return Buffer.concat([dir, ...entries, ...images]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 2 2"><rect x="-1" y="-1" width="2" height="2" rx="0.36" fill="#1d4e89"/><path d="M ${0.49 * Math.cos((48 * Math.PI) / 180)} ${-0.49 * Math.sin((48 * Math.PI) / 180)} A 0.49 0.49 0 1 0 ${0.49 * Math.cos((48 * Math.PI) / 180)} ${0.49 * Math.sin((48 * Math.PI) / 180)}" fill="none" stroke="#fff" stroke-width="0.26"/></svg>\n`;

const app = path.join(import.meta.dirname, "..", "app");
writeFileSync(path.join(app, "favicon.ico"), ico([16, 32, 48]));
writeFileSync(path.join(app, "apple-icon.png"), png(180));
writeFileSync(path.join(app, "icon.svg"), svg);
console.log("wrote app/favicon.ico, app/apple-icon.png, app/icon.svg");
