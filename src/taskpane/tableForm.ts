/**
 * The new-table form's data and its live check. The form is checked by the core itself: the
 * table is written as the sheet would be (writeTargetTable), read back (readTargetTable) and
 * validated with the workbook's tables (so a duplicate 项目编码 shows before inserting); each
 * finding's cell is then mapped back to the form field it came from.
 */
import { Finding } from '../core/finding';
import { IndicatorInput, LayoutId, TableInput, TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { readTargetTable } from '../core/layout/reader';
import { writeTargetTable } from '../core/layout/writer';
import { validateWorkbook } from '../core/rules';
import { sheetToGrid } from '../core/sheet';

const INDICATOR_FIELDS = ['level1', 'level2', 'level3', 'description', 'value', 'basis'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface IndicatorRow extends Pick<IndicatorInput, IndicatorField> {
  /** Stable across removals, so a row keeps its React key and its touched fields. */
  id: number;
}

export interface TableForm {
  layout: LayoutId;
  /** Undefined until typed: the workbook's department is suggested meanwhile. */
  department: string | undefined;
  code: string;
  name: string;
  total: string;
  fiscal: string;
  other: string;
  fundUse: string;
  plan: [string, string, string, string];
  /** One goal per line, as typed. */
  goals: string;
  indicators: IndicatorRow[];
}

/** `code`, `plan.2`, `indicator.7.level2`, `indicators` (the block as a whole). */
export type FieldKey = string;
export const planKey = (i: number): FieldKey => `plan.${i}`;
export const indicatorKey = (id: number, field: IndicatorField): FieldKey => `indicator.${id}.${field}`;

let nextId = 1;
export function newIndicatorRow(level1 = ''): IndicatorRow {
  return { id: nextId++, level1, level2: '', level3: '', description: '', value: '', basis: '' };
}

export function emptyForm(requiredLevel1: readonly string[]): TableForm {
  return {
    layout: 'standard',
    department: undefined,
    code: '',
    name: '',
    total: '',
    fiscal: '',
    other: '',
    fundUse: '',
    plan: ['', '', '', ''],
    goals: '',
    indicators: requiredLevel1.map((l1) => newIndicatorRow(l1)),
  };
}

export function toTableInput(form: TableForm, suggestedDepartment: string): TableInput {
  return {
    layout: form.layout,
    department: (form.department ?? suggestedDepartment).trim(),
    code: form.code.trim(),
    name: form.name.trim(),
    budget: { total: form.total, fiscal: form.fiscal, other: form.other },
    fundUse: form.fundUse.trim(),
    spendingPlan: form.plan,
    goals: form.goals.split(/\r?\n/).map((g) => g.trim()).filter((g) => g !== ''),
    indicators: form.indicators.map((row) => ({
      level1: row.level1,
      level2: row.level2,
      level3: row.level3,
      description: row.description,
      value: row.value,
      basis: row.basis,
    })),
  };
}

/** The name the form's table is checked under: brackets cannot occur in a real sheet name. */
const FORM_SHEET = '[form]';

interface FormCheck {
  byField: Map<FieldKey, Finding[]>;
  /** Findings not tied to a field of the form. */
  other: Finding[];
  all: Finding[];
}

function fieldsByCell(table: TargetTable, form: TableForm): Map<string, FieldKey> {
  const map = new Map<string, FieldKey>();
  const put = (cell: string | undefined, key: FieldKey) => {
    if (cell && !map.has(cell)) map.set(cell, key);
  };
  put(table.department.cell, 'department');
  put(table.code.cell, 'code');
  put(table.name.cell, 'name');
  put(table.budget.total.cell, 'total');
  put(table.budget.fiscal.cell, 'fiscal');
  put(table.budget.other.cell, 'other');
  put(table.fundUse.cell, 'fundUse');
  put(table.goals.cell, 'goals');
  table.spendingPlan.forEach((p, i) => put(p.percent.cell, planKey(i)));
  table.indicators.forEach((ind, i) => {
    const row = form.indicators[i];
    if (!row) return;
    for (const f of INDICATOR_FIELDS) put(ind[f].cell, indicatorKey(row.id, f));
    // The provincial layout splits 指标值: its operator and unit columns are the same form field.
    if (ind.operator) put(ind.operator.cell, indicatorKey(row.id, 'value'));
    if (ind.unit) put(ind.unit.cell, indicatorKey(row.id, 'value'));
  });
  const labels = table.labels;
  put(labels.code, 'code');
  put(labels.name, 'name');
  put(labels.goals, 'goals');
  put(labels.indicatorHeader, 'indicators');
  return map;
}

export function checkForm(form: TableForm, suggestedDepartment: string, profile: Profile, workbook: readonly TargetTable[]): FormCheck {
  const input = toTableInput(form, suggestedDepartment);
  const table = readTargetTable(sheetToGrid(writeTargetTable(input)), FORM_SHEET);
  const byField = new Map<FieldKey, Finding[]>();
  const other: Finding[] = [];
  if (!table) return { byField, other, all: [] };
  const all = validateWorkbook([...workbook, table], profile).filter((f) => f.sheet === FORM_SHEET);
  const fields = fieldsByCell(table, form);
  for (const f of all) {
    const key = fields.get(f.cell);
    if (key === undefined) other.push(f);
    else byField.set(key, [...(byField.get(key) ?? []), f]);
  }
  return { byField, other, all };
}

/** The department most tables of the workbook have, to prefill the form. */
export function workbookDepartment(tables: readonly TargetTable[]): string {
  const counts = new Map<string, number>();
  let best = '';
  for (const t of tables) {
    const d = t.department.text;
    if (!d) continue;
    const n = (counts.get(d) ?? 0) + 1;
    counts.set(d, n);
    if (n > (counts.get(best) ?? 0)) best = d;
  }
  return best;
}
