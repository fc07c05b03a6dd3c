#!/usr/bin/env node
/**
 * Prints the gzip size of the task pane's JavaScript in dist-web/ and fails above the budgets: 180 KB
 * for any one bundle (the entry is a bootstrap; the largest chunk is the shared vendors one on the path to
 * the first verdict) and 400 KB for all of it. `node scripts/bundle-analysis.js` shows what each is made of.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_KB = 400;
const BUNDLE_BUDGET_KB = 180;
const dir = path.join(__dirname, '..', 'dist-web');

// Top-level *.js only: dist-web/office-js/ is Office's own library, loaded from its own files.
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.js')).sort() : [];
if (files.length === 0) {
  console.error('bundle-size: no JavaScript in dist-web/ — run `npm run build` first.');
  process.exit(1);
}

let totalGzip = 0;
let largest = { name: '', gzip: 0 };
for (const name of files) {
  const bytes = fs.readFileSync(path.join(dir, name));
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  totalGzip += gzip;
  if (gzip > largest.gzip) largest = { name, gzip };
  console.log(`${name.padEnd(32)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  ${(gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const totalKb = totalGzip / 1024;
const entry = files.find((f) => f.startsWith('taskpane.'));
if (entry) console.log(`entry (loaded first): ${entry}; largest bundle: ${largest.name}, ${(largest.gzip / 1024).toFixed(1)} KB gzip (budget ${BUNDLE_BUDGET_KB} KB)`);
console.log(`task pane JavaScript: ${totalKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (largest.gzip / 1024 > BUNDLE_BUDGET_KB) {
  console.error(`bundle-size: ${largest.name} is over the ${BUNDLE_BUDGET_KB} KB gzip budget of one bundle.`);
  process.exit(1);
}
if (totalKb > BUDGET_KB) {
  console.error(`bundle-size: over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB gzip.`);
  process.exit(1);
}
