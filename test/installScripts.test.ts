// `npm ci` prints no unexplained warning (issue 9, item 18): npm 11 skips the install scripts of
// dependencies that package.json's `allowScripts` does not mention, and warns about each one. Every
// package in the lock file that has an install script must therefore be decided there (allowed or denied).
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
};

function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

test('every dependency with an install script is decided in package.json allowScripts', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
    .map(([key]) => packageName(key));
  const decided = Object.keys(pkg.allowScripts ?? {}).map((entry) => entry.replace(/(.)@[^@]*$/, '$1'));
  expect(withScripts.filter((name) => !decided.includes(name))).toEqual([]);
});

test('@parcel/watcher (an optional watcher of jest-haste-map) runs no node-gyp build: its prebuilt binary is used', () => {
  expect(pkg.allowScripts?.['@parcel/watcher']).toBe(false);
});
