/**
 * The bureau's report (`check --report`), as plain sheets to write: `总览` one row per file,
 * not-ready first; `问题清单` every finding; `汇总` every project of every file with exact
 * totals as SUM formulas carrying their results; `规则` the rule table under the profile.
 */
import { CellRange, CellValue, a1 } from '../core/grid';
import { countBySeverity, readyToSend } from '../core/finding';
import { QUARTERS } from '../core/model';
import { Decimal, ZERO, sum } from '../core/money';
import { SheetWrite } from '../core/sheet';
import { FileCheck, ProjectSummary } from './check';
import { SEVERITY_LABEL } from './messages';
import { RuleRow } from './ruleTable';

export const REPORT_SHEETS = { overview: '总览', findings: '问题清单', summary: '汇总', rules: '规则' } as const;

export const VERDICT = { unreadable: '无法读取', blocked: '不能报送', noTables: '没有绩效目标表', ready: '可以报送' } as const;
type Verdict = (typeof VERDICT)[keyof typeof VERDICT];
/** Not ready first: what the bureau must chase comes at the top. */
const VERDICT_ORDER: Verdict[] = [VERDICT.unreadable, VERDICT.blocked, VERDICT.noTables, VERDICT.ready];

export interface ReportSheet {
  name: string;
  sheet: SheetWrite;
  /** The header row and the rows under it that the sheet's filter covers. */
  autoFilter?: CellRange;
}

const AMOUNT = '0.00';

function verdictOf(r: FileCheck): Verdict {
  if (!r.ok) return VERDICT.unreadable;
  if (!readyToSend(r.findings)) return VERDICT.blocked;
  return r.projects.length === 0 ? VERDICT.noTables : VERDICT.ready;
}

const decimal = (text: string | null): Decimal | undefined => (text === null ? undefined : new Decimal(text));
const num = (d: Decimal | undefined): number | null => (d === undefined ? null : d.toNumber());

/** A sheet with a header row, rows of values, a frozen header and a filter over them. */
function table(
  name: string,
  headers: readonly string[],
  rows: CellValue[][],
  widths: number[],
  formats: Record<number, string> = {},
  extra: { values: CellValue[]; formulas: (string | null)[] } | undefined = undefined,
): ReportSheet {
  const width = headers.length;
  const values: CellValue[][] = [[...headers], ...rows];
  const numberFormats = values.map((row, r) => headers.map((_, c) => (r > 0 && formats[c] && row[c] !== null ? formats[c] : null)));
  const formulas: (string | null)[][] = values.map(() => headers.map(() => null));
  const last = rows.length;
  if (extra) {
    values.push(extra.values);
    formulas.push(extra.formulas);
    numberFormats.push(headers.map((_, c) => formats[c] ?? null));
  }
  const r = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });
  return {
    name,
    sheet: {
      values,
      formulas,
      numberFormats,
      merges: [],
      columnWidths: widths,
      bold: extra ? [r(0, 0, 0, width - 1), r(values.length - 1, 0, values.length - 1, width - 1)] : [r(0, 0, 0, width - 1)],
      centred: [r(0, 0, 0, width - 1)],
      wrap: [],
      borders: [],
      validations: [],
      hyperlinks: [],
      freeze: { rows: 1, columns: 0 },
      print: { paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 },
    },
    autoFilter: r(0, 0, last, width - 1),
  };
}

function overview(results: readonly FileCheck[]): ReportSheet {
  const rows = results
    .map((r, i) => ({ r, i, verdict: verdictOf(r) }))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.i - b.i)
    .map(({ r, verdict }): CellValue[] => {
      if (!r.ok) return [r.file, null, null, null, null, null, null, verdict];
      const c = countBySeverity(r.findings);
      const totals = r.projects.map((p) => decimal(p.budget.total)).filter((d): d is Decimal => d !== undefined);
      return [r.file, r.summary?.department ?? '', r.projects.length, num(sum(totals)), c.error, c.warning, c.info, verdict];
    });
  return table(REPORT_SHEETS.overview, ['文件', '部门', '项目数', '预算数合计（万元）', '错误', '警告', '提示', '结论'], rows, [40, 30, 8, 18, 8, 8, 8, 14], { 3: AMOUNT });
}

