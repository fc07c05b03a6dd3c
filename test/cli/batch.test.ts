/**
 * `check` over many files in process (workers run the .ts sources): every file ends as one
 * result in input order, and the progress line counts files as they finish. A worker that dies
 * is covered by pool.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { checkAll } from '../../src/cli/batch';
import { checkCommand } from '../../src/cli/checkCommand';
import { inputOf } from '../../src/cli/inputs';
import { DEFAULT_PROFILE } from '../../src/core/profile';

jest.setTimeout(600_000);

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'xinzhai-2022.xlsx');
let dir: string;
const at = (file: string) => path.join(dir, file);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-batch-'));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('checkAll', () => {
  it('gives one result per input in input order, each file read in a worker; an unreadable one fails alone', async () => {
    const inputs = [EXAMPLE, at('missing.xlsx'), at('wps.et'), EXAMPLE].map(inputOf);
    const heard: number[] = [];
    const results = await checkAll(inputs, DEFAULT_PROFILE, { jobs: 2, onResult: (i) => heard.push(i) });
    expect(results.map((r) => r.file)).toEqual(inputs.map((i) => i.file));
    expect(results.map((r) => (r.ok ? r.findings.length : r.reason))).toEqual([
      86,
      '文件不存在 (file not found)',
      '不支持 .et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查 (not supported: save as .xlsx)',
      86,
    ]);
    expect([...heard].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('checkCommand', () => {
  it('shows files done, files with errors and unreadable files on the progress line, then clears it; --jsonl prints each file', async () => {
    writeFileSync(at('broken.xlsx'), 'not a workbook');
    const out: string[] = [];
    const progress: string[] = [];
    const code = await checkCommand([EXAMPLE, at('broken.xlsx')], DEFAULT_PROFILE, { jsonl: true, jobs: 1 }, {
      out: (t) => out.push(t), err: () => undefined, progress: (t) => progress.push(t),
    });
    expect(code).toBe(2);
    expect(out.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual([EXAMPLE, at('broken.xlsx')]);
    expect(progress.filter((p) => p !== '')).toEqual([
      '检查中 1/2 个文件，1 个有错误',
      '检查中 2/2 个文件，1 个有错误，1 个无法读取',
    ]);
    expect(progress[progress.length - 1]).toBe('');
  });
});
