/** Rules on 指标值确定依据 beyond its presence (SPEC §4: I020, I021; I011 asks for it at all). */
import { labelKey } from '../text';
import { BASIS_ACCEPTED, BASIS_CHOICES, COST_BASIS } from '../taxonomy';
import { RuleMeta, TableRule, finding, hasField } from './rule';
import { annualSet, eachRow, isCost } from './rows';

const ACCEPTED = new Set(BASIS_ACCEPTED.map(labelKey));

/** The bases a cell names: one, or several separated by 、 , ; / or a line break. */
const basesOf = (text: string) => text.split(/[、,，;；/\n]+/).map(labelKey).filter((b) => b !== '');

const I020: RuleMeta = {
  id: 'I020',
  severity: 'info',
  description: { zh: '指标值确定依据不在可选范围内', en: '指标值确定依据 outside the accepted list' },
  fixable: false,
};
/** A basis outside 计划标准 / 行业标准 / 历史标准 / 预算支出标准 / 其他标准 (`其他` accepted). */
export const basisOutsideList = eachRow((ind, t, profile) => {
  const { text, cell } = ind.basis;
  if (text === '' || !hasField(t, profile, 'basis') || basesOf(text).every((b) => ACCEPTED.has(b))) return undefined;
  return finding(
    I020,
    t.sheet,
    cell,
    `指标值确定依据“${text}”不在可选范围内（${BASIS_CHOICES.join('、')}）`,
    `指标值确定依据 "${text}" is not one of ${BASIS_CHOICES.join(', ')}`,
  );
});

const I021: RuleMeta = {
  id: 'I021',
  severity: 'info',
  description: { zh: '非成本指标使用了“预算支出标准”', en: '预算支出标准 on a row that is not a 成本指标' },
  fixable: false,
};
/** 预算支出标准 is the basis of cost targets; on another row it is likely a slip of the dropdown. */
export const costBasisOffCost = eachRow((ind, t, profile, category) => {
  if (!hasField(t, profile, 'basis') || !basesOf(ind.basis.text).includes(labelKey(COST_BASIS)) || isCost(category)) return undefined;
  return finding(
    I021,
    t.sheet,
    ind.basis.cell,
    `“${COST_BASIS}”用于成本指标，而本行不是成本指标：请确认指标值确定依据`,
    `"${COST_BASIS}" is the basis of cost targets, and this row is not a 成本指标: check the basis`,
  );
});

export const BASIS_RULES: readonly TableRule[] = [basisOutsideList, costBasisOffCost].map(annualSet);
export const BASIS_META: readonly RuleMeta[] = [I020, I021];
