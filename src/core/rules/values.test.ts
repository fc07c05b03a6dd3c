import { DEFAULT_PROFILE } from '../profile';
import { IndicatorCells, VALID_INDICATORS, buildTable, located } from '../../../test/support/tableBuilder';
import { PROVINCIAL_SHEET, provincialTable, splitRow } from '../../../test/support/provincial';
import { comparisonWithoutNumber, costIsFloor, operatorMissing, rateBeyondHundred, templateLeftover, valueTypeContradicts } from './values';

const p = DEFAULT_PROFILE;
const SHEET = '老党员补贴';
const at = (rule: string, severity: string, cell: string, sheet = SHEET) => ({ rule, severity, sheet, cell });
const withRow = (i: number, cells: Partial<IndicatorCells>) =>
  buildTable({ indicators: VALID_INDICATORS.map((row, j) => (j === i ? { ...row, ...cells } : row)) });
const OUTPUT = 0;
const BENEFIT = 1;
const SATISFACTION = 2;

describe('I014 template leftovers', () => {
  it.each(['-', '—', '——', '_', '*', '**', '≥**%', 'XX', '××', '＊＊', '某某'])('fires on the 指标值 %s', (value) => {
    expect(located(templateLeftover(withRow(BENEFIT, { value }), p))).toEqual([at('I014', 'error', 'F11')]);
  });
  it('fires on a 三级指标 with a placeholder left in it, and on both cells of a row', () => {
    expect(located(templateLeftover(withRow(OUTPUT, { level3: '受益人数（≥**%）' }), p))).toEqual([at('I014', 'error', 'C10')]);
    const findings = templateLeftover(withRow(OUTPUT, { level3: '-', value: 'XX人' }), p);
    expect(located(findings)).toEqual([at('I014', 'error', 'C10'), at('I014', 'error', 'F10')]);
    expect(findings[1].message).toBe('指标值“XX人”是模板占位内容：请填写实际的指标值');
  });
  it('stays quiet on real values, the seed table and a negative number', () => {
    expect(templateLeftover(buildTable(), p)).toEqual([]);
    expect(templateLeftover(withRow(BENEFIT, { value: '-5%' }), p)).toEqual([]);
    expect(templateLeftover(withRow(BENEFIT, { value: '及时化解' }), p)).toEqual([]);
  });
});

describe('I015 a comparison without a number', () => {
  it.each(['≥较好', '≤及时', '不低于上年', '>=良好'])('fires on %s', (value) => {
    const findings = comparisonWithoutNumber(withRow(BENEFIT, { value }), p);
    expect(located(findings)).toEqual([at('I015', 'error', 'F11')]);
  });
  it('says what is missing', () => {
    const [f] = comparisonWithoutNumber(withRow(BENEFIT, { value: '≥较好' }), p);
    expect(f.message).toBe('指标值“≥较好”有比较符号“≥”却没有数值：请写明数值和单位（如“≥95%”），或改为定性描述');
  });
  it('fires where the 计算符号 column holds the comparison and the value is words', () => {
    const t = provincialTable([splitRow({ valueType: '定性', operator: '≥', value: '较好', unit: '' })]);
    expect(located(comparisonWithoutNumber(t, p))).toEqual([at('I015', 'error', 'G10', PROVINCIAL_SHEET)]);
  });
  it('stays quiet on numbers, plain words and placeholders (I014 reports those)', () => {
    for (const value of ['≥95%', '及时化解', '≥**%', '2022年12月底前']) expect(comparisonWithoutNumber(withRow(BENEFIT, { value }), p)).toEqual([]);
  });
});

describe('I016 split layout: a numeric value without 计算符号', () => {
  it('fires at the 计算符号 cell and infers `=` for a bare number', () => {
    const [f] = operatorMissing(provincialTable([splitRow({ operator: '' })]), p);
    expect(located([f])).toEqual([at('I016', 'warning', 'F10', PROVINCIAL_SHEET)]);
    expect(f.fix?.edits).toEqual([{ sheet: PROVINCIAL_SHEET, cell: 'F10', value: '=' }]);
  });
  it('moves an operator typed in the value cell into 计算符号', () => {
    const [f] = operatorMissing(provincialTable([splitRow({ operator: '', value: '≥95', unit: '%' })]), p);
    expect(f.fix?.edits).toEqual([
      { sheet: PROVINCIAL_SHEET, cell: 'F10', value: '≥' },
      { sheet: PROVINCIAL_SHEET, cell: 'G10', value: '95' },
    ]);
  });
  it('stays quiet with an operator, on 定性 rows, and in the standard layout', () => {
    expect(operatorMissing(provincialTable([splitRow()]), p)).toEqual([]);
    expect(operatorMissing(provincialTable([splitRow({ valueType: '定性', operator: '', value: '及时', unit: '' })]), p)).toEqual([]);
    expect(operatorMissing(withRow(OUTPUT, { value: '8人' }), p)).toEqual([]);
  });
});

