/** Turns a table into a sheet to write, following the layout definition (SPEC §3). */
import { numberGoals } from '../goals';
import { CellRange, CellValue, a1 } from '../grid';
import { IndicatorInput, QUARTERS, TableInput } from '../model';
import { HUNDRED } from '../money';
import { formatIndicatorValue, parseAmount, parseIndicatorValue, parsePercent } from '../parse';
import { SheetChecks, SheetWrite } from '../sheet';
import {
  AMOUNT_FORMAT, DEPARTMENT_ROW, HEAD_SLOTS, LAYOUTS, LayoutDefinition, PERCENT_FORMAT, SPARE_VALIDATION_ROWS, SPENDING_PLAN,
  TEXT_FORMAT, TITLE_ROW, TITLE_SUFFIX, UNIT_LABEL, ValueKind,
} from './definition';

const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/** A sheet being written: values, number formats and merged areas. */
export class SheetBuilder {
  readonly values: CellValue[][];
  readonly numberFormats: (string | null)[][];
  readonly merges: CellRange[] = [];

  constructor(rows: number, readonly width: number) {
    this.values = Array.from({ length: rows }, () => Array<CellValue>(width).fill(null));
    this.numberFormats = Array.from({ length: rows }, () => Array<string | null>(width).fill(null));
  }

  /** Text is always written with the text format, so that `=…` stays text. */
  text(row: number, col: number, text: string, cols = 1, rows = 1): void {
    this.values[row][col] = text === '' ? null : text;
    for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) this.numberFormats[r][c] = TEXT_FORMAT;
    if (cols > 1 || rows > 1) this.merges.push(range(row, col, row + rows - 1, col + cols - 1));
  }

  /** A number when the input parses, else the input as text for the rules to report. */
  number(row: number, col: number, input: string, format: string, scale?: 'percent'): void {
    const parsed = scale === 'percent' ? parsePercent(input) : parseAmount(input);
    if (parsed.ok) {
      const value = scale === 'percent' ? parsed.value.dividedBy(HUNDRED) : parsed.value;
      this.values[row][col] = value.toNumber();
      this.numberFormats[row][col] = format;
    } else if (input.trim() === '') {
      this.values[row][col] = null;
      this.numberFormats[row][col] = format;
    } else {
      this.text(row, col, input.trim());
    }
  }
}

const goalsText = numberGoals;

function writeHeadValue(b: SheetBuilder, kind: ValueKind, row: number, col: number, cols: number, text: string): void {
  if (kind === 'amount') b.number(row, col, text, AMOUNT_FORMAT);
  else b.text(row, col, text, cols);
}

/** The provincial layout splits 指标值 into 计算符号, 指标值 and 计量单位 columns. */
function splitValue(ind: IndicatorInput): { operator: string; value: string; unit: string; valueType: string } {
  if (ind.operator !== undefined || ind.unit !== undefined) {
    return { operator: ind.operator ?? '', value: ind.value, unit: ind.unit ?? '', valueType: ind.valueType ?? '' };
  }
  const parsed = parseIndicatorValue(ind.value);
  if (parsed.ok && parsed.value.kind === 'quantitative') {
    const v = parsed.value;
    return { operator: v.operator ?? '', value: v.number.toString(), unit: v.unit, valueType: ind.valueType ?? '定量' };
  }
  const valueType = ind.valueType ?? (parsed.ok && parsed.value.kind === 'qualitative' ? '定性' : '');
  return { operator: '', value: parsed.ok ? formatIndicatorValue(parsed.value) : ind.value, unit: '', valueType };
}

/**
 * The checks Excel itself can express (SPEC §4, issue 8): plan cells 0–100 %, amounts ≥ 0,
 * input messages on the head fields; colour a plan cell lower than the one before it, a
 * 12月底 that is not 100 %, and a 预算数 other than 财政资金 + 其他资金.
 */
