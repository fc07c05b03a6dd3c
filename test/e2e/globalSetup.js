/** Builds the task pane once (webpack, production) into test-artifacts/web for the browser tests. */
'use strict';

const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-artifacts', 'web');

module.exports = async () => {
  execFileSync(process.execPath, [require.resolve('webpack/bin/webpack.js'), '--mode', 'production', '--output-path', OUT, '--no-stats'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.E2E_WEB_DIR = OUT;
};
