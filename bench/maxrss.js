'use strict';
/**
 * Preloaded with `node -r bench/maxrss.js …`: on exit, writes the process's peak resident
 * memory (kilobytes, `process.resourceUsage().maxRSS`) to the file named by BT_MAXRSS_FILE.
 * The benchmark and the fuzz test measure whole child processes with it (no /usr/bin/time needed).
 */
const fs = require('fs');

const out = process.env.BT_MAXRSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change what the measured process does.
    }
  });
}
