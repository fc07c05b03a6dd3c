import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { amountDecimals, amountNegative, amountNotNumber, fundUseMissing, totalIsSum } from './amounts';

const p = DEFAULT_PROFILE;
const SHEET = '老党员补贴';
const at = (rule: string, severity: string, cell: string) => ({ rule, severity, sheet: SHEET, cell });

describe('A001 预算数 missing or not a number', () => {
  it('fires at the total cell when 预算数 is blank', () => {
    const findings = amountNotNumber(buildTable({ total: null }), p);
    expect(located(findings)).toEqual([at('A001', 'error', 'C4')]);
    expect(findings[0].message).toBe('缺少预算数');
  });
  it('fires when 预算数 is not a number', () => {
    const findings = amountNotNumber(buildTable({ total: '四万元' }), p);
    expect(located(findings)).toEqual([at('A001', 'error', 'C4')]);
    expect(findings[0].message).toBe('预算数“四万元”不是数字');
  });
  it('names 财政资金 or 其他资金 when one of them is not a number', () => {
    const findings = amountNotNumber(buildTable({ fiscal: '#REF!', other: 'n/a' }), p);
    expect(located(findings)).toEqual([at('A001', 'error', 'E4'), at('A001', 'error', 'G4')]);
    expect(findings.map((f) => f.message)).toEqual(['财政资金“#REF!”不是数字', '其他资金“n/a”不是数字']);
  });
  it('does not fire on numbers, text numbers, or blank 财政资金/其他资金 (they are 0)', () => {
    expect(amountNotNumber(buildTable(), p)).toEqual([]);
    expect(amountNotNumber(buildTable({ total: '1,430.10', fiscal: '１４３０．１０', other: '' }), p)).toEqual([]);
  });
});

describe('A002 negative amount', () => {
  it('fires at each negative amount', () => {
    const findings = amountNegative(buildTable({ total: 4, fiscal: 5, other: -1 }), p);
    expect(located(findings)).toEqual([at('A002', 'error', 'G4')]);
    expect(findings[0].message).toBe('其他资金不能为负数，现为-1.00');
  });
  it('does not fire on zero or positive amounts', () => {
    expect(amountNegative(buildTable({ total: 0, fiscal: 0, other: '-0' }), p)).toEqual([]);
  });
});

describe('A003 预算数 ≠ 财政资金 + 其他资金', () => {
  it('fires at the total cell when the sum differs', () => {
    const findings = totalIsSum(buildTable({ total: 4, fiscal: 3, other: 0.99 }), p);
    expect(located(findings)).toEqual([at('A003', 'error', 'C4')]);
    expect(findings[0].message).toBe('预算数4.00万元不等于财政资金3.00万元与其他资金0.99万元之和3.99万元');
  });
  it('compares exactly, without binary floating point', () => {
    expect(totalIsSum(buildTable({ total: 0.3, fiscal: 0.1, other: 0.2 }), p)).toEqual([]);
  });
  it('counts a blank 其他资金 as 0', () => {
    expect(totalIsSum(buildTable({ total: '143.01', fiscal: '143.01', other: null }), p)).toEqual([]);
  });
  it('does not fire when an amount is not a number (A001 reports it)', () => {
    expect(totalIsSum(buildTable({ total: 4, fiscal: 'abc' }), p)).toEqual([]);
    expect(totalIsSum(buildTable({ total: null }), p)).toEqual([]);
  });
});

describe('A004 too many decimals', () => {
  it('fires at each amount with more decimals than the profile allows', () => {
    const findings = amountDecimals(buildTable({ total: 4.005, fiscal: 4.005 }), p);
    expect(located(findings)).toEqual([at('A004', 'warning', 'C4'), at('A004', 'warning', 'E4')]);
    expect(findings[0].message).toBe('预算数4.005有3位小数，最多应为2位');
  });
  it('follows the profile', () => {
    expect(located(amountDecimals(buildTable({ total: 4.5, fiscal: 4.5 }), { ...p, amountDecimals: 0 }))).toEqual([
      at('A004', 'warning', 'C4'),
      at('A004', 'warning', 'E4'),
    ]);
  });
  it('does not fire on two decimals or trailing zeros', () => {
    expect(amountDecimals(buildTable({ total: '2.50', fiscal: '2.500' }), p)).toEqual([]);
  });
});

describe('A005 资金用途 empty', () => {
  it('fires at the fund use cell', () => {
    expect(located(fundUseMissing(buildTable({ fundUse: null }), p))).toEqual([at('A005', 'warning', 'C5')]);
  });
  it('does not fire when it is filled', () => {
    expect(fundUseMissing(buildTable(), p)).toEqual([]);
  });
});
