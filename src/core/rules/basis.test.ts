import { DEFAULT_PROFILE } from '../profile';
import { IndicatorCells, VALID_INDICATORS, buildTable, located } from '../../../test/support/tableBuilder';
import { basisOutsideList, costBasisOffCost } from './basis';

const p = DEFAULT_PROFILE;
const at = (rule: string, severity: string, cell: string) => ({ rule, severity, sheet: '老党员补贴', cell });
const withBasis = (basis: string, cells: Partial<IndicatorCells> = {}) =>
  buildTable({ indicators: VALID_INDICATORS.map((row, j) => (j === 0 ? { ...row, basis, ...cells } : row)) });
const COST_ROW = { level1: '成本指标', level2: '经济成本指标', level3: '人均补贴成本', description: '每人每年补贴', value: '≤5000元' };

describe('I020 指标值确定依据 outside the list', () => {
  it.each(['上级文件', '领导要求', '计划标准、群众意见'])('notes %s as info at the basis cell', (basis) => {
    const findings = basisOutsideList(withBasis(basis), p);
    expect(located(findings)).toEqual([at('I020', 'info', 'G10')]);
  });
  it('lists the choices', () => {
    expect(basisOutsideList(withBasis('上级文件'), p)[0].message).toBe('指标值确定依据“上级文件”不在可选范围内（计划标准、行业标准、历史标准、预算支出标准、其他标准）');
  });
  it.each(['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准', '其他', '计划标准、行业标准', ''])('accepts %s', (basis) => {
    expect(basisOutsideList(withBasis(basis), p)).toEqual([]);
  });
});

describe('I021 预算支出标准 on a row that is not a 成本指标', () => {
  it('notes it as info on a 数量指标 row', () => {
    expect(located(costBasisOffCost(withBasis('预算支出标准'), p))).toEqual([at('I021', 'info', 'G10')]);
  });
  it('stays quiet on a 成本指标 row (一级, or 二级 under 产出指标) and on other bases', () => {
    expect(costBasisOffCost(withBasis('预算支出标准', COST_ROW), p)).toEqual([]);
    expect(costBasisOffCost(withBasis('预算支出标准', { level2: '成本指标' }), p)).toEqual([]);
    expect(costBasisOffCost(withBasis('计划标准'), p)).toEqual([]);
  });
});