function findingList(results: readonly FileCheck[]): ReportSheet {
  const rows: CellValue[][] = [];
  for (const r of results) {
    if (!r.ok) {
      rows.push([r.file, null, null, null, SEVERITY_LABEL.error, `${VERDICT.unreadable}：${r.reason}`]);
      continue;
    }
    for (const f of r.findings) rows.push([r.file, f.sheet, f.cell, f.rule, SEVERITY_LABEL[f.severity], f.message]);
  }
  return table(REPORT_SHEETS.findings, ['文件', '工作表', '单元格', '规则', '级别', '说明'], rows, [40, 30, 8, 8, 8, 80]);
}

/** The amount columns of `汇总`: 预算数, 财政资金, 其他资金, then planned spending per quarter. */
const AMOUNT_COLUMNS = ['预算数', '财政资金', '其他资金', ...QUARTERS.map((q) => `${q}计划支出`)];
const FIRST_AMOUNT = 5;
const COUNT_COLUMNS = ['指标数', '错误', '警告'];

function amountsOf(p: ProjectSummary): (Decimal | undefined)[] {
  return [p.total, p.fiscal, p.other, ...p.planned].map(decimal);
}

function projectSummary(results: readonly FileCheck[]): ReportSheet {
  const projects = results.flatMap((r) => (r.ok ? (r.summary?.projects ?? []).map((p) => ({ r, p })) : []));
  const rows = projects.map(({ r, p }): CellValue[] => [
    r.file, r.ok ? (r.summary?.department ?? '') : '', p.sheet, p.code, p.name,
    ...amountsOf(p).map(num), p.indicators, p.errors, p.warnings,
  ]);
  const headers = ['文件', '部门', '工作表', '项目编码', '项目名称', ...AMOUNT_COLUMNS, ...COUNT_COLUMNS];
  const firstRow = 1;
  const lastRow = projects.length; // 0-based row of the last project
  const totals: CellValue[] = headers.map(() => null);
  const formulas: (string | null)[] = headers.map(() => null);
  totals[0] = '合计';
  const sumOf = (c: number) => (projects.length ? `=SUM(${a1(firstRow, c)}:${a1(lastRow, c)})` : null);
  AMOUNT_COLUMNS.forEach((_, k) => {
    const c = FIRST_AMOUNT + k;
    totals[c] = sum(projects.map(({ p }) => amountsOf(p)[k] ?? ZERO)).toNumber();
    formulas[c] = sumOf(c);
  });
  COUNT_COLUMNS.forEach((_, k) => {
    const c = FIRST_AMOUNT + AMOUNT_COLUMNS.length + k;
    totals[c] = projects.reduce((n, { p }) => n + [p.indicators, p.errors, p.warnings][k], 0);
    formulas[c] = sumOf(c);
  });
  const formats = Object.fromEntries(AMOUNT_COLUMNS.map((_, k) => [FIRST_AMOUNT + k, AMOUNT]));
  return table(
    REPORT_SHEETS.summary, headers, rows,
    [40, 30, 30, 24, 30, 12, 12, 12, 14, 14, 14, 14, 8, 8, 8],
    formats, { values: totals, formulas },
  );
}

const SEVERITY_TEXT: Record<RuleRow['severity'], string> = { ...SEVERITY_LABEL, off: '关闭' };

function rules(rows: readonly RuleRow[]): ReportSheet {
  const described = rows.some((r) => r.description !== undefined);
  const headers = described ? ['规则', '级别', '说明'] : ['规则', '级别'];
  const values = rows.map((r): CellValue[] => (described ? [r.id, SEVERITY_TEXT[r.severity], r.description ?? ''] : [r.id, SEVERITY_TEXT[r.severity]]));
  return table(REPORT_SHEETS.rules, headers, values, described ? [8, 8, 80] : [8, 8]);
}

/** The four sheets of the report, from the files' results in input order. */
export function reportSheets(results: readonly FileCheck[], ruleRows: readonly RuleRow[]): ReportSheet[] {
  return [overview(results), findingList(results), projectSummary(results), rules(ruleRows)];
}
