import { Decimal, amountText, decimalFromNumber, roundHalfAway } from '../../src/core/money';
import { formatIndicatorValue, parseAmount, parseIndicatorValue, parsePercent } from '../../src/core/parse';

const value = <T>(p: { ok: true; value: T } | { ok: false }) => {
  if (!p.ok) throw new Error('did not parse');
  return p.value;
};

describe('money', () => {
  it('rounds half away from zero on the exact decimal, as Excel ROUND', () => {
    expect(roundHalfAway(new Decimal('21.525'), 2).toFixed(2)).toBe('21.53');
    expect(roundHalfAway(new Decimal('-21.525'), 2).toFixed(2)).toBe('-21.53');
    expect(roundHalfAway(new Decimal('35.7525'), 2).toFixed(2)).toBe('35.75');
  });
  it('writes amounts exactly, with at least two decimals', () => {
    expect(['2', '1430.1', '0.125', '-3'].map((x) => amountText(new Decimal(x)))).toEqual(['2.00', '1430.10', '0.125', '-3.00']);
  });
  it('reads Excel numbers as the 15-digit decimals Excel shows', () => {
    expect(decimalFromNumber(0.1 + 0.2).toString()).toBe('0.3');
    expect(decimalFromNumber(143.01).toString()).toBe('143.01');
  });
});

describe('parseAmount', () => {
  it.each([
    [2, '2'],
    ['2.00', '2'],
    ['1,430.10', '1430.1'],
    ['１４３．０１', '143.01'],
    [' 40.00 ', '40'],
    ['2.00万元', '2'],
    ['-3', '-3'],
  ])('%p → %s', (input, expected) => {
    expect(value(parseAmount(input)).toString()).toBe(expected);
  });
  it('tells blank from invalid', () => {
    expect(parseAmount(null)).toEqual({ ok: false, empty: true, reason: 'empty' });
    expect(parseAmount('  ')).toEqual({ ok: false, empty: true, reason: 'empty' });
    expect(parseAmount('两万')).toMatchObject({ ok: false, empty: false });
    expect(parseAmount('#REF!')).toMatchObject({ ok: false, empty: false, reason: 'error value #REF!' });
    expect(parseAmount('1,43')).toMatchObject({ ok: false, empty: false });
  });
});

describe('parsePercent', () => {
  it('reads the three ways a percentage arrives, in percent points', () => {
    expect(value(parsePercent(0.25, '0%')).toString()).toBe('25');
    expect(value(parsePercent(0.125, '0.0%')).toString()).toBe('12.5');
    expect(value(parsePercent('25%')).toString()).toBe('25');
    expect(value(parsePercent('２５％')).toString()).toBe('25');
    expect(value(parsePercent(' 25 % ')).toString()).toBe('25');
    expect(value(parsePercent('25百分比')).toString()).toBe('25');
    expect(value(parsePercent(25)).toString()).toBe('25');
    expect(value(parsePercent(25, 'General')).toString()).toBe('25');
  });
  it('does not take a quoted % in a format for scaling', () => {
    expect(value(parsePercent(25, '0"%"')).toString()).toBe('25');
  });
  it('rejects text that is not a percentage', () => {
    expect(parsePercent('一半')).toMatchObject({ ok: false, empty: false });
    expect(parsePercent('')).toMatchObject({ ok: false, empty: true });
  });
});

describe('parseIndicatorValue', () => {
  const text = (v: unknown) => formatIndicatorValue(value(parseIndicatorValue(v as string)));
  it.each([
    ['≥95百分比', '≥95%'],
    ['≥95%', '≥95%'],
    ['>=95%', '≥95%'],
    ['≥ 95 ％', '≥95%'],
    ['不低于95%', '≥95%'],
    ['不高于5%', '≤5%'],
    ['不超过10万元', '≤10万元'],
    ['≤3天', '≤3天'],
    ['=100%', '=100%'],
    ['8', '8'],
    ['8人', '8人'],
    ['27个', '27个'],
    ['100%', '100%'],
    ['95%以上', '≥95%'],
    ['＞９０％', '>90%'],
    ['2022年12月底前', '2022年12月底前'],
    ['及时化解', '及时化解'],
    ['完成率100%', '完成率100%'],
  ])('%s → %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });
  it('gives operator, number and unit', () => {
    const v = value(parseIndicatorValue('≥98百分比'));
    expect(v).toMatchObject({ kind: 'quantitative', operator: '≥', unit: '%' });
    expect(v.kind === 'quantitative' && v.number.toString()).toBe('98');
    expect(value(parseIndicatorValue('≥98'))).toMatchObject({ kind: 'quantitative', operator: '≥', unit: '' });
    expect(value(parseIndicatorValue('2022年12月底前'))).toEqual({ kind: 'deadline', year: 2022, month: 12, day: null, operator: '≤' });
    expect(value(parseIndicatorValue('及时化解'))).toEqual({ kind: 'qualitative', text: '及时化解' });
    expect(value(parseIndicatorValue(8))).toMatchObject({ kind: 'quantitative', operator: null, unit: '' });
  });
  it('reads a number shown with a % format as a percentage (Excel stores a typed 95% as 0.95)', () => {
    expect(formatIndicatorValue(value(parseIndicatorValue(0.95, '0%')))).toBe('95%');
    expect(formatIndicatorValue(value(parseIndicatorValue(1, '0.0%')))).toBe('100%');
    expect(formatIndicatorValue(value(parseIndicatorValue(0.95, '0.00')))).toBe('0.95');
  });
  it('reports blank as empty', () => {
    expect(parseIndicatorValue(' ')).toMatchObject({ ok: false, empty: true });
  });
});
