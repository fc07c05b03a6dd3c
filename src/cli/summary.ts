/**
 * `summary`: writes OUT.xlsx with the summary sheet of SPEC §5. One input: a copy of that
 * workbook's package with one sheet part added (or our earlier one regenerated), everything
 * else byte for byte (src/xlsx/summaryPackage.ts). Several inputs: a new workbook with copies
 * of every project sheet, in file order (names made unique), and the summary. The input files
 * are never written; only a sheet that is marked as ours and still has the summary's exact
 * shape is ever regenerated — never a user's sheet, whatever its name or a mark says.
 */
import { existsSync } from 'fs';
import { countBySeverity } from '../core/finding';
import { Profile } from '../core/profile';
import { validateWorkbook } from '../core/rules';
import { uniqueSheetName } from '../core/sheetNames';
import { buildSummary, hasSummaryShape, summarySheetName, writeSummarySheet } from '../core/summary';
import { readTargetTable } from '../core/layout/reader';
import { TargetTable } from '../core/model';
// From the adapter's modules, not its index: one input never loads ExcelJS (only `newWorkbook` does, for several).
import { applySheetWrite } from '../xlsx/applySheetWrite';
import { PackageError, openWorkbookPackage, writeSummaryPackage } from '../xlsx/summaryPackage';
import type { WorkbookPackage } from '../xlsx/summaryPackage';
import type { Workbook } from '../xlsx/workbook';
import { addWorksheetAt, copyWorksheet, markSummarySheet, saveWorkbook, writeFileAtomically } from '../xlsx/workbookFile';
import { Io } from './io';
import { sheetProblemMessage } from './readMessages';
import { printable } from './terminalText';
import { msg } from './messages';
import { fixedDate, isInputFile } from './output';
import { LoadedWorkbook, ReadWorkbookFile, UnreadableFile, loadWorkbookFile, readWorkbookFile } from './workbook';
import { readTables } from '../core/workbook';

/** Puts all project sheets of several workbooks into a new one, returning their tables under the new names. */
async function combine(inputs: readonly { file: string; loaded: LoadedWorkbook }[], io: Io): Promise<{ workbook: Workbook; tables: TargetTable[] }> {
  const workbook = (await import('../xlsx/workbook')).newWorkbook();
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
  if (files.length === 1) {
    // One input is copied as a package: only our reader reads it (ExcelJS never does), and a sheet
    // that cannot be read is kept in the copy as it was (only combining would lose it).
    let read: ReadWorkbookFile;
    try {
      read = await readWorkbookFile(files[0]);
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      io.err(e.message);
      return 2;
    }
    // Its project is not in the totals: say so.
    for (const u of read.unreadable) io.err(printable(`${files[0]}：${sheetProblemMessage(u).message}`));
    return summariseOne(files[0], read, out, profile, io);
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

  const { workbook, tables } = await combine(inputs, io);
  const existing = workbook.worksheets.map((ws) => ({ name: ws.name, ours: false }));
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
    await saveWorkbook(workbook, out, { date: fixedDate(), created: true });
  } catch (e) {
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  const c = countBySeverity(findings);
  io.out(msg.summaryWritten(out, name, tables.length, c.error, c.warning));
  return 0;
}

/** One workbook: the summary goes into a copy of its package, everything else untouched. */
async function summariseOne(file: string, loaded: ReadWorkbookFile, out: string, profile: Profile, io: Io): Promise<number> {
  let pkg: WorkbookPackage;
  try {
    pkg = await openWorkbookPackage(loaded.bytes);
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    io.err(msg.fileUnreadable(file, e.message));
    return 2;
  }
  // Ours only if the mark names it, it is a plain worksheet nothing hangs off, and it still has our exact shape.
  const marked = pkg.sheets.find((s) => s.name === pkg.markedSheet);
  const markedGrid = loaded.sheets.find((s) => s.name === marked?.name)?.grid;
  const ours = marked && marked.kind === 'worksheet' && !marked.hasRelationships && markedGrid && hasSummaryShape(markedGrid) ? marked.name : undefined;

  const tables = readTables(loaded.sheets, ours);
  if (tables.length === 0) {
    io.err(msg.summaryNoTables);
    return 2;
  }
  const findings = validateWorkbook(tables, profile);
  // Every sheet the package lists counts for the new name: chart sheets and macro sheets too.
  const { name, replace } = summarySheetName(pkg.sheets.map((s) => ({ name: s.name, ours: s.name === ours })));
  try {
    const bytes = await writeSummaryPackage(pkg, { sheet: writeSummarySheet(buildSummary(tables, findings)), name, replace, date: fixedDate() });
    await writeFileAtomically(out, bytes);
  } catch (e) {
    if (e instanceof PackageError) {
      io.err(msg.fileUnreadable(file, e.message));
      return 2;
    }
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  const c = countBySeverity(findings);
  io.out(msg.summaryWritten(out, name, tables.length, c.error, c.warning));
  return 0;
}
