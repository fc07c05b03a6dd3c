import { titleName } from '../../src/core/layout/reader';
/**
 * Builds `TargetTable`s in the canonical layout of SPEC §3 for rule tests. Fields are parsed
 * with the real parsers from the raw cell values, so a test only says what the cells hold.
 * The default table is valid: it produces no finding at all.
 */
import { CellValue } from '../../src/core/grid';
import { Decimal, ZERO } from '../../src/core/money';
import { Finding } from '../../src/core/finding';
import { Field, Indicator, QUARTERS, SpendingPoint, TargetTable } from '../../src/core/model';
import { Parsed, parseAmount, parseIndicatorValue, parsePercent, isPercentFormat, IndicatorValue } from '../../src/core/parse';
import { cellText } from '../../src/core/text';

export interface IndicatorCells {
  level1: CellValue;
  level2: CellValue;
  level3: CellValue;
  description: CellValue;
  value: CellValue;
  basis: CellValue;
}

export interface TableCells {
  sheet: string;
  title: CellValue;
  department: CellValue;
  code: CellValue;
  name: CellValue;
  total: CellValue;
  fiscal: CellValue;
  other: CellValue;
  fundUse: CellValue;
  /** 3月底, 6月底, 10月底, 12月底 as the cells hold them. */
  spendingPlan: [CellValue, CellValue, CellValue, CellValue];
  /** The number format of the four percentage cells. */
  spendingFormat: string;
  goals: CellValue;
  /** Rows from row 10; a blank 一级指标 below a row is carried down (a merged cell). */
  indicators: IndicatorCells[];
  /** Defaults to the `2022年` found in the title or name. */
  year?: number;
}

export const VALID_INDICATORS: readonly IndicatorCells[] = [
  { level1: '产出指标', level2: '数量指标', level3: '受补贴老党员人数', description: '享受生活补贴的老党员人数', value: '8人', basis: '计划标准' },
  { level1: '效益指标', level2: '社会效益指标', level3: '生活水平提高', description: '受补贴老党员生活水平提高的比例', value: '≥90%', basis: '历史标准' },
  { level1: '满意度指标', level2: '服务对象满意度指标', level3: '受补贴对象满意度', description: '受补贴老党员对补贴发放的满意程度', value: '≥95%', basis: '行业标准' },
];

export const VALID_CELLS: TableCells = {
  sheet: '老党员补贴',
  title: '9.2022年新中国成立前老党员生活补贴绩效目标表',
  department: '802008乐亭县新寨镇人民政府',
  code: '13022522P00200810001P',
  name: '2022年新中国成立前老党员生活补贴',
  total: 4,
  fiscal: 4,
  other: null,
  fundUse: '2022年新中国成立前老党员生活补贴',
  spendingPlan: [0.25, 0.5, 0.75, 1],
  spendingFormat: '0%',
  goals: '1.按时足额发放补贴\n2.提高老党员生活水平',
  indicators: [...VALID_INDICATORS],
};

/** One indicator row: the first valid row with some cells replaced. */
export function indicatorRow(cells: Partial<IndicatorCells> = {}): IndicatorCells {
  return { ...VALID_INDICATORS[0], ...cells };
}

function field<T>(cell: string, raw: CellValue, parsed: Parsed<T>, blank?: T): Field<T> {
  const text = cellText(raw);
  if (parsed.ok) return { cell, raw, text, value: parsed.value };
  if (parsed.empty) return { cell, raw, text, value: blank };
  return { cell, raw, text, value: undefined, problem: parsed.reason };
}

function textField(cell: string, raw: CellValue): Field<string> {
  const text = cellText(raw);
  return { cell, raw, text, value: text === '' ? undefined : text };
}

const amountField = (cell: string, raw: CellValue, blank?: Decimal) => field(cell, raw, parseAmount(raw), blank);

function spendingPoint(col: string, i: number, raw: CellValue, format: string): SpendingPoint {
  const form: SpendingPoint['form'] =
    cellText(raw) === '' ? 'blank' : typeof raw === 'number' ? (isPercentFormat(format) ? 'percent-number' : 'points-number') : 'text';
  return { quarter: QUARTERS[i], percent: field(`${col}7`, raw, parsePercent(raw, format)), form };
}

