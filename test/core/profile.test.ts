import { DEFAULT_PROFILE, PRESETS, parseProfile, presetProfile, ruleSetting } from '../../src/core/profile';
import { RULE_META, validateWorkbook } from '../../src/core/rules';
import { RULE_IDS } from '../../src/core/finding';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { sheetToGrid } from '../../src/core/sheet';
import { seedTables } from '../support/seed';

const seed = seedTables().map((t, i) => readTargetTable(sheetToGrid(writeTargetTable(t)), `P${i + 1}`)!);
const count = (profile = DEFAULT_PROFILE) => {
  const findings = validateWorkbook(seed, profile);
  return (rule: string, severity?: string) => findings.filter((f) => f.rule === rule && (!severity || f.severity === severity)).length;
};

describe('parseProfile: rule settings, presets, framework, requiredFields (SPEC §4a)', () => {
  it('keeps the defaults for an empty profile', () => {
    expect(parseProfile({})).toEqual({ ok: true, profile: DEFAULT_PROFILE });
  });
  it('reads rules, framework and requiredFields', () => {
    const r = parseProfile({ rules: { I011: 'info', T002: 'off' }, framework: 'mof-2015', requiredFields: ['basis', 'weight'] });
    expect(r).toEqual({ ok: true, profile: { ...DEFAULT_PROFILE, rules: { I011: 'info', T002: 'off' }, framework: 'mof-2015', requiredFields: ['basis', 'weight'] } });
  });
  it('starts from a preset: mof-2021 requires 成本指标 and 指标值确定依据', () => {
    const r = parseProfile({ preset: 'mof-2021' });
    expect(r.ok && r.profile).toEqual({ ...presetProfile('mof-2021'), preset: 'mof-2021' });
    expect(r.ok && r.profile.requiredLevel1).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
    expect(r.ok && ruleSetting(r.profile, 'I009', 'warning')).toBe('error');
  });
  it.each([
    [{ rules: { X999: 'error' } }, '未知的规则编号“X999”', 'unknown rule ID "X999"'],
    [{ rules: { I011: 'warn' } }, 'I011 的级别“warn”无效', 'I011 must be error, warning, info or off'],
    [{ preset: 'strict' }, '未知的预设“strict”', 'unknown preset "strict" (one of default, mof-2021, lenient)'],
    [{ framework: 'eu' }, '未知的指标体系“eu”', 'unknown framework "eu"'],
    [{ requiredFields: ['budget'] }, '未知的字段 budget', 'requiredFields: unknown field budget'],
    [JSON.parse('{"__proto__": {"x": 1}}'), '未知的配置项“__proto__”', 'unknown key "__proto__"'],
    [{ constructor: 1 }, '未知的配置项“constructor”', 'unknown key "constructor"'],
    [{ toString: 'x' }, '未知的配置项“toString”', 'unknown key "toString"'],
  ])('rejects %j in both languages', (input, zh, en) => {
    const r = parseProfile(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.zh.includes(zh))).toBe(true);
    expect(r.errors.some((e) => e.en.includes(en))).toBe(true);
  });
});

describe('rule settings applied to the findings', () => {
  it('changes a severity, turns a rule off, and leaves the rest', () => {
    const base = count();
    const set = count({ ...DEFAULT_PROFILE, rules: { I011: 'info', I006: 'off', S004: 'warning' } });
    expect(base('I011', 'warning')).toBe(30);
    expect(set('I011', 'info')).toBe(30);
    expect(set('I006')).toBe(0);
    expect(set('S004', 'warning')).toBe(1);
    expect(set('I009')).toBe(base('I009'));
  });
  it('mof-2021 on the seed: 成本指标 missing everywhere, units and bases are errors', () => {
    const mof = count(presetProfile('mof-2021'));
    expect(mof('I002', 'error')).toBe(10);
    expect(mof('I009', 'error')).toBe(7);
    expect(mof('I011', 'error')).toBe(30);
  });
  it('lenient on the seed keeps only what the 一体化 system blocks: units (I009) — no S004, I006, I011', () => {
    const findings = validateWorkbook(seed, presetProfile('lenient'));
    expect([...new Set(findings.map((f) => `${f.rule} ${f.severity}`))]).toEqual(['I009 error']);
  });
});

describe('rule metadata', () => {
  it('describes every rule in both languages, in SPEC order', () => {
    expect(RULE_META.map((m) => m.id)).toEqual([...RULE_IDS]);
    for (const m of RULE_META) {
      expect(m.description.zh).not.toBe('');
      expect(m.description.en).not.toBe('');
    }
    expect(RULE_META.filter((m) => m.fixable).map((m) => m.id)).toEqual(['T005', 'S004', 'I009', 'I010', 'I016', 'I017', 'I018', 'F001', 'W001']);
  });
  it('ships three presets with bilingual descriptions', () => {
    expect(Object.keys(PRESETS)).toEqual(['default', 'mof-2021', 'lenient']);
  });
});
