/** Rules on the indicator block: one row per 绩效指标 (SPEC §4, I-rules). */
import { Finding } from '../finding';
import { Field, Indicator } from '../model';
import { formatIndicatorValue } from '../parse';
import { labelKey } from '../text';
import { BASIS_CHOICES, Category, FRAMEWORKS, canonicalLevel1, indicatorNameKey, isBenefit, level1Names } from '../taxonomy';
import { RuleMeta, TableRule, finding, hasField } from './rule';
import { Quantity, annualSet, categoriesOf, eachRow, frameworkOf, headerCell, valueFix } from './rows';

const I001: RuleMeta = {
  id: 'I001',
  severity: 'error',
  description: { zh: '没有绩效指标行', en: 'No indicator rows' },
  fixable: false,
};
/** No indicator rows under the header. */
export const indicatorsMissing: TableRule = (t) =>
  t.indicators.length === 0
    ? [finding(I001, t.sheet, headerCell(t), '没有绩效指标：请在表头下至少填写一行指标', 'There are no indicator rows: add at least one under the header')]
    : [];

const I002: RuleMeta = {
  id: 'I002',
  severity: 'error',
  description: { zh: '缺少必填的一级指标', en: 'A required 一级指标 has no row' },
  fixable: false,
};
/** A required 一级指标 with no row; not raised on an empty block, which I001 reports once. */
export const requiredLevel1Missing: TableRule = (t, profile) => {
  if (t.indicators.length === 0) return [];
  const framework = frameworkOf(t, profile);
  const present = new Set<string | undefined>();
  for (const c of categoriesOf(t.indicators, framework)) {
    present.add(c.level1);
    // 2015 and provincial: 满意度 is a 二级 under 效益指标, and satisfies a required 满意度指标.
    if (c.satisfaction) present.add('满意度指标');
  }
  return profile.requiredLevel1
    .filter((required) => !present.has(canonicalLevel1(required)))
    .map((required) =>
      finding(I002, t.sheet, headerCell(t), `缺少一级指标“${required}”的指标行`, `No indicator row for the required 一级指标 "${required}"`),
    );
};

const I003: RuleMeta = {
  id: 'I003',
  severity: 'error',
  description: { zh: '一级指标不在指标体系内', en: 'Unknown 一级指标' },
  fixable: false,
};
/** An unknown or missing 一级指标; a value carried down a merged cell is reported once, at its first row. */
export const level1Unknown = eachRow((ind, t, _profile, category, framework) => {
  if (ind.level1Carried || category.level1) return undefined;
  const { text, cell } = ind.level1;
  const names = level1Names(framework);
  const [zh, en] = [names.join('、'), names.join(', ')];
  return text === ''
    ? finding(I003, t.sheet, cell, `缺少一级指标（可选：${zh}）`, `一级指标 is missing (one of ${en})`)
    : finding(I003, t.sheet, cell, `一级指标“${text}”不在指标体系内（可选：${zh}）`, `Unknown 一级指标 "${text}" (one of ${en})`);
});

const I004: RuleMeta = {
  id: 'I004',
  severity: 'error',
  description: { zh: '二级指标不属于其一级指标', en: '二级指标 not allowed under its 一级指标' },
  fixable: false,
};
/** A 二级指标 not allowed under its 一级指标 (checked when the 一级指标 is known). */
export const level2NotAllowed = eachRow((ind, t, _profile, category, framework) => {
  const l1 = category.level1;
  if (!l1 || category.level2 || (ind.level1Carried && ind.level2Carried)) return undefined;
  const { text, cell } = ind.level2;
  const allowed = FRAMEWORKS[framework].level2[l1];
  const [zh, en] = [allowed.join('、'), allowed.join(', ')];
  return text === ''
    ? finding(I004, t.sheet, cell, `缺少二级指标（“${l1}”下可选：${zh}）`, `二级指标 is missing (under "${l1}": ${en})`)
    : finding(
        I004,
        t.sheet,
        cell,
        `二级指标“${text}”不属于一级指标“${l1}”（可选：${zh}）`,
        `二级指标 "${text}" is not allowed under 一级指标 "${l1}" (allowed: ${en})`,
      );
});

