/** Reading an `.xlsx` file into target tables and findings, with a clear reason when it cannot be read. */
import { promises as fs } from 'fs';
import { checkDepartmentSheets } from '../core/department/workbook';
import { Finding, compareFindings } from '../core/finding';
import { TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { checkTables, readTables } from '../core/workbook';
import { LoadOptions, SheetGrid, Workbook, loadWorkbook, markedSummarySheet, workbookGrids } from '../xlsx';
import { msg } from './messages';

export class UnreadableFile extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(msg.fileUnreadable(file, reason));
  }
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return msg.notFound;
  if (code === 'EISDIR') return msg.isDirectory;
  if (code === 'EACCES' || code === 'EPERM') return msg.noPermission;
  return msg.notXlsx;
}

export interface LoadedWorkbook {
  workbook: Workbook;
  sheets: SheetGrid[];
  /** The sheet marked as the product's summary, if any. */
  summarySheet: string | undefined;
}

/** Loads an `.xlsx` file; throws `UnreadableFile` with a reason an officer understands. */
export async function loadWorkbookFile(file: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new UnreadableFile(file, reasonOf(e));
  }
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes, options);
  } catch (e) {
    // The library's own words, shortened (JSZip's message ends in a URL).
    const detail = e instanceof Error ? e.message.split(/\s+:\s|\s+https?:/)[0].trim() : '';
    throw new UnreadableFile(file, detail ? `${msg.notXlsx} — ${detail}` : msg.notXlsx);
  }
  // Any zip loads (a .docx too), and a workbook has at least one sheet: without one it was not a workbook.
  if (workbook.worksheets.length === 0) throw new UnreadableFile(file, `${msg.notXlsx} — ${msg.noWorksheets}`);
  return { workbook, sheets: workbookGrids(workbook).sheets, summarySheet: markedSummarySheet(workbook) };
}

export interface WorkbookResult {
  tables: TargetTable[];
  findings: Finding[];
}

/** Validates a workbook: every rule on every table, across tables, and the summary's freshness (W002). */
export function validateSheets(sheets: readonly SheetGrid[], profile: Profile, summarySheet?: string): WorkbookResult {
  const tables = readTables(sheets, summarySheet);
  const findings = checkTables(tables, profile, sheets.find((s) => s.name === summarySheet));
  const department = checkDepartmentSheets(sheets);
  return { tables, findings: department.length ? [...findings, ...department].sort(compareFindings) : findings };
}
