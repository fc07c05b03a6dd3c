/**
 * The sheet `部门整体绩效目标`: one definition (labels, columns) drives both writing and the
 * label-anchored reading, like the project table's layout.
 *
 * ```
 * 1  A1:E1 部门整体绩效目标                  (merged, bold, centred)
 * 2  A2 部门          B2:E2 {部门编码}{部门名称}
 * 3  A3 总体绩效目标  B3:E3 overall goal
 * 4+ A 分项绩效目标 (merged over its rows)   B 序号  C:E goal
 * n+ A 工作保障措施 (merged over its rows)   B 序号  C:E measure
 *    (a blank row, then, when the document has one, the department-wide indicator table:)
 * t  A:E 部门整体支出绩效目标表              (its title as published, merged)
 * t+ its head rows as text, cell for cell
 * h  一级指标 二级指标 三级指标 指标解释 指标值  (the project block's writer and reader)
 * ```
 */
import { CellRange, Grid, a1, cellAt, gridHeight, parseA1 } from '../grid';
import { TargetTable } from '../model';
import { LayoutDefinition, indicatorColumn } from '../layout/definition';
import { tableToInput } from '../layout/input';
import { readIndicatorTable } from '../layout/reader';
import { SheetBuilder, writeIndicatorBlock } from '../layout/writer';
import { SheetWrite } from '../sheet';
import { LEVEL1, LEVEL2_BY_LEVEL1 } from '../taxonomy';
import { cellText, labelKey } from '../text';
import { DepartmentInput, DepartmentPart, DepartmentTable, NumberedItem } from './model';

export const DEPARTMENT_SHEET = '部门整体绩效目标';

/** The department-wide table's indicator columns: the project block's, as the published tables have them. */
const INDICATOR_BLOCK: Pick<LayoutDefinition, 'id' | 'columns'> = {
  id: 'standard',
  columns: [
    indicatorColumn('level1', 1, 14), indicatorColumn('level2', 1, 14), indicatorColumn('level3', 1, 30),
    indicatorColumn('description', 1, 30, '指标解释'), indicatorColumn('value', 1, 14),
  ],
};

export const DEPARTMENT_LAYOUT = {
  title: DEPARTMENT_SHEET,
  /** At least the indicator block's width; a wider head row of the table widens the sheet. */
  width: INDICATOR_BLOCK.columns.length,
  columnWidths: INDICATOR_BLOCK.columns.map((c) => c.width),
  labels: {
    department: { label: '部门', aliases: ['部门名称', '预算部门'] },
    overallGoal: { label: '总体绩效目标', aliases: ['部门总体绩效目标', '整体绩效目标'] },
    goals: { label: '分项绩效目标', aliases: ['分项目标'] },
    measures: { label: '工作保障措施', aliases: ['保障措施'] },
  },
  indicatorBlock: INDICATOR_BLOCK,
  /** The title used when a table is added without one. */
  tableTitle: '部门整体绩效目标表',
} as const;

/** A title of the department-wide table: `部门整体绩效目标表`, `部门（单位）整体支出绩效目标表(2023年度)`. */
export function isDepartmentTableTitle(text: string): boolean {
  const key = labelKey(text);
  return text.length <= 60 && key.includes('整体') && /绩效目标(申报|审核|批复)?表(\(.*\))?$/.test(key);
}

type LabelName = keyof typeof DEPARTMENT_LAYOUT.labels;
const labelTexts = (name: LabelName) => [DEPARTMENT_LAYOUT.labels[name].label, ...DEPARTMENT_LAYOUT.labels[name].aliases].map(labelKey);

const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/** Rows of the sheet down to the last 工作保障措施 row, and where the table's title goes. */
function partRows(part: DepartmentInput): { goals: number; measures: number; tableTitle: number } {
  const goals = Math.max(part.goals.length, 1);
  const measures = Math.max(part.measures.length, 1);
  return { goals, measures, tableTitle: 3 + goals + measures + 1 };
}

