/** Reading an `.xlsx` file into target tables and findings, with a clear reason when it cannot be read. */
import { DepartmentPart } from '../core/department/model';
import { UnreadTable } from '../core/layout/reader';
import { Finding } from '../core/finding';
import { TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { hasSummaryShape } from '../core/summary';
import { checkTables, readWorkbook } from '../core/workbook';
import { readInputFile } from '../xlsx/inputFile';
import { DEFAULT_LIMITS, ReadLimits, UnreadableSheet, WorkbookReadError } from '../xlsx/limits';
import { SheetGrid, readWorkbookBytes } from '../xlsx/readPackage';
import type { Grid } from '../core/grid';
import type { Workbook } from '../xlsx/workbook';
import { msg } from './messages';
import { readErrorReason, sheetProblemMessage } from './readMessages';

export class UnreadableFile extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(msg.fileUnreadable(file, reason));
  }
}

/** The reason, in words, for any error met while reading a file (never a library's sentence). */
export function reasonOf(e: unknown): string {
  if (e instanceof WorkbookReadError) return readErrorReason(e.kind, e.detail);
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg.notFound;
  if (code === 'EISDIR') return msg.isDirectory;
  if (code === 'EACCES' || code === 'EPERM') return msg.noPermission;
  return msg.notXlsx;
}

export interface ReadWorkbook {
  sheets: SheetGrid[];
  /** The sheet marked as the product's summary, if any, and only while it has the summary's exact shape. */
  summarySheet: string | undefined;
  /** Sheets listed in the workbook that could not be read. */
  unreadable: UnreadableSheet[];
}

/** A file's grids with the bytes they were read from: what a caller copies is what was read. */
export interface ReadWorkbookFile extends ReadWorkbook {
  bytes: Buffer;
}

/** Reads an `.xlsx` file's grids within `limits`; throws `UnreadableFile` with a reason an officer understands. */
export async function readWorkbookFile(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadWorkbookFile> {
  try {
    const bytes = await readInputFile(file, limits.maxFileBytes);
    const read = readWorkbookBytes(bytes, limits);
    return { bytes, sheets: read.sheets, summarySheet: ownSummarySheet(read.sheets, read.summarySheet), unreadable: read.unreadable };
  } catch (e) {
    throw new UnreadableFile(file, reasonOf(e));
  }
}

/** Largest merged area (cells) a workbook may hold to be copied by `summary` (a whole row is 16,384). */
const MAX_MERGE_AREA_TO_COPY = 100_000;

export interface LoadedWorkbook extends ReadWorkbook {
  workbook: Workbook;
}

/** The marked summary sheet, only while it still has the summary's exact shape (a forged mark names no sheet). */
function ownSummarySheet(sheets: readonly SheetGrid[], marked: string | undefined): string | undefined {
  const grid = sheets.find((s) => s.name === marked)?.grid;
  return grid && hasSummaryShape(grid) ? marked : undefined;
}

/**
 * Loads an `.xlsx` file to copy its sheets into another workbook (`summary` of several files):
 * read first by the capped reader, so a hostile or damaged file is refused before ExcelJS sees
 * it; a file with a sheet that cannot be read is refused too (an ExcelJS copy would lose that sheet).
 */
export async function loadWorkbookFile(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<LoadedWorkbook> {
  const { bytes, ...read } = await readWorkbookFile(file, limits);
  if (read.unreadable.length) {
    throw new UnreadableFile(file, read.unreadable.map((u) => sheetProblemMessage(u).message).join('；'));
  }
  // ExcelJS makes a cell object for every cell of a merged area: a merge over whole columns would exhaust memory.
  if (read.sheets.some((s) => (s.grid.merges ?? []).some((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) > MAX_MERGE_AREA_TO_COPY))) {
    throw new UnreadableFile(file, readErrorReason('too-large', 'mergeArea'));
  }
  // ExcelJS is loaded only here: `check` never pays for it.
  const { loadWorkbook, workbookGrids } = await import('../xlsx/readGrids');
  const { markedSummarySheet } = await import('../xlsx/workbookFile');
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch {
    throw new UnreadableFile(file, readErrorReason('corrupt'));
  }
  if (workbook.worksheets.length === 0) throw new UnreadableFile(file, readErrorReason('no-sheets'));
  const { sheets } = workbookGrids(workbook);
  return { workbook, sheets, summarySheet: ownSummarySheet(sheets, markedSummarySheet(workbook)), unreadable: read.unreadable };
}

export interface WorkbookResult {
  tables: TargetTable[];
  findings: Finding[];
}

/** A finding for each sheet that could not be read (R001: error, so the file is never ready to send). */
export function unreadableFindings(unreadable: readonly UnreadableSheet[]): Finding[] {
  return unreadable.map((u) => ({ rule: 'R001', severity: 'error', sheet: u.sheet, cell: 'A1', ...sheetProblemMessage(u) }));
}

/** Validates a workbook: every rule on every table, across tables, and the summary's freshness (W002). */
export function validateSheets(sheets: readonly SheetGrid[], profile: Profile, summarySheet?: string): WorkbookResult {
  const read = readWorkbook(sheets, summarySheet);
  // The department sheet (第一部分: D001/D002, its table's I-rules) is checked with the tables (`read.department`).
  const findings = checkTables(read.tables, profile, sheets.find((s) => s.name === summarySheet), read);
  return { tables: read.tables, findings };
}

/** The sheet's own error, kept apart from reading errors: a failure of the checks is not a damaged file. */
class CheckFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Reads and validates an `.xlsx` file sheet by sheet, as `readWorkbookFile` + `validateSheets`
 * do (the same findings), but each sheet's grid is dropped as soon as its tables are read:
 * only the summary sheet's grid is kept (W002 compares it with the tables). Memory stays one
 * sheet deep whatever the number of sheets.
 */
export async function checkWorkbookFile(
  file: string,
  profile: Profile,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<WorkbookResult & { unreadable: UnreadableSheet[] }> {
  const tables: TargetTable[] = [];
  const unread: UnreadTable[] = [];
  const names: string[] = [];
  let summary: { name: string; grid: Grid } | undefined;
  const departments: DepartmentPart[] = [];
  let read;
  try {
    const bytes = await readInputFile(file, limits.maxFileBytes);
    read = readWorkbookBytes(bytes, limits, (sheet, marked) => {
      try {
        // The marked summary sheet, only while it still has the summary's exact shape (see ownSummarySheet).
        if (sheet.name === marked && hasSummaryShape(sheet.grid)) {
          summary = { name: sheet.name, grid: sheet.grid };
          return false;
        }
        const one = readWorkbook([sheet]);
        for (const t of one.tables) tables.push(t);
        for (const u of one.unread) unread.push(u);
        for (const d of one.departments ?? []) departments.push(d);
        names.push(sheet.name);
        return false;
      } catch (e) {
        throw new CheckFailure(e);
      }
    });
  } catch (e) {
    if (e instanceof CheckFailure) throw e.error;
    throw new UnreadableFile(file, reasonOf(e));
  }
  // As validateSheets: R001/R002 with the sheets read, W002 against the summary, the department sheets.
  const findings = checkTables(tables, profile, summary, { unread, sheets: names, departments });
  return { tables, findings, unreadable: read.unreadable };
}
