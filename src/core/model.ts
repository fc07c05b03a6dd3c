/**
 * The target table (预算项目绩效目标表) in two forms:
 * - `TableInput`: what an officer fills in or imports (text as typed), what the writer writes;
 * - `TargetTable`: what the reader finds in a sheet, every field with its cell address and
 *   its value parsed once into a typed value.
 */
import { CellValue } from './grid';
import { Decimal } from './money';
import { IndicatorValue, Operator } from './parse';

export type LayoutId = 'standard' | 'provincial';

export const QUARTERS = ['3月底', '6月底', '10月底', '12月底'] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface IndicatorInput {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  /** The whole 指标值 (`≥95%`); in the provincial layout the number column when `operator`/`unit` are given. */
  value: string;
  basis: string;
  /** Provincial layout only: 定量 / 定性. */
  valueType?: string;
  /** Provincial layout only: 计算符号 (≥, ≤, =, …). */
  operator?: string;
  /** Provincial layout only: 计量单位. */
  unit?: string;
}

export interface TableInput {
  layout?: LayoutId;
  /** Defaults to `{name}绩效目标表`. */
  title?: string;
  /** `{部门编码}{部门名称}`, e.g. `802008乐亭县新寨镇人民政府`. */
  department: string;
  code: string;
  name: string;
  /** Amounts in 万元 as typed: `2.00`, `1,430.10`; blank other funds mean 0. */
  budget: { total: string; fiscal: string; other: string };
  fundUse: string;
  /** Cumulative shares at 3月底, 6月底, 10月底, 12月底 as typed: `25%`, `25`. */
  spendingPlan: [string, string, string, string];
  goals: string[];
  indicators: IndicatorInput[];
}

/** A field read from a sheet: where it is, what was there, and its parsed value. */
export interface Field<T> {
  /** A1 address of the value cell (or of the cell where a missing value belongs). */
  cell: string;
  raw: CellValue;
  /** The cell's text as shown, trimmed ('' when blank; a %-formatted 0.25 is `25%`). */
  text: string;
  /** The parsed value; undefined when blank or not parseable (then `problem` says why). */
  value: T | undefined;
  problem?: string;
}

export interface Indicator {
  /** 0-based sheet row. */
  row: number;
  level1: Field<string>;
  /** True when 一级指标 was blank in this row and carried down from the row above (merged cell). */
  level1Carried: boolean;
  level2: Field<string>;
  level2Carried: boolean;
  level3: Field<string>;
  description: Field<string>;
  value: Field<IndicatorValue>;
  basis: Field<string>;
  /** Provincial layout only. */
  valueType?: Field<string>;
  operator?: Field<Operator>;
  unit?: Field<string>;
  /** The 权重/分值 column, when the block has one (percent points or score). */
  weight?: Field<Decimal>;
  /** The 实施期 (long-term) value when the block has a second value column. */
  longValue?: Field<IndicatorValue>;
}

export interface SpendingPoint {
  quarter: Quarter;
  /** Percent points (25 for 25 %). */
  percent: Field<Decimal>;
  /** How the cell holds it: a %-formatted number, a bare number of points, or text. */
  form: 'percent-number' | 'points-number' | 'text' | 'blank';
  /** The label the sheet gives this point when it differs from `quarter` (`9月底`, `三季度`). */
  label?: string;
}

export interface TargetTable {
  sheet: string;
  layout: LayoutId;
  title: Field<string>;
  /** Title without a `1.` sequence prefix and without the `绩效目标表` suffix. */
  titleName: string;
  department: Field<string>;
  unit: Field<string>;
  code: Field<string>;
  name: Field<string>;
  budget: { total: Field<Decimal>; fiscal: Field<Decimal>; other: Field<Decimal> };
  fundUse: Field<string>;
  spendingPlan: SpendingPoint[];
  goals: Field<string[]>;
  indicators: Indicator[];
  /** A1 addresses of the label cells found, for findings about something missing. */
  labels: Partial<Record<LabelKey, string>>;
  /** A1 addresses of the indicator block's header cells, by column; a column the block lacks is absent. */
  indicatorColumns: Partial<Record<IndicatorColumnKey, string>>;
  /** The year the table is for (from its title or name, `2022年…`), if stated. */
  year: number | undefined;
  /** Fields the sheet's template does not have (no label, no column): rules about them stay quiet. */
  absent?: FieldKey[];
  /** The indicator framework the table's names use (SPEC §3a), as detected by the reader. */
  framework?: Framework;
  /** 实施期 / 中长期 goals, kept apart from the annual `goals`. */
  longGoals?: Field<string[]>;
  /** The 实施期 indicator set, when the table has one beside the annual `indicators`. */
  longIndicators?: Indicator[];
  /** Optional head fields, when the template has them. */
  optional?: Partial<Record<OptionalField, Field<string>>>;
  /** Rows of the block that held only a carried-down 一级/二级 name (unused template rows), ignored. */
  unusedRows?: number[];
  /**
   * The cells each amount was read from and whether they hold 元 (the model holds 万元): one
   * cell, or the funding sources summed into 财政资金 / 其他资金.
   */
  amountCells?: Record<'total' | 'fiscal' | 'other', AmountCell[]>;
}

export interface AmountCell {
  cell: string;
  raw: CellValue;
  /** The cell's number is in 元 and is divided by 10,000 for the model. */
  yuan: boolean;
}

export type OptionalField = 'implementingUnit' | 'leader' | 'phone' | 'attribute' | 'period' | 'category';

/** The indicator structures of SPEC §3a: MoF 2021, the 2015 template, provincial names. */
export type Framework = 'mof-2021' | 'mof-2015' | 'provincial';
export type FrameworkId = 'auto' | Framework;

/** Fields a template may lack (SPEC §3a): a profile's `requiredFields` lists those it must have. */
export const FIELD_KEYS = [
  'title', 'code', 'name', 'department', 'total', 'fiscal', 'other', 'fundUse', 'spendingPlan', 'goals',
  'level3', 'description', 'value', 'basis', 'valueType', 'operator', 'unit', 'weight',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export type IndicatorColumnKey =
  | 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'basis' | 'valueType' | 'operator' | 'unit' | 'weight' | 'longValue';

export type LabelKey =
  | 'code'
  | 'name'
  | 'budgetBlock'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'fundUse'
  | 'spendingPlan'
  | 'goals'
  | 'indicatorHeader';
