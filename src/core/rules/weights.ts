/** I022: the 权重/分值 of a block with that column (SPEC §4). */
import { Finding } from '../finding';
import { Indicator } from '../model';
import { ZERO, sum } from '../money';
import { RuleMeta, TableRule, finding } from './rule';

const I022: RuleMeta = {
  id: 'I022',
  severity: 'error',
  description: { zh: '权重不大于0，或一组指标的权重合计不等于100', en: "A weight ≤ 0, or a set's weights not adding up to 100" },
  fixable: false,
};

/**
 * Each weight is a number above 0, and the weights of the table's indicator set add up to 100
 * exactly (decimal). The sum is reported once, at the first weight cell, and says what it is.
 */
export const weightsInvalid: TableRule = (t) => {
  const rows = t.indicators.filter((ind): ind is Indicator & { weight: NonNullable<Indicator['weight']> } => ind.weight !== undefined);
  if (rows.length === 0) return [];
  const findings: Finding[] = [];
  for (const { weight } of rows) {
    const { text, cell, value } = weight;
    if (value === undefined) {
      findings.push(
        text === ''
          ? finding(I022, t.sheet, cell, '缺少权重', 'The weight (权重) is missing')
          : finding(I022, t.sheet, cell, `权重“${text}”不是数字`, `The weight "${text}" is not a number`),
      );
    } else if (value.lte(ZERO)) {
      findings.push(finding(I022, t.sheet, cell, `权重“${text}”应大于0`, `The weight "${text}" must be above 0`));
    }
  }
  const total = sum(rows.map((r) => r.weight.value ?? ZERO));
  if (!total.eq(100)) {
    findings.push(
      finding(
        I022,
        t.sheet,
        rows[0].weight.cell,
        `各指标权重合计为${total.toFixed()}，应为100`,
        `The weights add up to ${total.toFixed()}, not 100`,
      ),
    );
  }
  return findings;
};

export const WEIGHT_RULES: readonly TableRule[] = [weightsInvalid];
export const WEIGHT_META: readonly RuleMeta[] = [I022];
