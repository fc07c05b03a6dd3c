/**
 * A sheet to write, as plain data any adapter (Office.js, ExcelJS, the preview host) applies:
 * values, formulas, formats, merges, widths, dropdown lists and print hints.
 * Row/column indexes are 0-based from A1.
 */
import { CellRange, CellValue, Grid } from './grid';

export interface SheetValidation {
  range: CellRange;
  /** Allowed entries of the dropdown list. */
  list: string[];
}

/**
 * Checks that travel with the file (for whoever opens it without the add-in: Excel, WPS,
 * LibreOffice). None blocks typing: number limits only show an input message, and the
 * conditional formats colour a cell the rules would flag. They never touch a cell's own
 * fill, so clearing our highlights leaves them alone.
 */
export interface SheetChecks {
  /** Decimal limits with an input message (no error alert). */
  numbers: { range: CellRange; min: number; max?: number; title: string; prompt: string }[];
  /** Input messages on head fields. */
  prompts: { range: CellRange; title: string; prompt: string }[];
  /** Conditional formats: `formula` is written for the range's top-left cell (relative refs). */
  highlights: { range: CellRange; formula: string }[];
}

/** The fill of our conditional formats: Excel's own light red, with its dark red text. */
export const CHECK_FILL = '#FFC7CE';
export const CHECK_FONT = '#9C0006';

export interface SheetHyperlink {
  row: number;
  col: number;
  /** Text shown in the cell. */
  text: string;
  /** Target inside the workbook, e.g. `'Project 1'!A1`. */
  subAddress: string;
}

export interface SheetWrite {
  /**
   * Cell values. Strings are text and must be written as text: an adapter must make sure a
   * string starting with `=`, `+`, `-` or `@` never becomes a formula (the writer gives every
   * text cell the `@` number format for that reason).
   */
  values: CellValue[][];
  /** Formulas (starting with `=`) where a cell holds one; `values` then holds its computed result. */
  formulas?: (string | null)[][];
  /** Number formats per cell (null = leave General). */
  numberFormats: (string | null)[][];
  merges: CellRange[];
  /** Column widths in characters (Excel's column width unit), index = column. */
  columnWidths: number[];
  bold: CellRange[];
  /** Ranges centred horizontally. */
  centred: CellRange[];
  wrap: CellRange[];
  /** Ranges that get thin borders on every cell edge. */
  borders: CellRange[];
  validations: SheetValidation[];
  checks?: SheetChecks;
  hyperlinks: SheetHyperlink[];
  /** Rows/columns frozen at the top/left. */
  freeze?: { rows: number; columns: number };
  print: { paper: 'A4'; orientation: 'portrait'; fitToPagesWide: 1 };
  /** The cell to select after insertion (the first input cell). */
  select?: string;
}

/** Excel column width in characters → points, for hosts that take points (Office.js). */
export function columnWidthPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

/** The grid a reader sees once a sheet is written (values, formats, merges). */
export function sheetToGrid(sheet: SheetWrite): Grid {
  return { values: sheet.values, formats: sheet.numberFormats, merges: sheet.merges };
}