const I005: RuleMeta = {
  id: 'I005',
  severity: 'error',
  description: { zh: '三级指标为空', en: '三级指标 empty' },
  fixable: false,
};
/** 三级指标 empty. */
export const level3Missing = eachRow((ind, t, profile) =>
  ind.level3.text === '' && hasField(t, profile, 'level3')
    ? finding(I005, t.sheet, ind.level3.cell, '缺少三级指标：请写明具体衡量什么', '三级指标 is missing: name what is measured')
    : undefined,
);

const I006: RuleMeta = {
  id: 'I006',
  severity: 'warning',
  description: { zh: '三级指标只是重复了二级或一级指标名称', en: '三级指标 only repeats its 二级/一级指标 name' },
  fixable: false,
};
/** A 一级/二级指标 cell whose name is `key` (an indicatorNameKey). */
const isNamed = (f: Field<string>, key: string) => f.text !== '' && indicatorNameKey(f.text) === key;

/** 三级指标 that only repeats its 二级 or 一级 name (seed: 三级指标 `数量指标` under 数量指标). */
export const level3RepeatsLevel = eachRow((ind, t) => {
  const key = indicatorNameKey(ind.level3.text);
  if (key === '') return undefined;
  const repeated = isNamed(ind.level2, key) ? ind.level2 : isNamed(ind.level1, key) ? ind.level1 : undefined;
  if (!repeated) return undefined;
  const level = repeated === ind.level2 ? '二级指标' : '一级指标';
  return finding(
    I006,
    t.sheet,
    ind.level3.cell,
    `三级指标“${ind.level3.text}”只是重复了${level}“${repeated.text}”：请写明具体衡量什么`,
    `三级指标 "${ind.level3.text}" only repeats the ${level} "${repeated.text}": name what is measured`,
  );
});

const I007: RuleMeta = {
  id: 'I007',
  severity: 'warning',
  description: { zh: '绩效指标描述为空或只是重复三级指标', en: '绩效指标描述 empty or only repeats the 三级指标' },
  fixable: false,
};
/** 绩效指标描述 empty or only repeating the 三级指标. */
export const descriptionMissing = eachRow((ind, t) => {
  // A provincial block without a 指标解释 column has no description to ask for.
  if (!t.indicatorColumns.description) return undefined;
  const { text, cell } = ind.description;
  if (text === '') return finding(I007, t.sheet, cell, '缺少绩效指标描述', '绩效指标描述 (indicator description) is empty');
  return ind.level3.text !== '' && indicatorNameKey(text) === indicatorNameKey(ind.level3.text)
    ? finding(
        I007,
        t.sheet,
        cell,
        `绩效指标描述“${text}”只是重复了三级指标：请说明该指标衡量的内容`,
        `绩效指标描述 "${text}" only repeats the 三级指标: describe what the indicator measures`,
      )
    : undefined;
});

const I008: RuleMeta = {
  id: 'I008',
  severity: 'error',
  description: { zh: '指标值为空', en: '指标值 (target value) empty' },
  fixable: false,
};
/** 指标值 empty, or unreadable (an error value such as `#REF!`), so no value is stated. */
export const valueMissing = eachRow((ind, t, profile) => {
  const { value, text, cell } = ind.value;
  if (value !== undefined || !hasField(t, profile, 'value')) return undefined;
  return text === ''
    ? finding(I008, t.sheet, cell, '缺少指标值', '指标值 (target value) is missing')
    : finding(I008, t.sheet, cell, `指标值“${text}”无法读取`, `指标值 "${text}" cannot be read`);
});

/** Units a 三级指标 name implies by how it ends (…人数 → 人, …率 → %), most specific first. */
const IMPLIED_UNITS: readonly [RegExp, string][] = [
  [/(率|比例|占比|比重|覆盖面|满意度|满意程度)$/, '%'],
  [/人次$/, '人次'],
  [/人数$/, '人'],
  [/户数$/, '户'],
  [/(天数|日数|工作日)$/, '天'],
  [/次数$/, '次'],
  [/(项目数|项数)$/, '项'],
  [/(个数|村数|村庄数量|数量)$/, '个'],
  [/(面积|亩数)$/, '亩'],
  [/(里程|长度)$/, '公里'],
];

/** Units guessed from what a 数量指标 counts (its description), most specific first. */
const COUNT_GUESSES: readonly [RegExp, string][] = [
  [/人次/, '人次'],
  [/人/, '人'],
  [/户|家庭/, '户'],
  [/次/, '次'],
  [/项/, '项'],
  [/亩/, '亩'],
  [/公里/, '公里'],
  [/天/, '天'],
  [/家/, '家'],
  [/所/, '所'],
  [/座/, '座'],
  [/台/, '台'],
  [/套/, '套'],
  [/件/, '件'],
  [/村|个|数量/, '个'],
];

