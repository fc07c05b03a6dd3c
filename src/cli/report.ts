/** Writes the bureau's report workbook (`check --report OUT.xlsx`), sheets from reportSheets.ts. */
import { rangeA1 } from '../core/grid';
import { Profile } from '../core/profile';
import { applySheetWrite, newWorkbook, saveWorkbook } from '../xlsx';
import { FileCheck } from './check';
import { fixedDate } from './output';
import { reportSheets } from './reportSheets';
import { ruleTable } from './ruleTable';

/** Writes the report to `file` (through a temporary file renamed over it, so a failure leaves no half file). */
export async function writeReport(file: string, results: readonly FileCheck[], profile: Profile): Promise<void> {
  const workbook = newWorkbook();
  for (const { name, sheet, autoFilter } of reportSheets(results, ruleTable(profile))) {
    const ws = workbook.addWorksheet(name);
    applySheetWrite(ws, sheet);
    if (autoFilter) ws.autoFilter = rangeA1(autoFilter);
  }
  await saveWorkbook(workbook, file, { date: fixedDate(), created: true });
}
