/**
 * The sheet `部门整体绩效目标`: one definition (labels, columns) drives both writing and the
 * label-anchored reading, like the project table's layout.
 *
 * ```
 * 1  A1:C1 部门整体绩效目标                  (merged, bold, centred)
 * 2  A2 部门          B2:C2 {部门编码}{部门名称}
 * 3  A3 总体绩效目标  B3:C3 overall goal
 * 4+ A 分项绩效目标 (merged over its rows)   B 序号  C goal
 * n+ A 工作保障措施 (merged over its rows)   B 序号  C measure
 * ```
 */
import { CellRange, CellValue, Grid, a1, cellAt, gridHeight } from '../grid';
import { SheetWrite } from '../sheet';
import { cellText, labelKey } from '../text';
import { DepartmentInput, DepartmentPart, NumberedItem } from './model';

export const DEPARTMENT_SHEET = '部门整体绩效目标';

export const DEPARTMENT_LAYOUT = {
  title: DEPARTMENT_SHEET,
  width: 3,
  columnWidths: [14, 6, 80],
  labels: {
    department: { label: '部门', aliases: ['部门名称', '预算部门'] },
    overallGoal: { label: '总体绩效目标', aliases: ['部门总体绩效目标', '整体绩效目标'] },
    goals: { label: '分项绩效目标', aliases: ['分项目标'] },
    measures: { label: '工作保障措施', aliases: ['保障措施'] },
  },
} as const;

type LabelName = keyof typeof DEPARTMENT_LAYOUT.labels;
const labelTexts = (name: LabelName) => [DEPARTMENT_LAYOUT.labels[name].label, ...DEPARTMENT_LAYOUT.labels[name].aliases].map(labelKey);

const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/** The department sheet for a department part. */
export function writeDepartmentSheet(part: DepartmentInput): SheetWrite {
  const L = DEPARTMENT_LAYOUT;
  const values: CellValue[][] = [];
  const merges: CellRange[] = [range(0, 0, 0, 2), range(1, 1, 1, 2), range(2, 1, 2, 2)];
  const labelCells: CellRange[] = [range(1, 0), range(2, 0)];
  values.push([L.title, null, null]);
  values.push([L.labels.department.label, part.department, null]);
  values.push([L.labels.overallGoal.label, part.overallGoal, null]);
  const list = (label: string, items: readonly NumberedItem[]) => {
    const start = values.length;
    const rows = items.length ? items : [{ number: '', text: '' }];
    rows.forEach((item, i) => values.push([i === 0 ? label : null, item.number, item.text]));
    if (rows.length > 1) merges.push(range(start, 0, start + rows.length - 1, 0));
    labelCells.push(range(start, 0, start + rows.length - 1, 0));
  };
  list(L.labels.goals.label, part.goals);
  list(L.labels.measures.label, part.measures);
  const last = values.length - 1;
  const text = (v: CellValue) => (typeof v === 'string' ? '@' : null);
  return {
    values,
    numberFormats: values.map((row) => row.map(text)),
    merges,
    columnWidths: [...L.columnWidths],
    bold: [range(0, 0, 0, 2), ...labelCells],
    centred: [range(0, 0, 0, 2), ...labelCells, range(3, 1, last, 1)],
    wrap: [range(1, 0, last, 2)],
    borders: [range(1, 0, last, 2)],
    validations: [],
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
  };
}

/** Back to the input that would write it. */
export function departmentToInput(part: DepartmentPart): DepartmentInput {
  return { department: part.department, overallGoal: part.overallGoal, goals: part.goals, measures: part.measures };
}
