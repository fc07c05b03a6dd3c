import { DEFAULT_PROFILE } from '../profile';
import { IndicatorCells, VALID_INDICATORS, buildTable, indicatorRow, located } from '../../../test/support/tableBuilder';
import {
  basisMissing,
  benefitQualitative,
  descriptionMissing,
  indicatorRepeated,
  indicatorsMissing,
  level1Unknown,
  level2NotAllowed,
  level3Missing,
  level3RepeatsLevel,
  quantityUnitMissing,
  requiredLevel1Missing,
  satisfactionThreshold,
  valueMissing,
} from './indicators';

const p = DEFAULT_PROFILE;
const SHEET = '老党员补贴';
const at = (rule: string, severity: string, cell: string) => ({ rule, severity, sheet: SHEET, cell });
/** The valid table with row 10 (the 数量指标), 11 (效益) or 12 (满意度) changed. */
const withRow = (i: number, cells: Partial<IndicatorCells>) =>
  buildTable({ indicators: VALID_INDICATORS.map((row, j) => (j === i ? { ...row, ...cells } : row)) });
const OUTPUT = 0;
const BENEFIT = 1;
const SATISFACTION = 2;

describe('I001 no indicator rows', () => {
  it('fires at the header', () => {
    expect(located(indicatorsMissing(buildTable({ indicators: [] }), p))).toEqual([at('I001', 'error', 'A9')]);
  });
  it('does not fire with rows', () => {
    expect(indicatorsMissing(buildTable(), p)).toEqual([]);
  });
});

describe('I002 required 一级指标 without a row', () => {
  it('fires at the header once per missing category', () => {
    const findings = requiredLevel1Missing(buildTable({ indicators: [VALID_INDICATORS[OUTPUT]] }), p);
    expect(located(findings)).toEqual([at('I002', 'error', 'A9'), at('I002', 'error', 'A9')]);
    expect(findings.map((f) => f.message)).toEqual(['缺少一级指标“效益指标”的指标行', '缺少一级指标“满意度指标”的指标行']);
  });
  it('accepts names without the trailing 指标 and follows the profile', () => {
    const rows = VALID_INDICATORS.map((r) => ({ ...r, level1: String(r.level1).replace(/指标$/, '') }));
    expect(requiredLevel1Missing(buildTable({ indicators: rows }), p)).toEqual([]);
    expect(requiredLevel1Missing(buildTable({ indicators: [VALID_INDICATORS[OUTPUT]] }), { ...p, requiredLevel1: ['产出指标'] })).toEqual([]);
  });
  it('does not fire on an empty block (I001 reports it)', () => {
    expect(requiredLevel1Missing(buildTable({ indicators: [] }), p)).toEqual([]);
  });
});

describe('I003 unknown 一级指标', () => {
  it('fires at the 一级指标 cell', () => {
    const findings = level1Unknown(withRow(BENEFIT, { level1: '影响指标' }), p);
    expect(located(findings)).toEqual([at('I003', 'error', 'A11')]);
    expect(findings[0].message).toBe('一级指标“影响指标”不在指标体系内（可选：产出指标、成本指标、效益指标、满意度指标）');
  });
  it('fires when the first row has none', () => {
    expect(located(level1Unknown(withRow(OUTPUT, { level1: null }), p))).toEqual([at('I003', 'error', 'A10')]);
  });
  it('reports a carried-down name once', () => {
    const rows = [indicatorRow({ level1: '产出' }), indicatorRow({ level1: null, level3: '受补贴户数', description: '受补贴户数' })];
    expect(level1Unknown(buildTable({ indicators: rows }), p)).toEqual([]);
    const unknown = [indicatorRow({ level1: '投入指标' }), indicatorRow({ level1: null })];
    expect(located(level1Unknown(buildTable({ indicators: unknown }), p))).toEqual([at('I003', 'error', 'A10')]);
  });
  it('does not fire on the four names, with or without 指标', () => {
    expect(level1Unknown(withRow(OUTPUT, { level1: ' 产出 ' }), p)).toEqual([]);
  });
});