function travellingChecks(): SheetChecks {
  const planRow = SPENDING_PLAN.row + 1;
  const [first, last] = [SPENDING_PLAN.quarterCol, SPENDING_PLAN.quarterCol + QUARTERS.length - 1];
  const slot = (key: string) => HEAD_SLOTS.find((s) => s.key === key)!;
  const valueAt = (key: string) => ({ row: slot(key).row, col: slot(key).col + 1 });
  const [total, fiscal, other] = [valueAt('total'), valueAt('fiscal'), valueAt('other')];
  const cell = (p: { row: number; col: number }) => a1(p.row, p.col);
  const amounts = [total, fiscal, other].map((p) => ({
    range: range(p.row, p.col),
    min: 0,
    title: '金额（万元）',
    prompt: '填写不小于0的数，单位万元，最多两位小数。预算数 = 财政资金 + 其他资金。',
  }));
  return {
    numbers: [
      { range: range(planRow, first, planRow, last), min: 0, max: 1, title: '累计支出比例', prompt: '截至该月底累计支出占预算数的比例，0%–100%，逐月不减少，12月底为100%。' },
      ...amounts,
    ],
    prompts: [
      { range: range(valueAt('code').row, valueAt('code').col), title: '项目编码', prompt: '一体化系统中的项目编码，如 13022522P00200810001P。' },
      { range: range(valueAt('name').row, valueAt('name').col), title: '项目名称', prompt: '与标题中的项目名称一致。' },
      { range: range(valueAt('goals').row, valueAt('goals').col), title: '绩效目标', prompt: '每行一条，编号1. 2. 3.，每条目标都应有对应的绩效指标。' },
    ],
    highlights: [
      { range: range(planRow, first + 1, planRow, last), formula: `AND(ISNUMBER(${a1(planRow, first + 1)}),ISNUMBER(${a1(planRow, first)}),${a1(planRow, first + 1)}<${a1(planRow, first)})` },
      { range: range(planRow, last), formula: `AND(ISNUMBER(${a1(planRow, last)}),ROUND(${a1(planRow, last)},6)<>1)` },
      { range: range(total.row, total.col), formula: `AND(ISNUMBER(${cell(total)}),ROUND(${cell(total)}-N(${cell(fiscal)})-N(${cell(other)}),6)<>0)` },
    ],
  };
}

/**
 * The indicator block (SPEC §3): its header at `headerRow` and one row per indicator under it, in
 * the columns of `layout` (the project table's, or the department-wide table's). Returns the
 * first sheet column of each of `layout.columns`.
 */
export function writeIndicatorBlock(
  b: SheetBuilder,
  layout: Pick<LayoutDefinition, 'id' | 'columns'>,
  headerRow: number,
  indicators: readonly IndicatorInput[],
): number[] {
  const firstRow = headerRow + 1;
  let c = 0;
  const columnStart: number[] = [];
  for (const column of layout.columns) {
    columnStart.push(c);
    b.text(headerRow, c, column.label, column.cols);
    c += column.cols;
  }
  indicators.forEach((ind, i) => {
    const row = firstRow + i;
    const split = layout.id === 'provincial' ? splitValue(ind) : undefined;
    layout.columns.forEach((column, j) => {
      const text =
        column.key === 'value' ? (split ? split.value : ind.value)
        : column.key === 'operator' ? split?.operator ?? ''
        : column.key === 'unit' ? split?.unit ?? ''
        : column.key === 'valueType' ? split?.valueType ?? ''
        : column.key === 'level1' || column.key === 'level2' || column.key === 'level3' || column.key === 'description' || column.key === 'basis'
          ? ind[column.key]
          : '';
      b.text(row, columnStart[j], text, column.cols);
    });
  });
  if (indicators.length === 0) {
    layout.columns.forEach((column, j) => {
      if (column.cols > 1) b.merges.push(range(firstRow, columnStart[j], firstRow, columnStart[j] + column.cols - 1));
    });
  }

  return columnStart;
}

