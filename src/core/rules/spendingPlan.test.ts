import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { percentInRange, percentMissing, percentNotDecreasing, planEndsAtHundred } from './spendingPlan';

const p = DEFAULT_PROFILE;
const SHEET = '老党员补贴';
const at = (rule: string, cell: string) => ({ rule, severity: 'error', sheet: SHEET, cell });

describe('S001 percentage missing or not a percentage', () => {
  it('fires at each blank or unreadable cell', () => {
    const findings = percentMissing(buildTable({ spendingPlan: [null, '一半', 0.75, 1] }), p);
    expect(located(findings)).toEqual([at('S001', 'B7'), at('S001', 'C7')]);
    expect(findings.map((f) => f.message)).toEqual(['缺少3月底累计支出计划（%）', '6月底累计支出计划“一半”不是百分比']);
  });
  it('does not fire on %-numbers, text or points', () => {
    expect(percentMissing(buildTable(), p)).toEqual([]);
    expect(percentMissing(buildTable({ spendingPlan: ['25%', '５０％', 75, 100], spendingFormat: 'General' }), p)).toEqual([]);
  });
});

describe('S002 percentage outside 0–100', () => {
  it('fires at each cell out of range', () => {
    const findings = percentInRange(buildTable({ spendingPlan: ['-5%', '50%', '75%', '120%'] }), p);
    expect(located(findings)).toEqual([at('S002', 'B7'), at('S002', 'E7')]);
    expect(findings[1].message).toBe('12月底累计支出计划应在0%到100%之间，现为120%');
  });
  it('does not fire on 0 and 100', () => {
    expect(percentInRange(buildTable({ spendingPlan: [0, 0, 0, 1] }), p)).toEqual([]);
  });
});

describe('S003 percentage lower than the one before', () => {
  it('fires at the lower cell', () => {
    const findings = percentNotDecreasing(buildTable({ spendingPlan: ['30%', '20%', '75%', '100%'] }), p);
    expect(located(findings)).toEqual([at('S003', 'C7')]);
    expect(findings[0].message).toBe('6月底累计支出计划20%低于3月底的30%：支出计划是累计数，不能减少');
  });
  it('compares with the last number before a blank cell', () => {
    expect(located(percentNotDecreasing(buildTable({ spendingPlan: ['60%', null, '50%', '100%'] }), p))).toEqual([at('S003', 'D7')]);
  });
  it('does not fire on equal values', () => {
    expect(percentNotDecreasing(buildTable({ spendingPlan: ['50%', '50%', '50%', '100%'] }), p)).toEqual([]);
  });
  it('does not fire on per-quarter shares, which S004 reports', () => {
    expect(percentNotDecreasing(buildTable({ spendingPlan: ['40%', '30%', '20%', '10%'] }), p)).toEqual([]);
  });
});

describe('S004 12月底 is not 100%', () => {
  it('fires at the 12月底 cell', () => {
    const findings = planEndsAtHundred(buildTable({ spendingPlan: ['25%', '50%', '75%', '90%'] }), p);
    expect(located(findings)).toEqual([at('S004', 'E7')]);
    expect(findings[0].message).toBe('12月底累计支出计划应为100%，现为90%');
    expect(findings[0].fix).toBeUndefined();
  });
  it('says per-quarter shares look like it and fixes them into cumulative ones (seed project 9)', () => {
    const [f] = planEndsAtHundred(buildTable({ spendingPlan: [25, 25, 25, 25], spendingFormat: 'General' }), p);
    expect(located([f])).toEqual([at('S004', 'E7')]);
    expect(f.message).toBe(
      '12月底累计支出计划应为100%，现为25%。四个值合计为100%，看起来是按季度填写的，应改为累计数（25%、50%、75%、100%）',
    );
    expect(f.message_en).toBe(
      'The 12月底 cumulative share must be 100%, it is 25%. The four values add up to 100%: they look like per-quarter shares; make them cumulative (25%, 50%, 75%, 100%)',
    );
    expect(f.fix?.edits).toEqual([
      { sheet: SHEET, cell: 'B7', value: 0.25, numberFormat: '0%' },
      { sheet: SHEET, cell: 'C7', value: 0.5, numberFormat: '0%' },
      { sheet: SHEET, cell: 'D7', value: 0.75, numberFormat: '0%' },
      { sheet: SHEET, cell: 'E7', value: 1, numberFormat: '0%' },
    ]);
  });
  it('keeps decimals of shares in the number format', () => {
    const [f] = planEndsAtHundred(buildTable({ spendingPlan: ['12.5%', '37.5%', '25%', '25%'] }), p);
    expect(f.fix?.edits.map((e) => [e.value, e.numberFormat])).toEqual([
      [0.125, '0.0%'],
      [0.5, '0.0%'],
      [0.75, '0.0%'],
      [1, '0.0%'],
    ]);
  });
  it('does not fire at 100%, nor when 12月底 is not a number (S001 reports it)', () => {
    expect(planEndsAtHundred(buildTable(), p)).toEqual([]);
    expect(planEndsAtHundred(buildTable({ spendingPlan: ['100%', '100%', '100%', '100%'] }), p)).toEqual([]);
    expect(planEndsAtHundred(buildTable({ spendingPlan: ['25%', '50%', '75%', null] }), p)).toEqual([]);
  });
});