describe('I004 二级指标 not allowed under its 一级指标', () => {
  it('fires at the 二级指标 cell', () => {
    const findings = level2NotAllowed(withRow(BENEFIT, { level2: '数量指标' }), p);
    expect(located(findings)).toEqual([at('I004', 'error', 'B11')]);
    expect(findings[0].message).toBe('二级指标“数量指标”不属于一级指标“效益指标”（可选：经济效益指标、社会效益指标、生态效益指标、可持续影响指标）');
  });
  it('fires when the 二级指标 is blank', () => {
    expect(located(level2NotAllowed(withRow(OUTPUT, { level2: null }), p))).toEqual([at('I004', 'error', 'B10')]);
  });
  it('does not fire on allowed names without 指标, nor under an unknown 一级指标 (I003)', () => {
    expect(level2NotAllowed(withRow(OUTPUT, { level2: '数量' }), p)).toEqual([]);
    expect(level2NotAllowed(withRow(OUTPUT, { level1: '其他', level2: '其他' }), p)).toEqual([]);
  });
});

describe('I005 三级指标 empty', () => {
  it('fires at the 三级指标 cell', () => {
    expect(located(level3Missing(withRow(SATISFACTION, { level3: '' }), p))).toEqual([at('I005', 'error', 'C12')]);
  });
  it('does not fire when filled', () => {
    expect(level3Missing(buildTable(), p)).toEqual([]);
  });
});

describe('I006 三级指标 repeats its 二级 or 一级 name', () => {
  it('fires when it repeats the 二级指标 (seed: 数量指标 under 数量指标)', () => {
    const findings = level3RepeatsLevel(withRow(OUTPUT, { level3: '数量指标' }), p);
    expect(located(findings)).toEqual([at('I006', 'warning', 'C10')]);
    expect(findings[0].message).toBe('三级指标“数量指标”只是重复了二级指标“数量指标”：请写明具体衡量什么');
  });
  it('ignores the trailing 指标 and stray spaces', () => {
    expect(located(level3RepeatsLevel(withRow(SATISFACTION, { level3: '服务对象满意度' }), p))).toEqual([at('I006', 'warning', 'C12')]);
    expect(located(level3RepeatsLevel(withRow(BENEFIT, { level3: '社会效益指标 ' }), p))).toEqual([at('I006', 'warning', 'C11')]);
  });
  it('fires when it repeats the 一级指标', () => {
    expect(level3RepeatsLevel(withRow(BENEFIT, { level3: '效益' }), p)[0].message).toContain('一级指标“效益指标”');
  });
  it('does not fire on a name of what is measured', () => {
    expect(level3RepeatsLevel(buildTable(), p)).toEqual([]);
  });
});

describe('I007 绩效指标描述 empty or repeating the 三级指标', () => {
  it('fires at the description cell when empty', () => {
    expect(located(descriptionMissing(withRow(OUTPUT, { description: null }), p))).toEqual([at('I007', 'warning', 'D10')]);
  });
  it('fires when it only repeats the 三级指标 (seed project 8)', () => {
    const findings = descriptionMissing(withRow(SATISFACTION, { level3: '受益群众满意度', description: '受益群众满意度' }), p);
    expect(located(findings)).toEqual([at('I007', 'warning', 'D12')]);
  });
  it('does not fire on a description of its own', () => {
    expect(descriptionMissing(buildTable(), p)).toEqual([]);
  });
});

