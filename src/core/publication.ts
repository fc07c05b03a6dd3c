/**
 * The publication document (部门预算公开) as plain data: 第一部分 from the department part,
 * 第二部分 with every project table numbered `1.{项目名称}绩效目标表`, its department line and
 * `单位：万元`, the table laid out by the same layout definition as the sheet (its rows from
 * 项目编码 down). A .docx adapter renders it; the core's document reader reads it back.
 */
import { DepartmentInput, numberedText } from './department/model';
import { departmentTableRow, writeDepartmentSheet } from './department/sheet';
import { CellRange, CellValue } from './grid';
import { titleName } from './layout/reader';
import { titleFor, writeTargetTable } from './layout/writer';
import { AMOUNT_FORMAT, TITLE_SUFFIX, UNIT_LABEL } from './layout/definition';
import { TableInput } from './model';
import { amountText, decimalFromNumber } from './money';
import { shownText } from './parse';
import { SheetWrite } from './sheet';

export interface PublishedCell {
  text: string;
  /** Grid columns the cell spans. */
  span: number;
  /** Part of a vertical merge: its first cell (`restart`) or a cell under it (`continue`, no text). */
  vMerge?: 'restart' | 'continue';
  bold?: boolean;
  centred?: boolean;
}

export interface PublishedTable {
  /** Relative widths of the grid columns. */
  columnWidths: number[];
  rows: PublishedCell[][];
}

export type PublicationBlock =
  | { kind: 'part'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'tableTitle'; text: string }
  /** The department line: `{部门编码}{部门名称}` left, `单位：万元` right. */
  | { kind: 'departmentLine'; department: string; unit: string }
  | { kind: 'table'; table: PublishedTable }
  | { kind: 'pageBreak' };

export const PART_ONE = ['第一部分', '部门整体绩效目标'] as const;
export const PART_TWO = ['第二部分', '预算项目绩效目标'] as const;
const HEADINGS = ['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施'] as const;

/** A cell's text as published: amounts with their two decimals, shares as `25%`, text as typed. */
function publishedText(value: CellValue, format: string | null | undefined): string {
  if (typeof value === 'number' && format === AMOUNT_FORMAT) return amountText(decimalFromNumber(value));
  if (typeof value === 'number') return shownText(value, format);
  return typeof value === 'string' ? value : '';
}

const inside = (m: CellRange, row: number, col: number) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/** The project table's rows (from 项目编码 down), merges as spans and vertical merges. */
export function publishedTable(input: TableInput): PublishedTable {
  return publishedRows(writeTargetTable(input), 2);
}

/** The department-wide indicator table as published: the department sheet's rows under the table's title. */
export function publishedDepartmentTable(department: DepartmentInput): PublishedTable {
  return publishedRows(writeDepartmentSheet(department), departmentTableRow(department) + 1);
}

/** A written sheet's rows from `first` down as a Word table: merges as spans and vertical merges. */
function publishedRows(sheet: SheetWrite, first: number): PublishedTable {
  const width = sheet.columnWidths.length;
  const rows: PublishedCell[][] = [];
  const isIn = (ranges: readonly CellRange[], r: number, c: number) => ranges.some((m) => inside(m, r, c));
  for (let r = first; r < sheet.values.length; r++) {
    const row: PublishedCell[] = [];
    for (let c = 0; c < width; ) {
      const m = sheet.merges.find((x) => inside(x, r, c) && x.left === c);
      const span = m ? m.right - m.left + 1 : 1;
      const vertical = m && m.bottom > m.top;
      const first = !m || m.top === r;
      row.push({
        text: first ? publishedText(sheet.values[r][c], sheet.numberFormats[r][c]) : '',
        span,
        ...(vertical ? { vMerge: first ? ('restart' as const) : ('continue' as const) } : {}),
        ...(isIn(sheet.bold, r, c) ? { bold: true } : {}),
        ...(isIn(sheet.centred, r, c) ? { centred: true } : {}),
      });
      c += span;
    }
    rows.push(row);
  }
  return { columnWidths: [...sheet.columnWidths], rows };
}

/** `3.{项目名称}绩效目标表`: numbered in document order, named as the table's title names it. */
export function publishedTitle(input: TableInput, index: number): string {
  const name = titleName(titleFor(input)) || input.name.trim();
  return `${index + 1}.${name}${TITLE_SUFFIX}`;
}

/** The whole publication: 第一部分 (when there is a department part) and 第二部分. */
export function publication(tables: readonly TableInput[], department?: DepartmentInput): PublicationBlock[] {
  const blocks: PublicationBlock[] = [];
  if (department) {
    blocks.push({ kind: 'part', text: PART_ONE[0] }, { kind: 'part', text: PART_ONE[1] });
    blocks.push({ kind: 'heading', text: HEADINGS[0] });
    for (const p of department.overallGoal.split('\n')) if (p.trim()) blocks.push({ kind: 'paragraph', text: p.trim() });
    blocks.push({ kind: 'heading', text: HEADINGS[1] });
    for (const g of department.goals) blocks.push({ kind: 'paragraph', text: numberedText(g) });
    blocks.push({ kind: 'heading', text: HEADINGS[2] });
    for (const m of department.measures) blocks.push({ kind: 'paragraph', text: numberedText(m) });
    if (department.table) {
      blocks.push({ kind: 'tableTitle', text: department.table.title });
      blocks.push({ kind: 'table', table: publishedDepartmentTable(department) });
    }
    blocks.push({ kind: 'pageBreak' });
  }
  blocks.push({ kind: 'part', text: PART_TWO[0] }, { kind: 'part', text: PART_TWO[1] });
  tables.forEach((t, i) => {
    blocks.push({ kind: 'tableTitle', text: publishedTitle(t, i) });
    blocks.push({ kind: 'departmentLine', department: t.department, unit: UNIT_LABEL });
    blocks.push({ kind: 'table', table: publishedTable(t) });
  });
  return blocks;
}
