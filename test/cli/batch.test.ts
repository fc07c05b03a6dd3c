/**
 * `check` over many files (worker processes run the .ts sources): every file ends as one
 * result in input order, the progress line counts files as they finish, and a file too large
 * for its worker's heap fails alone. The pool's own failures are covered by pool.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { LARGE_BATCH_BYTES, checkAll, defaultJobs, inputBytes } from '../../src/cli/batch';
import { exitCode } from '../../src/cli/check';
import { checkCommand } from '../../src/cli/checkCommand';
import { inputOf } from '../../src/cli/inputs';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { writeZip } from '../fuzz/hostile';

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
      99,
      '文件不存在 (file not found)',
      '不支持 .et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查 (not supported: save as .xlsx)',
      99,
    ]);
    expect([...heard].sort()).toEqual([0, 1, 2, 3]);
  });
});

/**
 * A real workbook within every read cap (1,600 cells, one 48 MB sheet part) whose cells hold
 * 30,000 characters each: checking it needs more than a 64 MB heap. The example needs about
 * 8 MB (under ts-jest the worker also holds TypeScript, about 30 MB more).
 */
function hugeWorkbook(): Buffer {
  const t = (x: string) => Buffer.from(x, 'utf8');
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const col = (c: number) => (c < 26 ? '' : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));
  const filler = 'a'.repeat(30_000);
  const rows: string[] = [];
  for (let r = 1; r <= 40; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 40; c++) cells.push(`<c r="${col(c)}${r}" t="inlineStr"><is><t>${r}-${c}${filler}</t></is></c>`);
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return writeZip([
    { name: '_rels/.rels', data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: t(`<workbook ${NS}><sheets><sheet name="大" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: t(`<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`) },
  ]);
}

describe('--jobs when not given', () => {
  it('is a worker per core for a large batch, one core fewer for a smaller one, and never below one', () => {
    expect(defaultJobs(LARGE_BATCH_BYTES, 2)).toBe(2);
    expect(defaultJobs(LARGE_BATCH_BYTES - 1, 2)).toBe(1);
    expect(defaultJobs(5 << 20, 8)).toBe(7);
    expect(defaultJobs(100 << 20, 8)).toBe(8);
    expect(defaultJobs(0, 1)).toBe(1);
    expect(defaultJobs(100 << 20, 1)).toBe(1);
  });

  it('weighs a batch by its files on disk; a missing one counts nothing', () => {
    writeFileSync(at('sized-a.xlsx'), Buffer.alloc(1000));
    writeFileSync(at('sized-b.xls'), Buffer.alloc(234));
    expect(inputBytes([at('sized-a.xlsx'), at('absent.xlsx'), at('sized-b.xls')].map(inputOf))).toBe(1234);
  });
});

describe('a file too large for its worker', () => {
  it('fails alone, as out of memory (heap capped at 64 MB): the files before and after it are checked and the run exits 2', async () => {
    writeFileSync(at('huge.xlsx'), hugeWorkbook());
    const inputs = [EXAMPLE, at('huge.xlsx'), EXAMPLE, EXAMPLE].map(inputOf);
    const results = await checkAll(inputs, DEFAULT_PROFILE, { jobs: 2, workerMemoryMb: 64 });
    expect(results.map((r) => (r.ok ? r.findings.length : r.reason))).toEqual([
      99,
      '文件太大，检查时内存超过 64 MB 的上限 (out of memory: the file is too large)',
      99,
      99,
    ]);
    expect(exitCode(results)).toBe(2);
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
