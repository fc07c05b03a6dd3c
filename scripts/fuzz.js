#!/usr/bin/env node
'use strict';
/**
 * `npm run fuzz`: the fuzz test (test/fuzz/fuzz.test.ts) with many more seeded mutations than
 * `npm test` runs. FUZZ_MUTATIONS (default 300) and FUZZ_SEED (default 20221231) choose the run.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const env = { ...process.env, FUZZ_MUTATIONS: process.env.FUZZ_MUTATIONS || '300' };
const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--runTestsByPath', 'test/fuzz/fuzz.test.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(r.status === null ? 2 : r.status);
