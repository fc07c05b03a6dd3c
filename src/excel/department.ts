/**
 * The department sheet (部门整体绩效目标) in Excel: inserted as a new sheet (2 syncs, never
 * replacing one), read back through the same label-anchored reader as the CLI (2 syncs), and
 * rewritten from the pane's form — only a sheet still in our layout (3 syncs).
 */
import { DepartmentInput } from '../core/department/model';
import { DEPARTMENT_LAYOUT, DEPARTMENT_SHEET, departmentToInput, writeDepartmentSheet } from '../core/department/sheet';
import { departmentSheetPart } from '../core/department/workbook';
import { cellText } from '../core/text';
import { findDepartmentSheet } from '../core/department/workbook';
import { uniqueSheetName } from '../core/sheetNames';
import { a1, gridHeight, gridWidth } from '../core/grid';
import { Features, HostError, SettingsLike } from './host';
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

/** The department sheet and its part, for the pane's form to edit (2 syncs). */
export async function loadDepartmentSheet(
  context: Excel.RequestContext,
  features: Features,
  settings: SettingsLike,
): Promise<{ sheet: string; part: DepartmentInput } | undefined> {
  const snapshot = await readWorkbook(context, features, settings);
  const part = findDepartmentSheet(snapshot.sheets);
  return part ? { sheet: part.sheet, part: departmentToInput(part) } : undefined;
}

export const NOT_OUR_DEPARTMENT_SHEET = {
  zh: '“{sheet}”已不是加载项写入的部门整体绩效目标表（第 1–3 行的标签已改动或工作表已删除），未改写。请用“插入工作表”另建一张。',
  en: '“{sheet}” is no longer a department sheet the add-in wrote (the labels in rows 1–3 were changed, or the sheet is gone); nothing was rewritten. Use “Insert the sheet” to add a new one.',
};

/**
 * Rewrites the department sheet `sheet` with `part` — only when it is still ours: its title and
 * labels where the layout writes them (A1 部门整体绩效目标, A2 部门, A3 总体绩效目标) and read as a
 * department sheet. Its old cells (values, formats, merges, lists) are cleared first; the sheet
 * keeps its name and place. Returns its name (3 syncs).
 */
export async function rewriteDepartmentSheet(
  context: Excel.RequestContext,
  sheet: string,
  part: DepartmentInput,
  features: Features,
  settings: SettingsLike,
): Promise<string> {
  const snapshot = await readWorkbook(context, features, settings);
  const found = snapshot.sheets.find((s) => s.name === sheet);
  const L = DEPARTMENT_LAYOUT;
  const ours =
    found !== undefined &&
    cellText(found.grid.values[0]?.[0] ?? null) === L.title &&
    cellText(found.grid.values[1]?.[0] ?? null) === L.labels.department.label &&
    cellText(found.grid.values[2]?.[0] ?? null) === L.labels.overallGoal.label &&
    departmentSheetPart(found) !== undefined;
  if (!found || !ours) {
    const say = (t: string) => t.replace('{sheet}', sheet);
    throw new HostError({ zh: say(NOT_OUR_DEPARTMENT_SHEET.zh), en: say(NOT_OUR_DEPARTMENT_SHEET.en) });
  }
  const ws = context.workbook.worksheets.getItem(sheet);
  const write = writeDepartmentSheet(part);
  const height = Math.max(gridHeight(found.grid), write.values.length, 1);
  const width = Math.max(gridWidth(found.grid), write.columnWidths.length, 1);
  const old = ws.getRange(`A1:${a1(height - 1 + 21, width - 1)}`);
  old.clear();
  if (features.dataValidation) old.dataValidation.clear();
  queueSheetWrite(ws, write, { features });
  ws.activate();
  if (write.select) ws.getRange(write.select).select();
  await context.sync();
  return sheet;
}
