import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { goalsMissing } from './goals';

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
