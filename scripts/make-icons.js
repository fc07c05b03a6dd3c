#!/usr/bin/env node
/**
 * Draws the add-in icons (a green rounded square holding a white table) into assets/icon-<size>.png.
 * Run it again only to change the design: the PNGs are committed, and the manifest test checks their sizes.
 * Plain Node (zlib), so it needs no image tool.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1f, 0x7a, 0x4d];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** RGBA pixels (size × size × 4) → PNG file bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Share of the pixel (x, y) covered by a rounded square filling the icon, from 4×4 samples. */
function roundedSquareCoverage(size, x, y) {
  const r = size * 0.2;
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const dx = Math.max(r - px, px - (size - r), 0);
      const dy = Math.max(r - py, py - (size - r), 0);
      if (dx * dx + dy * dy <= r * r) inside++;
    }
  }
  return inside / 16;
}

/** Whether (x, y) is white: the table's outline and grid, with a filled header row. Lines sit on whole pixels so small icons stay crisp. */
function isTable(size, x, y) {
  const w = Math.max(1, Math.round(size / 20));
  const left = Math.round(size * 0.2);
  const right = size - left;
  const top = Math.round(size * 0.22);
  const bottom = size - Math.round(size * 0.2);
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const columns = [0, 1, 2, 3].map((k) => left + Math.round((k * (right - left - w)) / 3));
  const rows = [0, 1, 2, 3, 4].map((k) => top + Math.round((k * (bottom - top - w)) / 4));
  if (y < rows[1] + w) return true; // header row
  return columns.some((c) => x >= c && x < c + w) || rows.some((r) => y >= r && y < r + w);
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = isTable(size, x, y) ? WHITE : GREEN;
      const i = (y * size + x) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round(255 * roundedSquareCoverage(size, x, y));
    }
  }
  return encodePng(size, rgba);
}

const assets = path.join(__dirname, '..', 'assets');
fs.mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assets, `icon-${size}.png`);
  fs.writeFileSync(file, drawIcon(size));
  console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
}
