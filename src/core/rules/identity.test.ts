import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { codeFormat, codeMissing, nameMissing, titleMatchesName } from './identity';

const p = DEFAULT_PROFILE;
const SHEET = '老党员补贴';

describe('T001 项目编码 missing', () => {
  it('fires at the code cell when the code is blank', () => {
    expect(located(codeMissing(buildTable({ code: '  ' }), p))).toEqual([{ rule: 'T001', severity: 'error', sheet: SHEET, cell: 'B3' }]);
  });
  it('does not fire when a code is given', () => {
    expect(codeMissing(buildTable(), p)).toEqual([]);
  });
});

describe('T002 项目编码 pattern and year', () => {
  it('fires when the code does not match the pattern', () => {
    const [f] = codeFormat(buildTable({ code: '13022522X00200810001P' }), p);
    expect(located([f])).toEqual([{ rule: 'T002', severity: 'warning', sheet: SHEET, cell: 'B3' }]);
    expect(f.message).toContain('13022522X00200810001P');
  });
  it('fires when the year digits differ from the table year', () => {
    const [f] = codeFormat(buildTable({ code: '13022521P00200810001P' }), p);
    expect(located([f])).toEqual([{ rule: 'T002', severity: 'warning', sheet: SHEET, cell: 'B3' }]);
    expect(f.message).toBe('项目编码“13022521P00200810001P”中的年度为“21”，与本表年度2022年（“22”）不符');
  });
  it('skips the year when the table states none', () => {
    expect(codeFormat(buildTable({ code: '13022521P00200810001P', year: undefined }), p)).toEqual([]);
  });
  it('follows the profile pattern', () => {
    expect(codeFormat(buildTable({ code: 'X-1' }), { ...p, codePattern: '^X-\\d$' })).toEqual([]);
  });
  it('does not fire on a good code, nor on a blank one (T001 reports that)', () => {
    expect(codeFormat(buildTable(), p)).toEqual([]);
    expect(codeFormat(buildTable({ code: null }), p)).toEqual([]);
  });
});

describe('T004 项目名称 missing', () => {
  it('fires at the name cell when the name is blank', () => {
    expect(located(nameMissing(buildTable({ name: null }), p))).toEqual([{ rule: 'T004', severity: 'error', sheet: SHEET, cell: 'E3' }]);
  });
  it('does not fire when a name is given', () => {
    expect(nameMissing(buildTable(), p)).toEqual([]);
  });
});

describe('T005 title does not match 项目名称', () => {
  it('fires at the title cell, with a fix that keeps the sequence number', () => {
    const [f] = titleMatchesName(buildTable({ title: '9.2022年老党员补贴绩效目标表' }), p);
    expect(located([f])).toEqual([{ rule: 'T005', severity: 'warning', sheet: SHEET, cell: 'A1' }]);
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'A1', value: '9.2022年新中国成立前老党员生活补贴绩效目标表' }]);
  });
  it('fires when the title is blank', () => {
    const [f] = titleMatchesName(buildTable({ title: null }), p);
    expect(located([f])).toEqual([{ rule: 'T005', severity: 'warning', sheet: SHEET, cell: 'A1' }]);
    expect(f.message).toBe('缺少标题，应为“2022年新中国成立前老党员生活补贴绩效目标表”');
  });
  it('ignores spaces and full-width differences', () => {
    expect(titleMatchesName(buildTable({ title: '2022年新中国成立前 老党员生活补贴绩效目标表', name: '２０２２年新中国成立前老党员生活补贴' }), p)).toEqual([]);
  });
  it('does not fire on a matching title, nor without a name (T004 reports that)', () => {
    expect(titleMatchesName(buildTable(), p)).toEqual([]);
    expect(titleMatchesName(buildTable({ name: null }), p)).toEqual([]);
  });
});
