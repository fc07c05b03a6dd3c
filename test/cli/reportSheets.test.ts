/** The sheets of the bureau's report (`check --report`), built from the files' results. */
import path from 'path';
import { FileCheck, ProjectSummary, checkFile } from '../../src/cli/check';
import { REPORT_SHEETS, reportSheets } from '../../src/cli/reportSheets';
import { ruleTable } from '../../src/cli/ruleTable';
import { Finding } from '../../src/core/finding';
import { DEFAULT_PROFILE } from '../../src/core/profile';

const finding = (rule: Finding['rule'], severity: Finding['severity'], sheet: string, cell: string, message: string): Finding => ({
  rule, severity, sheet, cell, message, message_en: message,
});

function project(sheet: string, total: string | null, planned: (string | null)[], errors: number, warnings: number): ProjectSummary {
  return { sheet, code: `C-${sheet}`, name: `N-${sheet}`, total, fiscal: total, other: total === null ? null : '0.00', planned, indicators: 5, errors, warnings };
}

function ok(file: string, department: string, projects: ProjectSummary[], findings: Finding[]): FileCheck {
  return {
    file, ok: true, findings,
    projects: projects.map((p) => ({ sheet: p.sheet, code: p.code, name: p.name, budget: { total: p.total, fiscal: p.fiscal, other: p.other } })),
    summary: { department, projects },
  };
}

const RESULTS: FileCheck[] = [
  ok('ready.xlsx', '801001甲局', [project('P1', '0.10', ['0.01', '0.02', '0.03', '0.10'], 0, 1)], [finding('I011', 'warning', 'P1', 'G10', '缺少依据')]),
  ok('blocked.xlsx', '801002乙局', [
    project('Q1', '0.20', ['0.05', '0.10', '0.15', '0.20'], 1, 0),
    project('Q2', null, [null, null, null, null], 1, 0),
  ], [finding('A003', 'error', 'Q1', 'B5', '预算数不等于合计'), finding('A001', 'error', 'Q2', 'B5', '缺少预算数'), finding('F001', 'info', 'Q1', 'C3', '多余空格')]),
  { file: 'broken.xlsx', ok: false, reason: '不是有效的 .xlsx 工作簿' },
  ok('empty.xlsx', '', [], []),
];

const sheets = reportSheets(RESULTS, ruleTable(DEFAULT_PROFILE));
const sheet = (name: string) => sheets.find((s) => s.name === name)!;

