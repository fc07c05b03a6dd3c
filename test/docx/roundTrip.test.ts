/**
 * Export → import gives back the same tables (issue 10, item 4): generated tables in both
 * layouts, amounts with up to four decimals and shares with one, through the sheet, the
 * published .docx and the document reader — exactly, numbered titles apart.
 */
import fc from 'fast-check';
import { DepartmentInput, DepartmentTable } from '../../src/core/department/model';
import { DEPARTMENT_SHEET, departmentToInput, readDepartmentSheet, writeDepartmentSheet } from '../../src/core/department/sheet';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { IndicatorInput, TableInput } from '../../src/core/model';
import { sheetToGrid } from '../../src/core/sheet';
import { exportDocx, importDocx } from '../../src/docx';

jest.setTimeout(120_000);

const LABEL_LIKE = /^\d|^[（(]|项目|预算|资金|一级指标|二级指标|绩效|单位|月底|部分|指标值|计量|计算|依据/;
const text = fc
  .string({ unit: fc.constantFrom(...'乡镇村级经费补贴保障运转服务群众环保网格员公益岗老党员生活ABCxyz-·（）'.split('')), minLength: 1, maxLength: 14 })
  .filter((t) => !LABEL_LIKE.test(t));
const amount = fc.bigInt({ min: 0n, max: 99_999_999_999n }).map((n) => {
  const s = n.toString().padStart(5, '0');
  return `${s.slice(0, -4).replace(/^0+(?=\d)/, '')}.${s.slice(-4)}`.replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)$/, '$1');
});
const percent = fc.integer({ min: 0, max: 1000 }).map((n) => `${n / 10}%`);
const standardIndicator: fc.Arbitrary<IndicatorInput> = fc.record({
  level1: fc.constantFrom('产出指标', '效益指标', '满意度指标', '成本指标'),
  level2: fc.constantFrom('数量指标', '质量指标', '社会效益指标', '服务对象满意度指标'),
  level3: text,
  description: text,
  value: fc.oneof(fc.constantFrom('≥95%', '8人', '及时化解', '=100%', '2022年12月底前', '≤3.5万元'), fc.integer({ min: 1, max: 999 }).map((n) => `≥${n / 10}%`)),
  basis: fc.constantFrom('计划标准', '', '行业标准'),
});
const provincialIndicator: fc.Arbitrary<IndicatorInput> = fc.record({
  level1: fc.constantFrom('产出指标', '效益指标'),
  level2: fc.constantFrom('数量指标', '社会效益指标'),
  level3: text,
  description: text,
  valueType: fc.constant('定量'),
  operator: fc.constantFrom('≥', '≤', '='),
  value: fc.integer({ min: 0, max: 100_000 }).map((n) => String(n / 100)),
  unit: fc.constantFrom('%', '人', '个'),
  basis: fc.constantFrom('计划标准', '历史标准'),
});
const table = (layout: 'standard' | 'provincial'): fc.Arbitrary<TableInput> =>
  fc.record({
    layout: fc.constant(layout),
    department: text.map((t) => `802008${t}`),
    code: fc.stringMatching(/^13022522P[0-9A-Z]{12}$/),
    name: text,
    budget: fc.record({ total: amount, fiscal: amount, other: fc.oneof(amount, fc.constant('')) }),
    fundUse: text,
    spendingPlan: fc.tuple(percent, percent, percent, percent),
    goals: fc.array(text, { minLength: 1, maxLength: 4 }),
    indicators: fc.array(layout === 'standard' ? standardIndicator : provincialIndicator, { minLength: 1, maxLength: 8 }),
  });
/** The department-wide table: its title, head rows of text (up to the block's five columns, a wider one widens it) and its block (no 依据 column). */
const departmentTable: fc.Arbitrary<DepartmentTable> = fc.record({
  title: fc.constantFrom('部门整体绩效目标表', '部门整体支出绩效目标表', '部门(单位)整体支出绩效目标表'),
  head: fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 4 }),
  indicators: fc.array(standardIndicator.map((i) => ({ ...i, basis: '' })), { minLength: 1, maxLength: 6 }),
});
const department: fc.Arbitrary<DepartmentInput> = fc.record(
  {
    department: fc.constant(''),
    overallGoal: text,
    goals: fc.array(text, { minLength: 1, maxLength: 5 }).map((ts) => ts.map((t, i) => ({ number: '一二三四五'[i], text: t }))),
    measures: fc.array(text, { minLength: 0, maxLength: 3 }).map((ts) => ts.map((t, i) => ({ number: String(i + 1), text: t }))),
    table: departmentTable,
  },
  { requiredKeys: ['department', 'overallGoal', 'goals', 'measures'] },
);

/** What the workbook holds for the department part: its sheet written and read back. */
const inDepartmentSheet = (d: DepartmentInput) => departmentToInput(readDepartmentSheet(sheetToGrid(writeDepartmentSheet(d)), DEPARTMENT_SHEET)!);

/** What the workbook holds for a table: written to a sheet and read back. */
const inWorkbook = (t: TableInput) => tableToInput(readTargetTable(sheetToGrid(writeTargetTable(t)), 'S')!);

describe('export → import', () => {
  it('gives back every table and 第一部分 exactly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(table('standard'), table('provincial')), { minLength: 1, maxLength: 3 }), fc.option(department), async (inputs, part) => {
        const tables = inputs.map(inWorkbook);
        // The department part as its sheet holds it (written and read back), like the tables.
        const withDept = part ? inDepartmentSheet({ ...part, department: tables[0].department }) : undefined;
        const back = await importDocx(await exportDocx(tables, withDept));
        expect(back.skipped).toEqual([]);
        expect(back.tables).toEqual(tables.map((t, i) => ({ ...t, title: `${i + 1}.${t.name}绩效目标表` })));
        expect(back.department).toEqual(withDept);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps amounts and shares exact, digit for digit', async () => {
    const t = inWorkbook({
      layout: 'standard', department: '802008乐亭县新寨镇人民政府', code: '13022522P000X4410003G', name: '精确金额',
      budget: { total: '1234567.8912', fiscal: '1234567.8902', other: '0.001' }, fundUse: '用途',
      spendingPlan: ['12.5%', '33.3%', '66.7%', '100%'], goals: ['目标'],
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '人数', description: '人数', value: '≥99.95%', basis: '计划标准' }],
    });
    const [back] = (await importDocx(await exportDocx([t]))).tables;
    expect(back.budget).toEqual({ total: '1234567.8912', fiscal: '1234567.8902', other: '0.001' });
    expect(back.spendingPlan).toEqual(['12.5%', '33.3%', '66.7%', '100%']);
    expect(back.indicators[0].value).toBe('≥99.95%');
  });
});
