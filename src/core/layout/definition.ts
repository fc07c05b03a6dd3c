/**
 * The one definition of the target-table sheet (SPEC §3). The writer places labels and values
 * where it says; the reader finds the same labels by their text anywhere in a grid and takes
 * each value at the same offset from its label, so moved or extended tables still read.
 */
import { IndicatorColumnKey, LabelKey, LayoutId } from '../model';
import { BASIS_CHOICES, LEVEL1, LEVEL2_BY_LEVEL1 } from '../taxonomy';

export type ValueKind = 'text' | 'amount' | 'goals';

/** A labelled field of the table's head (rows 3–8 of the canonical layout). */
export interface HeadSlot {
  key: Exclude<LabelKey, 'indicatorHeader' | 'spendingPlan'>;
  label: string;
  /** 0-based canonical position of the label. */
  row: number;
  col: number;
  /** Rows the label spans when written (merged). */
  labelRows?: number;
  /** Where the value sits, right of the label; absent for a label without a value of its own. */
  value?: { kind: ValueKind; cols: number };
}

export const TITLE_SUFFIX = '绩效目标表';
export const UNIT_LABEL = '单位：万元';
export const TITLE_ROW = 0;
export const DEPARTMENT_ROW = 1;

export const HEAD_SLOTS: readonly HeadSlot[] = [
  { key: 'code', label: '项目编码', row: 2, col: 0, value: { kind: 'text', cols: 2 } },
  { key: 'name', label: '项目名称', row: 2, col: 3, value: { kind: 'text', cols: 3 } },
  { key: 'budgetBlock', label: '预算规模及资金用途', row: 3, col: 0, labelRows: 2 },
  { key: 'total', label: '预算数', row: 3, col: 1, value: { kind: 'amount', cols: 1 } },
  { key: 'fiscal', label: '其中：财政资金', row: 3, col: 3, value: { kind: 'amount', cols: 1 } },
  { key: 'other', label: '其他资金', row: 3, col: 5, value: { kind: 'amount', cols: 1 } },
  { key: 'fundUse', label: '资金用途', row: 4, col: 1, value: { kind: 'text', cols: 5 } },
  { key: 'goals', label: '绩效目标', row: 7, col: 0, value: { kind: 'goals', cols: 6 } },
];

/** The spending plan: a label over two rows, quarter labels right of it, values under them. */
export const SPENDING_PLAN = {
  label: '资金支出计划（%）',
 
  row: 5,
  col: 0,
  quarterCol: 1,
} as const;

/** The columns the writer writes (a 实施期 value column is only ever read). */
export type ColumnKey = Exclude<IndicatorColumnKey, 'longValue'>;

/** The label that anchors the indicator block (its first header cell). */
export const INDICATOR_HEADER = '一级指标';

export interface IndicatorColumn {
  key: ColumnKey;
  label: string;
  /** Columns the cell spans when written (merged). */
  cols: number;
  /** Width in characters of each column written. */
  width: number;
  /** Dropdown list written for this column. */
  list?: readonly string[];
}

const ALL_LEVEL2 = [...new Set(Object.values(LEVEL2_BY_LEVEL1).flat())];

const COLUMN: Record<ColumnKey, Omit<IndicatorColumn, 'cols' | 'width'>> = {
  level1: { key: 'level1', label: INDICATOR_HEADER, list: LEVEL1 },
  level2: { key: 'level2', label: '二级指标', list: ALL_LEVEL2 },
  level3: { key: 'level3', label: '三级指标' },
  description: { key: 'description', label: '绩效指标描述' },
  value: { key: 'value', label: '指标值' },
  basis: { key: 'basis', label: '指标值确定依据', list: BASIS_CHOICES },
  valueType: { key: 'valueType', label: '指标值类型', list: ['定量', '定性'] },
  operator: { key: 'operator', label: '计算符号', list: ['≥', '≤', '=', '>', '<'] },
  unit: { key: 'unit', label: '计量单位' },
  weight: { key: 'weight', label: '权重' },
};

const col = (key: ColumnKey, cols: number, width: number, label = COLUMN[key].label): IndicatorColumn => ({ ...COLUMN[key], label, cols, width });
/** An indicator column of the project block (its label and list), for another block built from the same columns. */
export const indicatorColumn = col;

export interface LayoutDefinition {
  id: LayoutId;
  /** Columns of the sheet (A–G or A–H). */
  width: number;
  columnWidths: number[];
  /** 0-based row of the indicator header. */
  headerRow: number;
  columns: IndicatorColumn[];
}

export const LAYOUTS: Record<LayoutId, LayoutDefinition> = {
  standard: {
    id: 'standard',
    width: 7,
    columnWidths: [14, 14, 16, 14, 14, 14, 16],
    headerRow: 8,
    columns: [col('level1', 1, 14), col('level2', 1, 14), col('level3', 1, 16), col('description', 2, 14), col('value', 1, 14), col('basis', 1, 16)],
  },
  // The provinces' wider block; its 指标解释 column holds what the standard block calls 绩效指标描述.
  provincial: {
    id: 'provincial',
    width: 9,
    columnWidths: [14, 14, 16, 18, 10, 10, 10, 10, 16],
    headerRow: 8,
    columns: [
      col('level1', 1, 14), col('level2', 1, 14), col('level3', 1, 16), col('description', 1, 18, '指标解释'),
      col('valueType', 1, 10), col('operator', 1, 10), col('value', 1, 10), col('unit', 1, 10), col('basis', 1, 16),
    ],
  },
};


/** Spare rows under the indicator block that get the dropdown lists, for rows the officer adds. */
export const SPARE_VALIDATION_ROWS = 20;

export const AMOUNT_FORMAT = '0.00';
export const PERCENT_FORMAT = '0%';
export const TEXT_FORMAT = '@';
