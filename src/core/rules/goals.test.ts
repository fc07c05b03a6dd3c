import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { goalWithoutIndicator, goalsMissing } from './goals';

describe('G001 绩效目标 empty', () => {
  it('fires at the goals cell when there is no goal', () => {
    expect(located(goalsMissing(buildTable({ goals: ' \n ' }), DEFAULT_PROFILE))).toEqual([
      { rule: 'G001', severity: 'error', sheet: '老党员补贴', cell: 'B8' },
    ]);
  });
  it('does not fire with one goal', () => {
    expect(goalsMissing(buildTable({ goals: '按时发放补贴' }), DEFAULT_PROFILE)).toEqual([]);
  });
});

describe('I023 a numbered goal no indicator speaks to', () => {
  const goals = (text: string) => goalWithoutIndicator(buildTable({ goals: text }), DEFAULT_PROFILE);
  it('names each such goal at the goals cell (seed: 资金及时拨付)', () => {
    const findings = goals('1.按时足额发放补贴\n2.提高老党员生活水平\n3.资金及时拨付');
    expect(located(findings)).toEqual([{ rule: 'I023', severity: 'warning', sheet: '老党员补贴', cell: 'B8' }]);
    expect(findings[0].message).toBe('绩效目标“资金及时拨付”没有对应的绩效指标：请增加衡量它的三级指标');
    expect(findings[0].message_en).toBe('No indicator speaks to the goal "资金及时拨付": add a 三级指标 that measures it');
  });
  it('reads goals numbered inside one line, with 、 ) or circled numbers', () => {
    expect(goals('1、资金及时拨付；2、生活水平提高').map((f) => f.message)).toEqual(['绩效目标“资金及时拨付”没有对应的绩效指标：请增加衡量它的三级指标']);
    expect(goals('(1)打好蓝天保卫战\n②补贴发放')).toHaveLength(1);
  });
  it('stays quiet where a goal\'s words appear in a 三级指标 or description, and on goals without numbers', () => {
    expect(goals('1.按时足额发放补贴\n2.提高老党员生活水平')).toEqual([]);
    expect(goals('资金及时拨付')).toEqual([]);
    // A shared filler word (提高) alone does not speak to a goal.
    expect(goals('1.提高补贴标准').map((f) => f.rule)).toEqual([]);
    expect(goals('1.提高村容').map((f) => f.rule)).toEqual(['I023']);
  });
});
