#!/usr/bin/env node
/**
 * Time to first verdict: serves a production build (default dist-web/) from 127.0.0.1, opens
 * taskpane.html in headless Chromium (Debian's /usr/bin/chromium through playwright-core, as the
 * end-to-end run does) several times, and prints, per load and as the median: the first paint (the
 * pane's frame) and the time until the verdict (可以报送 / 不能报送) is on screen, both from navigation
 * start. Without Chromium it says so and exits 0 (a build never fails for a missing browser).
 * Usage: node scripts/first-verdict.js [DIR] [RUNS]
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const CHROMIUM = '/usr/bin/chromium';
const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist-web'));
const runs = Number(process.argv[3] ?? 5);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.json': 'application/json' };

function serve(root) {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`first-verdict: ${CHROMIUM} is missing (apt-get install chromium): not measured.`);
    return;
  }
  if (!fs.existsSync(path.join(dir, 'taskpane.html'))) throw new Error(`no taskpane.html in ${dir}: build first`);
  const { chromium } = require('playwright-core');
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const paints = [];
  const verdicts = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${origin}/taskpane.html`);
      const handle = await page.waitForFunction(
        () => (document.querySelector('[data-testid="verdict"]') ? performance.now() : false),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const verdict = await handle.jsonValue();
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      paints.push(paint);
      verdicts.push(verdict);
      console.log(`  load ${i + 1}: frame painted ${Math.round(paint)} ms, verdict ${Math.round(verdict)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`time to first verdict (headless Chromium, median of ${runs}): ${Math.round(median(verdicts))} ms; first paint ${Math.round(median(paints))} ms`);
}

main().catch((e) => {
  console.error(`first-verdict: ${e.message ?? e}`);
  process.exit(1);
});
