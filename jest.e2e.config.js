/**
 * The task pane end to end in headless Chromium (Debian's chromium, driven by playwright-core): the production
 * build is made once in globalSetup and served from 127.0.0.1 by the test itself.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/e2e/globalSetup.js',
  testTimeout: 120_000,
};
