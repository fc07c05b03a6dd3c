/** Saving workbooks, the summary sheet's mark, and copying sheets between workbooks. */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { quoteSheetName } from '../core/sheetNames';
import { SUMMARY_MARK } from '../core/summary';
import { setZipDates } from './zipDates';

export interface SaveOptions {
  /**
   * The time to record as the workbook's modification (and, for a new workbook, creation)
   * time and on every zip entry; the current time when absent. A fixed time gives
   * byte-identical files for identical content (`SOURCE_DATE_EPOCH` in the CLI).
   */
  date?: Date;
  /** True for a workbook made from scratch: its creation time is set too. */
  created?: boolean;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook, options: SaveOptions = {}): Promise<Buffer> {
  const when = options.date ?? new Date();
  if (options.created || !workbook.created) workbook.created = when;
  workbook.modified = when;
  workbook.lastModifiedBy = 'budget-targets';
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return options.date ? setZipDates(buffer, options.date) : buffer;
}

/** Writes the workbook next to `file` first and renames it over, so a failure leaves no half file. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, options: SaveOptions = {}): Promise<void> {
  await writeFileAtomically(file, await workbookBuffer(workbook, options));
}

/** Writes `buffer` next to `file` first and renames it over, so a failure leaves no half file. */
export async function writeFileAtomically(file: string, buffer: Buffer): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, buffer);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/**
 * In an `.xlsx` file the summary sheet is marked as ours by a workbook-level defined name
 * (`SUMMARY_MARK.key`) referring to its A1 cell. Excel keeps the reference pointing at the
 * sheet when the officer renames it, and Office.js sees the same name (`workbook.names`).
 */
export const SUMMARY_NAME = SUMMARY_MARK.key;

/** The name of the sheet the summary mark points at, if that sheet exists. */
export function markedSummarySheet(workbook: ExcelJS.Workbook): string | undefined {
  const entry = (workbook.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === SUMMARY_NAME);
  for (const range of entry?.ranges ?? []) {
    const bang = range.lastIndexOf('!');
    if (bang < 0) continue;
    let sheet = range.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (workbook.getWorksheet(sheet)) return sheet;
  }
  return undefined;
}

/** Marks `sheet` as the summary sheet, replacing any earlier mark. */
export function markSummarySheet(workbook: ExcelJS.Workbook, sheet: string): void {
  const names = workbook.definedNames.model as { name: string; ranges: string[] }[];
  workbook.definedNames.model = [
    ...names.filter((d) => d.name !== SUMMARY_NAME),
    { name: SUMMARY_NAME, ranges: [`${quoteSheetName(sheet)}!$A$1`] },
  ];
}

/**
 * Adds a worksheet named `name` at the position of `replacing` (when given, that sheet is
 * removed) or at the end.
 */
export function addWorksheetAt(workbook: ExcelJS.Workbook, name: string, replacing?: string): ExcelJS.Worksheet {
  const old = replacing === undefined ? undefined : workbook.getWorksheet(replacing);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  return ws;
}

interface WorksheetModel {
  name: string;
  id: number;
  merges: string[];
  mergeCells?: string[];
  media: { type: string; imageId?: string | number }[];
  tables: unknown[];
  [key: string]: unknown;
}

/**
 * Copies a worksheet (cells, styles, merges, widths, dropdown lists, views, print setup,
 * images) into another workbook under `name`. Excel tables (ListObjects) are copied as their
 * cells only: their names must be unique in a workbook.
 */
export function copyWorksheet(source: ExcelJS.Worksheet, target: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const model = (source as unknown as { model: WorksheetModel }).model;
  const copy = target.addWorksheet(name);
  const images = source.workbook as unknown as { getImage(id: string | number): ExcelJS.Image | undefined };
  const media = model.media.flatMap((m) => {
    if (m.type !== 'image' || m.imageId === undefined) return [];
    const image = images.getImage(m.imageId);
    return image ? [{ ...m, imageId: target.addImage(image) }] : [];
  });
  (copy as unknown as { model: WorksheetModel }).model = {
    ...model,
    id: copy.id,
    name,
    mergeCells: model.merges,
    media,
    tables: [],
  };
  copy.state = source.state;
  return copy;
}