describe('report sheets', () => {
  it('has 总览, 问题清单, 汇总 and 规则, each with a frozen header row', () => {
    expect(sheets.map((s) => s.name)).toEqual(['总览', '问题清单', '汇总', '规则']);
    for (const s of sheets) expect(s.sheet.freeze).toEqual({ rows: 1, columns: 0 });
  });

  it('总览: one row per file, not ready first (unreadable, errors, no tables, ready), with department, projects, budget total and counts', () => {
    const s = sheet(REPORT_SHEETS.overview);
    expect(s.sheet.values).toEqual([
      ['文件', '部门', '项目数', '预算数合计（万元）', '错误', '警告', '提示', '结论'],
      ['broken.xlsx', null, null, null, null, null, null, '无法读取'],
      ['blocked.xlsx', '801002乙局', 2, 0.2, 2, 0, 1, '不能报送'],
      ['empty.xlsx', '', 0, 0, 0, 0, 0, '没有绩效目标表'],
      ['ready.xlsx', '801001甲局', 1, 0.1, 0, 1, 0, '可以报送'],
    ]);
    expect(s.autoFilter).toEqual({ top: 0, left: 0, bottom: 4, right: 7 });
  });

  it('问题清单: every finding with file, sheet, cell, rule, severity and message, and each unreadable file; filter on', () => {
    const s = sheet(REPORT_SHEETS.findings);
    expect(s.sheet.values).toEqual([
      ['文件', '工作表', '单元格', '规则', '级别', '说明'],
      ['ready.xlsx', 'P1', 'G10', 'I011', '警告', '缺少依据'],
      ['blocked.xlsx', 'Q1', 'B5', 'A003', '错误', '预算数不等于合计'],
      ['blocked.xlsx', 'Q2', 'B5', 'A001', '错误', '缺少预算数'],
      ['blocked.xlsx', 'Q1', 'C3', 'F001', '提示', '多余空格'],
      ['broken.xlsx', null, null, null, '错误', '无法读取：不是有效的 .xlsx 工作簿'],
    ]);
    expect(s.autoFilter).toEqual({ top: 0, left: 0, bottom: 5, right: 5 });
  });

  it('汇总: every project of every file, and a 合计 row of SUM formulas whose results are exact decimal sums', () => {
    const s = sheet(REPORT_SHEETS.summary);
    expect(s.sheet.values[0]).toEqual([
      '文件', '部门', '工作表', '项目编码', '项目名称', '预算数', '财政资金', '其他资金',
      '3月底计划支出', '6月底计划支出', '10月底计划支出', '12月底计划支出', '指标数', '错误', '警告',
    ]);
    expect(s.sheet.values.slice(1)).toEqual([
      ['ready.xlsx', '801001甲局', 'P1', 'C-P1', 'N-P1', 0.1, 0.1, 0, 0.01, 0.02, 0.03, 0.1, 5, 0, 1],
      ['blocked.xlsx', '801002乙局', 'Q1', 'C-Q1', 'N-Q1', 0.2, 0.2, 0, 0.05, 0.1, 0.15, 0.2, 5, 1, 0],
      ['blocked.xlsx', '801002乙局', 'Q2', 'C-Q2', 'N-Q2', null, null, null, null, null, null, null, 5, 1, 0],
      // 0.1 + 0.2 in binary floating point would be 0.30000000000000004.
      ['合计', null, null, null, null, 0.3, 0.3, 0, 0.06, 0.12, 0.18, 0.3, 15, 2, 1],
    ]);
    expect(s.sheet.formulas![4]).toEqual([
      null, null, null, null, null,
      '=SUM(F2:F4)', '=SUM(G2:G4)', '=SUM(H2:H4)', '=SUM(I2:I4)', '=SUM(J2:J4)', '=SUM(K2:K4)', '=SUM(L2:L4)',
      '=SUM(M2:M4)', '=SUM(N2:N4)', '=SUM(O2:O4)',
    ]);
    expect(s.sheet.numberFormats[1][5]).toBe('0.00');
    expect(s.sheet.numberFormats[3][5]).toBeNull(); // a missing amount stays blank
    expect(s.autoFilter).toEqual({ top: 0, left: 0, bottom: 3, right: 14 }); // the projects, not the 合计 row
  });

  it('规则: every rule with its severity under the profile', () => {
    const s = sheet(REPORT_SHEETS.rules);
    expect(s.sheet.values[0]).toEqual(['规则', '级别']);
    expect(s.sheet.values.slice(1, 4)).toEqual([['T001', '错误'], ['T002', '警告'], ['T003', '错误']]);
    // 36 rules: the tables' 31, the department sheet's D001/D002, reading's R001–R003.
    expect(s.sheet.values).toHaveLength(37);
    expect(s.sheet.values.slice(-5)).toEqual([['D001', '错误'], ['D002', '错误'], ['R001', '错误'], ['R002', '错误'], ['R003', '提示']]);
  });
});

describe('ruleTable', () => {
  it('gives each rule the severity its findings carry (the seed workbook)', async () => {
    const result = await checkFile(path.join(__dirname, '..', '..', 'examples', 'xinzhai-2022.xlsx'), DEFAULT_PROFILE);
    if (!result.ok) throw new Error(result.reason);
    const table = new Map(ruleTable(DEFAULT_PROFILE).map((r) => [r.id, r.severity]));
    const seen = new Map(result.findings.map((f) => [f.rule, f.severity]));
    expect([...seen.keys()].sort()).toEqual(['F001', 'I006', 'I007', 'I009', 'I010', 'I011', 'I013', 'S004']);
    for (const [rule, severity] of seen) expect([rule, table.get(rule)]).toEqual([rule, severity]);
  });
});
