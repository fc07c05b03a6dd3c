/**
 * `export FILE.xlsx -o DOC.docx`: the publication document (第一部分 from the department sheet,
 * 第二部分 with every project table) from a checked workbook. Tables with errors only with
 * `--allow-errors`; an existing output only with `--force`.
 */
import { promises as fs } from 'fs';
import { countBySeverity } from '../core/finding';
import { departmentToInput } from '../core/department/sheet';
import { findDepartmentSheet } from '../core/department/workbook';
import { tableToInput } from '../core/layout/input';
import { Profile } from '../core/profile';
import { exportDocx } from '../docx';
import { docxMsg } from './docxMessages';
import { Io } from './io';
import { msg } from './messages';
import { fixedDate, isInputFile } from './output';
import { UnreadableFile, readWorkbookFile, unreadableFindings, validateSheets } from './workbook';

export interface ExportOptions {
  allowErrors: boolean;
  force: boolean;
}

export async function exportCommand(file: string, out: string, profile: Profile, options: ExportOptions, io: Io): Promise<number> {
  if (isInputFile(out, [file])) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  let loaded;
  try {
    // The same capped package reader as `check`: what is exported is what `check` judged.
    loaded = await readWorkbookFile(file);
  } catch (e) {
    io.err(e instanceof UnreadableFile ? e.message : msg.fileUnreadable(file, String(e)));
    return 2;
  }
  const checked = validateSheets(loaded.sheets, profile, loaded.summarySheet);
  const { tables } = checked;
  // A sheet that could not be read is an error (R001): its tables would be missing from the document.
  const findings = [...unreadableFindings(loaded.unreadable), ...checked.findings];
  if (tables.length === 0) {
    io.err(docxMsg.exportNoTables(file));
    return 2;
  }
  const errors = countBySeverity(findings).error;
  if (errors > 0 && !options.allowErrors) {
    io.err(docxMsg.exportHasErrors(file, errors));
    return 1;
  }
  if (!options.force) {
    const exists = await fs.stat(out).then(() => true, () => false);
    if (exists) {
      io.err(docxMsg.outExists(out));
      return 2;
    }
  }
  const department = findDepartmentSheet(loaded.sheets);
  // SOURCE_DATE_EPOCH fixes the document's dates (core properties and zip entries): same workbook, same bytes.
  const date = fixedDate();
  const bytes = await exportDocx(tables.map(tableToInput), department ? departmentToInput(department) : undefined, date ? { date } : {});
  try {
    await fs.writeFile(out, bytes);
  } catch (e) {
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  io.out(docxMsg.exported(out, tables.length, department !== undefined, errors));
  return 0;
}
