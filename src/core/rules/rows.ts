/** What the rules on indicator rows share: each row's category, a per-row rule, value edits. */
import { CellEdit, Finding, QuickFix } from '../finding';
import { Indicator, TargetTable } from '../model';
import { IndicatorValue, formatIndicatorValue } from '../parse';
import { Profile } from '../profile';
import { LEVEL1, canonicalLevel1, canonicalLevel2 } from '../taxonomy';
import { TableRule } from './rule';

export type Quantity = Extract<IndicatorValue, { kind: 'quantitative' }>;

/** Findings about something missing from the block point at its header. */
export const headerCell = (t: TargetTable) => t.labels.indicatorHeader ?? t.title.cell;

/** Each row's canonical 一级/二级指标, worked out once for all the rules that need them. */
const categories = new WeakMap<Indicator, { level1?: (typeof LEVEL1)[number]; level2?: string }>();

function categoryOf(ind: Indicator) {
  let c = categories.get(ind);
  if (!c) {
    const level1 = canonicalLevel1(ind.level1.text);
    c = { level1, level2: level1 && canonicalLevel2(level1, ind.level2.text) };
    categories.set(ind, c);
  }
  return c;
}

export const level1Of = (ind: Indicator) => categoryOf(ind).level1;
export const level2Of = (ind: Indicator) => categoryOf(ind).level2;

/** A cost target: 一级 成本指标, or 二级 成本指标 under 产出指标 (SPEC §2's two places for it). */
export const isCost = (ind: Indicator) => level1Of(ind) === '成本指标' || level2Of(ind) === '成本指标';

/** A rule that looks at each indicator row on its own and finds at most one thing in it. */
export const eachRow =
  (check: (ind: Indicator, t: TargetTable, profile: Profile) => Finding | undefined): TableRule =>
  (t, profile) => {
    const findings: Finding[] = [];
    for (const ind of t.indicators) {
      const f = check(ind, t, profile);
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

export function valueFix(sheet: string, ind: Indicator, current: Quantity, next: Quantity): QuickFix | undefined {
  const edits = valueEdits(sheet, ind, current, next);
  const text = formatIndicatorValue(next);
  return edits && { description: `将指标值改为“${text}”`, description_en: `Change the 指标值 to "${text}"`, edits };
}
