/** The `.xlsx` adapter: the only layer that knows ExcelJS and the package format. */
export type { LoadOptions } from './readGrids';
export { loadWorkbook, workbookGrids } from './readGrids';
export type { SheetGrid, SheetState, WorkbookGrids } from './readPackage';
export { readWorkbookBytes, readWorkbookGrids } from './readPackage';
export type { ReadErrorKind, ReadLimits, SheetProblem, UnreadableSheet } from './limits';
export { DEFAULT_LIMITS, WorkbookReadError } from './limits';
export { readInputFile, readInputText } from './inputFile';
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
