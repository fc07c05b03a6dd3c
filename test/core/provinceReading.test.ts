/** Reading any province's table (SPEC §3a) on small grids: synonyms, units, sources, sets, frameworks, absent fields. */
import { CellValue } from '../../src/core/grid';
import { readSheetTables, readTargetTable } from '../../src/core/layout/reader';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { validateTable } from '../../src/core/rules';

const grid = (values: CellValue[][]) => ({ values });
const HEADER = ['一级指标', '二级指标', '三级指标', '指标值'];
const ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '培训人数', '≥100人'],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥95%'],
];

describe('head fields by synonyms', () => {
  it('reads a label and its value in one cell, and labels with *, (必填) and brackets', () => {
    const t = readTargetTable(
      grid([['*项目支出名称(必填)', '培训'], ['年度资金总额：16'], ['其中：财政拨款：12'], ['其他资金：4'], ['年度绩效目标', '1.培训100人'], HEADER, ...ROWS]),
      'S',
    )!;
    expect([t.name.text, t.budget.total.value?.toFixed(), t.budget.fiscal.value?.toFixed(), t.budget.other.value?.toFixed()]).toEqual(['培训', '16', '12', '4']);
    expect(t.goals.value).toEqual(['培训100人']);
  });

  it('prefers the annual total to a multi-year one, and keeps 实施期 goals apart', () => {
    const t = readTargetTable(
      grid([['项目名称', 'X'], ['资金总额', 300, '当年资金总额', 100], ['实施期目标', '三年建成'], ['年度目标', '今年完成一期'], HEADER, ...ROWS]),
      'S',
    )!;
    expect(t.budget.total.value?.toFixed()).toBe('100');
    expect([t.goals.value, t.longGoals?.value]).toEqual([['今年完成一期'], ['三年建成']]);
  });

  it('takes a value under its label when the cell beside it is a header of another column (年度总体目标完成情况)', () => {
    // As in 南岳's 2018 申报表: 年度目标 merged over B:C, the self-evaluation column's header in D.
    const t = readTargetTable(
      {
        values: [['项目名称', 'X'], ['总体目标', '年度目标', null, '年度总体目标完成情况'], [null, '培训100人', null, null], HEADER, ...ROWS],
        merges: [{ top: 1, left: 1, bottom: 1, right: 2 }, { top: 2, left: 1, bottom: 2, right: 2 }],
      },
      'S',
    )!;
    expect([t.goals.cell, t.goals.value]).toEqual(['B3', ['培训100人']]);
  });

  it('sums a funding-source breakdown into 财政资金; 小计 is a total, not a source', () => {
    const t = readTargetTable(
      grid([['项目名称', 'X'], ['预算数', 30], ['小计', 30], ['一般公共预算', 20], ['上级补助', 10], HEADER, ...ROWS]),
      'S',
    )!;
    expect(t.budget.fiscal.value?.toFixed()).toBe('30');
    expect(t.amountCells?.fiscal.map((c) => c.cell)).toEqual(['B4', 'B5']);
    expect(validateTable(t, DEFAULT_PROFILE).filter((f) => f.rule === 'A003')).toEqual([]);
  });

  it('reports a fiscal source that is present but unreadable, never a silent 0', () => {
    const t = readTargetTable(grid([['项目名称', 'X'], ['预算数', 30], ['一般公共预算', '二十'], ['上级补助', 10], HEADER, ...ROWS]), 'S')!;
    const a001 = validateTable(t, DEFAULT_PROFILE).filter((f) => f.rule === 'A001');
    expect(a001.map((f) => [f.cell, f.message])).toEqual([['B3', '财政资金“二十”不是数字']]);
  });
});

describe('amount units', () => {
  it('honours 单位：元 above the table and units in cells, exactly', () => {
    const t = readTargetTable(grid([['单位：元'], ['项目名称', 'X'], ['预算数', 1234567.89], ['财政资金', '3,000元'], ['其他资金', '123.456789万'], HEADER, ...ROWS]), 'S')!;
    expect([t.budget.total.value?.toFixed(), t.budget.fiscal.value?.toFixed(), t.budget.other.value?.toFixed()]).toEqual(['123.456789', '0.3', '123.456789']);
    expect(t.amountCells?.total).toEqual([{ cell: 'B3', raw: 1234567.89, yuan: true }]);
  });
});

