/**
 * The summary sheet (SPEC §5): one row per project with its amounts, the planned cumulative
 * spending ROUND(预算数 × %, 2), counts of indicators and findings, and a 合计 row. Amount cells
 * are formulas referencing the project sheets where the source cells hold numbers (or are a
 * blank 财政资金 / 其他资金, which is 0), so Excel keeps them right as the sheets change; every
 * cell also carries its exact computed result.
 */
import { CellRange, CellValue, Grid, a1, cellAt, gridHeight, gridWidth } from './grid';
import { Finding } from './finding';
import { QUARTERS, SpendingPoint, TargetTable } from './model';
import { Decimal, HUNDRED, ZERO, roundHalfAway, sum } from './money';
import { SheetWrite } from './sheet';
import { quoteSheetName, uniqueSheetName } from './sheetNames';
import { cellText, labelKey } from './text';
import { finding } from './rules/rule';

export const SUMMARY_BASE_NAME = '汇总';
/** How the product recognises its own summary sheet (custom property, setting or defined name). */
export const SUMMARY_MARK = { key: 'BudgetTargetsSummary', value: 'v1' } as const;

export const SUMMARY_HEADERS = [
  '序号', '项目编码', '项目名称', '预算数', '财政资金', '其他资金',
  ...QUARTERS, '指标数', '错误', '警告', '工作表',
] as const;

const HEADER_ROW = 2;
const FIRST_ROW = 3;
const AMOUNT_COLS = [3, 4, 5, 6, 7, 8, 9];
const SHEET_COL = 13;

export interface SummaryRow {
  seq: number;
  sheet: string;
  code: string;
  name: string;
  total: Decimal | undefined;
  fiscal: Decimal | undefined;
  other: Decimal | undefined;
  /** Planned cumulative spending at 3月底…12月底: ROUND(预算数 × %, 2). */
  planned: (Decimal | undefined)[];
  indicators: number;
  errors: number;
  warnings: number;
  /** Formulas for the amount columns (预算数, 财政资金, 其他资金, 3月底…12月底); null where the source is not a number. */
  formulas: (string | null)[];
}

export interface Summary {
  title: string;
  department: string;
  year: number | undefined;
  rows: SummaryRow[];
  totals: { total: Decimal; fiscal: Decimal; other: Decimal; planned: Decimal[] };
}

