/**
 * The bureau's side of `check` (SPEC §7), as a real process over the compiled command line:
 * folders, `.xls`/`.ods` through LibreOffice, `--jobs`, `--jsonl`, and the report workbook,
 * opened by LibreOffice with recalculation to check its totals.
 * The command line is compiled into its own folder, so this file never races another test's build of dist/.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'test-artifacts', 'bureau-dist');
const EXAMPLE = path.join(ROOT, 'examples', 'xinzhai-2022.xlsx');

let dir: string;
let tmp: string;
const at = (...parts: string[]) => path.join(dir, ...parts);

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const main = path.join(BUILD, 'cli', 'main.js');
  const code = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const r = spawnSync(process.execPath, ['-e', code, ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env }, maxBuffer: 1 << 26,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** LibreOffice with a profile of its own that recalculates every formula when it opens a file. */
function soffice(args: string[]): void {
  const profile = at('lo-profile');
  const xcu = path.join(profile, 'user', 'registrymodifications.xcu');
  mkdirSync(path.dirname(xcu), { recursive: true });
  writeFileSync(xcu, `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { stdio: 'ignore', timeout: 300_000 });
}

type FileJson = { file: string; projects: { sheet: string; budget: { total: string | null } }[]; findings: { rule: string; sheet: string; cell: string; message: string }[]; error?: string };
const findingKeys = (f: FileJson) => f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell} ${x.message}`);

let seed: FileJson;

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', BUILD], { cwd: ROOT });
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-bureau-'));
  tmp = at('tmp');
  mkdirSync(tmp);
  mkdirSync(at('county', '甲局'), { recursive: true });
  mkdirSync(at('county', '乙局'), { recursive: true });
  copyFileSync(EXAMPLE, at('county', '甲局', '目标表.xlsx'));
  copyFileSync(EXAMPLE, at('county', '乙局', '目标表.xlsm'));
  writeFileSync(at('county', '乙局', '坏文件.xlsx'), 'PK\u0003\u0004 not a workbook');
  writeFileSync(at('county', '乙局', '说明.txt'), 'not a workbook');
  mkdirSync(at('old'));
  copyFileSync(EXAMPLE, at('old', 'example.xlsx'));
  soffice(['--convert-to', 'xls', '--outdir', at('old'), at('old', 'example.xlsx')]);
  soffice(['--convert-to', 'ods', '--outdir', at('old'), at('old', 'example.xlsx')]);
  rmSync(at('old', 'example.xlsx'));
  const r = run(['check', '--json', EXAMPLE]);
  seed = (JSON.parse(r.stdout) as { files: FileJson[] }).files[0];
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('check FOLDER', () => {
  it('checks every workbook under the folder in name order, reports the broken one and exits 2', () => {
    const r = run(['check', '--json', 'county']);
    expect(r.status).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files.map((f) => f.file)).toEqual([
      path.join('county', '乙局', '坏文件.xlsx'), path.join('county', '乙局', '目标表.xlsm'), path.join('county', '甲局', '目标表.xlsx'),
    ]);
    expect(files[0].error).toMatch(/^不是有效的 \.xlsx 工作簿/);
    expect(findingKeys(files[1])).toEqual(findingKeys(seed));
    expect(findingKeys(files[2])).toEqual(findingKeys(seed));
    expect(r.stderr).toContain(`无法读取 ${path.join('county', '乙局', '坏文件.xlsx')}：不是有效的 .xlsx 工作簿`);
    expect(r.stderr).not.toContain('检查中'); // no progress line when stderr is not a terminal
  });

  it('prints the same, in input order, with --jobs 1 and --jobs 2', () => {
    const one = run(['check', '--json', '--jobs', '1', 'county', EXAMPLE]);
    const two = run(['check', '--json', '--jobs', '2', 'county', EXAMPLE]);
    expect(two.stdout).toBe(one.stdout);
    expect(run(['check', '--jobs', '2', 'county']).stdout).toBe(run(['check', '--jobs', '1', 'county']).stdout);
  });

  it('--jsonl prints one line per file, each exactly its --json entry', () => {
    const json = (JSON.parse(run(['check', '--json', 'county']).stdout) as { files: FileJson[] }).files;
    const r = run(['check', '--jsonl', 'county']);
    expect(r.status).toBe(2);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as FileJson);
    expect(lines).toHaveLength(3);
    expect([...lines].sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual(json);
  });

  it('exits 1 when every file is read and one has errors', () => {
    expect(run(['check', path.join('county', '甲局')]).status).toBe(1);
  });

  it('exits 2 for a folder with no workbook, saying so', () => {
    mkdirSync(at('nothing'));
    const r = run(['check', 'nothing']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('文件夹 nothing 中没有工作簿');
  });

  it('rejects bad options with exit code 2', () => {
    expect(run(['check', 'county', '--jobs', '0']).stderr).toContain('--jobs 需要一个正整数');
    expect(run(['check', 'county', '--json', '--jsonl']).stderr).toContain('--json 与 --jsonl 只能选一个');
    expect(run(['check', 'county', '--force']).stderr).toContain('--force 只用于 --report');
    expect(run(['check', 'county', '--report', 'r.csv']).status).toBe(2);
  });

  it('summary takes a folder too', () => {
    const r = run(['summary', path.join('county', '甲局'), EXAMPLE, '-o', 'both.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('20 个项目');
    expect(r.status).toBe(0);
  });
});

describe('other formats', () => {
  it('asks to save .et and .csv as .xlsx', () => {
    writeFileSync(at('wps.et'), 'x');
    writeFileSync(at('table.csv'), 'a,b');
    const r = run(['check', '--json', 'wps.et', 'table.csv']);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as { files: FileJson[] }).files.map((f) => f.error)).toEqual([
      '不支持 .et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查 (not supported: save as .xlsx)',
      '不支持 .csv 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查 (not supported: save as .xlsx)',
    ]);
  });

  it('reads .xls and .ods through LibreOffice: the same findings, named after the original, nothing written beside it', () => {
    const before = readdirSync(at('old')).sort();
    const r = run(['check', '--json', '--jobs', '1', 'old']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files.map((f) => f.file)).toEqual([path.join('old', 'example.ods'), path.join('old', 'example.xls')]);
    for (const f of files) {
      expect(findingKeys(f)).toEqual(findingKeys(seed));
      expect(f.projects).toEqual(seed.projects);
    }
    expect(readdirSync(at('old')).sort()).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]); // the temporary folder is gone
  });

  it('without LibreOffice, names what to install', () => {
    mkdirSync(at('no-soffice'));
    const r = run(['check', path.join('old', 'example.xls')], { PATH: at('no-soffice') });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('读取 .xls 文件需要安装 LibreOffice（命令 soffice，例如 apt-get install libreoffice-calc');
  });

  it('says a file named .xls that is no workbook is not one, without starting LibreOffice', () => {
    writeFileSync(at('fake.xls'), 'hello');
    const r = run(['check', 'fake.xls'], { PATH: at('no-soffice') });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('不是有效的 .xls 工作簿 (not a valid .xls workbook)');
  });

  it('checks the .xlsx files while LibreOffice converts, and on Ctrl-C stops it and removes its temporary folder', async () => {
    // A LibreOffice that never finishes: the .xlsx beside the .xls is still checked (--jsonl prints it).
    mkdirSync(at('slow-soffice'));
    writeFileSync(at('slow-soffice', 'soffice'), '#!/bin/sh\nexec sleep 120\n', { mode: 0o755 });
    const main = path.join(BUILD, 'cli', 'main.js');
    const code = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
    const child = spawn(process.execPath, ['-e', code, 'check', '--jsonl', EXAMPLE, path.join('old', 'example.xls')], {
      cwd: dir, env: { ...process.env, TMPDIR: tmp, PATH: `${at('slow-soffice')}${path.delimiter}${process.env.PATH}` },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const started = Date.now();
    while (!stdout.includes('\n') && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 100));
    expect((JSON.parse(stdout.split('\n')[0]) as { file: string }).file).toBe(EXAMPLE);
    expect(readdirSync(tmp).filter((n) => n.startsWith('budget-targets-'))).toHaveLength(1); // still converting
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('check --report', () => {
  const REPORT = '审核结果.xlsx';

  it('writes 总览, 问题清单, 汇总 and 规则, and refuses to overwrite it without --force', async () => {
    const r = run(['check', 'county', '--report', REPORT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`已写入 ${REPORT}：审核报告，3 个文件，199 条问题`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at(REPORT));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['总览', '问题清单', '汇总', '规则']);
    const overview = wb.getWorksheet('总览')!;
    expect(overview.getColumn(1).values.slice(1)).toEqual([
      '文件', path.join('county', '乙局', '坏文件.xlsx'), path.join('county', '乙局', '目标表.xlsm'), path.join('county', '甲局', '目标表.xlsx'),
    ]);
    expect(overview.getRow(3).values).toEqual([undefined, path.join('county', '乙局', '目标表.xlsm'), '802008乐亭县新寨镇人民政府', 10, 291.61, 1, 86, 12, '不能报送']);
    const list = wb.getWorksheet('问题清单')!;
    expect(list.rowCount).toBe(1 + 199);
    expect(list.autoFilter).toBe('A1:F200');
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.getRow(2).values).toEqual([undefined, path.join('county', '乙局', '坏文件.xlsx'), undefined, undefined, undefined, '错误', expect.stringMatching(/^无法读取：不是有效的 \.xlsx 工作簿/)]);
    expect(list.getRow(3).values).toEqual([undefined, path.join('county', '乙局', '目标表.xlsm'), '2022年新中国成立前老党员生活补贴', 'E7', 'S004', '错误', expect.stringContaining('12月底累计支出计划应为100%')]);

    const bytes = readFileSync(at(REPORT));
    const again = run(['check', 'county', '--report', REPORT]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${REPORT} 已存在，未覆盖；加 --force 覆盖`);
    expect(again.stdout).toBe(''); // refused before checking anything
    expect(readFileSync(at(REPORT)).equals(bytes)).toBe(true);

    const forced = run(['check', path.join('county', '甲局'), '--report', REPORT, '--force']);
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain(`已写入 ${REPORT}：审核报告，1 个文件，99 条问题`);
  });

  it('never takes the report for an input, and never writes over an input', () => {
    mkdirSync(at('dept'));
    copyFileSync(EXAMPLE, at('dept', '目标表.xlsx'));
    const inside = path.join('dept', '审核结果.xlsx');
    expect(run(['check', 'dept', '--report', inside]).status).toBe(1);
    const second = run(['check', '--json', 'dept', '--report', inside, '--force']);
    expect((JSON.parse(second.stdout) as { files: FileJson[] }).files.map((f) => f.file)).toEqual([path.join('dept', '目标表.xlsx')]);
    const input = path.join('dept', '目标表.xlsx');
    const before = statSync(at(input)).mtimeMs;
    const r = run(['check', input, '--report', input, '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不能把结果写到输入文件');
    expect(statSync(at(input)).mtimeMs).toBe(before);
  });

  it('汇总 totals, recalculated by LibreOffice from the formulas, are the exact sums', async () => {
    expect(run(['check', path.join('county', '甲局'), EXAMPLE, '--report', 'totals.xlsx']).status).toBe(1);
    // Blank the cached results, so the figures LibreOffice shows can only come from recalculating.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('totals.xlsx'));
    const ws = wb.getWorksheet('汇总')!;
    const totalRow = ws.getRow(ws.rowCount);
    expect(totalRow.getCell(1).value).toBe('合计');
    totalRow.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue;
      if (typeof v === 'object' && v !== null && 'formula' in v) cell.value = { formula: v.formula, result: 0 } as ExcelJS.CellFormulaValue;
    });
    await wb.xlsx.writeFile(at('blanked.xlsx'));

    mkdirSync(at('csv'));
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', at('csv'), at('blanked.xlsx')]);
    const rows = readFileSync(at('csv', 'blanked-汇总.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    expect(rows).toHaveLength(1 + 20 + 1);
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('合计');
    // 预算数 财政资金 其他资金, planned at 3/6/10/12月底 (SPEC §5: 72.91 144.81 216.72 288.61 per workbook), 指标数 错误 警告.
    expect(total.slice(5).map(Number)).toEqual([583.22, 583.22, 0, 145.82, 289.62, 433.44, 577.22, 60, 2, 172]);
  });
});