describe('indicator blocks', () => {
  it('reads 指标内容 as the 三级 column without 三级指标, 计算符号/计量单位/权重, and stops at 审核意见', () => {
    const t = readTargetTable(
      grid([
        ['项目名称', 'X'],
        ['一级指标', '二级指标', '指标内容', '计算符号', '指标值', '计量单位', '分值'],
        ['产出指标', '数量指标', '培训人数', '≥', 100, '人', 50],
        ['满意度指标', '服务对象满意度指标', '满意度', '≥', 95, '%', 50],
        ['审核意见', '同意'],
      ]),
      'S',
    )!;
    expect(t.indicators.map((i) => [i.level3.text, i.value.text, i.weight?.value?.toNumber()])).toEqual([['培训人数', '100', 50], ['满意度', '95', 50]]);
    expect(t.indicators[0].value.value).toMatchObject({ operator: '≥', unit: '人' });
  });

  it('ignores unused template rows, with one R003 info', () => {
    const t = readTargetTable(grid([['项目名称', 'X'], HEADER, ...ROWS.slice(0, 1), [null, '质量指标'], [null, '时效指标'], ...ROWS.slice(1)]), 'S')!;
    expect(t.indicators).toHaveLength(3);
    expect(validateTable(t, DEFAULT_PROFILE).filter((f) => f.rule === 'R003').map((f) => [f.severity, f.cell])).toEqual([['info', 'B4']]);
  });

  it('reads several tables in one sheet, each ending at the next one’s title', () => {
    const { tables } = readSheetTables(
      grid([['甲项目绩效目标表'], ['项目名称', '甲'], HEADER, ...ROWS, ['乙项目绩效目标表'], ['项目名称', '乙'], HEADER, ...ROWS.slice(0, 2)]),
      'S',
    );
    expect(tables.map((t) => [t.name.text, t.indicators.length, t.titleName])).toEqual([['甲', 3, '甲项目'], ['乙', 2, '乙项目']]);
  });
});

describe('frameworks and absent fields', () => {
  it('accepts the 2015 template (满意度 under 效益) and provincial names without a finding on structure', () => {
    const rows2015: CellValue[][] = [ROWS[0], ['效益指标', '社会效益指标', '知晓率', '≥90%'], ['效益指标', '服务对象满意度指标', '满意度', '≥95%']];
    const provincial: CellValue[][] = [['项目完成指标', '数量指标', '人数', '100人'], ['项目效益指标', '服务对象满意度指标', '满意度', '≥95%']];
    for (const [rows, framework] of [[rows2015, 'mof-2015'], [provincial, 'provincial']] as const) {
      const t = readTargetTable(grid([['项目名称', 'X'], HEADER, ...rows]), 'S')!;
      expect(t.framework).toBe(framework);
      expect(validateTable(t, DEFAULT_PROFILE).filter((f) => ['I002', 'I003', 'I004'].includes(f.rule))).toEqual([]);
    }
  });

  it('a rule about a field the template lacks fires only when the profile requires it', () => {
    const t = readTargetTable(grid([['项目名称', 'X'], HEADER, ...ROWS]), 'S')!;
    expect(validateTable(t, DEFAULT_PROFILE).map((f) => f.rule)).toEqual([]);
    const required = validateTable(t, { ...DEFAULT_PROFILE, requiredFields: ['code', 'spendingPlan', 'basis'] }).map((f) => f.rule);
    expect(new Set(required)).toEqual(new Set(['T001', 'S001', 'I011']));
  });

  it('a header without identity is R001 material, not a table', () => {
    expect(readSheetTables(grid([HEADER, ...ROWS]), 'S')).toEqual({ tables: [], unread: [{ sheet: 'S', cell: 'A1', missing: ['identity'] }] });
  });
});
