import { parseA1 } from '../../src/core/grid';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { TargetTable } from '../../src/core/model';
import { sheetToGrid } from '../../src/core/sheet';
import {
  buildSummary, checkSummary, departmentName, hasSummaryShape, summaryCell, summarySheetName, writeSummarySheet,
} from '../../src/core/summary';
import { seedTables } from '../support/seed';

const seedWorkbook = (): TargetTable[] =>
  seedTables().map((t, i) => readTargetTable(sheetToGrid(writeTargetTable(t)), `项目${i + 1}`)!);

describe('summary of the seed (SPEC §5)', () => {
  const summary = buildSummary(seedWorkbook(), []);
  it('totals exactly', () => {
    const t = summary.totals;
    expect([t.total, t.fiscal, t.other].map((d) => d.toFixed(2))).toEqual(['291.61', '291.61', '0.00']);
    expect(t.planned.map((d) => d.toFixed(2))).toEqual(['72.91', '144.81', '216.72', '288.61']);
  });
  it('rounds each project half away from zero before adding (28.70 × 75% = 21.525 → 21.53)', () => {
    expect(summary.rows[4].planned[2]!.toFixed(2)).toBe('21.53');
    const p6 = summary.rows[5];
    expect(p6.planned.map((d) => d!.toFixed(2))).toEqual(['35.75', '71.51', '107.26', '143.01']);
    expect(summary.rows[8].planned.map((d) => d!.toFixed(2))).toEqual(['1.00', '1.00', '1.00', '1.00']);
  });
  it('titles the sheet by department and year', () => {
    expect(summary.title).toBe('乐亭县新寨镇人民政府2022年预算项目绩效目标汇总表');
    expect(departmentName('802008乐亭县新寨镇人民政府')).toBe('乐亭县新寨镇人民政府');
  });
  it('writes formulas that reference the project sheets, with their results', () => {
    const sheet = writeSummarySheet(summary);
    const at = (a: string) => {
      const { row, col } = parseA1(a);
      return { value: sheet.values[row][col], formula: sheet.formulas![row][col] };
    };
    expect(summaryCell(0, '预算数')).toBe('D4');
    expect(at('D4')).toEqual({ value: 2, formula: "='项目1'!C4" });
    expect(at('G4')).toEqual({ value: 0.5, formula: "=ROUND('项目1'!C4*'项目1'!B7,2)" });
    // 其他资金 is blank in the seed: a reference still, so that the summary follows what is typed there later.
    expect(at('F4')).toEqual({ value: 0, formula: "='项目1'!G4" });
    expect(at('A14').value).toBe('合计');
    expect(at('D14')).toEqual({ value: 291.61, formula: '=SUM(D4:D13)' });
    expect(at('J14')).toEqual({ value: 288.61, formula: '=SUM(J4:J13)' });
    expect(at('N4').value).toBe('项目1');
    expect(sheet.hyperlinks[0]).toEqual({ row: 3, col: 13, text: '项目1', subAddress: "'项目1'!A1" });
  });
  it('quotes and escapes sheet names in formulas', () => {
    const t = readTargetTable(sheetToGrid(writeTargetTable(seedTables()[0])), "It's")!;
    expect(buildSummary([t], []).rows[0].formulas[0]).toBe("'It''s'!C4");
  });
  it('takes a constant where the source is text, and divides bare percent points by 100', () => {
    const input = { ...seedTables()[0], budget: { total: '1,000.00', fiscal: '1000', other: '' } };
    const g = sheetToGrid(writeTargetTable(input));
    g.values[3][2] = '1,000.00';
    g.values[6][1] = 25;
    g.formats![6][1] = null;
    const row = buildSummary([readTargetTable(g, 'S')!], []).rows[0];
    expect(row.formulas[0]).toBeNull();
    expect(row.planned[0]!.toFixed(2)).toBe('250.00');
    expect(row.formulas[3]).toBeNull();
    // A blank 其他资金 is 0 and referenced; a blank 预算数 is missing (A001), not 0.
    expect(row.formulas[2]).toBe("'S'!G4");
    g.values[3][2] = null;
    expect(buildSummary([readTargetTable(g, 'S')!], []).rows[0].formulas[0]).toBeNull();
  });
  it('counts errors and warnings per sheet', () => {
    const s = buildSummary(seedWorkbook(), [
      { rule: 'S004', severity: 'error', sheet: '项目9', cell: 'E7', message: '', message_en: '' },
      { rule: 'I011', severity: 'warning', sheet: '项目9', cell: 'G10', message: '', message_en: '' },
    ]);
    expect([s.rows[8].errors, s.rows[8].warnings, s.rows[0].errors]).toEqual([1, 1, 0]);
  });
});

