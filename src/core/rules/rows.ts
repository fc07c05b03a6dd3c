/** What the rules on indicator rows share: the framework, each row's category, a per-row rule, value edits. */
import { CellEdit, Finding, QuickFix } from '../finding';
import { Framework, Indicator, TargetTable } from '../model';
import { IndicatorValue, formatIndicatorValue } from '../parse';
import { Profile } from '../profile';
import { Category, categoryIn } from '../taxonomy';
import { TableRule } from './rule';

export type Quantity = Extract<IndicatorValue, { kind: 'quantitative' }>;

/** Findings about something missing from the block point at its header. */
export const headerCell = (t: TargetTable) => t.labels.indicatorHeader ?? t.title.cell;

/** The framework a table is checked against: the profile's, or the one its names use (SPEC §3a). */
export function frameworkOf(t: TargetTable, profile: Profile): Framework {
  return profile.framework !== 'auto' ? profile.framework : (t.framework ?? 'mof-2021');
}

/** Each row's canonical 一级/二级指标 in its framework, worked out once for all the rules that need them. */
const categories = new WeakMap<Indicator, { framework: Framework; category: Category }>();

export function categoryOf(ind: Indicator, framework: Framework): Category {
  const c = categories.get(ind);
  if (c && c.framework === framework) return c.category;
  const category = categoryIn(framework, ind.level1.text, ind.level2.text);
  categories.set(ind, { framework, category });
  return category;
}

/**
 * A cost target: 一级 成本指标 (MoF 2021), or 二级 成本指标 under 产出指标 (the 2015 and
 * provincial structures, and SPEC §2's second place for it).
 */
export const isCost = (category: Category) => category.level1 === '成本指标' || category.level2 === '成本指标';

/**
 * The categories of a table's rows, in order, worked out once per table for the dozen per-row
 * rules (one lookup per rule and table, not per row). Tables are not changed once read; the
 * length check guards the cache all the same.
 */
const rowCategories = new WeakMap<readonly Indicator[], { framework: Framework; categories: Category[] }>();

export function categoriesOf(rows: readonly Indicator[], framework: Framework): Category[] {
  const c = rowCategories.get(rows);
  if (c && c.framework === framework && c.categories.length === rows.length) return c.categories;
  const categories = rows.map((ind) => categoryOf(ind, framework));
  rowCategories.set(rows, { framework, categories });
  return categories;
}

/** A rule that looks at each indicator row on its own and finds at most one thing in it. */
export const eachRow =
  (check: (ind: Indicator, t: TargetTable, profile: Profile, category: Category, framework: Framework) => Finding | undefined): TableRule =>
  (t, profile) => {
    const findings: Finding[] = [];
    const framework = frameworkOf(t, profile);
    const categories = categoriesOf(t.indicators, framework);
    const rows = t.indicators;
    for (let i = 0; i < rows.length; i++) {
      const f = check(rows[i], t, profile, categories[i], framework);
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

/**
 * A table with two indicator sets (实施期 and 年度) is checked on its annual set, and each
 * finding says so (SPEC §3a).
 */
export const annualSet =
  (rule: TableRule): TableRule =>
  (t, profile) => {
    const findings = rule(t, profile);
    if (!t.longIndicators?.length) return findings;
    return findings.map((f) => ({ ...f, message: `年度指标：${f.message}`, message_en: `Annual indicators: ${f.message_en}` }));
  };
