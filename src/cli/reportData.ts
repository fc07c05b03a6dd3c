/** The summary rows of one file for the bureau's report, as plain data a worker process can send back. */
import { Finding } from '../core/finding';
import { TargetTable } from '../core/model';
import { Decimal, amountText } from '../core/money';
import { buildSummary } from '../core/summary';
import type { FileSummary } from './check';

const text = (d: Decimal | undefined): string | null => (d === undefined ? null : amountText(d));

/** The department (the most common one of the file's tables) and each project's row of SPEC §5. */
export function fileSummary(tables: readonly TargetTable[], findings: readonly Finding[]): FileSummary {
  const summary = buildSummary(tables, findings);
  return {
    department: summary.department,
    projects: summary.rows.map((r) => ({
      sheet: r.sheet,
      code: r.code,
      name: r.name,
      total: text(r.total),
      fiscal: text(r.fiscal),
      other: text(r.other),
      planned: r.planned.map(text),
      indicators: r.indicators,
      errors: r.errors,
      warnings: r.warnings,
    })),
  };
}