/** The unit a row implies: by its 三级指标 name, else (for a 数量指标) by what its description counts. */
function impliedUnit(ind: Indicator, category: Category): string | undefined {
  const unit = firstUnit(IMPLIED_UNITS, labelKey(ind.level3.text)) ?? firstUnit(IMPLIED_UNITS, labelKey(ind.description.text));
  if (unit || category.level2 !== '数量指标') return unit;
  return firstUnit(COUNT_GUESSES, ind.description.text);
}

/** The unit of the first pattern that `text` matches. */
function firstUnit(guesses: readonly (readonly [RegExp, string])[], text: string): string | undefined {
  for (const [re, unit] of guesses) if (re.test(text)) return unit;
  return undefined;
}

/** The indicator a finding speaks of: its 三级指标, or its description when the 三级指标 only names a category. */
function indicatorName(ind: Indicator): string {
  const key = indicatorNameKey(ind.level3.text);
  const category = key !== '' && (indicatorNameKey(ind.level2.text) === key || indicatorNameKey(ind.level1.text) === key);
  return (category ? ind.description.text : '') || ind.level3.text || ind.description.text;
}

const I009: RuleMeta = {
  id: 'I009',
  severity: 'warning',
  description: { zh: '定量指标值没有计量单位', en: 'A quantitative value has no unit' },
  fixable: true,
};
/**
 * A quantitative value with no unit, whatever its category (seed: `8` for a head count; `180`
 * under 时效指标 needs its 天). 满意度 values are I010's. The message names the indicator and,
 * where the row implies a unit, suggests it with a quick fix. Points at the 计量单位 cell in
 * the provincial layout, else at the 指标值 cell.
 */
export const quantityUnitMissing = eachRow((ind, t, _profile, category) => {
  const v = ind.value.value;
  if (v?.kind !== 'quantitative' || v.unit !== '' || category.satisfaction) return undefined;
  // `开展修复工程（个）`: the 三级指标 states the unit.
  if (/[(（][^()（）]{1,4}[)）]$/.test(ind.level3.text)) return undefined;
  const cell = ind.unit && !t.absent?.includes('unit') ? ind.unit.cell : ind.value.cell;
  const { text } = ind.value;
  const name = indicatorName(ind);
  const zh = name ? `指标“${name}”的指标值“${text}”没有计量单位` : `指标值“${text}”没有计量单位`;
  const en = name ? `The value "${text}" of "${name}" has no unit` : `The value "${text}" has no unit`;
  const unit = impliedUnit(ind, category);
  if (!unit) return finding(I009, t.sheet, cell, `${zh}，请注明单位（如人、户、个、天、%）`, `${en}; state one (人, 户, 个, 天, % …)`);
  const next: Quantity = { ...v, unit };
  const suggestion = formatIndicatorValue(next);
  return finding(I009, t.sheet, cell, `${zh}，建议写为“${suggestion}”`, `${en}; suggested: "${suggestion}"`, valueFix(t.sheet, ind, v, next));
});

/** Thresholds a satisfaction target may use: at least, more than, or exactly N %. */
const THRESHOLD_OPERATORS: readonly Quantity['operator'][] = ['≥', '>', '='];
/** What I010's fix can turn into `≥N%`: no operator or a threshold one, no unit or `%`. */
const FIXABLE_OPERATORS: readonly Quantity['operator'][] = [null, ...THRESHOLD_OPERATORS];

const I010: RuleMeta = {
  id: 'I010',
  severity: 'warning',
  description: { zh: '满意度指标值不是“≥N%”门槛值，或低于最低要求', en: 'A 满意度 value is not a "≥ N%" threshold, or is below the minimum' },
  fixable: true,
};
/**
 * A 满意度 value that is not a `≥ N%` threshold (`>` and `=` count as thresholds), or whose N is
 * below the profile minimum. `≥98` (seed project 6) and `98%` get a quick fix to `≥98%`; a
 * qualitative value, an upper bound or another unit needs the officer's own words.
 */
