#!/usr/bin/env node
/**
 * What makes up the task pane's JavaScript in dist-web/: each top-level bundle's minified bytes
 * attributed to the sources they came from (through the bundle's source map), grouped by package
 * (node_modules/<pkg>) or by folder of src/, with the bundle's gzip size shared out in proportion.
 * Usage: node scripts/bundle-analysis.js [DIR] (default dist-web; needs the production build's .map files).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** The source index of each mapped segment, per generated line: [[column, source], …]. */
function segments(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const out = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = B64_VALUE.get(c);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        out.push([column, source]);
      } else out.push([column, -1]);
    }
    lines.push(out);
  }
  return lines;
}

function owner(source) {
  const s = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (pkg) return pkg[1];
  const src = /^src\/([^/]+(?:\/[^/]+)?)\//.exec(s);
  return src ? `src/${src[1]}` : s.startsWith('webpack/') ? 'webpack runtime' : s;
}

function analyse(file) {
  const code = fs.readFileSync(file, 'utf8');
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
  const bytes = new Map();
  const add = (key, n) => bytes.set(key, (bytes.get(key) ?? 0) + n);
  const lines = code.split('\n');
  segments(map.mappings).forEach((segs, i) => {
    const line = lines[i] ?? '';
    segs.forEach(([column, source], j) => {
      const end = j + 1 < segs.length ? segs[j + 1][0] : line.length;
      add(source < 0 ? '(unmapped)' : owner(map.sources[source]), Buffer.byteLength(line.slice(column, end)));
    });
  });
  const total = Buffer.byteLength(code);
  const gzip = zlib.gzipSync(code, { level: 9 }).length;
  return { total, gzip, groups: [...bytes].sort((a, b) => b[1] - a[1]) };
}

const dir = process.argv[2] ?? path.join(__dirname, '..', 'dist-web');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && fs.existsSync(path.join(dir, `${f}.map`))).sort();
if (!files.length) {
  console.error(`bundle-analysis: no JavaScript with source maps in ${dir} — run \`npm run build\` first.`);
  process.exit(1);
}
for (const f of files) {
  const { total, gzip, groups } = analyse(path.join(dir, f));
  console.log(`\n${f}: ${(total / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  for (const [key, n] of groups.slice(0, Number(process.env.TOP ?? 14))) {
    console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB  ${((100 * n) / total).toFixed(1).padStart(5)}%  ~${((gzip * n) / total / 1024).toFixed(1).padStart(5)} KB gzip  ${key}`);
  }
}
