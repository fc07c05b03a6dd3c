/**
 * The seed document (a town government's ten published tables) through the whole core:
 * write each table as a sheet, read it back by its labels, validate. The seed's real defects
 * must be found, and nothing else may be an error.
 */
import { Finding } from '../../src/core/finding';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { validateWorkbook } from '../../src/core/rules';
import { sheetToGrid } from '../../src/core/sheet';
import { seedTables } from '../support/seed';

const tables = seedTables().map((t, i) => readTargetTable(sheetToGrid(writeTargetTable(t)), `P${i + 1}`)!);
const findings = validateWorkbook(tables, DEFAULT_PROFILE);
const where = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

describe('the seed workbook', () => {
  it('has exactly one error: S004 on project 9\'s 12月底 cell, with the cumulative quick fix', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject<Partial<Finding>>({ rule: 'S004', severity: 'error', sheet: 'P9', cell: 'E7' });
    expect(errors[0].message).toContain('按季度');
    expect(errors[0].fix!.edits).toEqual([
      { sheet: 'P9', cell: 'B7', value: 0.25, numberFormat: '0%' },
      { sheet: 'P9', cell: 'C7', value: 0.5, numberFormat: '0%' },
      { sheet: 'P9', cell: 'D7', value: 0.75, numberFormat: '0%' },
      { sheet: 'P9', cell: 'E7', value: 1, numberFormat: '0%' },
    ]);
  });

  it('finds project 6\'s `≥98` without % (I010) and offers `≥98%`', () => {
    const i010 = findings.filter((f) => f.rule === 'I010');
    expect(i010.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['P6!F12']);
    expect(i010[0].severity).toBe('warning');
    expect(i010[0].fix!.edits).toEqual([{ sheet: 'P6', cell: 'F12', value: '≥98%' }]);
  });

  it('finds head counts without a unit (I009) and suggests one', () => {
    expect(where('I009')).toEqual(['P3!F10', 'P4!F10', 'P6!F10', 'P7!F10', 'P8!F10', 'P9!F10', 'P10!F10']);
    const p3 = findings.find((f) => f.rule === 'I009' && f.sheet === 'P3')!;
    expect(p3.fix!.edits).toEqual([{ sheet: 'P3', cell: 'F10', value: '8人' }]);
    const p4 = findings.find((f) => f.rule === 'I009' && f.sheet === 'P4')!;
    expect(p4.fix!.edits[0].value).toBe('27个');
  });

  it('finds every empty 指标值确定依据 (I011)', () => {
    expect(where('I011')).toHaveLength(30);
    expect(where('I011').slice(0, 3)).toEqual(['P1!G10', 'P1!G11', 'P1!G12']);
  });

  it('finds 三级指标 that only repeat their 二级指标 (I006)', () => {
    // Every table repeats 质量/数量指标 and 社会效益指标; 服务对象满意度 repeats its 二级 name too.
    expect(where('I006')).toEqual([
      'P1!C10', 'P1!C11', 'P1!C12', 'P2!C10', 'P2!C11', 'P2!C12', 'P3!C10', 'P3!C11', 'P3!C12',
      'P4!C10', 'P4!C11', 'P4!C12', 'P5!C10', 'P5!C11', 'P5!C12', 'P6!C10', 'P6!C11', 'P6!C12',
      'P7!C10', 'P7!C11', 'P7!C12', 'P8!C10', 'P8!C11', 'P9!C10', 'P9!C11', 'P10!C10', 'P10!C11', 'P10!C12',
    ]);
  });

  it('finds descriptions that only repeat the 三级指标 (I007)', () => {
    expect(where('I007')).toEqual(['P4!D12', 'P6!D12', 'P7!D12', 'P8!D11', 'P8!D12', 'P9!D12', 'P10!D12']);
  });

  it('notes qualitative 效益指标 values (I013) and stray spaces (F001) as info', () => {
    expect(where('I013')).toHaveLength(10);
    expect(where('F001')).toEqual(['P4!C11', 'P9!C11']);
    const f001 = findings.find((f) => f.rule === 'F001')!;
    expect(f001.fix!.edits).toEqual([{ sheet: 'P4', cell: 'C11', value: '社会效益指标' }]);
  });

  it('names the numbered goals no indicator measures (I023), and stays quiet where one does', () => {
    const goals = findings.filter((f) => f.rule === 'I023').map((f) => `${f.sheet}!${f.cell} ${/“(.+)”/.exec(f.message)![1]}`);
    expect(goals).toEqual([
      'P1!B8 资金及时拨付',
      'P2!B8 资金及时拨付',
      'P3!B8 及时缴纳',
      'P4!B8 及时拨付',
      'P5!B8 资金及时拨付',
      'P6!B8 疫情防控，村内重点设施维护',
      'P6!B8 改善村容村貌',
      'P6!B8 资金及时拨付',
      'P7!B8 切实打好蓝天保卫战',
      'P8!B8 资金及时发放',
      'P9!B8 提高老党员生活水平',
      'P9!B8 资金及时足额发放',
      'P10!B8 资金按时发放',
    ]);
    expect(findings.filter((f) => f.rule === 'I023').every((f) => f.severity === 'warning')).toBe(true);
    // 保障工作正常运转 (P1) is the description of its 质量指标; 化解信访事件 (P2) likewise.
    expect(goals.some((g) => g.includes('保障工作正常运转') || g.includes('化解信访事件'))).toBe(false);
  });

  it('raises none of the other new rules (I014–I022, W003): the seed has no placeholders, split values, rates, costs, bases or weights', () => {
    const fresh = ['I014', 'I015', 'I016', 'I017', 'I018', 'I019', 'I020', 'I021', 'I022', 'W003'];
    expect(findings.filter((f) => fresh.includes(f.rule))).toEqual([]);
  });

  it('raises nothing else', () => {
    const rules = new Set(findings.map((f) => f.rule));
    expect([...rules].sort()).toEqual(['F001', 'I006', 'I007', 'I009', 'I010', 'I011', 'I013', 'I023', 'S004']);
  });
});
