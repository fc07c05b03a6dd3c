/** PATH arguments of SPEC §7: files and folders (searched recursively) into one ordered list of workbooks. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { expandInputs, inputOf, summaryFiles } from '../../src/cli/inputs';

let dir: string;
const at = (...parts: string[]) => path.join(dir, ...parts);
const touch = (...parts: string[]) => {
  mkdirSync(path.dirname(at(...parts)), { recursive: true });
  writeFileSync(at(...parts), 'x');
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-inputs-'));
  touch('county', 'b.xlsx');
  touch('county', 'a.XLSX');
  touch('county', 'notes.txt');
  touch('county', 'data.csv');
  touch('county', '~$b.xlsx');
  touch('county', '.hidden.xlsx');
  touch('county', 'town', 'c.xls');
  touch('county', 'town', 'd.ods');
  touch('county', 'town', 'e.et');
  touch('county', 'town', 'f.xlsm');
  touch('county', 'report.xlsx');
  mkdirSync(at('empty', 'sub'), { recursive: true });
  symlinkSync(at('county'), at('county', 'town', 'loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputOf', () => {
  it.each([
    ['a.xlsx', 'xlsx', '.xlsx'],
    ['a.XLSM', 'xlsx', '.xlsm'],
    ['a.xls', 'convert', '.xls'],
    ['a.ODS', 'convert', '.ods'],
    ['a.et', 'unsupported', '.et'],
    ['a.csv', 'unsupported', '.csv'],
    ['noext', 'xlsx', ''],
  ])('%s is read as %s', (file, kind, ext) => {
    expect(inputOf(file)).toEqual({ file, kind, ext });
  });
});

describe('expandInputs', () => {
  it('finds the workbooks under a folder, depth first in name order, leaving out lock files, hidden files, other files and links to folders', async () => {
    const { inputs, problems } = await expandInputs([at('county')]);
    expect(problems).toEqual([]);
    expect(inputs.map((i) => path.relative(dir, i.file))).toEqual([
      'county/a.XLSX', 'county/b.xlsx', 'county/report.xlsx',
      'county/town/c.xls', 'county/town/d.ods', 'county/town/e.et', 'county/town/f.xlsm',
    ].map((p) => p.split('/').join(path.sep)));
    expect(inputs.map((i) => i.kind)).toEqual(['xlsx', 'xlsx', 'xlsx', 'convert', 'convert', 'unsupported', 'xlsx']);
  });

  it('keeps files as given (a missing one too, for the reader to report), lists a file reached twice once, and leaves the report out of folders', async () => {
    const { inputs } = await expandInputs([at('missing.xlsx'), at('county', 'b.xlsx'), at('county')], [at('county', 'report.xlsx')]);
    expect(inputs.map((i) => path.relative(dir, i.file))).toEqual([
      'missing.xlsx', 'county/b.xlsx', 'county/a.XLSX',
      'county/town/c.xls', 'county/town/d.ods', 'county/town/e.et', 'county/town/f.xlsm',
    ].map((p) => p.split('/').join(path.sep)));
  });

  it('says so for a folder without workbooks', async () => {
    const { inputs, problems } = await expandInputs([at('empty')]);
    expect(inputs).toEqual([]);
    expect(problems).toEqual([`文件夹 ${at('empty')} 中没有工作簿（.xlsx、.xlsm、.xls、.ods）(no workbooks in this folder)`]);
  });
});

describe('summaryFiles', () => {
  it('expands folders for summary, leaving out its output', async () => {
    const err: string[] = [];
    expect(await summaryFiles([at('county', 'town', 'f.xlsm'), at('county', 'b.xlsx')], at('out.xlsx'), (t) => err.push(t))).toEqual([
      at('county', 'town', 'f.xlsm'), at('county', 'b.xlsx'),
    ]);
    expect(err).toEqual([]);
  });

  it('refuses files it cannot copy sheets from (.xls, .ods, .et), naming each', async () => {
    const err: string[] = [];
    expect(await summaryFiles([at('county')], at('county', 'report.xlsx'), (t) => err.push(t))).toBeUndefined();
    expect(err).toEqual(['c.xls', 'd.ods', 'e.et'].map((f) =>
      `${at('county', 'town', f)}：summary 只接受 .xlsx、.xlsm，请先另存为 .xlsx（check 可以直接检查 .xls、.ods）(summary needs .xlsx files)`));
  });
});