export function titleFor(table: TableInput): string {
  return table.title ?? `${table.name}${TITLE_SUFFIX}`;
}

/** The sheet for one target table, in the canonical layout of its `layout` (default standard). */
export function writeTargetTable(table: TableInput): SheetWrite {
  const layout = LAYOUTS[table.layout ?? 'standard'];
  const w = layout.width;
  const firstIndicatorRow = layout.headerRow + 1;
  const lastRow = firstIndicatorRow + Math.max(table.indicators.length, 1) - 1;
  const b = new SheetBuilder(lastRow + 1, w);

  b.text(TITLE_ROW, 0, titleFor(table), w);
  b.text(DEPARTMENT_ROW, 0, table.department, w - 2);
  b.text(DEPARTMENT_ROW, w - 1, UNIT_LABEL);

  for (const slot of HEAD_SLOTS) {
    b.text(slot.row, slot.col, slot.label, 1, slot.labelRows ?? 1);
    if (!slot.value) continue;
    const cols = slot.value.kind === 'amount' ? 1 : w - slot.col - 1;
    const text =
      slot.key === 'code' ? table.code
      : slot.key === 'name' ? table.name
      : slot.key === 'total' ? table.budget.total
      : slot.key === 'fiscal' ? table.budget.fiscal
      : slot.key === 'other' ? table.budget.other
      : slot.key === 'fundUse' ? table.fundUse
      : goalsText(table.goals);
    // 项目编码 spans the two columns before 项目名称; the others run to the right edge.
    writeHeadValue(b, slot.value.kind, slot.row, slot.col + 1, slot.key === 'code' ? slot.value.cols : cols, text);
  }

  b.text(SPENDING_PLAN.row, SPENDING_PLAN.col, SPENDING_PLAN.label, 1, 2);
  QUARTERS.forEach((q, i) => {
    const c = SPENDING_PLAN.quarterCol + i;
    b.text(SPENDING_PLAN.row, c, q);
    b.number(SPENDING_PLAN.row + 1, c, table.spendingPlan[i] ?? '', PERCENT_FORMAT, 'percent');
  });
  const planEnd = SPENDING_PLAN.quarterCol + QUARTERS.length;
  b.merges.push(range(SPENDING_PLAN.row, planEnd, SPENDING_PLAN.row + 1, w - 1));

  const columnStart = writeIndicatorBlock(b, layout, layout.headerRow, table.indicators);
  const validations = layout.columns.flatMap((column, j) =>
    column.list ? [{ range: range(firstIndicatorRow, columnStart[j], lastRow + SPARE_VALIDATION_ROWS), list: [...column.list] }] : [],
  );
  const labelCells = [
    range(2, 0), range(2, 3), range(3, 0, 4, 0), range(3, 1), range(3, 3), range(3, 5), range(4, 1),
    range(SPENDING_PLAN.row, 0, SPENDING_PLAN.row, planEnd - 1), range(7, 0), range(layout.headerRow, 0, layout.headerRow, w - 1),
  ];

  return {
    values: b.values,
    numberFormats: b.numberFormats,
    merges: b.merges,
    columnWidths: layout.columnWidths,
    bold: [range(TITLE_ROW, 0, TITLE_ROW, w - 1), ...labelCells],
    centred: [range(TITLE_ROW, 0, TITLE_ROW, w - 1), ...labelCells, range(SPENDING_PLAN.row + 1, 1, SPENDING_PLAN.row + 1, planEnd - 1)],
    wrap: [range(2, 0, lastRow, w - 1)],
    borders: [range(2, 0, lastRow, w - 1)],
    validations,
    checks: travellingChecks(),
    hyperlinks: [],
    freeze: { rows: 1, columns: 0 },
    print: { paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 },
    select: a1(2, 1),
  };
}
