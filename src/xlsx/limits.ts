/**
 * What reading a workbook may cost, and why a workbook could not be read. Every cap is checked
 * while the bytes arrive (a part is counted as it is inflated, before it is parsed), so a
 * hostile file costs bounded time and memory: far beyond any real target-table workbook, far
 * below what would hurt the machine.
 */

export interface ReadLimits {
  /** Bytes of the file itself (a real workbook of 500 target tables is under 1 MB). */
  maxFileBytes: number;
  /** Inflated bytes of one zip entry (part). */
  maxPartBytes: number;
  /** Inflated bytes of all parts read, together. */
  maxTotalBytes: number;
  /** Zip entries in the package. */
  maxEntries: number;
  /**
   * Cells held for the whole workbook: cells read, blank cells and rows up to them, the cells
   * of merged areas inside the used area, and shared strings.
   */
  maxCells: number;
  /** Merged areas in the whole workbook. */
  maxMerges: number;
}

/**
 * A workbook of 500 target tables holds about 15 MB of XML, 100,000 cells and 2,000 merged
 * areas: the caps leave a large margin above that while a hostile file stays within seconds
 * and a few hundred MB.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 50_000,
  maxCells: 1_000_000,
  maxMerges: 200_000,
};

/** Why a whole workbook could not be read: the CLI words each kind in Chinese and English. */
export type ReadErrorKind =
  /** Not a regular file (a folder, a FIFO, a device). */
  | 'not-a-file'
  /** A password-protected workbook (an OOXML package encrypted in a CFB container). */
  | 'encrypted'
  /** An Excel 97–2003 `.xls` (a CFB container without an encrypted package). */
  | 'legacy-xls'
  /** Not a zip at all, or a zip without a workbook part. */
  | 'not-xlsx'
  /** A zip or XML structure that is broken. */
  | 'corrupt'
  /** Two zip entries with the same name. */
  | 'duplicate-entry'
  /** A cap of `ReadLimits` was reached (detail names which). */
  | 'too-large'
  /** A workbook part lists no worksheet. */
  | 'no-sheets';

export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    /** The part or limit concerned (`xl/workbook.xml`, `maxPartBytes`), for the message. */
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkbookReadError';
  }
}

/** Why one sheet of an otherwise readable workbook could not be read. */
export type SheetProblem =
  /** workbook.xml names a relationship that the workbook's .rels does not have. */
  | 'missing-relationship'
  /** The relationship points at something that is not a worksheet part, or outside the package. */
  | 'wrong-target'
  /** The worksheet part named by the relationship is not in the zip. */
  | 'missing-part'
  /** The worksheet's XML is broken. */
  | 'corrupt'
  /** The sheet uses shared strings that are missing from the package. */
  | 'missing-shared-strings';

export interface UnreadableSheet {
  sheet: string;
  problem: SheetProblem;
  /** The part concerned, when known. */
  part?: string;
}
