/**
 * A plain 2-D grid of cell values: what every adapter (Excel, ExcelJS, the preview) hands to
 * the core, and what the writer hands back. Rows and columns are 0-based; row 0, column 0 is A1.
 */
export type CellValue = string | number | boolean | null;

export interface CellRange {
  /** 0-based first row and column, inclusive. */
  top: number;
  left: number;
  /** 0-based last row and column, inclusive. */
  bottom: number;
  right: number;
}

export interface Grid {
  values: CellValue[][];
  /** Number formats in the same shape as `values` (missing = General). */
  formats?: (string | null | undefined)[][];
  /** Merged areas; cells inside an area other than its top-left one read as blank. */
  merges?: CellRange[];
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formatAt(grid: Grid, row: number, col: number): string {
  return grid.formats?.[row]?.[col] ?? '';
}

export function columnName(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Addresses of the cells in the first rows and columns, made once: readers name the same cells on every sheet. */
const A1_ROWS = 1024;
const A1_COLS = 64;
const a1Names: (string | undefined)[] = [];

/** A1 address of a 0-based cell. */
export function a1(row: number, col: number): string {
  const cached = Number.isInteger(row) && Number.isInteger(col) && row >= 0 && row < A1_ROWS && col >= 0 && col < A1_COLS;
  if (!cached) return `${columnName(col)}${row + 1}`;
  return (a1Names[row * A1_COLS + col] ??= `${columnName(col)}${row + 1}`);
}

export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  const end = a1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses `B12` into 0-based row/column; throws on anything else. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses `A1:G3` (or a single cell) into a range. */
export function parseRangeA1(address: string): CellRange {
  const [start, end = start] = address.split(':');
  const s = parseA1(start);
  const e = parseA1(end);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function gridHeight(grid: Grid): number {
  return grid.values.length;
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.values) if (row.length > w) w = row.length;
  return w;
}
