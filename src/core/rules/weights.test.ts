import { DEFAULT_PROFILE } from '../profile';
import { located } from '../../../test/support/tableBuilder';
import { PROVINCIAL_SHEET, provincialTable, splitRow } from '../../../test/support/provincial';
import { buildTable } from '../../../test/support/tableBuilder';
import { weightsInvalid } from './weights';

const p = DEFAULT_PROFILE;
const at = (cell: string) => ({ rule: 'I022', severity: 'error', sheet: PROVINCIAL_SHEET, cell });
const rows = () => [
  splitRow(),
  splitRow({ level1: '效益指标', level2: '社会效益指标', level3: '生活水平提高比例', operator: '≥', value: '90', unit: '%' }),
  splitRow({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '受补贴对象满意度', operator: '≥', value: '95', unit: '%' }),
];

describe('I022 weights', () => {
  it('is quiet when the weights add up to 100 exactly (decimals too)', () => {
    expect(weightsInvalid(provincialTable(rows(), [50, 30, 20]), p)).toEqual([]);
    expect(weightsInvalid(provincialTable(rows(), ['33.3', '33.3', '33.4']), p)).toEqual([]);
  });
  it('reports a sum other than 100 at the first weight cell, saying the sum', () => {
    const findings = weightsInvalid(provincialTable(rows(), [50, 30, 10]), p);
    expect(located(findings)).toEqual([at('J10')]);
    expect(findings[0].message).toBe('各指标权重合计为90，应为100');
  });
  it('adds exactly: 0.1 + 0.2 + 99.7 is 100', () => {
    expect(weightsInvalid(provincialTable(rows(), [0.1, 0.2, 99.7]), p)).toEqual([]);
  });
  it('reports a weight of 0 or less, a blank one and one that is not a number', () => {
    expect(located(weightsInvalid(provincialTable(rows(), [0, 60, 40]), p))).toEqual([at('J10')]);
    const findings = weightsInvalid(provincialTable(rows(), [-10, '', '很重要']), p);
    expect(findings.map((f) => `${f.cell} ${f.message}`)).toEqual([
      'J10 权重“-10”应大于0',
      'J11 缺少权重',
      'J12 权重“很重要”不是数字',
      'J10 各指标权重合计为-10，应为100',
    ]);
  });
  it('stays quiet without a 权重 column', () => {
    expect(weightsInvalid(provincialTable(rows()), p)).toEqual([]);
    expect(weightsInvalid(buildTable(), p)).toEqual([]);
  });
  it('checks the 年度 and the 实施期 set each on its own, naming the set', () => {
    const annual = provincialTable(rows(), [50, 30, 20]);
    const long = provincialTable(rows(), [50, 30, 10]).indicators.map((ind) => ({ ...ind, row: ind.row + 10, weight: { ...ind.weight!, cell: ind.weight!.cell.replace(/\d+$/, (n) => String(Number(n) + 10)) } }));
    const findings = weightsInvalid({ ...annual, longIndicators: long }, p);
    expect(located(findings)).toEqual([at('J20')]);
    expect([findings[0].message, findings[0].message_en]).toEqual(['实施期指标：各指标权重合计为90，应为100', '实施期 (whole-period) indicators: The weights add up to 90, not 100']);
    const both = weightsInvalid({ ...provincialTable(rows(), [50, 30, 30]), longIndicators: long }, p);
    expect(both.map((f) => `${f.cell} ${f.message}`)).toEqual(['J10 年度指标：各指标权重合计为110，应为100', 'J20 实施期指标：各指标权重合计为90，应为100']);
  });
  it('takes the points a scored form gives its block (年度绩效目标(90分)) as the annual total', () => {
    expect(weightsInvalid({ ...provincialTable(rows(), [50, 30, 10]), weightTotal: 90 }, p)).toEqual([]);
    expect(weightsInvalid({ ...provincialTable(rows(), [50, 30, 20]), weightTotal: 90 }, p)[0].message).toBe('各指标权重合计为100，应为90');
  });
  it('stays quiet where the template lacks the column (absent), unless the profile requires it', () => {
    const t = { ...provincialTable(rows(), [50, 30, 10]), absent: ['weight' as const] };
    expect(weightsInvalid(t, p)).toEqual([]);
    expect(located(weightsInvalid(t, { ...p, requiredFields: ['weight'] }))).toEqual([at('J10')]);
  });
});
