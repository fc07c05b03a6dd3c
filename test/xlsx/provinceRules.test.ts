/**
 * The rules of issue 8 (I014–I023, W003, the widened I009) on real published target tables
 * (test/fixtures/provinces/, SPEC §3a, §4): each fires where the document has the defect its
 * expected file lists — exact rule, cell and severity — and stays quiet where a template
 * merely differs (no 计算符号 or 权重 column, a scored form's 90分 block, a rate under cost).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { Finding, RuleId } from '../../src/core/finding';
import { DEFAULT_PROFILE, Profile, presetProfile } from '../../src/core/profile';
import { checkTables, readWorkbook } from '../../src/core/workbook';
import { loadWorkbook, workbookGrids } from '../../src/xlsx';

const DIR = path.join(__dirname, '..', 'fixtures', 'provinces');

async function findings(slug: string, profile: Profile = DEFAULT_PROFILE): Promise<Finding[]> {
  const workbook = await loadWorkbook(readFileSync(path.join(DIR, `${slug}.xlsx`)), { readOnly: true });
  const read = readWorkbook(workbookGrids(workbook).sheets);
  return checkTables(read.tables, profile, undefined, read);
}

const of = (list: readonly Finding[], ...rules: RuleId[]) => list.filter((f) => rules.includes(f.rule)).map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);
const NEW_RULES: RuleId[] = ['I014', 'I015', 'I016', 'I017', 'I018', 'I019', 'I020', 'I021', 'I022', 'I023', 'W003'];

describe('I014 template leftovers on real documents', () => {
  it('Nanyue 2018 (two tables, 2015 structure): every 三级 that keeps `(≥**人)`, `( ≥**% )` or `≥**人`', async () => {
    const list = await findings('hunan-nanyue-2018-fupin');
    const sheet = list[0].sheet;
    expect(of(list, 'I014')).toEqual(
      ['D10', 'D11', 'D17', 'D19', 'D20', 'D35', 'D38', 'D42', 'D43', 'D44', 'D45', 'D46', 'D47', 'D48', 'D49'].map((c) => `error I014 ${sheet}!${c}`),
    );
    const d45 = list.find((f) => f.rule === 'I014' && f.cell === 'D45')!;
    expect(d45.message).toBe('三级指标“受益建档立卡贫困人口数≥**人”是模板占位内容：请填写实际的三级指标');
  });

  it('Jinzhai 2021: `(≤**万元)`, `(≥**%)。` and `(≥**%)` in three 三级 names, nothing else new', async () => {
    const list = await findings('anhui-jinzhai-2021-wuye');
    const sheet = list[0].sheet;
    expect(of(list, ...NEW_RULES)).toEqual(['D13', 'D14', 'D18'].map((c) => `error I014 ${sheet}!${c}`));
  });
});

describe('I015 a comparison without a number', () => {
  it('Chencang 2020: `≧ %` (operator and unit, the number missing)', async () => {
    const list = await findings('shaanxi-chencang-2020-yinshui');
    expect(of(list, ...NEW_RULES)).toEqual([`error I015 ${list[0].sheet}!E15`]);
    expect(list.find((f) => f.rule === 'I015')!.message).toContain('有比较符号“≥”却没有数值');
  });
});

describe('I017 rates beyond 100%', () => {
  it('Yueyang 2022: 完成及时率 `≥100%` (only 100% meets it) is an info with a fix to `=100%`', async () => {
    const list = await findings('hunan-yueyang-2022-gaobiaozhun');
    expect(of(list, ...NEW_RULES)).toEqual([`info I017 ${list[0].sheet}!E14`]);
    const f = list.find((x) => x.rule === 'I017')!;
    expect(f.fix?.edits).toEqual([{ sheet: f.sheet, cell: 'E14', value: '=100%' }]);
  });

  it('Xiuyu 2025 (成本指标 a 一级, split columns): 项目开展率 `≥` `100%`, the fix in the 计算符号 cell', async () => {
    const list = await findings('fujian-xiuyu-2025-shuili');
    expect(of(list, ...NEW_RULES)).toEqual([`info I017 ${list[0].sheet}!G16`]);
    expect(list.find((x) => x.rule === 'I017')!.fix?.edits).toEqual([{ sheet: list[0].sheet, cell: 'F16', value: '=' }]);
  });
});

describe('I018 cost targets under every framework', () => {
  it('Dongguan 2019 (provincial): 预算控制指标 `年度预算执行率 ≥90%` is a rate under cost, not a floor on spending', async () => {
    expect(of(await findings('guangdong-dongguan-2019-zhenjilu'), 'I018', 'I021')).toEqual([]);
  });

  it('成本指标 as a 二级 under 产出指标 (2015) and as a 一级 (MoF 2021) are both cost rows: ≤ amounts pass', async () => {
    // Jinzhai: 产出指标 / 成本指标 `≤1125万元`; Fengjie: 成本指标(0-20)分 / 经济成本指标 `≤65万元`.
    expect(of(await findings('anhui-jinzhai-2021-wuye'), 'I018')).toEqual([]);
    expect(of(await findings('chongqing-fengjie-2023-jiagongyuan'), 'I018')).toEqual([]);
  });
});

describe('I022 weights, set by set', () => {
  it('Mata 2023: 权重 10+20+10+10+10+10+10+10 = 90, reported once at the first weight', async () => {
    const list = await findings('sichuan-jingyan-mata-2023');
    expect(of(list, ...NEW_RULES)).toEqual([`error I022 ${list[0].sheet}!K5`]);
    expect(list.find((f) => f.rule === 'I022')!.message).toBe('各指标权重合计为90，应为100');
  });

  it('Fengjie 2023 (scored form): the block is `年度绩效目标(90分)`, so its 分值 must add up to 90, not 100', async () => {
    const f = (await findings('chongqing-fengjie-2023-jiagongyuan')).find((x) => x.rule === 'I022')!;
    // The stored page is cut after the first indicator: 10 of the block's 90 points were reproduced.
    expect([f.severity, f.cell, f.message]).toEqual(['error', 'F16', '各指标权重合计为10，应为90']);
  });

  it('stays quiet on every template without a 权重/分值 column, even when mof-2021 requires 确定依据', async () => {
    for (const slug of ['anhui-jinzhai-2021-wuye', 'hubei-qingshan-2020-jiaoyu', 'hunan-xiangtan-2023-wupaoche', 'ningxia-changqing-2019-tiyu']) {
      expect(of(await findings(slug), 'I022')).toEqual([]);
      expect(of(await findings(slug, presetProfile('mof-2021')), 'I022')).toEqual([]);
    }
  });
});

describe('absent fields stay quiet unless the profile requires them', () => {
  it('no 指标值确定依据 column: I011, I020 and I021 say nothing; mof-2021 (requiredFields: basis) makes I011 an error per row', async () => {
    const slug = 'hubei-qingshan-2020-jiaoyu';
    const quiet = await findings(slug);
    expect(of(quiet, 'I011', 'I020', 'I021')).toEqual([]);
    const strict = await findings(slug, presetProfile('mof-2021'));
    const i011 = strict.filter((f) => f.rule === 'I011');
    expect(i011.length).toBeGreaterThan(0);
    expect(new Set(i011.map((f) => f.severity))).toEqual(new Set(['error']));
  });

  it('no 计算符号 or 指标值类型 column (Zhongxian writes `90%` with no operator): I016 and I019 stay quiet', async () => {
    expect(of(await findings('chongqing-zhongxian-2022-shengzhu'), 'I016', 'I019')).toEqual([]);
  });
});
