/**
 * Rules on the form of a 指标值 that the 一体化 system's 绩效 module refuses or its reviewers
 * send back (SPEC §4: I014–I019): template leftovers, comparisons without a number, a missing
 * 计算符号, rates beyond 100 %, cost targets written as floors, a 指标值类型 that contradicts
 * the value.
 */
import { Field, Indicator } from '../model';
import { formatIndicatorValue, leadingOperator } from '../parse';
import { labelKey, toHalfWidth } from '../text';
import { CellEdit, Finding } from '../finding';
import { Category } from '../taxonomy';
import { RuleMeta, TableRule, finding, hasField } from './rule';
import { Quantity, annualSet, eachRow, isCost, valueFix } from './rows';

/** Only dashes, underscores or stars: a cell the template marked "fill in here". */
const ONLY_MARKS = /^[-—–_*＿－·.…\s]+$/;
/** Placeholders left from a template: `**`, `≥**%`, `XX`, `××`, `某`. */
const PLACEHOLDER = /\*\*|[xX]{2}|[×✕╳]{2}|某/;

/** True when a text is a template leftover rather than something the officer wrote. */
export function isLeftover(text: string): boolean {
  if (text === '') return false;
  const t = toHalfWidth(text);
  return ONLY_MARKS.test(t) || PLACEHOLDER.test(t);
}

const I014: RuleMeta = {
  id: 'I014',
  severity: 'error',
  description: { zh: '模板残留：占位符（**、XX、某）或只有“-”“—”“*”', en: 'Template leftovers: placeholders (**, XX, 某) or only "-", "—", "*"' },
  fixable: false,
};
/** A 三级指标 or 指标值 that is only a dash or star, or holds a placeholder; each cell reported. */
export const templateLeftover: TableRule = (t) => {
  const findings: Finding[] = [];
  const check = (label: string, field: Field<unknown>) => {
    if (!isLeftover(field.text)) return;
    findings.push(
      finding(
        I014,
        t.sheet,
        field.cell,
        `${label}“${field.text}”是模板占位内容：请填写实际的${label}`,
        `The ${label} "${field.text}" is a template placeholder: fill in the real one`,
      ),
    );
  };
  for (const ind of t.indicators) {
    check('三级指标', ind.level3);
    check('指标值', ind.value);
  }
  return findings;
};

const I015: RuleMeta = {
  id: 'I015',
  severity: 'error',
  description: { zh: '有比较符号却没有数值（如“≥较好”）', en: 'A comparison without a number ("≥较好")' },
  fixable: false,
};
/** `≥较好`, `≤及时`, `不低于上年`: a comparison needs a number (the 计算符号 column counts too). */
export const comparisonWithoutNumber = eachRow((ind, t) => {
  const v = ind.value.value;
  if (v?.kind !== 'qualitative' || isLeftover(ind.value.text)) return undefined;
  const lead = leadingOperator(v.text);
  const operator = lead?.operator ?? ind.operator?.value;
  const rest = lead ? lead.rest : v.text;
  if (!operator || /\d/.test(rest)) return undefined;
  return finding(
    I015,
    t.sheet,
    ind.value.cell,
    `指标值“${v.text}”有比较符号“${operator}”却没有数值：请写明数值和单位（如“${operator}95%”），或改为定性描述`,
    `The value "${v.text}" compares ("${operator}") without a number: state a number and unit (such as "${operator}95%") or describe it qualitatively`,
  );
});

const I016: RuleMeta = {
  id: 'I016',
  severity: 'warning',
  description: { zh: '分列表格中数值型指标值缺少计算符号', en: 'Split layout: a numeric 指标值 with an empty 计算符号' },
  fixable: true,
};
/**
 * Split layout: a numeric 指标值 whose 计算符号 cell is empty. The quick fix fills it in: the
 * operator typed in the value cell itself (moved out of it), else `=` for a bare number.
 */
export const operatorMissing = eachRow((ind, t, profile) => {
  const v = ind.value.value;
  if (!ind.operator || !hasField(t, profile, 'operator') || ind.operator.text !== '' || v?.kind !== 'quantitative') return undefined;
  if (labelKey(ind.valueType?.text ?? '') === '定性') return undefined;
  const own = leadingOperator(ind.value.text);
  const operator = own?.operator ?? '=';
  const edits: CellEdit[] = [{ sheet: t.sheet, cell: ind.operator.cell, value: operator }];
  if (own) edits.push({ sheet: t.sheet, cell: ind.value.cell, value: own.rest });
  return finding(
    I016,
    t.sheet,
    ind.operator.cell,
    own
      ? `指标值“${ind.value.text}”的比较符号写在了指标值中，计算符号为空：应将“${operator}”填入计算符号`
      : `指标值“${ind.value.text}”缺少计算符号（≥、≤、=）：数值本身应填“${operator}”`,
    own
      ? `The value "${ind.value.text}" carries its operator while 计算符号 is empty: move "${operator}" into 计算符号`
      : `The value "${ind.value.text}" has no 计算符号 (≥, ≤, =): a bare number means "${operator}"`,
    { description: `计算符号填“${operator}”`, description_en: `Set 计算符号 to "${operator}"`, edits },
  );
});

