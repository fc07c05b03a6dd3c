import { writeTargetTable } from '../../src/core/layout/writer';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { sheetToGrid } from '../../src/core/sheet';
import { buildSummary, writeSummarySheet } from '../../src/core/summary';
import { checkTables, readTables, tableSheetName } from '../../src/core/workbook';
import { seedTables } from '../support/seed';

const sheets = seedTables().map((t, i) => ({ name: `P${i + 1}`, grid: sheetToGrid(writeTargetTable(t)) }));

describe('a workbook of named grids', () => {
  it('reads the target tables in sheet order, skipping other sheets and the summary', () => {
    const summary = { name: '汇总', grid: sheetToGrid(writeSummarySheet(buildSummary(readTables(sheets), []))) };
    const notes = { name: '说明', grid: { values: [['这是说明']] } };
    const tables = readTables([notes, ...sheets.slice(0, 2), summary], '汇总');
    expect(tables.map((t) => t.sheet)).toEqual(['P1', 'P2']);
  });

  it('adds W002 at the end of the warnings when the summary no longer lists the projects', () => {
    const all = readTables(sheets);
    const summary = { name: '汇总', grid: sheetToGrid(writeSummarySheet(buildSummary(all, []))) };
    expect(checkTables(all, DEFAULT_PROFILE, summary).some((f) => f.rule === 'W002')).toBe(false);
    const findings = checkTables(all.slice(0, 9), DEFAULT_PROFILE, summary);
    const w002 = findings.findIndex((f) => f.rule === 'W002');
    expect(findings[w002]).toMatchObject({ severity: 'warning', sheet: '汇总', cell: 'A1' });
    expect(findings[w002 + 1]?.severity).not.toBe('warning');
  });

  it('names a table\'s sheet after its project, else its title', () => {
    expect(tableSheetName(seedTables()[0])).toBe('2022年人大之家工作经费');
    expect(tableSheetName({ ...seedTables()[0], name: ' ', title: '标题' })).toBe('标题');
  });
});