describe('I008 指标值 empty', () => {
  it('fires at the value cell when blank or unreadable', () => {
    expect(located(valueMissing(withRow(OUTPUT, { value: '' }), p))).toEqual([at('I008', 'error', 'F10')]);
    const [f] = valueMissing(withRow(OUTPUT, { value: '#REF!' }), p);
    expect(located([f])).toEqual([at('I008', 'error', 'F10')]);
    expect(f.message).toBe('指标值“#REF!”无法读取');
  });
  it('does not fire on quantitative, deadline or qualitative values', () => {
    expect(valueMissing(withRow(OUTPUT, { value: '2022年12月底前' }), p)).toEqual([]);
    expect(valueMissing(withRow(BENEFIT, { value: '及时化解' }), p)).toEqual([]);
  });
});

describe('I009 a quantitative value without a unit', () => {
  it('fires at the value cell, names the indicator and suggests the unit its name implies (seed: 8 → 8人)', () => {
    const [f] = quantityUnitMissing(withRow(OUTPUT, { level3: '受补贴人数', value: '8' }), p);
    expect(located([f])).toEqual([at('I009', 'warning', 'F10')]);
    expect(f.message).toBe('指标“受补贴人数”的指标值“8”没有计量单位，建议写为“8人”');
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'F10', value: '8人' }]);
  });
  it('names the description when the 三级指标 only repeats the category (the seed writes 数量指标 there)', () => {
    const [f] = quantityUnitMissing(withRow(OUTPUT, { level3: '数量指标', description: '受补贴人数', value: '8' }), p);
    expect(f.message).toBe('指标“受补贴人数”的指标值“8”没有计量单位，建议写为“8人”');
  });
  it.each([
    ['行政村数', 27, '27个'],
    ['村庄数量', '35', '35个'],
    ['受益户数', '≥120', '≥120户'],
    ['培训次数', '4', '4次'],
    ['治理面积', '500', '500亩'],
    ['发放培训资料', '500', undefined],
  ])('a 数量指标 described as %s: %s → %s', (description, value, suggestion) => {
    const [f] = quantityUnitMissing(withRow(OUTPUT, { level3: '数量指标', description, value }), p);
    expect(f.fix?.edits[0].value).toBe(suggestion);
  });
  it.each([
    ['时效指标', '项目完成天数', '180', '180天'],
    ['质量指标', '验收合格率', '≥95', '≥95%'],
    ['质量指标', '补贴发放准确', '100', undefined],
  ])('fires under every 二级指标: %s %s %s → %s', (level2, level3, value, suggestion) => {
    const [f] = quantityUnitMissing(withRow(OUTPUT, { level2, level3, description: level3, value }), p);
    expect(located([f])).toEqual([at('I009', 'warning', 'F10')]);
    expect(f.fix?.edits[0].value).toBe(suggestion);
  });
  it('has no fix when nothing is implied', () => {
    const [f] = quantityUnitMissing(withRow(OUTPUT, { level2: '时效指标', level3: '完成时间', description: '项目完成时间', value: '180' }), p);
    expect(f.message).toBe('指标“完成时间”的指标值“180”没有计量单位，请注明单位（如人、户、个、天、%）');
    expect(f.fix).toBeUndefined();
  });
  it('points at the 计量单位 cell and fills it in the provincial layout', () => {
    const table = withRow(OUTPUT, { description: '受补贴人数', value: '8' });
    const blank = (cell: string) => ({ cell, raw: null, text: '', value: undefined });
    Object.assign(table.indicators[OUTPUT], { operator: blank('F10'), value: { ...table.indicators[OUTPUT].value, cell: 'G10' }, unit: blank('H10') });
    const [f] = quantityUnitMissing(table, p);
    expect(located([f])).toEqual([at('I009', 'warning', 'H10')]);
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'H10', value: '人' }]);
  });
  it('does not fire with a unit, on 满意度 values (I010 asks for the %), or on qualitative values', () => {
    expect(quantityUnitMissing(buildTable(), p)).toEqual([]);
    expect(quantityUnitMissing(withRow(OUTPUT, { level2: '质量指标', value: '100%' }), p)).toEqual([]);
    expect(quantityUnitMissing(withRow(SATISFACTION, { value: '≥98' }), p)).toEqual([]);
    expect(quantityUnitMissing(withRow(OUTPUT, { value: '全部覆盖' }), p)).toEqual([]);
  });
});

