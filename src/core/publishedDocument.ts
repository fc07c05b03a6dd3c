/**
 * A published budget document (部门预算公开) as a sequence of blocks — paragraphs and tables —
 * whatever file it came from (a .docx adapter makes the blocks). 第一部分 becomes the
 * department part; each project table, with the paragraphs around it (its `…绩效目标表`
 * title, the department line and `单位：万元`), becomes one grid that the core's
 * label-anchored reader reads like a sheet.
 */
import { DepartmentInput, DepartmentTable, NumberedItem, splitNumber } from './department/model';
import { DEPARTMENT_LAYOUT, isDepartmentTableTitle, readDepartmentTableGrid } from './department/sheet';
import { DocumentGrid } from './documentText';
import { CellRange, CellValue, Grid, cellAt } from './grid';
import { TITLE_SUFFIX } from './layout/definition';
import { tableToInput } from './layout/input';
import { HEAD_BY_KEY, TITLE_PATTERN, synonymKey } from './layout/synonyms';
import { TableInput } from './model';
import { cellText, labelKey } from './text';
import { readWorkbook } from './workbook';

export type DocBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; grid: Grid };

export interface PublishedDocument {
  tables: DocumentGrid[];
  /** 第一部分, when the document has one. */
  department?: Omit<DepartmentInput, 'department'>;
}

/** A label of the project's identity (项目编码, 项目名称 or a province's synonym of either), from the one synonym table. */
const isIdentityLabel = (text: string) => {
  const field = HEAD_BY_KEY.get(synonymKey(text).key)?.field;
  return field === 'code' || field === 'name';
};

/** Word's bookmarks as the text export writes them (`[bookmark: _Toc…]`) are not text. */
export function paragraphText(text: string): string {
  return text.replace(/^(?:\[bookmark:[^\]]*\])+/, '').trim();
}

/** A table's title paragraph, as the reader recognises a title cell (`…绩效目标表`, `…申报表`, `…（2022年度）`). */
function isTitle(text: string): boolean {
  return text.length <= 120 && TITLE_PATTERN.test(labelKey(text));
}

const hasIdentity = (grid: Grid) => grid.values.some((row) => row.some((v) => typeof v === 'string' && v.length <= 30 && isIdentityLabel(v)));

type Part = 'overallGoal' | 'goals' | 'measures';
const HEADINGS: [Part, string[]][] = [
  ['overallGoal', ['总体绩效目标', '部门总体绩效目标', '整体绩效目标']],
  ['goals', ['分项绩效目标', '分项目标']],
  ['measures', ['工作保障措施', '保障措施']],
];

/** `一、总体绩效目标` → `overallGoal`. */
function headingOf(text: string): Part | undefined {
  const body = labelKey(splitNumber(text).text);
  for (const [part, names] of HEADINGS) if (names.some((n) => labelKey(n) === body)) return part;
  return undefined;
}

const isPartMark = (text: string, part: '一' | '二') => labelKey(text) === labelKey(`第${part}部分`);

/** 第一部分 from its paragraphs: headings switch the part, each paragraph is one item. */
export function departmentFromParagraphs(paragraphs: readonly string[]): PublishedDocument['department'] {
  const overall: string[] = [];
  const lists: Record<'goals' | 'measures', NumberedItem[]> = { goals: [], measures: [] };
  let part: Part | undefined;
  let found = false;
  for (const raw of paragraphs) {
    const text = paragraphText(raw);
    if (!text) continue;
    const heading = headingOf(text);
    if (heading) {
      part = heading;
      found = true;
      continue;
    }
    if (!part) continue;
    if (part === 'overallGoal') {
      overall.push(text);
      continue;
    }
    const item = splitNumber(text);
    const list = lists[part];
    // An unnumbered paragraph after a numbered one continues it.
    if (!item.number && list.length && list[list.length - 1].number) list[list.length - 1].text += `\n${item.text}`;
    else list.push(item);
  }
  return found ? { overallGoal: overall.join('\n'), goals: lists.goals, measures: lists.measures } : undefined;
}

