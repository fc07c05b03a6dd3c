/** The `.xlsx` adapter: the only layer that knows ExcelJS. */
export type { LoadOptions, SheetGrid, WorkbookGrids } from './readGrids';
export { loadWorkbook, readWorkbookGrids, workbookGrids } from './readGrids';
export { INLINE_LIST_LIMIT, applySheetWrite } from './applySheetWrite';
export type { SaveOptions } from './workbookFile';
export {
  SUMMARY_NAME, addWorksheetAt, copyWorksheet, markSummarySheet, markedSummarySheet, saveWorkbook, workbookBuffer,
  writeFileAtomically,
} from './workbookFile';
export type { PackageSheet, SheetKind, SummaryPackageOptions, WorkbookPackage } from './summaryPackage';
export { PackageError, openWorkbookPackage, writeSummaryPackage } from './summaryPackage';
export type { Workbook, Worksheet } from './workbook';
export { newWorkbook } from './workbook';
