/** SPEC §6: any input yields findings or nothing, never a crash. */
import fc from 'fast-check';
import { CellValue, parseA1 } from '../../src/core/grid';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { FieldKey } from '../../src/core/model';
import { validateWorkbook } from '../../src/core/rules';
import { sheetToGrid } from '../../src/core/sheet';
import { buildSummary, writeSummarySheet } from '../../src/core/summary';
import { seedTables } from '../support/seed';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('#REF!', '#VALUE!', '', ' ', '≥', '%', '１２３', '1,2,3', '产出指标', '满意度指标', '=SUM(A1)', '数量指标', '一级指标', '项目编码'),
);

/** Every finding points at a real cell and says something in both languages. */
function checkFindings(findings: ReturnType<typeof validateWorkbook>) {
  for (const f of findings) {
    expect(() => parseA1(f.cell)).not.toThrow();
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message_en.length).toBeGreaterThan(0);
  }
}

describe('reader, rules and summary on damaged sheets', () => {
  const base = seedTables().map((t) => sheetToGrid(writeTargetTable(t)));

  it('never throw when seed cells are overwritten with anything (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 8 }), cell), { maxLength: 30 }),
        (which, edits) => {
          const g = base[which];
          const values = g.values.map((r) => [...r]);
          for (const [r, c, v] of edits) {
            while (values.length <= r) values.push([]);
            values[r][c] = v;
          }
          const table = readTargetTable({ values, formats: g.formats, merges: g.merges }, 'S');
          const tables = table ? [table] : [];
          const findings = validateWorkbook(tables, DEFAULT_PROFILE);
          checkFindings(findings);
          writeSummarySheet(buildSummary(tables, findings));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throw on arbitrary grids that carry the two anchor labels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }), (rows) => {
        const values = [['项目编码', 'X'], ...rows, ['一级指标', '二级指标', '三级指标', '指标值'], ...rows];
        const table = readTargetTable({ values }, 'S');
        expect(table).toBeDefined();
        checkFindings(validateWorkbook([table!], DEFAULT_PROFILE));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a huge sheet without trouble (its template lacks most fields: required by the profile, they are reported)', () => {
    const values: CellValue[][] = [['项目编码', 'X'], ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']];
    for (let i = 0; i < 20_000; i++) values.push(['产出指标', '数量指标', `指标${i}`, `描述${i}`, `${i}人`, '计划标准']);
    const table = readTargetTable({ values }, 'S')!;
    expect(table.indicators).toHaveLength(20_000);
    const profile = { ...DEFAULT_PROFILE, requiredFields: ['name', 'total', 'spendingPlan', 'goals'] as FieldKey[] };
    expect(validateWorkbook([table], profile).filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['T004', 'A001', 'S001', 'G001', 'I002']),
    );
  });

  it('validates a sheet with more findings than a call can take as arguments (150,000 rows without 指标值确定依据)', () => {
    const values: CellValue[][] = [['项目编码', 'X'], ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']];
    for (let i = 0; i < 150_000; i++) values.push(['产出指标', '数量指标', `指标${i}`, `描述${i}`, `${i}人`, null]);
    const findings = validateWorkbook([readTargetTable({ values }, 'S')!], DEFAULT_PROFILE);
    expect(findings.filter((f) => f.rule === 'I011')).toHaveLength(150_000);
    expect(findings.find((f) => f.rule === 'I011')).toMatchObject({ severity: 'warning', cell: 'F3' });
  });
});