function goalsField(raw: CellValue): Field<string[]> {
  const text = cellText(raw);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { cell: 'B8', raw, text, value: lines.length ? lines : undefined };
}

function indicator(cells: IndicatorCells, i: number, previous: Indicator | undefined): Indicator {
  const row = 9 + i;
  const at = (col: string) => `${col}${row + 1}`;
  const level1Carried = cellText(cells.level1) === '' && previous !== undefined;
  const valueField: Field<IndicatorValue> = field(at('F'), cells.value, parseIndicatorValue(cells.value));
  return {
    row,
    level1: level1Carried && previous ? previous.level1 : textField(at('A'), cells.level1),
    level1Carried,
    level2: textField(at('B'), cells.level2),
    level2Carried: false,
    level3: textField(at('C'), cells.level3),
    description: textField(at('D'), cells.description),
    value: valueField,
    basis: textField(at('G'), cells.basis),
  };
}

/** A table read from a sheet in the canonical layout, with the given cells replaced. */
export function buildTable(overrides: Partial<TableCells> = {}): TargetTable {
  const c: TableCells = { ...VALID_CELLS, ...overrides };
  const indicators: Indicator[] = [];
  c.indicators.forEach((cells, i) => indicators.push(indicator(cells, i, indicators[i - 1])));
  const title = textField('A1', c.title);
  const name = textField('E3', c.name);
  const stated = /(\d{4})年/.exec(title.text || name.text);
  return {
    sheet: c.sheet,
    layout: 'standard',
    title,
    titleName: titleName(title.text),
    department: textField('A2', c.department),
    unit: textField('G2', '单位：万元'),
    code: textField('B3', c.code),
    name,
    budget: { total: amountField('C4', c.total), fiscal: amountField('E4', c.fiscal, ZERO), other: amountField('G4', c.other, ZERO) },
    fundUse: textField('C5', c.fundUse),
    spendingPlan: c.spendingPlan.map((raw, i) => spendingPoint('BCDE'[i], i, raw, c.spendingFormat)),
    goals: goalsField(c.goals),
    indicators,
    indicatorColumns: { level1: 'A9', level2: 'B9', level3: 'C9', description: 'D9', value: 'F9', basis: 'G9' },
    labels: {
      code: 'A3',
      name: 'D3',
      budgetBlock: 'A4',
      total: 'B4',
      fiscal: 'D4',
      other: 'F4',
      fundUse: 'B5',
      spendingPlan: 'A6',
      goals: 'A8',
      indicatorHeader: 'A9',
    },
    year: 'year' in overrides ? overrides.year : stated ? Number(stated[1]) : undefined,
  };
}

/** What tests assert on: which rule fired, how severe, and where. */
export function located(findings: readonly Finding[]): Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell'>[] {
  return findings.map(({ rule, severity, sheet, cell }) => ({ rule, severity, sheet, cell }));
}

/** A project of the seed document (`test/fixtures/xinzhai-2022-targets.json`). */
export interface SeedProject {
  seq: number;
  department: string;
  code: string;
  name: string;
  title: string;
  budget: { total: string; fiscal: string; other: string };
  fundUse: string;
  spendingPlanCumulativePct: Record<string, number>;
  goals: string[];
  indicators: IndicatorCells[];
}

/** The seed project as a sheet holds it: amounts and percentages as text, as in the document. */
export function seedTable(p: SeedProject): TargetTable {
  return buildTable({
    sheet: `${p.seq}`,
    title: p.title,
    department: p.department,
    code: p.code,
    name: p.name,
    total: p.budget.total,
    fiscal: p.budget.fiscal,
    other: p.budget.other,
    fundUse: p.fundUse,
    spendingPlan: QUARTERS.map((q) => `${p.spendingPlanCumulativePct[q]}%`) as TableCells['spendingPlan'],
    goals: p.goals.join('\n'),
    indicators: p.indicators,
  });
}