describe('I017 rates beyond 100%', () => {
  it('warns on a rate above 100%', () => {
    const findings = rateBeyondHundred(withRow(BENEFIT, { level3: '覆盖率', value: '≥120%' }), p);
    expect(located(findings)).toEqual([at('I017', 'warning', 'F11')]);
    expect(findings[0].fix).toBeUndefined();
  });
  it('notes ≥100% as info with the quick fix =100%', () => {
    const [f] = rateBeyondHundred(withRow(SATISFACTION, { value: '≥100%' }), p);
    expect(located([f])).toEqual([at('I017', 'info', 'F12')]);
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'F12', value: '=100%' }]);
  });
  it('fixes the 计算符号 cell in the split layout', () => {
    const [f] = rateBeyondHundred(provincialTable([splitRow({ level3: '发放准确率', operator: '≥', value: '100', unit: '%' })]), p);
    expect(f.fix?.edits).toEqual([{ sheet: PROVINCIAL_SHEET, cell: 'F10', value: '=' }]);
  });
  it('stays quiet on growth rates, counts and rates within 100%', () => {
    expect(rateBeyondHundred(withRow(BENEFIT, { level3: '收入增长率', description: '收入增长率', value: '≥150%' }), p)).toEqual([]);
    expect(rateBeyondHundred(withRow(OUTPUT, { value: '120人' }), p)).toEqual([]);
    expect(rateBeyondHundred(withRow(SATISFACTION, { value: '=100%' }), p)).toEqual([]);
    expect(rateBeyondHundred(buildTable(), p)).toEqual([]);
  });
});

describe('I018 cost targets are ceilings', () => {
  it('fires on a 成本指标 with ≥ and turns it into ≤', () => {
    const rows = [...VALID_INDICATORS, { level1: '成本指标', level2: '经济成本指标', level3: '人均补贴成本', description: '每人每年补贴', value: '≥5000元', basis: '预算支出标准' }];
    const [f] = costIsFloor(buildTable({ indicators: rows }), p);
    expect(located([f])).toEqual([at('I018', 'warning', 'F13')]);
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'F13', value: '≤5000元' }]);
  });
  it('fires on 二级 成本指标 under 产出指标 too, at the 计算符号 cell when split', () => {
    const t = provincialTable([splitRow({ level2: '成本指标', level3: '单位成本', operator: '>', value: '30', unit: '元' })]);
    expect(located(costIsFloor(t, p))).toEqual([at('I018', 'warning', 'F10', PROVINCIAL_SHEET)]);
  });
  it('stays quiet on ceilings and on other rows', () => {
    const rows = [{ level1: '成本指标', level2: '经济成本指标', level3: '人均补贴成本', description: '每人每年补贴', value: '≤5000元', basis: '预算支出标准' }];
    expect(costIsFloor(buildTable({ indicators: rows }), p)).toEqual([]);
    expect(costIsFloor(buildTable(), p)).toEqual([]);
  });
  it('stays quiet on a rate filed under cost (年度预算执行率 ≥90%): a percentage is no spending cap', () => {
    const rows = [{ level1: '成本指标', level2: '经济成本指标', level3: '年度预算执行率', description: '预算执行', value: '≥90%', basis: '计划标准' }];
    expect(costIsFloor(buildTable({ indicators: rows }), p)).toEqual([]);
  });
});

describe('I019 指标值类型 contradicts the value', () => {
  it('fires on 定性 with a number, at the 指标值类型 cell', () => {
    const t = provincialTable([splitRow({ valueType: '定性', operator: '', value: '95%', unit: '' })]);
    expect(located(valueTypeContradicts(t, p))).toEqual([at('I019', 'warning', 'E10', PROVINCIAL_SHEET)]);
  });
  it('fires on 定量 with words', () => {
    const t = provincialTable([splitRow({ valueType: '定量', operator: '', value: '及时', unit: '' })]);
    expect(located(valueTypeContradicts(t, p))).toEqual([at('I019', 'warning', 'E10', PROVINCIAL_SHEET)]);
  });
  it('stays quiet when they agree, and where there is no 指标值类型 column', () => {
    expect(valueTypeContradicts(provincialTable([splitRow(), splitRow({ valueType: '定性', operator: '', value: '及时', unit: '' })]), p)).toEqual([]);
    expect(valueTypeContradicts(buildTable(), p)).toEqual([]);
  });
});
