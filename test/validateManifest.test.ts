// `npm run validate` (issue 9, item 19): office-addin-manifest's offline checks of manifest.xml, through
// scripts/validate-manifest.js, then test/manifest.test.ts. The script runs as `npm run validate` runs it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function validate(file: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, file], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-manifest-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function manifestWith(name: string, edit: (xml: string) => string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, edit(MANIFEST));
  return file;
}

test('npm run validate runs office-addin-manifest\'s offline checks and then the manifest test', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  expect(pkg.scripts.validate).toBe('node scripts/validate-manifest.js manifest.xml && jest --runTestsByPath test/manifest.test.ts');
  expect(Object.keys(pkg.devDependencies)).toEqual(
    expect.arrayContaining(['office-addin-cli', 'office-addin-dev-certs', 'office-addin-manifest']),
  );
});

test('the project manifest passes, named as office-addin-manifest reads it', () => {
  const result = validate('manifest.xml');
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(
    'manifest.xml: 预算绩效目标表助手 0.1.0.0 (2d9d7dd6-cfe4-4a92-95b3-57483d5954a1), TaskPaneApp for Workbook — offline checks passed\n',
  );
  expect(result.status).toBe(0);
});

test('a manifest for another host, on http, with a bad id and version fails with each problem', () => {
  const file = manifestWith('bad.xml', (xml) =>
    xml
      .replace('<Host Name="Workbook"', '<Host Name="Document"')
      .replace('https://localhost:3000/taskpane.html', 'http://localhost:3000/taskpane.html')
      .replace('<Id>2d9d7dd6-cfe4-4a92-95b3-57483d5954a1</Id>', '<Id>not-a-guid</Id>')
      .replace('<Version>0.1.0.0</Version>', '<Version>v1</Version>'),
  );
  const result = validate(file);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual([
    `${file}: <Id> is not a GUID: not-a-guid`,
    `${file}: <Version> is not n.n[.n[.n]]: v1`,
    `${file}: <Hosts> does not name Excel (Workbook): ["Document"]`,
    `${file}: DefaultSettings/SourceLocation is not an https address: http://localhost:3000/taskpane.html`,
  ]);
});

test('a manifest that is not well-formed XML is reported in one line', () => {
  const file = path.join(dir, 'cut.xml');
  fs.writeFileSync(file, MANIFEST.slice(0, 400));
  const result = validate(file);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(`${file}: office-addin-manifest cannot read it: Unable to parse the manifest file: ${file}.\n`);
});