describe('summary sheet name: never a user sheet', () => {
  it('uses 汇总, or 汇总 (2) when the user has one, and regenerates only its own', () => {
    expect(summarySheetName([{ name: '项目1', ours: false }])).toEqual({ name: '汇总', replace: false });
    expect(summarySheetName([{ name: '汇总', ours: false }])).toEqual({ name: '汇总 (2)', replace: false });
    expect(summarySheetName([{ name: '汇总', ours: false }, { name: '汇总 (2)', ours: true }])).toEqual({ name: '汇总 (2)', replace: true });
  });
});

describe('W002: summary out of date', () => {
  const tables = seedWorkbook();
  const grid = sheetToGrid(writeSummarySheet(buildSummary(tables, [])));
  it('is quiet while the summary lists the projects', () => {
    expect(checkSummary('汇总', grid, tables)).toEqual([]);
  });
  it('fires when a project is added, removed or renamed', () => {
    expect(checkSummary('汇总', grid, tables.slice(1))).toEqual([
      expect.objectContaining({ rule: 'W002', severity: 'warning', sheet: '汇总', cell: 'A1', message: expect.stringContaining('删除：项目1') }),
    ]);
    const renamed = tables.map((t, i) => (i === 0 ? { ...t, name: { ...t.name, text: '新名称' } } : t));
    expect(checkSummary('汇总', grid, renamed)).toHaveLength(1);
  });
});

describe('hasSummaryShape: only a sheet exactly as the summary wrote it may be regenerated', () => {
  const tables = seedWorkbook();
  const written = () => sheetToGrid(writeSummarySheet(buildSummary(tables, [])));
  const edited = (edit: (values: (string | number | boolean | null)[][]) => void) => {
    const grid = written();
    const values = grid.values.map((row) => [...row]);
    edit(values);
    return hasSummaryShape({ ...grid, values });
  };

  it('accepts the summary as written, for any number of projects', () => {
    expect(hasSummaryShape(written())).toBe(true);
    expect(hasSummaryShape(sheetToGrid(writeSummarySheet(buildSummary([], []))))).toBe(true);
  });

  it('refuses a project sheet, a blank sheet and any cell the officer added or changed in the frame', () => {
    expect(hasSummaryShape(sheetToGrid(writeTargetTable(seedTables()[0])))).toBe(false);
    expect(hasSummaryShape({ values: [], merges: [] })).toBe(false);
    expect(edited((v) => (v[0][0] = '我的汇总表'))).toBe(false);
    expect(edited((v) => (v[2][2] = '名称'))).toBe(false);
    expect(edited((v) => (v[1][13] = '单位：元'))).toBe(false);
    expect(edited((v) => (v[0][5] = '备注'))).toBe(false);
    expect(edited((v) => (v[5][0] = 7))).toBe(false);
    expect(edited((v) => (v[13][1] = '说明'))).toBe(false);
    expect(edited((v) => (v[4][14] = '已核对'))).toBe(false);
    expect(edited((v) => v.push([null, '脚注']))).toBe(false);
    expect(edited((v) => (v[1][5] = ' '))).toBe(false);
  });

  it('still accepts changed amounts and names inside the project rows (they are what regenerating rewrites)', () => {
    expect(edited((v) => (v[3][3] = 999))).toBe(true);
    expect(edited((v) => (v[4][2] = '改过的名称'))).toBe(true);
  });
});
