/** I022: the 权重/分值 of a block with that column (SPEC §4). */
import { Finding } from '../finding';
import { Indicator, TargetTable } from '../model';
import { ZERO, sum } from '../money';
import { RuleMeta, TableRule, finding, hasField } from './rule';

const I022: RuleMeta = {
  id: 'I022',
  severity: 'error',
  description: { zh: '权重不大于0，或一组指标的权重合计不等于100', en: "A weight ≤ 0, or a set's weights not adding up to 100" },
  fixable: false,
};

/** The indicator sets of a table (SPEC §3a): the annual one, and the 实施期 one when there is one. */
function indicatorSets(t: TargetTable): { rows: readonly Indicator[]; total: number; zh: string; en: string }[] {
  const total = t.weightTotal ?? 100;
  if (!t.longIndicators?.length) return [{ rows: t.indicators, total, zh: '', en: '' }];
  return [
    { rows: t.indicators, total, zh: '年度指标：', en: 'Annual indicators: ' },
    { rows: t.longIndicators, total: 100, zh: '实施期指标：', en: '实施期 (whole-period) indicators: ' },
  ];
}

/**
 * Each weight is a number above 0, and the weights of each indicator set (年度, and 实施期 when
 * the table has it) add up to 100 exactly (decimal), or to the points a scored form gives the
 * block (`年度绩效目标(90分)`: 90, the other 10 being 预算执行's). A set's sum is reported once, at its first
 * weight cell, and says what it is and which set it is. Quiet where the template has no 权重
 * column, unless the profile requires one.
 */
export const weightsInvalid: TableRule = (t, profile) => {
  if (!hasField(t, profile, 'weight')) return [];
  const findings: Finding[] = [];
  for (const set of indicatorSets(t)) {
    const rows = set.rows.filter((ind): ind is Indicator & { weight: NonNullable<Indicator['weight']> } => ind.weight !== undefined);
    if (rows.length === 0) continue;
    for (const { weight } of rows) {
      const { text, cell, value } = weight;
      if (value === undefined) {
        findings.push(
          text === ''
            ? finding(I022, t.sheet, cell, `${set.zh}缺少权重`, `${set.en}The weight (权重) is missing`)
            : finding(I022, t.sheet, cell, `${set.zh}权重“${text}”不是数字`, `${set.en}The weight "${text}" is not a number`),
        );
      } else if (value.lte(ZERO)) {
        findings.push(finding(I022, t.sheet, cell, `${set.zh}权重“${text}”应大于0`, `${set.en}The weight "${text}" must be above 0`));
      }
    }
    const total = sum(rows.map((r) => r.weight.value ?? ZERO));
    if (!total.eq(set.total)) {
      findings.push(
        finding(
          I022,
          t.sheet,
          rows[0].weight.cell,
          `${set.zh}各指标权重合计为${total.toFixed()}，应为${set.total}`,
          `${set.en}The weights add up to ${total.toFixed()}, not ${set.total}`,
        ),
      );
    }
  }
  return findings;
};

export const WEIGHT_RULES: readonly TableRule[] = [weightsInvalid];
export const WEIGHT_META: readonly RuleMeta[] = [I022];
