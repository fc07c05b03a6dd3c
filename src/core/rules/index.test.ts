import seed from '../../../test/fixtures/xinzhai-2022-targets.json';
import { countBySeverity } from '../finding';
import { DEFAULT_PROFILE } from '../profile';
import { SeedProject, VALID_INDICATORS, buildTable, located, seedTable } from '../../../test/support/tableBuilder';
import { TABLE_RULES, validateTable, validateWorkbook } from './index';

const p = DEFAULT_PROFILE;
const seedTables = () => (seed.projects as SeedProject[]).map(seedTable);

describe('validateTable', () => {
  it('finds nothing on a valid table', () => {
    expect(validateTable(buildTable(), p)).toEqual([]);
  });
  it('runs every table rule', () => {
    expect(TABLE_RULES).toHaveLength(29);
  });
  it('sorts errors, warnings, infos, each by row then column', () => {
    const table = buildTable({
      fundUse: null,
      spendingPlan: [0.25, 0.25, 0.25, 0.25],
      indicators: [VALID_INDICATORS[0], { ...VALID_INDICATORS[1], value: '促进社会稳定', basis: null }, VALID_INDICATORS[2]],
      code: null,
    });
    expect(located(validateTable(table, p)).map((f) => `${f.severity} ${f.cell} ${f.rule}`)).toEqual([
      'error B3 T001',
      'error E7 S004',
      'warning C5 A005',
      'warning G11 I011',
      'info F11 I013',
    ]);
  });
});

describe('validateWorkbook', () => {
  it('adds the workbook rules and keeps the sheets in workbook order', () => {
    const tables = [buildTable({ sheet: 'Z', fundUse: null }), buildTable({ sheet: 'A', fundUse: null })];
    expect(located(validateWorkbook(tables, p)).map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      'Z!B3 T003',
      'A!B3 T003',
      'Z!C5 A005',
      'A!C5 A005',
    ]);
  });
  it('finds nothing on distinct valid tables', () => {
    expect(validateWorkbook([buildTable({ sheet: 'A' }), buildTable({ sheet: 'B', code: '13022522P00200810002P' })], p)).toEqual([]);
  });
});

describe('the seed document (ten tables of 2022)', () => {
  const findings = validateWorkbook(seedTables(), p);
  const count = (rule: string) => findings.filter((f) => f.rule === rule).length;

  it('has one error: project 9 plans per-quarter shares', () => {
    expect(located(findings.filter((f) => f.severity === 'error'))).toEqual([{ rule: 'S004', severity: 'error', sheet: '9', cell: 'E7' }]);
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 73, info: 12 });
  });
  it('warns where 三级指标 repeats the 二级指标 and where no basis is given', () => {
    expect(count('I006')).toBe(28);
    expect(count('I011')).toBe(30);
  });
  it('suggests units for head counts and villages', () => {
    const units = findings.filter((f) => f.rule === 'I009').map((f) => `${f.sheet}:${f.fix?.edits[0].value}`);
    expect(units).toEqual(['3:8人', '4:27个', '6:35个', '7:40人', '8:21人', '9:8人', '10:20人']);
  });
  it('fixes project 6 satisfaction ≥98 to ≥98%', () => {
    const i010 = findings.filter((f) => f.rule === 'I010');
    expect(located(i010)).toEqual([{ rule: 'I010', severity: 'warning', sheet: '6', cell: 'F12' }]);
    expect(i010[0].fix?.edits).toEqual([{ sheet: '6', cell: 'F12', value: '≥98%' }]);
  });
  it('notes the trailing space of 社会效益指标 in projects 4 and 9', () => {
    expect(located(findings.filter((f) => f.rule === 'F001')).map((f) => `${f.sheet}!${f.cell}`)).toEqual(['4!C11', '9!C11']);
  });
});