/** A rate or share, which cannot pass 100 % (growth rates can, so they are not rates here). */
function isRate(ind: Indicator, category: Category): boolean {
  if (category.satisfaction) return true;
  const text = `${labelKey(ind.level3.text)}\n${labelKey(ind.description.text)}`;
  return /率|比例|占比|覆盖|满意/.test(text) && !/增长|增幅|增速|提高率|提升率/.test(text);
}

const I017: RuleMeta = {
  id: 'I017',
  severity: 'warning',
  description: { zh: '比率类指标值超过100%；“≥100%”应写为“=100%”', en: 'A rate above 100%; "≥100%" should be "=100%"' },
  fixable: true,
};
/** A 率/比例/覆盖率/满意度 value above 100 % (warning), or `≥100%`, which only 100 % meets (info, fix `=100%`). */
export const rateBeyondHundred = eachRow((ind, t, _profile, category) => {
  const v = ind.value.value;
  if (v?.kind !== 'quantitative' || v.unit !== '%' || !isRate(ind, category)) return undefined;
  const { text, cell } = ind.value;
  const atHundred = v.number.eq(100);
  if (v.number.gt(100) || (atHundred && v.operator === '>')) {
    return finding(
      I017,
      t.sheet,
      cell,
      `比率类指标“${ind.level3.text || ind.description.text}”的指标值“${text}”超过100%`,
      `The rate "${ind.level3.text || ind.description.text}" has a value above 100%: "${text}"`,
    );
  }
  if (!atHundred || v.operator !== '≥') return undefined;
  const next: Quantity = { ...v, operator: '=' };
  return finding(
    I017,
    t.sheet,
    cell,
    `指标值“${text}”只有100%才能满足：建议写为“${formatIndicatorValue(next)}”`,
    `Only 100% meets "${text}": write "${formatIndicatorValue(next)}"`,
    valueFix(t.sheet, ind, v, next),
    'info',
  );
});

const I018: RuleMeta = {
  id: 'I018',
  severity: 'warning',
  description: { zh: '成本指标使用了“≥”或“>”（成本目标应为上限）', en: 'A 成本指标 value with ≥ or > (cost targets are ceilings)' },
  fixable: true,
};
/**
 * A 成本指标 amount written as a floor: a cost target caps spending. The quick fix turns ≥ into
 * ≤, > into <. A percentage under cost (an execution or saving rate) is not a cap, so not checked.
 */
export const costIsFloor = eachRow((ind, t, _profile, category) => {
  const v = ind.value.value;
  if (v?.kind !== 'quantitative' || (v.operator !== '≥' && v.operator !== '>') || !isCost(category)) return undefined;
  // A rate filed under cost (`年度预算执行率 ≥90%`, `成本节约率 ≥5%`) is no spending cap.
  if (v.unit === '%') return undefined;
  const next: Quantity = { ...v, operator: v.operator === '≥' ? '≤' : '<' };
  const suggestion = formatIndicatorValue(next);
  return finding(
    I018,
    t.sheet,
    ind.operator?.cell ?? ind.value.cell,
    `成本指标的指标值“${ind.value.text}”使用了“${v.operator}”：成本目标是支出上限，建议写为“${suggestion}”`,
    `The cost target "${ind.value.text}" uses "${v.operator}": a cost target caps spending; suggested: "${suggestion}"`,
    valueFix(t.sheet, ind, v, next),
  );
});

const I019: RuleMeta = {
  id: 'I019',
  severity: 'warning',
  description: { zh: '指标值类型与指标值矛盾', en: '指标值类型 contradicts the value' },
  fixable: false,
};
/** 指标值类型 定性 on a number (`95%`), or 定量 on words (`及时`); a deadline suits either. */
export const valueTypeContradicts = eachRow((ind, t, profile) => {
  const v = ind.value.value;
  const type = labelKey(ind.valueType?.text ?? '');
  if (!ind.valueType || !hasField(t, profile, 'valueType') || !v || v.kind === 'deadline') return undefined;
  const { text, cell } = ind.valueType;
  if (type === '定性' && v.kind === 'quantitative') {
    return finding(I019, t.sheet, cell, `指标值类型为“${text}”，但指标值“${ind.value.text}”是数值：应为“定量”`, `指标值类型 is "${text}" but the value "${ind.value.text}" is a number: it should be 定量`);
  }
  if (type === '定量' && v.kind === 'qualitative') {
    return finding(I019, t.sheet, cell, `指标值类型为“${text}”，但指标值“${ind.value.text}”不是数值：请给出数值或改为“定性”`, `指标值类型 is "${text}" but the value "${ind.value.text}" is not a number: give a number or make it 定性`);
  }
  return undefined;
});

export const VALUE_RULES: readonly TableRule[] = [
  templateLeftover,
  comparisonWithoutNumber,
  operatorMissing,
  rateBeyondHundred,
  costIsFloor,
  valueTypeContradicts,
].map(annualSet);
export const VALUE_META: readonly RuleMeta[] = [I014, I015, I016, I017, I018, I019];
