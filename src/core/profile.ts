/**
 * The rule profile (SPEC §4, §4a): stored in the workbook by the add-in, a JSON file for the
 * CLI. It starts from a named preset and may set any rule's severity or turn it off.
 */
import { RULE_IDS, RuleId, Severity } from './finding';
import { FIELD_KEYS, FieldKey, FrameworkId } from './model';
import { compileSafePattern } from './safePattern';
import { LEVEL1 } from './taxonomy';

export type { FieldKey, FrameworkId } from './model';

/** What a profile may say of a rule: a severity, or `off`. */
export type RuleSetting = Severity | 'off';
export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

export const PRESET_NAMES = ['default', 'mof-2021', 'lenient'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Indicator structures of SPEC §3a (the reader's `FrameworkId`); `auto` detects it from the names a table uses. */
export const FRAMEWORKS: readonly FrameworkId[] = ['auto', 'mof-2021', 'mof-2015', 'provincial'];

export interface Profile {
  /** The named preset this profile starts from; its rule settings apply under `rules`. */
  preset: PresetName;
  /** 一级指标 every table must have at least one row of. */
  requiredLevel1: string[];
  /** Lowest acceptable 满意度 threshold, in percent. */
  satisfactionMin: number;
  /** Regular expression the 项目编码 must match. */
  codePattern: string;
  /** Most decimals an amount may have. */
  amountDecimals: number;
  /** The indicator framework (SPEC §3a): detected per table from its names, or fixed. */
  framework: FrameworkId;
  /** Fields the template must have: a rule about such a field fires even where the sheet lacks it. */
  requiredFields: FieldKey[];
  /** This profile's own rule settings, over its preset's. */
  rules: RuleSettings;
}

type PresetDefinition = {
  description: { zh: string; en: string };
  /** Profile values that differ from the defaults. */
  values: Partial<Pick<Profile, 'requiredLevel1' | 'requiredFields'>>;
  rules: RuleSettings;
};

/** What the 一体化 system refuses to save: missing name, value, operator or unit, placeholders, weights. */
const LENIENT_BLOCKS: RuleSettings = { T004: 'error', I005: 'error', I008: 'error', I009: 'error', I014: 'error', I016: 'error', I022: 'error' };

/** Presets are profiles shipped in the core (as ESLint's `recommended` is a configuration). */
export const PRESETS: Record<PresetName, PresetDefinition> = {
  default: {
    description: { zh: '默认：SPEC 所列的全部规则及其默认级别', en: 'Default: every rule at its default severity' },
    values: {},
    rules: {},
  },
  'mof-2021': {
    description: {
      zh: '财政部2021版：必须有成本指标；定量指标值缺少计量单位、缺少指标值确定依据均为错误',
      en: 'MoF 2021: 成本指标 required; a quantitative value without a unit and a missing 指标值确定依据 are errors',
    },
    values: { requiredLevel1: ['产出指标', '成本指标', '效益指标', '满意度指标'], requiredFields: ['basis'] },
    rules: { I009: 'error', I011: 'error' },
  },
  lenient: {
    description: {
      zh: '宽松：只检查一体化系统拒绝保存的问题（缺名称、指标值、计算符号或计量单位，模板占位符，权重）',
      en: 'Lenient: only what the 一体化 system refuses to save (missing name, value, operator or unit, placeholders, weights)',
    },
    values: {},
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, LENIENT_BLOCKS[id] ?? 'off'])),
  },
};

export const DEFAULT_PROFILE: Profile = {
  preset: 'default',
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  satisfactionMin: 90,
  codePattern: '^\\d{6}\\d{2}P[0-9A-Z]{12}$',
  amountDecimals: 2,
  framework: 'auto',
  requiredFields: [],
  rules: {},
};

/** A fresh profile of a preset, with no settings of its own. */
export function presetProfile(name: PresetName): Profile {
  const { values } = PRESETS[name];
  return {
    ...DEFAULT_PROFILE,
    preset: name,
    requiredLevel1: [...(values.requiredLevel1 ?? DEFAULT_PROFILE.requiredLevel1)],
    requiredFields: [...(values.requiredFields ?? DEFAULT_PROFILE.requiredFields)],
    rules: {},
  };
}

/** The setting in force for a rule: the profile's own, else its preset's, else the rule's default. */
export function ruleSetting(profile: Profile, id: RuleId, fallback: Severity): RuleSetting {
  return profile.rules[id] ?? PRESETS[profile.preset]?.rules[id] ?? fallback;
}

/** A problem with a profile, in both languages. */
export interface ProfileProblem {
  zh: string;
  en: string;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileProblem[] };