/** The 0-based row of the indicator table's title on the sheet written for `part` (the export reads from here). */
export function departmentTableRow(part: DepartmentInput): number {
  return partRows(part).tableTitle;
}

/** The department sheet for a department part. */
export function writeDepartmentSheet(part: DepartmentInput): SheetWrite {
  const L = DEPARTMENT_LAYOUT;
  const table = part.table;
  const rows = partRows(part);
  const headWidth = table ? Math.max(0, ...table.head.map((r) => r.length)) : 0;
  const w = Math.max(L.width, headWidth);
  const last3 = 3 + rows.goals + rows.measures - 1;
  const headerRow = table ? rows.tableTitle + 1 + table.head.length : -1;
  const lastRow = table ? headerRow + Math.max(table.indicators.length, 1) : last3;
  const b = new SheetBuilder(lastRow + 1, w);
  const labelCells: CellRange[] = [range(1, 0), range(2, 0)];
  b.text(0, 0, L.title, w);
  b.text(1, 0, L.labels.department.label);
  b.text(1, 1, part.department, w - 1);
  b.text(2, 0, L.labels.overallGoal.label);
  b.text(2, 1, part.overallGoal, w - 1);
  let row = 3;
  const list = (label: string, items: readonly NumberedItem[]) => {
    const start = row;
    const shown = items.length ? items : [{ number: '', text: '' }];
    b.text(start, 0, label, 1, shown.length);
    for (const item of shown) {
      b.text(row, 1, item.number);
      b.text(row, 2, item.text, w - 2);
      row++;
    }
    labelCells.push(range(start, 0, row - 1, 0));
  };
  list(L.labels.goals.label, part.goals);
  list(L.labels.measures.label, part.measures);

  const bold = [range(0, 0, 0, w - 1), ...labelCells];
  const centred = [range(0, 0, 0, w - 1), ...labelCells, range(3, 1, last3, 1)];
  const framed = [range(1, 0, last3, w - 1)];
  const validations: SheetWrite['validations'] = [];
  if (table) {
    b.text(rows.tableTitle, 0, table.title, w);
    table.head.forEach((cells, i) => cells.forEach((text, c) => b.text(rows.tableTitle + 1 + i, c, text)));
    writeIndicatorBlock(b, L.indicatorBlock, headerRow, table.indicators);
    bold.push(range(rows.tableTitle, 0, rows.tableTitle, w - 1), range(headerRow, 0, headerRow, L.width - 1));
    centred.push(range(rows.tableTitle, 0, rows.tableTitle, w - 1), range(headerRow, 0, headerRow, L.width - 1));
    framed.push(range(rows.tableTitle + 1, 0, lastRow, w - 1));
    const spare = headerRow + Math.max(table.indicators.length, 1) + 20;
    validations.push(
      { range: range(headerRow + 1, 0, spare, 0), list: [...LEVEL1] },
      { range: range(headerRow + 1, 1, spare, 1), list: [...new Set(Object.values(LEVEL2_BY_LEVEL1).flat())] },
    );
  }
  const widths = [...L.columnWidths];
  while (widths.length < w) widths.push(14);
  return {
    values: b.values,
    numberFormats: b.numberFormats,
    merges: b.merges,
    columnWidths: widths,
    bold,
    centred,
    wrap: [range(1, 0, lastRow, w - 1)],
    borders: framed,
    validations,
    hyperlinks: [],
    print: { paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 },
    select: 'B2',
  };
}

function findLabel(grid: Grid, name: LabelName): { row: number; col: number } | undefined {
  const keys = labelTexts(name);
  for (let r = 0; r < gridHeight(grid); r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length <= 20 && keys.includes(labelKey(v))) return { row: r, col: c };
    }
  }
  return undefined;
}

/** True when the grid holds a department part (its 总体绩效目标 and 分项绩效目标 labels). */
export function isDepartmentGrid(grid: Grid): boolean {
  return findLabel(grid, 'overallGoal') !== undefined && findLabel(grid, 'goals') !== undefined;
}

