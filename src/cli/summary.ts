/**
 * `summary`: writes OUT.xlsx with the summary sheet of SPEC §5. One input: a copy of that
 * workbook with the summary sheet added (or our earlier one regenerated). Several inputs: a
 * new workbook with copies of every project sheet, in file order (names made unique), and the
 * summary. The input files are never written; a user's own sheet named 汇总 is never replaced.
 */
import { existsSync } from 'fs';
import { countBySeverity } from '../core/finding';
import { Profile } from '../core/profile';
import { validateWorkbook } from '../core/rules';
import { uniqueSheetName } from '../core/sheetNames';
import { buildSummary, summarySheetName, writeSummarySheet } from '../core/summary';
import { readTargetTable } from '../core/layout/reader';
import { TargetTable } from '../core/model';
import {
  Workbook, addWorksheetAt, applySheetWrite, copyWorksheet, markSummarySheet, newWorkbook, saveWorkbook,
} from '../xlsx';
import { Io } from './io';
import { msg } from './messages';
import { fixedDate, isInputFile } from './output';
import { LoadedWorkbook, UnreadableFile, loadWorkbookFile } from './workbook';
import { readTables } from '../core/workbook';

/** Puts all project sheets of several workbooks into a new one, returning their tables under the new names. */
function combine(inputs: readonly { file: string; loaded: LoadedWorkbook }[], io: Io): { workbook: Workbook; tables: TargetTable[] } {
  const workbook = newWorkbook();
  const tables: TargetTable[] = [];
  const taken: string[] = [];
  for (const { file, loaded } of inputs) {
    const own = readTables(loaded.sheets, loaded.summarySheet);
    if (own.length === 0) io.err(msg.noTables(file));
    for (const table of own) {
      const name = uniqueSheetName(table.sheet, taken);
      taken.push(name);
      copyWorksheet(loaded.workbook.getWorksheet(table.sheet)!, workbook, name);
      const grid = loaded.sheets.find((s) => s.name === table.sheet)!.grid;
      tables.push(readTargetTable(grid, name)!);
    }
  }
  return { workbook, tables };
}

export async function summaryCommand(files: readonly string[], out: string, profile: Profile, io: Io, force = false): Promise<number> {
  if (isInputFile(out, files)) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  if (!force && existsSync(out)) {
    io.err(msg.outExists(out));
    return 2;
  }
  const inputs: { file: string; loaded: LoadedWorkbook }[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, loaded: await loadWorkbookFile(file) });
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      io.err(e.message);
    }
  }
  if (inputs.length < files.length) return 2;

  let workbook: Workbook;
  let tables: TargetTable[];
  let existing: { name: string; ours: boolean }[];
  if (inputs.length === 1) {
    const { loaded } = inputs[0];
    workbook = loaded.workbook;
    tables = readTables(loaded.sheets, loaded.summarySheet);
    existing = loaded.sheets.map((s) => ({ name: s.name, ours: s.name === loaded.summarySheet }));
  } else {
    ({ workbook, tables } = combine(inputs, io));
    existing = workbook.worksheets.map((ws) => ({ name: ws.name, ours: false }));
  }
  if (tables.length === 0) {
    io.err(msg.summaryNoTables);
    return 2;
  }

  const findings = validateWorkbook(tables, profile);
  const { name, replace } = summarySheetName(existing);
  const sheet = addWorksheetAt(workbook, name, replace ? name : undefined);
  applySheetWrite(sheet, writeSummarySheet(buildSummary(tables, findings)));
  markSummarySheet(workbook, name);
  try {
    await saveWorkbook(workbook, out, { date: fixedDate(), created: inputs.length > 1 });
  } catch (e) {
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  const c = countBySeverity(findings);
  io.out(msg.summaryWritten(out, name, tables.length, c.error, c.warning));
  return 0;
}