const KEYS: readonly (keyof Profile)[] = [
  'preset', 'requiredLevel1', 'satisfactionMin', 'codePattern', 'amountDecimals', 'framework', 'requiredFields', 'rules',
];
const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Checks a profile read from JSON (a file or the workbook): unknown keys, unknown rule IDs and
 * presets, and wrong types are reported in Chinese and English; missing keys take the preset's
 * values (the `default` preset when none is named).
 */
export function parseProfile(input: unknown): ProfileResult {
  if (!isRecord(input)) return { ok: false, errors: [{ zh: '规则配置必须是一个 JSON 对象', en: 'profile must be a JSON object' }] };
  const o = input;
  const errors: ProfileProblem[] = [];
  const problem = (zh: string, en: string) => errors.push({ zh, en });
  // Own keys only: `__proto__`, `constructor` or `toString` are not settings.
  for (const key of Object.keys(o)) {
    if (!(KEYS as readonly string[]).includes(key)) problem(`未知的配置项“${key}”`, `unknown key "${key}"`);
  }

  let profile = presetProfile('default');
  if (has(o, 'preset')) {
    const v = o.preset;
    if (oneOf(PRESET_NAMES, v)) profile = presetProfile(v);
    else problem(`未知的预设“${String(v)}”（可选：${PRESET_NAMES.join('、')}）`, `unknown preset "${String(v)}" (one of ${PRESET_NAMES.join(', ')})`);
  }
  if (has(o, 'requiredLevel1')) {
    const v = o.requiredLevel1;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      problem('requiredLevel1 必须是一级指标名称的列表', 'requiredLevel1 must be a list of names');
    } else {
      const unknown = v.filter((x) => !(LEVEL1 as readonly string[]).includes(x));
      if (unknown.length) problem(`requiredLevel1：未知的一级指标 ${unknown.join('、')}`, `requiredLevel1: unknown 一级指标 ${unknown.join(', ')}`);
      profile.requiredLevel1 = v as string[];
    }
  }
  if (has(o, 'satisfactionMin')) {
    const v = o.satisfactionMin;
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) problem('satisfactionMin 必须是 0 到 100 之间的数', 'satisfactionMin must be a number from 0 to 100');
    else profile.satisfactionMin = v;
  }
  if (has(o, 'codePattern')) {
    const v = o.codePattern;
    if (typeof v !== 'string') problem('codePattern 必须是正则表达式字符串', 'codePattern must be a regular expression string');
    else {
      const safe = compileSafePattern(v);
      if (safe.ok) profile.codePattern = v;
      else problem(`${safe.message}：${v}`, `${safe.message_en}: ${v}`);
    }
  }
  if (has(o, 'amountDecimals')) {
    const v = o.amountDecimals;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 6) problem('amountDecimals 必须是 0 到 6 的整数', 'amountDecimals must be a whole number from 0 to 6');
    else profile.amountDecimals = v;
  }
  if (has(o, 'framework')) {
    const v = o.framework;
    if (oneOf(FRAMEWORKS, v)) profile.framework = v;
    else problem(`未知的指标体系“${String(v)}”（可选：${FRAMEWORKS.join('、')}）`, `unknown framework "${String(v)}" (one of ${FRAMEWORKS.join(', ')})`);
  }
  if (has(o, 'requiredFields')) {
    const v = o.requiredFields;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      problem('requiredFields 必须是字段名的列表', 'requiredFields must be a list of field keys');
    } else {
      const unknown = v.filter((x) => !oneOf(FIELD_KEYS, x));
      if (unknown.length) {
        problem(
          `requiredFields：未知的字段 ${unknown.join('、')}（可选：${FIELD_KEYS.join('、')}）`,
          `requiredFields: unknown field ${unknown.join(', ')} (one of ${FIELD_KEYS.join(', ')})`,
        );
      } else profile.requiredFields = [...new Set(v as FieldKey[])];
    }
  }
  if (has(o, 'rules')) {
    const v = o.rules;
    if (!isRecord(v)) problem('rules 必须是“规则编号: 级别”的对象', 'rules must be an object of rule ID to severity');
    else {
      const rules: RuleSettings = {};
      for (const id of Object.keys(v)) {
        const setting = v[id];
        if (!oneOf(RULE_IDS, id)) problem(`rules：未知的规则编号“${id}”`, `rules: unknown rule ID "${id}"`);
        else if (!oneOf(SETTINGS, setting)) {
          problem(`rules：${id} 的级别“${String(setting)}”无效（可选：error、warning、info、off）`, `rules: ${id} must be error, warning, info or off, not "${String(setting)}"`);
        } else rules[id] = setting as RuleSetting;
      }
      profile.rules = rules;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, profile };
}

/** A problem as one line: Chinese, then English in brackets. */
export const problemLine = (p: ProfileProblem) => `${p.zh} (${p.en})`;
