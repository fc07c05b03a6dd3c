import { readTargetTable } from '../core/layout/reader';
import { writeTargetTable } from '../core/layout/writer';
import { DEFAULT_PROFILE } from '../core/profile';
import { sheetToGrid } from '../core/sheet';
import { TableForm, checkForm, emptyForm, toTableInput, workbookDepartment } from './tableForm';

const GOOD: TableForm = {
  ...emptyForm([]),
  department: '802008乐亭县新寨镇人民政府',
  code: '13022522P000X4410003G',
  name: '2022年人大之家工作经费',
  total: '2.00',
  fiscal: '2.00',
  fundUse: '人大代表之家工作经费',
  plan: ['25', '50', '75', '100'],
  goals: '组织代表活动\n\n 代表建议按时办结 ',
  indicators: [
    { id: 1, level1: '产出指标', level2: '数量指标', level3: '活动次数', description: '组织代表活动', value: '≥4次', basis: '计划标准' },
    { id: 2, level1: '效益指标', level2: '社会效益指标', level3: '代表建议办结率', description: '代表建议按时办结', value: '≥95%', basis: '历史标准' },
    { id: 3, level1: '满意度指标', level2: '服务对象满意度指标', level3: '代表满意度', description: '代表对服务的满意程度', value: '≥95%', basis: '行业标准' },
  ],
};

const rules = (check: ReturnType<typeof checkForm>) =>
  Object.fromEntries([...check.byField.entries()].map(([key, findings]) => [key, findings.map((f) => f.rule)]));

describe('the new-table form', () => {
  it('starts with one indicator row per required 一级指标', () => {
    expect(emptyForm(DEFAULT_PROFILE.requiredLevel1).indicators.map((r) => r.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  it('becomes the table input the writer takes: goals one per line, blank lines dropped', () => {
    const input = toTableInput(GOOD, '');
    expect(input.goals).toEqual(['组织代表活动', '代表建议按时办结']);
    expect(input.spendingPlan).toEqual(['25', '50', '75', '100']);
    expect(input.indicators[0]).toEqual({ level1: '产出指标', level2: '数量指标', level3: '活动次数', description: '组织代表活动', value: '≥4次', basis: '计划标准' });
    expect(readTargetTable(sheetToGrid(writeTargetTable(input)), 'x')?.name.text).toBe('2022年人大之家工作经费');
  });

  it('takes the workbook department until one is typed', () => {
    expect(toTableInput({ ...GOOD, department: undefined }, '802008乐亭县新寨镇人民政府').department).toBe('802008乐亭县新寨镇人民政府');
    expect(toTableInput({ ...GOOD, department: '' }, '802008乐亭县新寨镇人民政府').department).toBe('');
  });
});

describe('checking the form with the core rules', () => {
  it('finds nothing wrong in a complete table', () => {
    expect(checkForm(GOOD, '', DEFAULT_PROFILE, []).all).toEqual([]);
  });

  it('puts each finding on the field it is about', () => {
    const form = emptyForm(DEFAULT_PROFILE.requiredLevel1);
    const [first, , third] = form.indicators.map((row) => row.id);
    const check = checkForm(form, '', DEFAULT_PROFILE, []);
    expect(rules(check)).toMatchObject({
      code: ['T001'],
      name: ['T004'],
      total: ['A001'],
      fundUse: ['A005'],
      'plan.0': ['S001'],
      'plan.3': ['S001'],
      goals: ['G001'],
      [`indicator.${first}.level2`]: ['I004'],
      [`indicator.${first}.level3`]: ['I005'],
      [`indicator.${first}.value`]: ['I008'],
      [`indicator.${third}.basis`]: ['I011'],
    });
    expect(check.other).toEqual([]);
  });

  it('reports a decreasing percentage at the quarter that goes down (S003)', () => {
    const check = checkForm({ ...GOOD, plan: ['25', '20', '75', '100'] }, '', DEFAULT_PROFILE, []);
    expect(rules(check)).toEqual({ 'plan.1': ['S003'] });
    expect(check.all[0]).toMatchObject({ rule: 'S003', severity: 'error', cell: 'C7' });
  });

  it('flags a 项目编码 the workbook already has (T003) and a missing required 一级指标 (I002)', () => {
    const existing = readTargetTable(sheetToGrid(writeTargetTable(toTableInput(GOOD, ''))), '项目1')!;
    const check = checkForm({ ...GOOD, indicators: GOOD.indicators.slice(0, 2) }, '', DEFAULT_PROFILE, [existing]);
    expect(rules(check)).toEqual({ code: ['T003'], indicators: ['I002'] });
  });

  it('maps the provincial layout’s split value columns back to the value field', () => {
    const check = checkForm(
      { ...GOOD, layout: 'provincial', indicators: [GOOD.indicators[0], { ...GOOD.indicators[1], value: '' }, GOOD.indicators[2]] },
      '',
      DEFAULT_PROFILE,
      [],
    );
    expect(rules(check)).toEqual({ 'indicator.2.value': ['I008'] });
  });
});

describe('the workbook department', () => {
  it('is the one most tables have', () => {
    const table = (department: string) => readTargetTable(sheetToGrid(writeTargetTable({ ...toTableInput(GOOD, ''), department })), 's')!;
    expect(workbookDepartment([table('A'), table('B'), table('B')])).toBe('B');
    expect(workbookDepartment([])).toBe('');
  });
});
