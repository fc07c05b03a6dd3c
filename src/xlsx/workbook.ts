import ExcelJS from 'exceljs';

/** The workbook and worksheet types other layers hold without importing ExcelJS themselves. */
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'budget-targets';
  return workbook;
}
