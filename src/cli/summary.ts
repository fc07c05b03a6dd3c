/**
 * `summary`: writes OUT.xlsx with the summary sheet of SPEC §5. One input: a copy of that
 * workbook's package with one sheet part added (or our earlier one regenerated), everything
 * else byte for byte (src/xlsx/summaryPackage.ts). Several inputs: a new workbook with copies
 * of every project sheet, in file order (names made unique), and the summary. The input files
 * are never written; only a sheet that is marked as ours and still has the summary's exact
 * shape is ever regenerated — never a user's sheet, whatever its name or a mark says.
 */
import { countBySeverity } from '../core/finding';
import { Profile } from '../core/profile';
import { validateWorkbook } from '../core/rules';
import { uniqueSheetName } from '../core/sheetNames';
import { buildSummary, hasSummaryShape, summarySheetName, writeSummarySheet } from '../core/summary';
import { readTargetTable } from '../core/layout/reader';
import { TargetTable } from '../core/model';
import {
  PackageError, Workbook, addWorksheetAt, applySheetWrite, copyWorksheet, markSummarySheet, newWorkbook, openWorkbookPackage,
  saveWorkbook, writeFileAtomically, writeSummaryPackage,
} from '../xlsx';
import type { WorkbookPackage } from '../xlsx';
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

export async function summaryCommand(files: readonly string[], out: string, profile: Profile, io: Io): Promise<number> {
  if (isInputFile(out, files)) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  const inputs: { file: string; loaded: LoadedWorkbook }[] = [];
  for (const file of files) {
    try {
      // One input is copied as a package: its grids are all that is read through ExcelJS.
      inputs.push({ file, loaded: await loadWorkbookFile(file, { readOnly: files.length === 1 }) });
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      io.err(e.message);
    }
  }
  if (inputs.length < files.length) return 2;

  if (inputs.length === 1) return summariseOne(inputs[0].file, inputs[0].loaded, out, profile, io);

  const { workbook, tables } = combine(inputs, io);
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
async function summariseOne(file: string, loaded: LoadedWorkbook, out: string, profile: Profile, io: Io): Promise<number> {
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