/** `802008乐亭县新寨镇人民政府` → `乐亭县新寨镇人民政府`. */
export function departmentName(department: string): string {
  return department.replace(/^\s*\d+\s*/, '').trim();
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

function ref(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

function plannedFormula(t: TargetTable, p: SpendingPoint): string | null {
  if (typeof p.percent.raw !== 'number') return null;
  const total = cellFormula(t, 'total');
  if (total === null) return null;
  const product = `${total}*${ref(t.sheet, p.percent.cell)}`;
  return p.form === 'percent-number' ? `ROUND(${product},2)` : `ROUND(${product}/100,2)`;
}

/**
 * A reference to an amount cell that holds a number, or to a blank 财政资金 / 其他资金 cell found
 * by its label (blank is 0, and Excel reads a blank cell as 0): the summary follows what is typed there later.
 */
function cellFormula(t: TargetTable, key: keyof TargetTable['budget']): string | null {
  const cells = t.amountCells?.[key];
  if (cells?.length) {
    // The cells actually read: one, or the funding sources summed; a blank source is 0.
    if (!cells.every((c) => typeof c.raw === 'number' || (c.raw === null && key !== 'total'))) return null;
    const terms = cells.map((c) => (c.yuan ? `${ref(t.sheet, c.cell)}/10000` : ref(t.sheet, c.cell)));
    // 元 → 万元: six decimals hold any amount in 元 to the 分 exactly, and ROUND drops the binary noise of /10000.
    if (cells.some((c) => c.yuan)) return `ROUND(${terms.join('+')},6)`;
    return terms.length === 1 ? terms[0] : `(${terms.join('+')})`;
  }
  if (t.amountCells) return null;
  const f = t.budget[key];
  const blankIsZero = key !== 'total' && f.raw === null && t.labels[key] !== undefined;
  return typeof f.raw === 'number' || blankIsZero ? ref(t.sheet, f.cell) : null;
}

export function buildSummary(tables: readonly TargetTable[], findings: readonly Finding[]): Summary {
  const department = mostCommon(tables.map((t) => t.department.text).filter((d) => d !== '')) ?? '';
  const year = mostCommon(tables.map((t) => t.year).filter((y): y is number => y !== undefined));
  const rows = tables.map((t, i): SummaryRow => {
    const own = findings.filter((f) => f.sheet === t.sheet);
    const total = t.budget.total.value;
    return {
      seq: i + 1,
      sheet: t.sheet,
      code: t.code.text,
      name: t.name.text,
      total,
      fiscal: t.budget.fiscal.value,
      other: t.budget.other.value,
      planned: t.spendingPlan.map((p) =>
        total && p.percent.value ? roundHalfAway(total.times(p.percent.value).dividedBy(HUNDRED), 2) : undefined,
      ),
      indicators: t.indicators.length,
      errors: own.filter((f) => f.severity === 'error').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
      formulas: [
        cellFormula(t, 'total'),
        cellFormula(t, 'fiscal'),
        cellFormula(t, 'other'),
        ...t.spendingPlan.map((p) => plannedFormula(t, p)),
      ],
    };
  });
  const total = (pick: (r: SummaryRow) => Decimal | undefined) => sum(rows.map((r) => pick(r) ?? ZERO));
  return {
    title: `${departmentName(department)}${year ?? ''}${year ? '年' : ''}预算项目绩效目标汇总表`,
    department,
    year,
    rows,
    totals: {
      total: total((r) => r.total),
      fiscal: total((r) => r.fiscal),
      other: total((r) => r.other),
      planned: QUARTERS.map((_, q) => total((r) => r.planned[q])),
    },
  };
}

/** The name to write the summary to: the sheet marked as ours, else `汇总`, `汇总 (2)`, … */
export function summarySheetName(existing: readonly { name: string; ours: boolean }[]): { name: string; replace: boolean } {
  const ours = existing.find((s) => s.ours);
  if (ours) return { name: ours.name, replace: true };
  return { name: uniqueSheetName(SUMMARY_BASE_NAME, existing.map((s) => s.name)), replace: false };
}

const r = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

export function writeSummarySheet(summary: Summary): SheetWrite {
  const width = SUMMARY_HEADERS.length;
  const totalRow = FIRST_ROW + summary.rows.length;
  const values: CellValue[][] = Array.from({ length: totalRow + 1 }, () => Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = values.map((row) => row.map(() => null));
  const numberFormats: (string | null)[][] = values.map((row) => row.map(() => null));
  const num = (d: Decimal | undefined) => (d === undefined ? null : d.toNumber());

  values[0][0] = summary.title;
  values[1][0] = summary.department;
  values[1][width - 1] = '单位：万元';
  SUMMARY_HEADERS.forEach((h, c) => (values[HEADER_ROW][c] = h));
  for (let row = 0; row < FIRST_ROW; row++) numberFormats[row] = numberFormats[row].map(() => '@');

  summary.rows.forEach((s, i) => {
    const row = FIRST_ROW + i;
    const amounts = [s.total, s.fiscal, s.other, ...s.planned];
    values[row] = [s.seq, s.code, s.name, ...amounts.map(num), s.indicators, s.errors, s.warnings, s.sheet];
    AMOUNT_COLS.forEach((c, k) => {
      const f = s.formulas[k];
      if (f) formulas[row][c] = `=${f}`;
      numberFormats[row][c] = '0.00';
    });
    for (const c of [1, 2, SHEET_COL]) numberFormats[row][c] = '@';
  });

  const t = summary.totals;
  values[totalRow][0] = '合计';
  numberFormats[totalRow][0] = '@';
  [t.total, t.fiscal, t.other, ...t.planned].forEach((d, k) => {
    const c = AMOUNT_COLS[k];
    values[totalRow][c] = d.toNumber();
    numberFormats[totalRow][c] = '0.00';
    if (summary.rows.length) formulas[totalRow][c] = `=SUM(${a1(FIRST_ROW, c)}:${a1(totalRow - 1, c)})`;
  });
  values[totalRow][10] = summary.rows.reduce((n, s) => n + s.indicators, 0);
  values[totalRow][11] = summary.rows.reduce((n, s) => n + s.errors, 0);
  values[totalRow][12] = summary.rows.reduce((n, s) => n + s.warnings, 0);

  return {
    values,
    formulas,
    numberFormats,
    merges: [r(0, 0, 0, width - 1), r(1, 0, 1, width - 3), r(totalRow, 0, totalRow, 2)],
    columnWidths: [6, 24, 30, 12, 12, 12, 11, 11, 11, 11, 8, 8, 8, 24],
    bold: [r(0, 0, 0, width - 1), r(HEADER_ROW, 0, HEADER_ROW, width - 1), r(totalRow, 0, totalRow, width - 1)],
    centred: [r(0, 0, 0, width - 1), r(HEADER_ROW, 0, HEADER_ROW, width - 1), r(totalRow, 0, totalRow, 2)],
    wrap: [r(HEADER_ROW, 0, HEADER_ROW, width - 1)],
    borders: [r(HEADER_ROW, 0, totalRow, width - 1)],
    validations: [],
    hyperlinks: summary.rows.map((s, i) => ({ row: FIRST_ROW + i, col: SHEET_COL, text: s.sheet, subAddress: `${quoteSheetName(s.sheet)}!A1` })),
    freeze: { rows: FIRST_ROW, columns: 0 },
    print: { paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 },
  };
}

/**
 * True when a sheet still has exactly the shape `writeSummarySheet` gives it: the title in A1,
 * the unit in the second row, the header row, projects numbered 1, 2, … and the 合计 row, and
 * not one filled cell anywhere else. Only such a sheet may be regenerated in place: a mark
 * (a defined name anyone can type) pointing at a project sheet, a user's sheet, or our sheet
 * with the officer's own notes added never makes the summary overwrite it.
 */
export function hasSummaryShape(grid: Grid): boolean {
  const width = SUMMARY_HEADERS.length;
  const text = (row: number, col: number) => cellText(cellAt(grid, row, col));
  if (!text(0, 0).endsWith('预算项目绩效目标汇总表') || text(1, width - 1) !== '单位：万元') return false;
  if (!SUMMARY_HEADERS.every((h, c) => text(HEADER_ROW, c) === h)) return false;
  let totalRow = FIRST_ROW;
  while (text(totalRow, 0) === String(totalRow - FIRST_ROW + 1)) totalRow++;
  if (text(totalRow, 0) !== '合计') return false;
  const height = gridHeight(grid);
  for (let row = 0; row < height; row++) {
    const cells = grid.values[row] ?? [];
    for (let col = 0; col < cells.length; col++) {
      const v = cells[col];
      if (v === null || v === undefined || v === '') continue;
      const inside =
        row <= totalRow && col < width &&
        (row !== 0 || col === 0) &&
        (row !== 1 || col === 0 || col === width - 1) &&
        (row !== totalRow || col === 0 || col > 2);
      if (!inside) return false;
    }
  }
  return true;
}

const W002 = { id: 'W002', severity: 'warning' } as const;

/** The projects a summary sheet lists, read back by its header labels. */
export function readSummaryRows(grid: Grid): { sheet: string; code: string; name: string }[] | undefined {
  const h = gridHeight(grid);
  const w = gridWidth(grid);
  for (let row = 0; row < Math.min(h, 20); row++) {
    const cols = new Map<string, number>();
    for (let c = 0; c < w; c++) cols.set(labelKey(cellText(cellAt(grid, row, c))), c);
    const [sheetCol, codeCol, nameCol] = ['工作表', '项目编码', '项目名称'].map((l) => cols.get(labelKey(l)));
    if (sheetCol === undefined || codeCol === undefined || nameCol === undefined || !cols.has('序号')) continue;
    const out: { sheet: string; code: string; name: string }[] = [];
    for (let r2 = row + 1; r2 < h; r2++) {
      const first = cellText(cellAt(grid, r2, cols.get('序号')!));
      if (first === '合计' || first === '') break;
      out.push({ sheet: cellText(cellAt(grid, r2, sheetCol)), code: cellText(cellAt(grid, r2, codeCol)), name: cellText(cellAt(grid, r2, nameCol)) });
    }
    return out;
  }
  return undefined;
}

/** W002: the summary sheet no longer lists the workbook's projects as they are. */
export function checkSummary(summarySheet: string, grid: Grid, tables: readonly TargetTable[]): Finding[] {
  const listed = readSummaryRows(grid);
  if (!listed) return [];
  const key = (p: { sheet: string; code: string; name: string }) => `${p.sheet}\u0000${p.code}\u0000${p.name}`;
  const now = tables.map((t) => ({ sheet: t.sheet, code: t.code.text, name: t.name.text }));
  if (listed.length === now.length && listed.every((p, i) => key(p) === key(now[i]))) return [];
  const listedSheets = new Set(listed.map((p) => p.sheet));
  const nowSheets = new Set(now.map((p) => p.sheet));
  const added = now.filter((p) => !listedSheets.has(p.sheet)).map((p) => p.sheet);
  const removed = listed.filter((p) => !nowSheets.has(p.sheet)).map((p) => p.sheet);
  const zh: string[] = [];
  const en: string[] = [];
  if (added.length) {
    zh.push(`新增：${added.join('、')}`);
    en.push(`added: ${added.join(', ')}`);
  }
  if (removed.length) {
    zh.push(`删除：${removed.join('、')}`);
    en.push(`removed: ${removed.join(', ')}`);
  }
  if (!zh.length) {
    zh.push('项目编码、名称或顺序有变化');
    en.push('project codes, names or order changed');
  }
  return [
    finding(W002, summarySheet, a1(0, 0),
      `汇总表已过期（${zh.join('；')}），请重新生成汇总表`,
      `The summary sheet is out of date (${en.join('; ')}); regenerate it`),
  ];
}

/** The A1 address of the summary cell of a project's row and a column. */
export function summaryCell(rowIndex: number, column: (typeof SUMMARY_HEADERS)[number]): string {
  return a1(FIRST_ROW + rowIndex, SUMMARY_HEADERS.indexOf(column));
}