export const satisfactionThreshold = eachRow((ind, t, profile, category) => {
  const v = ind.value.value;
  if (!v || !category.satisfaction) return undefined;
  const { text, cell } = ind.value;
  if (v.kind === 'quantitative' && THRESHOLD_OPERATORS.includes(v.operator) && v.unit === '%') {
    return v.number.lt(profile.satisfactionMin)
      ? finding(
          I010,
          t.sheet,
          cell,
          `满意度指标值“${text}”低于最低要求${profile.satisfactionMin}%`,
          `The satisfaction target "${text}" is below the minimum of ${profile.satisfactionMin}%`,
        )
      : undefined;
  }
  const zh = `满意度指标值“${text}”不是“≥N%”形式的门槛值`;
  const en = `The satisfaction target "${text}" is not a threshold of the form "≥ N%"`;
  const fixable = v.kind === 'quantitative' && FIXABLE_OPERATORS.includes(v.operator) && (v.unit === '' || v.unit === '%');
  if (!fixable) return finding(I010, t.sheet, cell, zh, en);
  const next: Quantity = { ...v, operator: v.operator ?? '≥', unit: '%' };
  const suggestion = formatIndicatorValue(next);
  return finding(I010, t.sheet, cell, `${zh}，建议写为“${suggestion}”`, `${en}; suggested: "${suggestion}"`, valueFix(t.sheet, ind, v, next));
});

const I011: RuleMeta = {
  id: 'I011',
  severity: 'warning',
  description: { zh: '指标值确定依据为空', en: '指标值确定依据 (basis of the value) empty' },
  fixable: false,
};
const BASIS_MISSING = `缺少指标值确定依据（可选：${BASIS_CHOICES.join('、')}）`;
const BASIS_MISSING_EN = `指标值确定依据 (basis of the target value) is empty (${BASIS_CHOICES.join(', ')})`;
/** 指标值确定依据 empty. */
export const basisMissing = eachRow((ind, t, profile) =>
  ind.basis.text === '' && hasField(t, profile, 'basis') ? finding(I011, t.sheet, ind.basis.cell, BASIS_MISSING, BASIS_MISSING_EN) : undefined,
);

const I012: RuleMeta = {
  id: 'I012',
  severity: 'warning',
  description: { zh: '同一表中指标重复', en: 'The same indicator twice in one table' },
  fixable: false,
};
/** The same indicator (三级指标 + 描述) twice in one table; reported at each repeat. */
export const indicatorRepeated: TableRule = (t) => {
  const first = new Map<string, Indicator>();
  const findings: Finding[] = [];
  for (const ind of t.indicators) {
    if (ind.level3.text === '' && ind.description.text === '') continue;
    const key = `${labelKey(ind.level3.text)}\n${labelKey(ind.description.text)}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, ind);
      continue;
    }
    findings.push(
      finding(
        I012,
        t.sheet,
        ind.level3.cell,
        `与第${earlier.row + 1}行的指标重复：三级指标“${ind.level3.text}”，描述“${ind.description.text}”`,
        `Repeats the indicator of row ${earlier.row + 1}: 三级指标 "${ind.level3.text}", description "${ind.description.text}"`,
      ),
    );
  }
  return findings;
};

const I013: RuleMeta = {
  id: 'I013',
  severity: 'info',
  description: { zh: '效益指标值只是定性描述', en: 'A 效益指标 value is qualitative only' },
  fixable: false,
};
/** A 效益指标 whose value is qualitative only. */
export const benefitQualitative = eachRow((ind, t, _profile, category) =>
  ind.value.value?.kind === 'qualitative' && isBenefit(category.level1) && !category.satisfaction
    ? finding(
        I013,
        t.sheet,
        ind.value.cell,
        `效益指标值“${ind.value.text}”只是定性描述：建议给出可衡量的目标（如“≥90%”）`,
        `The 效益指标 value "${ind.value.text}" is qualitative only: state a measurable target (such as "≥90%")`,
      )
    : undefined,
);

export const INDICATOR_RULES: readonly TableRule[] = [
  indicatorsMissing,
  requiredLevel1Missing,
  level1Unknown,
  level2NotAllowed,
  level3Missing,
  level3RepeatsLevel,
  descriptionMissing,
  valueMissing,
  quantityUnitMissing,
  satisfactionThreshold,
  basisMissing,
  indicatorRepeated,
  benefitQualitative,
].map(annualSet);
export const INDICATOR_META: readonly RuleMeta[] = [I001, I002, I003, I004, I005, I006, I007, I008, I009, I010, I011, I012, I013];
