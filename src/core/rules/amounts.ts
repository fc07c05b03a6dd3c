/** Rules on the budget block: 预算数, 财政资金, 其他资金 and 资金用途 (SPEC §4, A-rules). */
import { Finding } from '../finding';
import { Field, TargetTable } from '../model';
import { Decimal, ZERO, amountText, decimalPlaces } from '../money';
import { RuleMeta, TableRule, finding, hasField } from './rule';

type AmountKey = keyof TargetTable['budget'];

const AMOUNT_LABELS: Record<AmountKey, { zh: string; en: string }> = {
  total: { zh: '预算数', en: '预算数 (total budget)' },
  fiscal: { zh: '财政资金', en: '财政资金 (fiscal funds)' },
  other: { zh: '其他资金', en: '其他资金 (other funds)' },
};

const AMOUNT_KEYS = Object.keys(AMOUNT_LABELS) as AmountKey[];

/** A blank 财政资金 or 其他资金 is 0 (SPEC §2), whatever the reader chose to store. */
function amountOf(key: AmountKey, f: Field<Decimal>): Decimal | undefined {
  return f.value ?? (key !== 'total' && f.text === '' ? ZERO : undefined);
}

const A001: RuleMeta = { id: 'A001', severity: 'error' };
/**
 * 预算数 missing or not a number. A 财政资金 or 其他资金 that is not a number (blank is 0) is
 * reported here too, naming the field: it is the same mistake, and without a number A003
 * cannot check the sum, so it must not pass silently.
 */
export const amountNotNumber: TableRule = (t, profile) =>
  AMOUNT_KEYS.flatMap((key): Finding[] => {
    const f = t.budget[key];
    if (amountOf(key, f) !== undefined || !hasField(t, profile, key)) return [];
    const { zh, en } = AMOUNT_LABELS[key];
    return f.text === ''
      ? [finding(A001, t.sheet, f.cell, `缺少${zh}`, `${en} is missing`)]
      : [finding(A001, t.sheet, f.cell, `${zh}“${f.text}”不是数字`, `${en} "${f.text}" is not a number`)];
  });

const A002: RuleMeta = { id: 'A002', severity: 'error' };
/** An amount below zero. */
export const amountNegative: TableRule = (t) =>
  AMOUNT_KEYS.flatMap((key): Finding[] => {
    const f = t.budget[key];
    const { zh, en } = AMOUNT_LABELS[key];
    return f.value?.lt(ZERO)
      ? [finding(A002, t.sheet, f.cell, `${zh}不能为负数，现为${amountText(f.value)}`, `${en} cannot be negative, it is ${amountText(f.value)}`)]
      : [];
  });

const A003: RuleMeta = { id: 'A003', severity: 'error' };
/** 预算数 ≠ 财政资金 + 其他资金, exactly; checked only when all three are numbers. */
export const totalIsSum: TableRule = (t, profile) => {
  // Without a 财政资金 field the template states no breakdown to check (a missing 其他资金 is 0).
  if (!hasField(t, profile, 'total') || !hasField(t, profile, 'fiscal')) return [];
  const [total, fiscal, other] = AMOUNT_KEYS.map((key) => amountOf(key, t.budget[key]));
  if (!total || !fiscal || !other) return [];
  const sum = fiscal.plus(other);
  return total.eq(sum)
    ? []
    : [
        finding(
          A003,
          t.sheet,
          t.budget.total.cell,
          `预算数${amountText(total)}万元不等于财政资金${amountText(fiscal)}万元与其他资金${amountText(other)}万元之和${amountText(sum)}万元`,
          `预算数 ${amountText(total)} does not equal 财政资金 ${amountText(fiscal)} + 其他资金 ${amountText(other)} = ${amountText(sum)} (万元)`,
        ),
      ];
};

const A004: RuleMeta = { id: 'A004', severity: 'warning' };
/** An amount with more decimals than the profile allows; no quick fix, rounding money is the officer's call. */
export const amountDecimals: TableRule = (t, profile) =>
  AMOUNT_KEYS.flatMap((key): Finding[] => {
    const f = t.budget[key];
    const { zh, en } = AMOUNT_LABELS[key];
    // Decimals count as the sheet shows the amount: 3,309,840.00 元 is 330.984 万元 but has two.
    const yuan = t.amountCells?.[key]?.some((c) => c.yuan) ?? false;
    const places = f.value ? decimalPlaces(yuan ? f.value.times(10_000) : f.value) : 0;
    return f.value && places > profile.amountDecimals
      ? [
          finding(
            A004,
            t.sheet,
            f.cell,
            `${zh}${amountText(f.value)}有${places}位小数，最多应为${profile.amountDecimals}位`,
            `${en} ${amountText(f.value)} has ${places} decimals; at most ${profile.amountDecimals} are allowed`,
          ),
        ]
      : [];
  });

const A005: RuleMeta = { id: 'A005', severity: 'warning' };
/** 资金用途 empty. */
export const fundUseMissing: TableRule = (t, profile) =>
  t.fundUse.text === '' && hasField(t, profile, 'fundUse')
    ? [finding(A005, t.sheet, t.fundUse.cell, '缺少资金用途：请说明资金用于什么', '资金用途 (what the money is for) is empty')]
    : [];

export const AMOUNT_RULES: readonly TableRule[] = [amountNotNumber, amountNegative, totalIsSum, amountDecimals, fundUseMissing];
