import { DEFAULT_PROFILE } from '../profile';
import { buildTable, located } from '../../../test/support/tableBuilder';
import { codeRepeated, departmentDiffers } from './workbook';

const p = DEFAULT_PROFILE;

describe('T003 the same 项目编码 on two sheets', () => {
  it('fires at the code cell of each sheet', () => {
    const tables = [buildTable({ sheet: 'A' }), buildTable({ sheet: 'B', code: 'P1' }), buildTable({ sheet: 'C', code: ' 13022522p00200810001P' })];
    const findings = codeRepeated(tables, p);
    expect(located(findings)).toEqual([
      { rule: 'T003', severity: 'error', sheet: 'A', cell: 'B3' },
      { rule: 'T003', severity: 'error', sheet: 'C', cell: 'B3' },
    ]);
    expect(findings[0].message).toBe('项目编码“13022522P00200810001P”与工作表“C”重复');
  });
  it('does not fire on distinct or blank codes', () => {
    expect(codeRepeated([buildTable({ sheet: 'A' }), buildTable({ sheet: 'B', code: 'P1' })], p)).toEqual([]);
    expect(codeRepeated([buildTable({ sheet: 'A', code: null }), buildTable({ sheet: 'B', code: '' })], p)).toEqual([]);
  });
});

describe('W001 department differs between sheets', () => {
  it('fires at each department that differs from the most common one, with a fix', () => {
    const tables = [
      buildTable({ sheet: 'A', department: '802009乐亭县某局' }),
      buildTable({ sheet: 'B' }),
      buildTable({ sheet: 'C', department: '802008 乐亭县新寨镇人民政府' }),
      buildTable({ sheet: 'D', department: null }),
    ];
    const findings = departmentDiffers(tables, p);
    expect(located(findings)).toEqual([
      { rule: 'W001', severity: 'warning', sheet: 'A', cell: 'A2' },
      { rule: 'W001', severity: 'warning', sheet: 'D', cell: 'A2' },
    ]);
    expect(findings[0].message).toBe('部门“802009乐亭县某局”与其他工作表的“802008乐亭县新寨镇人民政府”不一致');
    expect(findings[1].fix?.edits).toEqual([{ sheet: 'D', cell: 'A2', value: '802008乐亭县新寨镇人民政府' }]);
  });
  it('does not fire when all sheets agree, or on a single sheet', () => {
    expect(departmentDiffers([buildTable({ sheet: 'A' }), buildTable({ sheet: 'B' })], p)).toEqual([]);
    expect(departmentDiffers([buildTable({ sheet: 'A' })], p)).toEqual([]);
  });
});
