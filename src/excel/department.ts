/**
 * The department sheet (部门整体绩效目标) in Excel: inserted as a new sheet (2 syncs, never
 * replacing one) and read back through the same label-anchored reader as the CLI (2 syncs).
 */
import { DepartmentInput } from '../core/department/model';
import { DEPARTMENT_SHEET, departmentToInput, writeDepartmentSheet } from '../core/department/sheet';
import { findDepartmentSheet } from '../core/department/workbook';
import { uniqueSheetName } from '../core/sheetNames';
import { Features, SettingsLike } from './host';
import { loadSheetList, readWorkbook, sheetInfos } from './read';
import { queueSheetWrite } from './write';

/** Adds the department sheet first in the workbook and activates it; returns its name. */
export async function insertDepartmentSheet(context: Excel.RequestContext, part: DepartmentInput, features: Features): Promise<string> {
  const list = loadSheetList(context);
  await context.sync();
  const name = uniqueSheetName(DEPARTMENT_SHEET, sheetInfos(list).map((s) => s.name));
  const ws = context.workbook.worksheets.add(name);
  const sheet = writeDepartmentSheet(part);
  queueSheetWrite(ws, sheet, { features });
  ws.position = 0;
  ws.activate();
  if (sheet.select) ws.getRange(sheet.select).select();
  await context.sync();
  return name;
}

/** The workbook's department part, when it has a department sheet. */
export async function readDepartmentPart(context: Excel.RequestContext, features: Features, settings: SettingsLike): Promise<DepartmentInput | undefined> {
  const snapshot = await readWorkbook(context, features, settings);
  const part = findDepartmentSheet(snapshot.sheets);
  return part ? departmentToInput(part) : undefined;
}
