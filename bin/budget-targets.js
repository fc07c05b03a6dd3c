#!/usr/bin/env node
'use strict';
// The command line lives in dist/ (compiled from src/cli by `npm run build:cli`, which
// `npm ci` runs through `prepare`).
const fs = require('fs');
const path = require('path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    `budget-targets: 找不到编译后的命令行程序 ${path.relative(process.cwd(), entry) || entry}\n` +
      '请先在仓库根目录运行 npm run build:cli (the command line is not built: run `npm run build:cli`)\n',
  );
  process.exitCode = 2;
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e) => {
        process.stderr.write(`budget-targets: ${e && e.stack ? e.stack : e}\n`);
        process.exitCode = 2;
      },
    );
}
