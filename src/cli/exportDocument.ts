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
import { isInputFile } from './output';
import { UnreadableFile, loadWorkbookFile, validateSheets } from './workbook';

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
    loaded = await loadWorkbookFile(file, { readOnly: true });
  } catch (e) {
    io.err(e instanceof UnreadableFile ? e.message : msg.fileUnreadable(file, String(e)));
    return 2;
  }
  const { tables, findings } = validateSheets(loaded.sheets, profile, loaded.summarySheet);
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
  const bytes = await exportDocx(tables.map(tableToInput), department ? departmentToInput(department) : undefined);
  try {
    await fs.writeFile(out, bytes);
  } catch (e) {
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  io.out(docxMsg.exported(out, tables.length, department !== undefined, errors));
  return 0;
}
