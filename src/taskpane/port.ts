/**
 * What the task pane needs from the workbook. The Excel layer's service provides it (in Excel
 * and in the browser preview alike); components receive it as a prop and never call Excel.
 */
import { Finding } from '../core/finding';
import { TableInput, TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { Summary } from '../core/summary';

/** A message for the officer in both languages; the pane shows the one of its language. */
export interface HostMessage {
  zh: string;
  en: string;
}

export interface WorkbookState {
  tables: TargetTable[];
  /** Sorted: errors first. */
  findings: Finding[];
  /** No finding is an error (可以报送). */
  ready: boolean;
  /** Sheets read only in part (larger than the reader's limit): their findings may be incomplete. */
  truncated?: string[];
  /** Set when the last re-read failed: the state is then the one before it. */
  message?: HostMessage;
  /** The summary sheet, when there is one, and the projects whose 错误/警告 counts it lists are out of date. */
  summarySheet?: { name: string; staleCounts: string[] };
}

export interface WorkbookPort {
  /** Reads and validates the whole workbook, then keeps validating live; calls back on every change. */
  start(listener: (state: WorkbookState) => void): Promise<() => void>;
  insertTables(tables: TableInput[]): Promise<string[]>;
  goTo(finding: Finding): Promise<void>;
  /** Applies a finding's quick fix, then shows the cell it changed. */
  applyFix(finding: Finding): Promise<void>;
  /** Applies the quick fixes of many findings in one batch; resolves to the number of cells changed. */
  applyFixes(findings: readonly Finding[]): Promise<number>;
  writeSummary(): Promise<{ sheet: string; summary: Summary }>;
  loadProfile(): Promise<Profile>;
  saveProfile(profile: Profile): Promise<void>;
  /** What the host has to say as it stands: features this Excel lacks, a stored profile it could not use. */
  notices(): HostMessage[];
  /**
   * On: colours the findings' cells in the sheet (called again as the findings change, it moves the
   * colours with them). Off: puts back exactly the fills that were there. Throws when the host cannot.
   */
  setHighlights(on: boolean, findings: readonly Finding[]): Promise<void>;
  /** True when the workbook still carries highlight colours (e.g. left on before the pane was reloaded). */
  highlighted(): boolean;
}
