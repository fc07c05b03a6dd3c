/**
 * The real command line (`node bin/budget-targets.js …`, over dist/ built first) on the seed
 * workbook and on broken input (SPEC §5, §7).
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { readWorkbookGrids } from '../../src/xlsx';
import { unzipParts, writeZip } from '../fuzz/hostile';
import { SEED_JSON_PATH as SEED_JSON, SEED_TXT_PATH as SEED_TXT, canonical, seedTables } from '../support/seed';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'budget-targets.js');
const EXAMPLE = path.join(ROOT, 'examples', 'xinzhai-2022.xlsx');
/** 2022-01-01T00:00:00Z, the time stamped on the example workbook. */
const EXAMPLE_EPOCH = '1640995200';

/** The seed's sheets, in order: the sheet name is the project name. */
const P = [
  '2022年人大之家工作经费', '2022年乡镇维稳经费', '2022年村干部养老保险', '2022年村级办公费', '2022年村级党组织活动经费',
  '2022年服务群众专项经费', '2022年环保网格员补贴', '2022年建档立卡公益岗补贴', '2022年新中国成立前老党员生活补贴',
  '2022年农村定期定量补助',
];

let dir: string;
const at = (file: string) => path.join(dir, file);

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkJson(...args: string[]) {
  const r = run(['check', '--json', ...args]);
  return { ...r, json: JSON.parse(r.stdout) };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

type FindingJson = { rule: string; severity: string; sheet: string; cell: string; message: string; message_en: string };
const where = (findings: FindingJson[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${P.indexOf(f.sheet) + 1}!${f.cell}`);

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT });
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-cli-'));
  expect(run(['new', '--from', SEED_JSON, '-o', 'seed.xlsx']).status).toBe(0);
  expect(run(['new', '--from', SEED_TXT, '-o', 'seed-txt.xlsx']).status).toBe(0);
  writeFileSync(at('garbage.xlsx'), 'PK\u0003\u0004 this is not really a workbook');
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('issue 9, item 17: files that are not workbooks, overwriting, the written line', () => {
  it('says in words what a file that is not a workbook is, never the zip library’s message', () => {
    writeFileSync(at('notes.txt'), '这不是工作簿\n');
    const r = run(['check', 'notes.txt', 'garbage.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('notes.txt\n  无法读取：不是有效的 .xlsx 工作簿');
    expect(r.stdout).toContain('garbage.xlsx\n  无法读取：不是有效的 .xlsx 工作簿');
    expect(r.stdout + r.stderr).not.toMatch(/central directory/i);
  });

  it('new -o and summary -o keep an existing file unless --force, and print the same written line in both languages', () => {
    writeFileSync(at('taken.xlsx'), 'mine');
    for (const args of [['new', '--from', SEED_JSON, '-o', 'taken.xlsx'], ['summary', 'seed.xlsx', '-o', 'taken.xlsx']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('taken.xlsx 已存在，未覆盖；要覆盖请加 --force');
      expect(readFileSync(at('taken.xlsx'), 'utf8')).toBe('mine');
    }
    const made = run(['new', '--from', SEED_JSON, '-o', 'taken.xlsx', '--force']);
    expect(made.status).toBe(0);
    expect(made.stdout.trim()).toBe('已写入 taken.xlsx：10 张绩效目标表 (written taken.xlsx: 10 target-table sheets)');
    const summary = run(['summary', 'seed.xlsx', '-o', 'taken.xlsx', '--force']);
    expect(summary.status).toBe(0);
    expect(summary.stdout.trim()).toMatch(/^已写入 taken\.xlsx：汇总表“汇总”，10 个项目（错误 \d+ 条，警告 \d+ 条） \(written taken\.xlsx: summary sheet “汇总”, 10 projects \(\d+ errors, \d+ warnings\)\)$/);
  });
});

describe('usage', () => {
  it('prints the usage on stderr with exit code 2 for no arguments, on stdout for --help; and the version', () => {
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('budget-targets check PATH... [--json | --jsonl] [--report OUT.xlsx [--force]] [--jobs N]');
    expect(none.stderr).toContain('budget-targets summary FILE.xlsx... -o OUT.xlsx');
    expect(none.stderr).toContain('budget-targets new --from TABLES.json|DOCUMENT.txt|DOCUMENT.docx -o OUT.xlsx');
    expect(none.stderr).toContain('budget-targets export FILE.xlsx -o DOC.docx [--allow-errors] [--force]');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.trim()).toBe(none.stderr.trim());
    const v = run(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('rejects an unknown command with exit code 2 and a hint', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令：frobnicate');
    expect(r.stderr).toContain('--help');
  });
});

describe('new --from', () => {
  it('writes one sheet per table, named after the project', async () => {
    expect((await load(at('seed.xlsx'))).worksheets.map((w) => w.name)).toEqual(P);
  });

  it('reads back exactly the tables imported (JSON → .xlsx → tables)', async () => {
    const { sheets } = await readWorkbookGrids(at('seed.xlsx'));
    const back = sheets.map((s) => tableToInput(readTargetTable(s.grid, s.name)!));
    expect(back).toEqual(seedTables().map(canonical));
  });

  it('gives the same tables from the document text as from the JSON', async () => {
    const fromJson = (await readWorkbookGrids(at('seed.xlsx'))).sheets;
    // The document's 第一部分 comes first, in a sheet of its own.
    const [department, ...fromTxt] = (await readWorkbookGrids(at('seed-txt.xlsx'))).sheets;
    expect(department.name).toBe('部门整体绩效目标');
    expect(fromTxt.map((s) => s.name)).toEqual(P);
    expect(fromTxt.map((s) => tableToInput(readTargetTable(s.grid, s.name)!))).toEqual(
      fromJson.map((s) => tableToInput(readTargetTable(s.grid, s.name)!)),
    );
    const json = checkJson('seed.xlsx').json.files[0];
    const txt = checkJson('seed-txt.xlsx').json.files[0];
    expect(txt.projects).toEqual(json.projects);
    expect(txt.findings).toEqual(json.findings);
  });

  it('regenerates the committed example workbook byte for byte', () => {
    const r = run(['new', '--from', SEED_JSON, '-o', 'example.xlsx'], { SOURCE_DATE_EPOCH: EXAMPLE_EPOCH });
    expect(r.status).toBe(0);
    expect(readFileSync(at('example.xlsx')).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it('writes a name starting with = as text, in the project sheet and in the summary', async () => {
    const table = { ...seedTables()[0], title: undefined, name: '=HYPERLINK("http://x","y")', code: '+13022522P000X4410003G' };
    writeFileSync(at('formula-name.json'), JSON.stringify([table]));
    expect(run(['new', '--from', 'formula-name.json', '-o', 'formula-name.xlsx']).status).toBe(0);
    expect(run(['summary', 'formula-name.xlsx', '-o', 'formula-name-summary.xlsx']).status).toBe(0);
    const wb = await load(at('formula-name-summary.xlsx'));
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('=HYPERLINK("http x","y")');
    for (const cell of [sheet.getCell('E3'), sheet.getCell('B3'), wb.getWorksheet('汇总')!.getCell('C4'), wb.getWorksheet('汇总')!.getCell('B4')]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    expect(sheet.getCell('E3').value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.getCell('A1').value).toBe('=HYPERLINK("http://x","y")绩效目标表');
    expect(wb.getWorksheet('汇总')!.getCell('C4').value).toBe('=HYPERLINK("http://x","y")');
    expect(wb.getWorksheet('汇总')!.getCell('B4').value).toBe('+13022522P000X4410003G');
  });

  it('refuses bad input with exit code 2 and a clear message', () => {
    writeFileSync(at('bad.json'), '{ "projects": [ ');
    const bad = run(['new', '--from', 'bad.json', '-o', 'x.xlsx']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('无法读取 bad.json');
    writeFileSync(at('empty.json'), '{ "projects": [] }');
    expect(run(['new', '--from', 'empty.json', '-o', 'x.xlsx']).stderr).toContain('no tables in the file');
    expect(run(['new', '--from', 'missing.json', '-o', 'x.xlsx']).stderr).toContain('文件不存在');
    writeFileSync(at('prose.txt'), '这不是绩效目标表的文档。\n');
    expect(run(['new', '--from', 'prose.txt', '-o', 'x.xlsx']).stderr).toContain('没有找到绩效目标表');
  });
});

describe('check on the seed workbook', () => {
  it('exits 1 with exactly the findings SPEC §4 predicts', () => {
    const { status, json } = checkJson('seed.xlsx');
    expect(status).toBe(1);
    const findings: FindingJson[] = json.files[0].findings;
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['S004', P[8], 'E7'],
    ]);
    expect(where(findings, 'I010')).toEqual(['6!F12']);
    expect(where(findings, 'I009')).toEqual(['3!F10', '4!F10', '6!F10', '7!F10', '8!F10', '9!F10', '10!F10']);
    // No seed indicator states its 指标值确定依据.
    expect(where(findings, 'I011')).toEqual(P.flatMap((_, i) => ['G10', 'G11', 'G12'].map((c) => `${i + 1}!${c}`)));
    // Every 三级指标 that is only 数量指标/质量指标/社会效益指标/服务对象满意度 (not 8 and 9's own names).
    expect(where(findings, 'I006')).toEqual(
      P.flatMap((_, i) => (i === 7 || i === 8 ? ['C10', 'C11'] : ['C10', 'C11', 'C12']).map((c) => `${i + 1}!${c}`)),
    );
    expect(where(findings, 'I007')).toEqual(['4!D12', '6!D12', '7!D12', '8!D11', '8!D12', '9!D12', '10!D12']);
  });

  it('says in S004 that the plan looks per-quarter', () => {
    const s004 = checkJson('seed.xlsx').json.files[0].findings.find((f: FindingJson) => f.rule === 'S004');
    expect(s004.message).toContain('100%');
    expect(s004.message).toContain('25%、50%、75%、100%');
  });

  it('prints --json in exactly the public shape, amounts as decimal strings', () => {
    const { json } = checkJson('seed.xlsx');
    expect(Object.keys(json)).toEqual(['files', 'profile']);
    const file = json.files[0];
    expect(Object.keys(file)).toEqual(['file', 'projects', 'findings']);
    expect(file.file).toBe('seed.xlsx');
    expect(file.projects).toHaveLength(10);
    for (const p of file.projects) {
      expect(Object.keys(p)).toEqual(['sheet', 'code', 'name', 'budget']);
      expect(Object.keys(p.budget)).toEqual(['total', 'fiscal', 'other']);
    }
    expect(file.projects[5]).toEqual({
      sheet: P[5], code: '13022522P00H60410014W', name: '2022年服务群众专项经费', budget: { total: '143.01', fiscal: '143.01', other: '0.00' },
    });
    for (const f of file.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'message', 'message_en']);
  });

  it('gives null for a missing or invalid amount', async () => {
    const tables = seedTables().slice(0, 2);
    tables[0] = { ...tables[0], budget: { total: '', fiscal: 'abc', other: '' } };
    writeFileSync(at('amounts.json'), JSON.stringify(tables));
    run(['new', '--from', 'amounts.json', '-o', 'amounts.xlsx']);
    const { json } = checkJson('amounts.xlsx');
    expect(json.files[0].projects[0].budget).toEqual({ total: null, fiscal: null, other: '0.00' });
  });

  it('prints a readable Chinese report: file, findings with sheet, cell and severity, counts and verdict', () => {
    const r = run(['check', 'seed.xlsx']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('seed.xlsx：10 个项目');
    expect(lines[1]).toMatch(new RegExp(`^  错误  S004  ${P[8]}!E7  12月底`));
    expect(r.stdout).toContain(`  警告  I010  ${P[5]}!F12  `);
    expect(r.stdout).toMatch(/ {2}错误 1 条，警告 \d+ 条，提示 \d+ 条 —— 不能报送\n$/);
  });

  it('exits 0 with 可以报送 when the errors are fixed', () => {
    const seed = JSON.parse(readFileSync(SEED_JSON, 'utf8'));
    seed.projects[8].spendingPlanCumulativePct = { '3月底': 25, '6月底': 50, '10月底': 75, '12月底': 100 };
    writeFileSync(at('fixed.json'), JSON.stringify(seed));
    run(['new', '--from', 'fixed.json', '-o', 'fixed.xlsx']);
    const r = run(['check', 'fixed.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/错误 0 条.*可以报送/);
  });
});

describe('check on files that cannot be read', () => {
  it('exits 2, names the file on stderr, and still checks the other files', () => {
    const r = run(['check', '--json', 'garbage.xlsx', 'seed.xlsx', 'missing.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取 garbage.xlsx：不是有效的 .xlsx 工作簿');
    expect(r.stderr).toContain('无法读取 missing.xlsx：文件不存在');
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { file: string }) => f.file)).toEqual(['garbage.xlsx', 'seed.xlsx', 'missing.xlsx']);
    expect(files[0]).toEqual({ file: 'garbage.xlsx', projects: [], findings: [], error: expect.stringContaining('不是有效的 .xlsx 工作簿') });
    expect(files[1].projects).toHaveLength(10);
    expect(files[1].findings.some((f: FindingJson) => f.rule === 'S004')).toBe(true);
  });

  it('reports an unreadable file once, in the text report, with the total line', () => {
    const r = run(['check', 'seed.xlsx', 'garbage.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('garbage.xlsx\n  无法读取：');
    expect(r.stderr).not.toContain('garbage.xlsx');
    const missing = run(['check', 'missing.xlsx']);
    expect(`${missing.stdout}${missing.stderr}`.split('文件不存在')).toHaveLength(2);
    expect(r.stdout).toContain('共 2 个文件：0 个可以报送，1 个不能报送，1 个无法读取');
  });

  it('reports a workbook without target tables with R002 and exits 1: nothing checked is not ready to send', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写点什么';
    await wb.xlsx.writeFile(at('plain.xlsx'));
    const r = run(['check', '--json', 'plain.xlsx']);
    expect(r.status).toBe(1);
    const { files: [file], profile } = JSON.parse(r.stdout);
    expect(profile).toEqual({ preset: 'default' });
    expect(file.findings.map((f: { rule: string; severity: string; sheet: string; cell: string }) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ['R002', 'error', 'Sheet1', 'A1'],
    ]);
    expect(r.stderr).toContain('plain.xlsx 中没有绩效目标表');
  });

  it('reports an indicator header it cannot read as a table with R001, saying what is missing, and exits 1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['某项目绩效目标表']);
    ws.addRow(['一级指标', '二级指标', '三级指标', '指标值']);
    ws.addRow(['产出指标', '数量指标', '人数', '8人']);
    await wb.xlsx.writeFile(at('no-identity.xlsx'));
    const r = run(['check', '--json', 'no-identity.xlsx']);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; cell: string; message: string }[];
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['R001', 'A2'], ['R002', 'A1']]);
    expect(findings[0].message).toContain('缺少项目名称或项目编码');
  });
});

describe('check --profile', () => {
  it('applies the profile', () => {
    writeFileSync(at('strict.json'), JSON.stringify({ satisfactionMin: 97 }));
    const strict = checkJson('--profile', 'strict.json', 'seed.xlsx').json.files[0].findings;
    // ≥95 and ≥96 are below 97; project 6's ≥98 still lacks its %.
    expect(where(strict, 'I010')).toEqual(['1!F12', '2!F12', '4!F12', '5!F12', '6!F12', '7!F12', '10!F12']);
  });

  it.each([
    ['broken.json', '{ satisfactionMin: ', '不是有效的 JSON'],
    ['unknown-key.json', '{ "satisfactionMinimum": 95 }', 'unknown key "satisfactionMinimum"'],
    ['wrong-type.json', '{ "satisfactionMin": "95" }', 'satisfactionMin must be a number'],
  ])('rejects %s with a clear message and exit code 2', (file, text, message) => {
    writeFileSync(at(file), text);
    const r = run(['check', '--profile', file, 'seed.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('says so when the profile file does not exist', () => {
    const r = run(['check', '--profile', 'nowhere.json', 'seed.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取规则配置 nowhere.json：文件不存在');
  });
});

describe('rule settings: --preset, rules in the profile, the rules command (SPEC §4a)', () => {
  it('reports the preset used beside the files in check --json', () => {
    expect(checkJson('seed.xlsx').json.profile).toEqual({ preset: 'default' });
    const lenient = checkJson('--preset', 'lenient', 'seed.xlsx').json;
    expect(lenient.profile).toEqual({ preset: 'lenient' });
    // Only the units the 一体化 system refuses to save without: as errors.
    expect(where(lenient.files[0].findings, 'I009')).toHaveLength(7);
    expect(new Set(lenient.files[0].findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`))).toEqual(new Set(['I009 error']));
  });
  it('applies rules from the profile file, and --preset over the file\'s preset', () => {
    writeFileSync(at('rules.json'), JSON.stringify({ preset: 'mof-2021', rules: { I011: 'off', S004: 'warning' } }));
    const r = checkJson('--profile', 'rules.json', 'seed.xlsx');
    expect(r.json.profile).toEqual({ preset: 'mof-2021', rules: { I011: 'off', S004: 'warning' } });
    const findings = r.json.files[0].findings as { rule: string; severity: string }[];
    expect(findings.filter((f) => f.rule === 'I011')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'I002').map((f) => f.severity)).toEqual(Array(10).fill('error'));
    expect(checkJson('--profile', 'rules.json', '--preset', 'default', 'seed.xlsx').json.profile.preset).toBe('default');
  });
  it('rejects an unknown preset or rule ID in both languages, exit 2', () => {
    const r = run(['check', '--preset', 'strict', 'seed.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知的预设“strict”');
    expect(r.stderr).toContain('unknown preset "strict"');
    writeFileSync(at('bad-rule.json'), JSON.stringify({ rules: { X001: 'off' } }));
    const bad = run(['check', '--profile', 'bad-rule.json', 'seed.xlsx']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未知的规则编号“X001”');
    expect(bad.stderr).toContain('unknown rule ID "X001"');
  });
  it('prints the rule table under the active profile', () => {
    const text = run(['rules']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('I023  警告 warning  某条绩效目标没有对应的绩效指标');
    expect(text.stdout).toContain('A numbered 绩效目标 line that no indicator speaks to');
    const json = JSON.parse(run(['rules', '--preset', 'mof-2021', '--json']).stdout);
    expect(json.profile).toEqual({ preset: 'mof-2021' });
    expect(json.rules).toHaveLength(47);
    expect(json.rules.slice(-5).map((r: { id: string; severity: string }) => `${r.id} ${r.severity}`)).toEqual(['R001 error', 'R002 error', 'R003 info', 'D001 error', 'D002 error']);
    expect(json.rules.find((r: { id: string }) => r.id === 'W002')).toEqual({
      id: 'W002', severity: 'warning', fixable: false, description: '汇总表已过期', description_en: 'The summary sheet is out of date',
    });
    expect(json.rules.find((r: { id: string }) => r.id === 'I009')).toEqual({
      id: 'I009', severity: 'error', fixable: true, description: '定量指标值没有计量单位', description_en: 'A quantitative value has no unit',
    });
    expect(JSON.parse(run(['rules', '--preset', 'lenient', '--json']).stdout).rules.find((r: { id: string }) => r.id === 'I011').severity).toBe('off');
  });
  it('takes no files', () => {
    expect(run(['rules', 'seed.xlsx']).status).toBe(2);
  });
});

describe('summary', () => {
  const AMOUNTS = ['预算数', '财政资金', '其他资金', '3月底', '6月底', '10月底', '12月底'];

  it('writes the totals of SPEC §5 as formulas with their computed results', async () => {
    const r = run(['summary', 'seed.xlsx', '-o', 'summary.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已写入 summary.xlsx：汇总表“汇总”，10 个项目');
    const wb = await load(at('summary.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...P, '汇总']);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A1').value).toBe('乐亭县新寨镇人民政府2022年预算项目绩效目标汇总表');
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    const total = ws.getRow(14);
    expect(total.getCell(1).value).toBe('合计');
    const results = AMOUNTS.map((label) => {
      const value = total.getCell(header.indexOf(label) + 1).value as ExcelJS.CellFormulaValue;
      expect(value.formula).toMatch(/^SUM\([D-J]4:[D-J]13\)$/);
      return Number(value.result ?? 0).toFixed(2);
    });
    expect(results).toEqual(['291.61', '291.61', '0.00', '72.91', '144.81', '216.72', '288.61']);
    // Project rows follow the project sheets: sheet names quoted in the formulas.
    expect(ws.getCell('D12').value).toEqual({ formula: `'${P[8]}'!C4`, result: 4 });
    expect(ws.getCell('J12').value).toEqual({ formula: `ROUND('${P[8]}'!C4*'${P[8]}'!E7,2)`, result: 1 });
  });

  it('never changes the input, never overwrites a user sheet named 汇总, and regenerates its own', async () => {
    const wb = await load(at('seed.xlsx'));
    wb.addWorksheet('汇总').getCell('A1').value = '我自己的汇总';
    await wb.xlsx.writeFile(at('with-user-summary.xlsx'));
    const before = readFileSync(at('with-user-summary.xlsx'));

    expect(run(['summary', 'with-user-summary.xlsx', '-o', 'out1.xlsx']).stdout).toContain('汇总表“汇总 (2)”');
    expect(readFileSync(at('with-user-summary.xlsx')).equals(before)).toBe(true);
    const out1 = await load(at('out1.xlsx'));
    expect(out1.worksheets.map((w) => w.name)).toEqual([...P, '汇总', '汇总 (2)']);
    expect(out1.getWorksheet('汇总')!.getCell('A1').value).toBe('我自己的汇总');
    expect(out1.getWorksheet('汇总 (2)')!.getCell('C4').value).toBe(P[0]);

    // Summarising the output again replaces only the sheet the product marked as its own.
    expect(run(['summary', 'out1.xlsx', '-o', 'out2.xlsx']).status).toBe(0);
    const out2 = await load(at('out2.xlsx'));
    expect(out2.worksheets.map((w) => w.name)).toEqual([...P, '汇总', '汇总 (2)']);
    expect(out2.getWorksheet('汇总')!.getCell('A1').value).toBe('我自己的汇总');
  });

  it('refuses to write over an input file', () => {
    copyFileSync(at('seed.xlsx'), at('mine.xlsx'));
    const before = readFileSync(at('mine.xlsx'));
    const r = run(['summary', 'seed.xlsx', 'mine.xlsx', '-o', './mine.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不能把结果写到输入文件 ./mine.xlsx 上');
    expect(readFileSync(at('mine.xlsx')).equals(before)).toBe(true);
  });

  it('writes nothing when an input cannot be read', () => {
    const r = run(['summary', 'seed.xlsx', 'garbage.xlsx', '-o', 'never.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取 garbage.xlsx');
    expect(() => readFileSync(at('never.xlsx'))).toThrow();
  });

  it('summarises one workbook with a sheet that cannot be read: that sheet is kept as it was, and the officer is told', () => {
    const parts = unzipParts(at('seed.xlsx'));
    const broken = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row', 'utf8');
    writeFileSync(at('one-broken.xlsx'), writeZip(parts.map((p) => (p.name === 'xl/worksheets/sheet10.xml' ? { name: p.name, data: broken } : p))));
    const r = run(['summary', 'one-broken.xlsx', '-o', 'one-broken-summary.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`one-broken.xlsx：工作表“${P[9]}”`);
    expect(r.stdout).toContain('汇总表“汇总”，9 个项目');
    const out = unzipParts(at('one-broken-summary.xlsx'));
    expect(Buffer.from(out.find((p) => p.name === 'xl/worksheets/sheet10.xml')!.data).equals(broken)).toBe(true);
  });

  it('combines several workbooks: copies of their project sheets, names made unique, and one summary', async () => {
    const r = run(['summary', 'seed.xlsx', 'seed-txt.xlsx', '-o', 'combined.xlsx']);
    expect(r.status).toBe(0);
    const wb = await load(at('combined.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...P, ...P.map((p) => `${p} (2)`), '汇总']);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A24').value).toBe('合计');
    expect((ws.getCell('D24').value as ExcelJS.CellFormulaValue).result).toBeCloseTo(583.22, 10);
    // The same codes now appear twice (T003): every project has errors.
    const { json } = checkJson('combined.xlsx');
    expect(json.files[0].findings.filter((f: FindingJson) => f.rule === 'T003')).toHaveLength(20);
  });

  it('makes check warn (W002) when the summary no longer lists the projects', async () => {
    expect(checkJson('summary.xlsx').json.files[0].findings.some((f: FindingJson) => f.rule === 'W002')).toBe(false);
    const wb = await load(at('summary.xlsx'));
    wb.removeWorksheet(wb.getWorksheet(P[9])!.id);
    await wb.xlsx.writeFile(at('stale.xlsx'));
    const w002 = checkJson('stale.xlsx').json.files[0].findings.filter((f: FindingJson) => f.rule === 'W002');
    expect(w002).toEqual([expect.objectContaining({ severity: 'warning', sheet: '汇总', cell: 'A1' })]);
    expect(w002[0].message).toContain(P[9]);
  });
});
