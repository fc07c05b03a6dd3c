/** A workbook as the adapters hand it over (named grids), read and validated the same way everywhere. */
import { Finding, compareFindings } from './finding';
import { Grid } from './grid';
import { readTargetTable } from './layout/reader';
import { titleFor } from './layout/writer';
import { TableInput, TargetTable } from './model';
import { Profile } from './profile';
import { applyRuleSettings, validateWorkbook } from './rules';
import { checkSummary } from './summary';

export interface NamedGrid {
  name: string;
  grid: Grid;
}

/** The target tables of the sheets, in sheet order; the summary sheet (if named) is not one. */
export function readTables(sheets: readonly NamedGrid[], summarySheet?: string): TargetTable[] {
  const tables: TargetTable[] = [];
  for (const s of sheets) {
    if (s.name === summarySheet) continue;
    const table = readTargetTable(s.grid, s.name);
    if (table) tables.push(table);
  }
  return tables;
}

/** Every rule on every table and across tables, plus the summary sheet's freshness (W002). */
export function checkTables(tables: readonly TargetTable[], profile: Profile, summary?: NamedGrid): Finding[] {
  const findings = validateWorkbook(tables, profile);
  if (!summary) return findings;
  // The sort is stable and on severity only: W002 joins the end of the warnings.
  return [...findings, ...applyRuleSettings(checkSummary(summary.name, summary.grid, tables), profile)].sort(compareFindings);
}

/** The name a table's sheet is given before it is made unique: its project name, else its title. */
export function tableSheetName(input: TableInput): string {
  return input.name.trim() || titleFor(input).trim() || '绩效目标表';
}