/** Reads the department sheet by its labels; undefined when the grid is not one. */
export function readDepartmentSheet(grid: Grid, sheet: string): DepartmentPart | undefined {
  const overall = findLabel(grid, 'overallGoal');
  const goals = findLabel(grid, 'goals');
  if (!overall || !goals) return undefined;
  const dept = findLabel(grid, 'department');
  const measures = findLabel(grid, 'measures');
  const text = (row: number, col: number) => cellText(cellAt(grid, row, col));
  /** Numbered rows from a label down to the next label or the first blank row. */
  const items = (from: { row: number; col: number }, until: number) => {
    const out: { item: NumberedItem; cells: { number: string; text: string } }[] = [];
    for (let r = from.row; r < until; r++) {
      const number = text(r, from.col + 1);
      const body = text(r, from.col + 2);
      if (r > from.row && text(r, from.col) !== '') break;
      if (!number && !body) {
        if (r === from.row) continue;
        break;
      }
      out.push({ item: { number, text: body }, cells: { number: a1(r, from.col + 1), text: a1(r, from.col + 2) } });
    }
    return out;
  };
  const goalRows = items(goals, measures && measures.row > goals.row ? measures.row : gridHeight(grid));
  const measureRows = measures ? items(measures, gridHeight(grid)) : [];
  const lastRow = Math.max(overall.row, goals.row, ...[...goalRows, ...measureRows].map((x) => parseA1(x.cells.text).row));
  const table = readDepartmentTable(grid, sheet, lastRow + 1);
  return {
    sheet,
    department: dept ? text(dept.row, dept.col + 1) : '',
    overallGoal: text(overall.row, overall.col + 1),
    goals: goalRows.map((g) => g.item),
    measures: measureRows.map((m) => m.item),
    cells: {
      overallGoal: a1(overall.row, overall.col + 1),
      goals: goalRows.map((g) => g.cells),
      goalsLabel: a1(goals.row, goals.col),
    },
    ...(table ? { table: table.input, indicatorTable: table.read } : {}),
  };
}

/** The department-wide indicator table below row `from`: its title row, head rows as text, its block read as a project's. */
function readDepartmentTable(grid: Grid, sheet: string, from: number): { input: DepartmentTable; read: TargetTable } | undefined {
  const height = gridHeight(grid);
  let titleRow = -1;
  let title = '';
  for (let r = from; r < height && titleRow < 0; r++) {
    for (const v of grid.values[r] ?? []) {
      const t = cellText(v);
      if (t && isDepartmentTableTitle(t)) {
        titleRow = r;
        title = t;
        break;
      }
    }
  }
  if (titleRow < 0) return undefined;
  return readDepartmentTableGrid(grid, sheet, title, titleRow + 1);
}

/**
 * The department-wide table in a grid (a sheet below its title, or a Word table): the first
 * indicator block at or below `firstRow` read by the project reader, the rows from `firstRow`
 * down to its header kept as text. Undefined when there is no readable block.
 */
export function readDepartmentTableGrid(grid: Grid, sheet: string, title: string, firstRow = 0): { input: DepartmentTable; read: TargetTable } | undefined {
  const read = readIndicatorTable(grid, sheet, firstRow);
  if (!read) return undefined;
  const headerRow = parseA1(read.labels.indicatorHeader ?? a1(firstRow, 0)).row;
  const head: string[][] = [];
  for (let r = firstRow; r < headerRow; r++) {
    const cells = (grid.values[r] ?? []).map((_, c) => cellText(cellAt(grid, r, c)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    head.push(cells);
  }
  return { input: { title, head, indicators: tableToInput(read).indicators }, read };
}

/** Back to the input that would write it. */
export function departmentToInput(part: DepartmentPart): DepartmentInput {
  const input: DepartmentInput = { department: part.department, overallGoal: part.overallGoal, goals: part.goals, measures: part.measures };
  return part.table ? { ...input, table: part.table } : input;
}
