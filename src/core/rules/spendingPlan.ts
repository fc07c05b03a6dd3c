/** Rules on 资金支出计划: cumulative shares at 3月底, 6月底, 10月底, 12月底 (SPEC §4, S-rules). */
import { CellEdit, Finding, QuickFix } from '../finding';
import { SpendingPoint, TargetTable } from '../model';
import { Decimal, HUNDRED, ZERO, decimalPlaces, sum } from '../money';
import { RuleMeta, TableRule, finding, hasField } from './rule';

const pct = (x: Decimal) => `${x.toString()}%`;

/** The four values when they are all numbers. */
function planValues(t: TargetTable): Decimal[] | undefined {
  const values = t.spendingPlan.map((p) => p.percent.value);
  return values.length === 4 && values.every((v) => v !== undefined) ? (values as Decimal[]) : undefined;
}

/**
 * Per-quarter shares typed where cumulative ones belong: the four values add up to 100 but
 * 12月底 is not 100 (seed project 9: 25/25/25/25).
 */
function perQuarterShares(t: TargetTable): Decimal[] | undefined {
  const values = planValues(t);
  return values && !values[3].eq(HUNDRED) && sum(values).eq(HUNDRED) ? values : undefined;
}

const S001: RuleMeta = {
  id: 'S001',
  severity: 'error',
  description: { zh: '资金支出计划的百分比缺失或不是百分比', en: 'A spending-plan percentage missing or not a percentage' },
  fixable: false,
};
/** A percentage missing or not a percentage. */
export const percentMissing: TableRule = (t) =>
  t.spendingPlan.flatMap(({ quarter: slot, label, percent }): Finding[] => {
    const quarter = label ?? slot;
    if (percent.value !== undefined) return [];
    return percent.text === ''
      ? [finding(S001, t.sheet, percent.cell, `缺少${quarter}累计支出计划（%）`, `The ${quarter} cumulative spending share (%) is missing`)]
      : [
          finding(
            S001,
            t.sheet,
            percent.cell,
            `${quarter}累计支出计划“${percent.text}”不是百分比`,
            `The ${quarter} cumulative spending share "${percent.text}" is not a percentage`,
          ),
        ];
  });

const S002: RuleMeta = {
  id: 'S002',
  severity: 'error',
  description: { zh: '资金支出计划的百分比超出0–100%', en: 'A spending-plan percentage outside 0–100' },
  fixable: false,
};
/** A percentage outside 0–100. */
export const percentInRange: TableRule = (t) =>
  t.spendingPlan.flatMap(({ quarter: slot, label, percent: { value, cell } }): Finding[] => {
    const quarter = label ?? slot;
    return (
    value && (value.lt(ZERO) || value.gt(HUNDRED))
      ? [
          finding(
            S002,
            t.sheet,
            cell,
            `${quarter}累计支出计划应在0%到100%之间，现为${pct(value)}`,
            `The ${quarter} cumulative spending share must be between 0% and 100%, it is ${pct(value)}`,
          ),
        ]
      : []
    );
  });

const S003: RuleMeta = {
  id: 'S003',
  severity: 'error',
  description: { zh: '累计支出计划比前一个值小', en: 'A cumulative spending-plan percentage lower than the one before it' },
  fixable: false,
};
/**
 * A percentage lower than the last one before it that is a number (the plan is cumulative).
 * Not raised for per-quarter shares: S004 explains those and its quick fix mends every cell.
 */
export const percentNotDecreasing: TableRule = (t) => {
  if (perQuarterShares(t)) return [];
  const findings: Finding[] = [];
  let before: SpendingPoint | undefined;
  for (const point of t.spendingPlan) {
    const value = point.percent.value;
    if (!value) continue;
    const previous = before?.percent.value;
    if (before && previous && value.lt(previous)) {
      findings.push(
        finding(
          S003,
          t.sheet,
          point.percent.cell,
          `${point.label ?? point.quarter}累计支出计划${pct(value)}低于${before.label ?? before.quarter}的${pct(previous)}：支出计划是累计数，不能减少`,
          `The ${point.label ?? point.quarter} share ${pct(value)} is lower than the ${before.label ?? before.quarter} share ${pct(previous)}: the plan is cumulative and cannot go down`,
        ),
      );
    }
    before = point;
  }
  return findings;
};

/** Writes cumulative shares as %-formatted numbers (25 points written as 0.25, shown as 25%). */
function cumulativeFix(t: TargetTable, cumulative: Decimal[]): QuickFix {
  const places = Math.max(...cumulative.map(decimalPlaces));
  const numberFormat = places === 0 ? '0%' : `0.${'0'.repeat(places)}%`;
  const edits: CellEdit[] = t.spendingPlan.map((p, i) => ({
    sheet: t.sheet,
    cell: p.percent.cell,
    value: cumulative[i].div(HUNDRED).toNumber(),
    numberFormat,
  }));
  const list = cumulative.map(pct);
  return {
    description: `改为累计数：${list.join('、')}`,
    description_en: `Make the shares cumulative: ${list.join(', ')}`,
    edits,
  };
}

const S004: RuleMeta = {
  id: 'S004',
  severity: 'error',
  description: { zh: '12月底累计支出计划不是100%（按季度填写时可改为累计数）', en: '12月底 is not 100% (per-quarter shares can be made cumulative)' },
  fixable: true,
};
/** 12月底 is not 100%; per-quarter shares get a message saying so and a quick fix. */
export const planEndsAtHundred: TableRule = (t) => {
  const last = t.spendingPlan.find((p) => p.quarter === '12月底');
  const value = last?.percent.value;
  if (!last || !value || value.eq(HUNDRED)) return [];
  const zh = `12月底累计支出计划应为100%，现为${pct(value)}`;
  const en = `The 12月底 cumulative share must be 100%, it is ${pct(value)}`;
  const shares = perQuarterShares(t);
  if (!shares) return [finding(S004, t.sheet, last.percent.cell, zh, en)];
  const cumulative = shares.map((_, i) => sum(shares.slice(0, i + 1)));
  const list = cumulative.map(pct);
  return [
    finding(
      S004,
      t.sheet,
      last.percent.cell,
      `${zh}。四个值合计为100%，看起来是按季度填写的，应改为累计数（${list.join('、')}）`,
      `${en}. The four values add up to 100%: they look like per-quarter shares; make them cumulative (${list.join(', ')})`,
      cumulativeFix(t, cumulative),
    ),
  ];
};

/** The S-rules apply where the template has a spending plan (or the profile requires one). */
const withPlan =
  (rule: TableRule): TableRule =>
  (t, profile) =>
    hasField(t, profile, 'spendingPlan') ? rule(t, profile) : [];

export const SPENDING_PLAN_RULES: readonly TableRule[] = [percentMissing, percentInRange, percentNotDecreasing, planEndsAtHundred].map(withPlan);
export const SPENDING_PLAN_META: readonly RuleMeta[] = [S001, S002, S003, S004];
