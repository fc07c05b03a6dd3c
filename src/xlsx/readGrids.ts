/**
 * An ExcelJS workbook → grids: every worksheet of a loaded workbook as the plain `Grid` the
 * core reads, for `summary`, which loads the whole workbook to write it back. Reading only
 * (`check`) goes through ./readPackage.ts, which gives the same grids without ExcelJS.
 * Cell values are taken straight from ExcelJS's loaded cell objects (no `cell.value` copies).
 */
import ExcelJS from 'exceljs';
import { CellRange, CellValue, Grid } from '../core/grid';
import { dateText } from './dateText';
import type { SheetGrid } from './readPackage';

/** ExcelJS value types (`ExcelJS.ValueType`), as numbers for a switch on the hot path. */
const enum T {
  Null = 0,
  Merge = 1,
  Number = 2,
  String = 3,
  Date = 4,
  Hyperlink = 5,
  Formula = 6,
  SharedString = 7,
  RichText = 8,
  Boolean = 9,
  Error = 10,
}

/** The parts of ExcelJS's loaded objects read here; not in its public typings. */
interface LoadedValue {
  type: number;
  model: { value?: unknown; text?: unknown; result?: unknown; richText?: { text?: unknown }[] } & Record<string, unknown>;
}
interface LoadedCell {
  _value: LoadedValue;
  style?: { numFmt?: string };
}
interface LoadedRow {
  _cells: (LoadedCell | undefined)[];
}
interface LoadedSheet {
  _rows: (LoadedRow | undefined)[];
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}

function richText(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  let out = '';
  for (const run of runs) if (run && typeof run.text === 'string') out += run.text;
  return out;
}

/** A plain value (a formula's cached result, a hyperlink's text) as a grid value. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    case 'object':
      if (v instanceof Date) return dateText(v);
      if ('error' in v) return String((v as { error: unknown }).error);
      if ('richText' in v) return richText((v as { richText: unknown }).richText);
      if ('text' in v) return plain((v as { text: unknown }).text);
      return null;
    default:
      return null;
  }
}

function cellValue(value: LoadedValue): CellValue {
  const m = value.model;
  switch (value.type) {
    case T.Number:
    case T.String:
    case T.Boolean:
      return m.value as CellValue;
    case T.Null:
    case T.Merge:
      // The cells of a merged area other than its top-left one read as blank (core/grid.ts).
      return null;
    case T.Formula:
      return plain(m.result);
    case T.RichText:
      return richText(m.richText ?? (m.value as { richText?: unknown } | undefined)?.richText);
    case T.Hyperlink:
      return plain(m.text);
    case T.Date:
      return m.value instanceof Date ? dateText(m.value) : plain(m.value);
    case T.Error:
      return plain(m.value ?? m.error ?? { error: '#VALUE!' });
    default:
      return plain(m.value);
  }
}

/** One worksheet as a grid: dense rows of values, sparse number formats, merged areas. */
function worksheetGrid(worksheet: ExcelJS.Worksheet): Grid {
  const sheet = worksheet as unknown as LoadedSheet;
  const rows = sheet._rows;
  const values: CellValue[][] = new Array(rows.length);
  let formats: (string | undefined)[][] | undefined;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]?._cells;
    if (!cells) {
      values[r] = [];
      continue;
    }
    const out: CellValue[] = new Array(cells.length);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) {
        out[c] = null;
        continue;
      }
      out[c] = cellValue(cell._value);
      const numFmt = cell.style?.numFmt;
      if (numFmt && numFmt !== 'General') {
        formats ??= [];
        (formats[r] ??= [])[c] = numFmt;
      }
    }
    values[r] = out;
  }
  const merges: CellRange[] = [];
  for (const key of Object.keys(sheet._merges)) {
    const m = sheet._merges[key].model;
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  const grid: Grid = { values, merges };
  if (formats) grid.formats = formats;
  return grid;
}

/**
 * Worksheet parts that grids do not use. Reading only (`check`) skips parsing them; a workbook
 * loaded to be written back (`summary`) must keep them all.
 */
const NOT_IN_GRIDS = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetProtection', 'autoFilter', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'drawing',
  'picture', 'tableParts', 'extLst',
];

export interface LoadOptions {
  /** Only to read grids from: parts of the sheets that grids do not hold are not parsed. */
  readOnly?: boolean;
}

export async function loadWorkbook(source: Buffer | string, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // `ignoreNodes` is an ExcelJS load option missing from its typings.
  const load = (options.readOnly ? { ignoreNodes: NOT_IN_GRIDS } : {}) as Partial<ExcelJS.XlsxReadOptions>;
  if (typeof source === 'string') await workbook.xlsx.readFile(source, load);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer, load);
  return workbook;
}

export function workbookGrids(workbook: ExcelJS.Workbook): { sheets: SheetGrid[] } {
  return { sheets: workbook.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws), state: ws.state })) };
}
