/**
 * What the task pane needs from the workbook. The Excel layer's service provides it (in Excel
 * and in the browser preview alike); components receive it as a prop and never call Excel.
 */
import { Finding } from '../core/finding';
import { TableInput, TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { Summary } from '../core/summary';

export interface WorkbookState {
  tables: TargetTable[];
  /** Sorted: errors first. */
  findings: Finding[];
  /** No finding is an error (可以报送). */
  ready: boolean;
  /** Sheets read only in part (larger than the reader's limit): their findings may be incomplete. */
  truncated?: string[];
  /** Set when the last re-read failed: the state is then the one before it. */
  message?: { zh: string; en: string };
}

export interface WorkbookPort {
  /** Reads and validates the whole workbook, then keeps validating live; calls back on every change. */
  start(listener: (state: WorkbookState) => void): Promise<() => void>;
  insertTables(tables: TableInput[]): Promise<string[]>;
  goTo(finding: Finding): Promise<void>;
  applyFix(finding: Finding): Promise<void>;
  writeSummary(): Promise<{ sheet: string; summary: Summary }>;
  loadProfile(): Promise<Profile>;
  saveProfile(profile: Profile): Promise<void>;
}
