/** Rules on the indicator block: one row per 绩效指标 (SPEC §4, I-rules). */
import { CellEdit, Finding, QuickFix } from '../finding';
import { Indicator, TargetTable } from '../model';
import { IndicatorValue, formatIndicatorValue } from '../parse';
import { Profile } from '../profile';
import { labelKey } from '../text';
import { Framework } from '../model';
import { BASIS_CHOICES, Category, FRAMEWORKS, canonicalLevel1, categoryIn, indicatorNameKey, isBenefit, isOutput, level1Names } from '../taxonomy';
import { RuleMeta, TableRule, finding, hasField } from './rule';

type Quantity = Extract<IndicatorValue, { kind: 'quantitative' }>;

/** Findings about something missing from the block point at its header. */
const headerCell = (t: TargetTable) => t.labels.indicatorHeader ?? t.title.cell;

/** The framework a table is checked against: the profile's, or the one its names use (SPEC §3a). */
export function frameworkOf(t: TargetTable, profile: Profile): Framework {
  return profile.framework !== 'auto' ? profile.framework : (t.framework ?? 'mof-2021');
}

/** Each row's canonical 一级/二级指标 in its framework, worked out once for all the rules that need them. */
const categories = new WeakMap<Indicator, { framework: Framework; category: Category }>();

function categoryOf(ind: Indicator, framework: Framework): Category {
  const c = categories.get(ind);
  if (c && c.framework === framework) return c.category;
  const category = categoryIn(framework, ind.level1.text, ind.level2.text);
  categories.set(ind, { framework, category });
  return category;
}

/** A rule that looks at each indicator row on its own and finds at most one thing in it. */
const eachRow =
  (check: (ind: Indicator, t: TargetTable, profile: Profile, category: Category, framework: Framework) => Finding | undefined): TableRule =>
  (t, profile) => {
    const findings: Finding[] = [];
    const framework = frameworkOf(t, profile);
    for (const ind of t.indicators) {
      const f = check(ind, t, profile, categoryOf(ind, framework), framework);
      if (f) findings.push(f);
    }
    return findings;
  };

/**
 * Edits that make a row's 指标值 read `next`: its 指标值 cell, or in the provincial layout
 * (separate 计算符号 and 计量单位 columns) the cells of the parts that change.
 */
function valueEdits(sheet: string, ind: Indicator, current: Quantity, next: Quantity): CellEdit[] | undefined {
  if (!ind.operator && !ind.unit) return [{ sheet, cell: ind.value.cell, value: formatIndicatorValue(next) }];
  const edits: CellEdit[] = [];
  if (next.operator !== current.operator) {
    if (!ind.operator) return undefined;
    edits.push({ sheet, cell: ind.operator.cell, value: next.operator ?? '' });
  }
  if (next.unit !== current.unit) {
    if (!ind.unit) return undefined;
    edits.push({ sheet, cell: ind.unit.cell, value: next.unit });
  }
  return edits;
}

function valueFix(sheet: string, ind: Indicator, current: Quantity, next: Quantity): QuickFix | undefined {
  const edits = valueEdits(sheet, ind, current, next);
  const text = formatIndicatorValue(next);
  return edits && { description: `将指标值改为“${text}”`, description_en: `Change the 指标值 to "${text}"`, edits };
}

const I001: RuleMeta = { id: 'I001', severity: 'error' };
/** No indicator rows under the header. */
export const indicatorsMissing: TableRule = (t) =>
  t.indicators.length === 0
    ? [finding(I001, t.sheet, headerCell(t), '没有绩效指标：请在表头下至少填写一行指标', 'There are no indicator rows: add at least one under the header')]
    : [];

