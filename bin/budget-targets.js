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
  // Output piped into a program that stops reading (`| head`): end quietly, never a stack trace.
  process.stdout.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  require(entry)
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e) => {
        // Never a stack trace for the officer; BUDGET_TARGETS_DEBUG=1 shows it to a developer.
        const detail = process.env.BUDGET_TARGETS_DEBUG ? `\n${e && e.stack ? e.stack : e}` : '';
        process.stderr.write(`budget-targets: 处理时出错 (internal error)${detail}\n`);
        process.exitCode = 2;
      },
    );
}
