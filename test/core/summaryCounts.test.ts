import { Finding } from '../../src/core/finding';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { TargetTable } from '../../src/core/model';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { validateWorkbook } from '../../src/core/rules';
import { sheetToGrid } from '../../src/core/sheet';
import { buildSummary, writeSummarySheet } from '../../src/core/summary';
import { staleSummaryCounts } from '../../src/core/summaryCounts';
import { seedTables } from '../support/seed';

describe('staleSummaryCounts: the summary sheet’s 错误/警告 values against the checks as they stand', () => {
  const tables = seedTables().map((input, i) => readTargetTable(sheetToGrid(writeTargetTable(input)), `项目${i + 1}`) as TargetTable);
  const findings = validateWorkbook(tables, DEFAULT_PROFILE);
  const grid = sheetToGrid(writeSummarySheet(buildSummary(tables, findings)));

  it('finds nothing right after generating', () => {
    expect(staleSummaryCounts(grid, tables, findings)).toEqual([]);
  });

  it('names the projects whose counts changed since (a settings change adding I002 errors, say)', () => {
    const more: Finding = { rule: 'I002', severity: 'error', sheet: '项目3', cell: 'A10', message: '', message_en: '' };
    expect(staleSummaryCounts(grid, tables, [...findings, more])).toEqual(['项目3']);
  });
});