const I002: RuleMeta = { id: 'I002', severity: 'error' };
/** A required 一级指标 with no row; not raised on an empty block, which I001 reports once. */
export const requiredLevel1Missing: TableRule = (t, profile) => {
  if (t.indicators.length === 0) return [];
  const framework = frameworkOf(t, profile);
  const present = new Set<string | undefined>();
  for (const ind of t.indicators) {
    const c = categoryOf(ind, framework);
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

const I003: RuleMeta = { id: 'I003', severity: 'error' };
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

const I004: RuleMeta = { id: 'I004', severity: 'error' };
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

const I005: RuleMeta = { id: 'I005', severity: 'error' };
/** 三级指标 empty. */
export const level3Missing = eachRow((ind, t, profile) =>
  ind.level3.text === '' && hasField(t, profile, 'level3')
    ? finding(I005, t.sheet, ind.level3.cell, '缺少三级指标：请写明具体衡量什么', '三级指标 is missing: name what is measured')
    : undefined,
);

const I006: RuleMeta = { id: 'I006', severity: 'warning' };
/** 三级指标 that only repeats its 二级 or 一级 name (seed: 三级指标 `数量指标` under 数量指标). */
export const level3RepeatsLevel = eachRow((ind, t) => {
  const key = indicatorNameKey(ind.level3.text);
  if (key === '') return undefined;
  const repeated = [ind.level2, ind.level1].find((f) => f.text !== '' && indicatorNameKey(f.text) === key);
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

const I007: RuleMeta = { id: 'I007', severity: 'warning' };
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

const I008: RuleMeta = { id: 'I008', severity: 'error' };
/** 指标值 empty, or unreadable (an error value such as `#REF!`), so no value is stated. */
export const valueMissing = eachRow((ind, t, profile) => {
  const { value, text, cell } = ind.value;
  if (value !== undefined || !hasField(t, profile, 'value')) return undefined;
  return text === ''
    ? finding(I008, t.sheet, cell, '缺少指标值', '指标值 (target value) is missing')
    : finding(I008, t.sheet, cell, `指标值“${text}”无法读取`, `指标值 "${text}" cannot be read`);
});

/** Units guessed from what a 数量指标 counts, most specific first. */
const UNIT_GUESSES: readonly [RegExp, string][] = [
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

const guessUnit = (description: string) => UNIT_GUESSES.find(([re]) => re.test(description))?.[1];

const I009: RuleMeta = { id: 'I009', severity: 'warning' };
/**
 * A 数量指标 value with no unit (seed: `8` for a head count). Points at the 计量单位 cell in
 * the provincial layout, else at the 指标值 cell.
 */
export const quantityUnitMissing = eachRow((ind, t, _profile, category) => {
  const v = ind.value.value;
  if (v?.kind !== 'quantitative' || v.unit !== '' || !isOutput(category.level1) || category.level2 !== '数量指标') return undefined;
  // `开展修复工程（个）`: the 三级指标 states the unit.
  if (/[(（][^()（）]{1,4}[)）]$/.test(ind.level3.text)) return undefined;
  const cell = ind.unit && !t.absent?.includes('unit') ? ind.unit.cell : ind.value.cell;
  const { text } = ind.value;
  const unit = guessUnit(ind.description.text);
  if (!unit) {
    return finding(
      I009,
      t.sheet,
      cell,
      `数量指标的指标值“${text}”没有计量单位，请注明单位（如人、户、个）`,
      `The 数量指标 value "${text}" has no unit; state one (人, 户, 个 …)`,
    );
  }
  const next: Quantity = { ...v, unit };
  const suggestion = formatIndicatorValue(next);
  return finding(
    I009,
    t.sheet,
    cell,
    `数量指标的指标值“${text}”没有计量单位，建议写为“${suggestion}”`,
    `The 数量指标 value "${text}" has no unit; suggested: "${suggestion}"`,
    valueFix(t.sheet, ind, v, next),
  );
});

/** Thresholds a satisfaction target may use: at least, more than, or exactly N %. */
const THRESHOLD_OPERATORS: readonly Quantity['operator'][] = ['≥', '>', '='];

const I010: RuleMeta = { id: 'I010', severity: 'warning' };
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
  const fixable = v.kind === 'quantitative' && [null, ...THRESHOLD_OPERATORS].includes(v.operator) && ['', '%'].includes(v.unit);
  if (!fixable) return finding(I010, t.sheet, cell, zh, en);
  const next: Quantity = { ...v, operator: v.operator ?? '≥', unit: '%' };
  const suggestion = formatIndicatorValue(next);
  return finding(I010, t.sheet, cell, `${zh}，建议写为“${suggestion}”`, `${en}; suggested: "${suggestion}"`, valueFix(t.sheet, ind, v, next));
});

const I011: RuleMeta = { id: 'I011', severity: 'warning' };
/** 指标值确定依据 empty. */
export const basisMissing = eachRow((ind, t, profile) =>
  ind.basis.text === '' && hasField(t, profile, 'basis')
    ? finding(
        I011,
        t.sheet,
        ind.basis.cell,
        `缺少指标值确定依据（可选：${BASIS_CHOICES.join('、')}）`,
        `指标值确定依据 (basis of the target value) is empty (${BASIS_CHOICES.join(', ')})`,
      )
    : undefined,
);

const I012: RuleMeta = { id: 'I012', severity: 'warning' };
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

const I013: RuleMeta = { id: 'I013', severity: 'info' };
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

/**
 * A table with two indicator sets (实施期 and 年度) is checked on its annual set, and each
 * finding says so (SPEC §3a).
 */
const annualSet =
  (rule: TableRule): TableRule =>
  (t, profile) => {
    const findings = rule(t, profile);
    if (!t.longIndicators?.length) return findings;
    return findings.map((f) => ({ ...f, message: `年度指标：${f.message}`, message_en: `Annual indicators: ${f.message_en}` }));
  };

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
