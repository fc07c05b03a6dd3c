import { DEFAULT_PROFILE } from '../profile';
import { VALID_INDICATORS, buildTable, indicatorRow, located } from '../../../test/support/tableBuilder';
import { straySpaces } from './format';

const SHEET = '老党员补贴';

describe('F001 stray spaces', () => {
  it('fires at each text cell with stray spaces, with a fix writing the trimmed text', () => {
    const table = buildTable({
      name: ' 2022年新中国成立前老党员生活补贴',
      indicators: [VALID_INDICATORS[0], { ...VALID_INDICATORS[1], level3: '社会效益指标 ' }, { ...VALID_INDICATORS[2], value: '≥95%  ' }],
    });
    const findings = straySpaces(table, DEFAULT_PROFILE);
    expect(located(findings)).toEqual([
      { rule: 'F001', severity: 'info', sheet: SHEET, cell: 'E3' },
      { rule: 'F001', severity: 'info', sheet: SHEET, cell: 'C11' },
      { rule: 'F001', severity: 'info', sheet: SHEET, cell: 'F12' },
    ]);
    expect(findings[1].message).toBe('三级指标“社会效益指标”有多余的空格');
    expect(findings.map((f) => f.fix?.edits)).toEqual([
      [{ sheet: SHEET, cell: 'E3', value: '2022年新中国成立前老党员生活补贴' }],
      [{ sheet: SHEET, cell: 'C11', value: '社会效益指标' }],
      [{ sheet: SHEET, cell: 'F12', value: '≥95%' }],
    ]);
  });
  it('folds runs of spaces inside a text', () => {
    const [f] = straySpaces(buildTable({ fundUse: '老党员  生活补贴' }), DEFAULT_PROFILE);
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'C5', value: '老党员 生活补贴' }]);
  });
  it('checks a merged 一级指标 once, at its own cell', () => {
    const rows = [indicatorRow({ level1: '产出指标 ' }), indicatorRow({ level1: null, description: '受补贴老党员户数' })];
    expect(located(straySpaces(buildTable({ indicators: rows }), DEFAULT_PROFILE))).toEqual([
      { rule: 'F001', severity: 'info', sheet: SHEET, cell: 'A10' },
    ]);
  });
  it('does not fire on clean text, single inner spaces or numbers', () => {
    expect(straySpaces(buildTable(), DEFAULT_PROFILE)).toEqual([]);
    expect(straySpaces(buildTable({ fundUse: '老党员 生活补贴', code: 130225 }), DEFAULT_PROFILE)).toEqual([]);
  });
});