describe('I010 满意度 not a ≥ N% threshold', () => {
  it('fires when the % is missing and fixes it (seed project 6: ≥98)', () => {
    const [f] = satisfactionThreshold(withRow(SATISFACTION, { value: '≥98' }), p);
    expect(located([f])).toEqual([at('I010', 'warning', 'F12')]);
    expect(f.message).toBe('满意度指标值“≥98”不是“≥N%”形式的门槛值，建议写为“≥98%”');
    expect(f.fix?.edits).toEqual([{ sheet: SHEET, cell: 'F12', value: '≥98%' }]);
  });
  it('fires when there is no operator, fixing it to ≥', () => {
    expect(satisfactionThreshold(withRow(SATISFACTION, { value: '95%' }), p)[0].fix?.edits[0].value).toBe('≥95%');
  });
  it('fires without a fix on qualitative values and upper bounds', () => {
    for (const value of ['满意', '≤95%', '≥95分']) {
      const findings = satisfactionThreshold(withRow(SATISFACTION, { value }), p);
      expect(located(findings)).toEqual([at('I010', 'warning', 'F12')]);
      expect(findings[0].fix).toBeUndefined();
    }
  });
  it('fires when the threshold is below the profile minimum', () => {
    const findings = satisfactionThreshold(withRow(SATISFACTION, { value: '≥85%' }), p);
    expect(located(findings)).toEqual([at('I010', 'warning', 'F12')]);
    expect(findings[0].message).toBe('满意度指标值“≥85%”低于最低要求90%');
    expect(satisfactionThreshold(withRow(SATISFACTION, { value: '≥85%' }), { ...p, satisfactionMin: 80 })).toEqual([]);
  });
  it.each(['≥95百分比', '≥ 95 ％', '不低于95%', '>95%', '=100%', '≥90%'])('accepts %s', (value) => {
    expect(satisfactionThreshold(withRow(SATISFACTION, { value }), p)).toEqual([]);
  });
});

describe('I011 指标值确定依据 empty', () => {
  it('fires at the basis cell', () => {
    expect(located(basisMissing(withRow(BENEFIT, { basis: null }), p))).toEqual([at('I011', 'warning', 'G11')]);
  });
  it('does not fire when filled', () => {
    expect(basisMissing(buildTable(), p)).toEqual([]);
  });
});

describe('I012 the same indicator twice', () => {
  it('fires at the 三级指标 cell of the repeat', () => {
    const rows = [...VALID_INDICATORS, indicatorRow({ level3: ' 受补贴老党员 人数', description: '享受生活补贴的老党员人数' })];
    const findings = indicatorRepeated(buildTable({ indicators: rows }), p);
    expect(located(findings)).toEqual([at('I012', 'warning', 'C13')]);
    expect(findings[0].message).toBe('与第10行的指标重复：三级指标“受补贴老党员 人数”，描述“享受生活补贴的老党员人数”');
  });
  it('does not fire when the description differs', () => {
    const rows = [...VALID_INDICATORS, indicatorRow({ description: '享受补贴的老党员户数' })];
    expect(indicatorRepeated(buildTable({ indicators: rows }), p)).toEqual([]);
  });
});

describe('I013 qualitative 效益指标', () => {
  it('fires at the value cell (info)', () => {
    expect(located(benefitQualitative(withRow(BENEFIT, { value: '促进社会稳定' }), p))).toEqual([at('I013', 'info', 'F11')]);
  });
  it('does not fire on a measurable value, nor on qualitative values of other categories', () => {
    expect(benefitQualitative(buildTable(), p)).toEqual([]);
    expect(benefitQualitative(withRow(OUTPUT, { level2: '质量指标', value: '工作正常运转' }), p)).toEqual([]);
  });
});
