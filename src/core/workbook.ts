/** A workbook as the adapters hand it over (named grids), read and validated the same way everywhere. */
import { Finding, compareFindings } from './finding';
import { Grid } from './grid';
import { DepartmentPart } from './department/model';
import { checkDepartment } from './department/rules';
import { departmentSheetPart } from './department/workbook';
import { UnreadTable, readSheetTables } from './layout/reader';
import { titleFor } from './layout/writer';
import { TableInput, TargetTable } from './model';
import { Profile } from './profile';
import { applyRuleSettings, validateWorkbook } from './rules';
import { noTables, unreadTables } from './rules/reading';
import { checkSummary } from './summary';

export interface NamedGrid {
  name: string;
  grid: Grid;
}

/** What reading a workbook found: its tables, and the indicator headers that could not be read as one. */
export interface WorkbookRead {
  tables: TargetTable[];
  unread: UnreadTable[];
  /** The sheets read (the summary sheet is not one), in order. */
  sheets: string[];
  /** The department sheets (部门整体绩效目标), each checked by D001/D002 and its table's I-rules. */
  departments?: DepartmentPart[];
}

/** Reads every sheet (several tables in one sheet too), in sheet order; the summary sheet (if named) is skipped. */
export function readWorkbook(sheets: readonly NamedGrid[], summarySheet?: string): WorkbookRead {
  const read: WorkbookRead = { tables: [], unread: [], sheets: [] };
  for (const s of sheets) {
    if (s.name === summarySheet) continue;
    read.sheets.push(s.name);
    // The department sheet is read by its own layout (its indicator table has no project identity).
    const department = departmentSheetPart(s);
    if (department) {
      (read.departments ??= []).push(department);
      continue;
    }
    const { tables, unread } = readSheetTables(s.grid, s.name);
    for (const t of tables) read.tables.push(t);
    for (const u of unread) read.unread.push(u);
  }
  return read;
}

/** The target tables of the sheets, in sheet order; the summary sheet (if named) is not one. */
export function readTables(sheets: readonly NamedGrid[], summarySheet?: string): TargetTable[] {
  return readWorkbook(sheets, summarySheet).tables;
}

/**
 * Every rule on every table and across tables, plus the summary sheet's freshness (W002). With
 * the workbook read, also what could not be read: R001 per unread header, R002 when no table.
 */
export function checkTables(
  tables: readonly TargetTable[],
  profile: Profile,
  summary?: NamedGrid,
  read?: Pick<WorkbookRead, 'unread' | 'sheets' | 'departments'>,
): Finding[] {
  const findings = validateWorkbook(tables, profile);
  const extra: Finding[] = [];
  if (read) {
    extra.push(...unreadTables(read.unread));
    if (tables.length === 0) extra.push(...noTables(read.sheets[0] ?? summary?.name ?? ''));
  }
  if (summary) extra.push(...checkSummary(summary.name, summary.grid, tables));
  for (const part of read?.departments ?? []) extra.push(...checkDepartment(part, profile));
  if (!extra.length) return findings;
  // The sort is stable and on severity only: the extra findings join the end of their severity.
  return [...findings, ...applyRuleSettings(extra, profile)].sort(compareFindings);
}

/** The name a table's sheet is given before it is made unique: its project name, else its title. */
export function tableSheetName(input: TableInput): string {
  return input.name.trim() || titleFor(input).trim() || '绩效目标表';
}