/** Paragraphs and tables → the project tables' grids and 第一部分. */
export function readPublishedDocument(blocks: readonly DocBlock[]): PublishedDocument {
  const tables: DocumentGrid[] = [];
  const firstPart: string[] = [];
  let inFirstPart = false;
  let tableTitle: string | undefined;
  let departmentTable: { table: DepartmentTable } | undefined;
  let section: { title: string; rows: CellValue[][]; merges: CellRange[]; identity: boolean } | undefined;
  const open = (title: string) => {
    section = { title, rows: title ? [[title]] : [], merges: [], identity: false };
    tables.push({ title, grid: { values: section.rows, merges: section.merges } });
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = paragraphText(block.text);
      if (isPartMark(text, '一')) {
        inFirstPart = true;
        continue;
      }
      if (isPartMark(text, '二')) {
        inFirstPart = false;
        section = undefined;
        continue;
      }
      if (inFirstPart) {
        if (isDepartmentTableTitle(text)) tableTitle = text;
        else firstPart.push(text);
        continue;
      }
      if (isTitle(text)) {
        open(text);
        continue;
      }
      // A paragraph inside a table's section (the department line, 单位：万元) is a row; tabs split its cells.
      if (section && text) section.rows.push(text.split(/\t+/).map((c) => c.trim() || null));
      continue;
    }
    if (inFirstPart) {
      departmentTable ??= departmentTableOf(block.grid, tableTitle);
      continue;
    }
    const identity = hasIdentity(block.grid);
    // A table with a project's identity after one that had its own starts the next project.
    if (!section || (identity && section.identity)) open('');
    const s = section!;
    if (s.rows.length && s.rows[s.rows.length - 1].some((v) => v !== null)) s.rows.push([]);
    const top = s.rows.length;
    for (const row of block.grid.values) s.rows.push([...row]);
    for (const m of block.grid.merges ?? []) s.merges.push({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right });
    s.identity ||= identity;
  }
  const paragraphs = departmentFromParagraphs(firstPart);
  const department = departmentTable && (paragraphs || departmentTable.table.indicators.length)
    ? withTable(paragraphs ?? { overallGoal: '', goals: [], measures: [] }, departmentTable)
    : paragraphs;
  return { tables: tables.filter((t) => t.grid.values.length > 1), ...(department ? { department } : {}) };
}

const OVERALL_GOAL_ROW = ['年度总体目标', '总体目标', '年度总体绩效目标', '整体绩效目标', '部门整体绩效目标'].map(labelKey);

/** The table joins the part; its 年度总体目标 row is the overall goal when no paragraph gives one. */
function withTable(part: NonNullable<PublishedDocument['department']>, found: { table: DepartmentTable }): NonNullable<PublishedDocument['department']> {
  let overallGoal = part.overallGoal;
  if (overallGoal.trim() === '') {
    const row = found.table.head.find((cells) => OVERALL_GOAL_ROW.includes(labelKey(cells[0] ?? '')));
    if (row) overallGoal = row.slice(1).filter((t) => t !== '').join('\n');
  }
  return { ...part, overallGoal, table: found.table };
}

/**
 * A Word table inside 第一部分 that holds an indicator block: the department-wide table, titled by
 * the paragraph before it or by its own first row (`部门整体支出绩效目标表`).
 */
function departmentTableOf(grid: Grid, titleParagraph: string | undefined): { table: DepartmentTable } | undefined {
  let title = titleParagraph;
  let first = 0;
  const firstRow = (grid.values[0] ?? []).map((_, c) => cellText(cellAt(grid, 0, c))).filter((t) => t !== '');
  if (firstRow.length === 1 && isDepartmentTableTitle(firstRow[0])) {
    title ??= firstRow[0];
    first = 1;
  }
  const read = readDepartmentTableGrid(grid, DEPARTMENT_LAYOUT.title, title ?? DEPARTMENT_LAYOUT.tableTitle, first);
  return read && { table: read.input };
}

/** 第一部分 of a document saved as text (lines without a leading tab are paragraphs). */
export function departmentFromText(text: string): PublishedDocument['department'] {
  const paragraphs: string[] = [];
  let inFirstPart = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('\t')) continue;
    const t = paragraphText(line);
    if (isPartMark(t, '一')) inFirstPart = true;
    else if (isPartMark(t, '二') || isTitle(t)) inFirstPart = false;
    else if (inFirstPart) paragraphs.push(t);
  }
  return departmentFromParagraphs(paragraphs);
}

/**
 * The project tables of a document's grids, read exactly as a workbook's sheets are
 * (`readWorkbook`: several tables in one grid, any province's labels, amounts in 元 or 万元,
 * tables without a 项目编码); the titles of grids that hold no target table.
 */
export function documentTables(grids: readonly DocumentGrid[]): { tables: TableInput[]; skipped: string[] } {
  const tables: TableInput[] = [];
  const skipped: string[] = [];
  for (const doc of grids) {
    const name = doc.title || TITLE_SUFFIX;
    const read = readWorkbook([{ name, grid: doc.grid }]).tables;
    if (read.length) for (const t of read) tables.push(tableToInput(t));
    else skipped.push(name);
  }
  return { tables, skipped };
}
