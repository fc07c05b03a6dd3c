/**
 * Tables from JSON, as `new --from TABLES.json` and the pane's import take them: either a list
 * of `TableInput`s (or `{ "tables": [...] }`), or a published document's structured form like
 * the seed (`{ department, year, projects: [{ code, name, budget, spendingPlanCumulativePct, … }] }`).
 */
import { IndicatorInput, LayoutId, QUARTERS, TableInput } from './model';

export type ImportResult = { ok: true; tables: TableInput[] } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

function indicator(v: unknown): IndicatorInput {
  const o = isObj(v) ? v : {};
  const ind: IndicatorInput = {
    level1: str(o.level1),
    level2: str(o.level2),
    level3: str(o.level3),
    description: str(o.description),
    value: str(o.value),
    basis: str(o.basis),
  };
  for (const k of ['valueType', 'operator', 'unit'] as const) if (k in o) ind[k] = str(o[k]);
  return ind;
}

function percentText(v: unknown): string {
  return typeof v === 'number' ? `${v}%` : str(v);
}

function table(o: Obj, index: number, errors: string[], defaults: Obj): TableInput {
  const budget = isObj(o.budget) ? o.budget : {};
  const planSource = o.spendingPlan ?? o.spendingPlanCumulativePct;
  const plan: string[] = Array.isArray(planSource)
    ? planSource.map(percentText)
    : isObj(planSource) ? QUARTERS.map((q) => percentText(planSource[q])) : [];
  if (plan.length !== 4) errors.push(`table ${index + 1}: the spending plan needs four values (3月底, 6月底, 10月底, 12月底)`);
  if (!Array.isArray(o.indicators)) errors.push(`table ${index + 1}: "indicators" must be a list`);
  if (o.goals !== undefined && !Array.isArray(o.goals)) errors.push(`table ${index + 1}: "goals" must be a list`);
  const layout: LayoutId = o.layout === 'provincial' ? 'provincial' : 'standard';
  return {
    layout,
    ...(typeof o.title === 'string' && o.title ? { title: o.title } : {}),
    department: str(o.department ?? defaults.department),
    code: str(o.code),
    name: str(o.name),
    budget: { total: str(budget.total), fiscal: str(budget.fiscal), other: str(budget.other) },
    fundUse: str(o.fundUse),
    spendingPlan: [plan[0] ?? '', plan[1] ?? '', plan[2] ?? '', plan[3] ?? ''],
    goals: Array.isArray(o.goals) ? o.goals.map(str).filter((g) => g.trim() !== '') : [],
    indicators: Array.isArray(o.indicators) ? o.indicators.map(indicator) : [],
  };
}

export function importTables(json: unknown): ImportResult {
  const list = Array.isArray(json) ? json : isObj(json) ? (json.tables ?? json.projects) : undefined;
  if (!Array.isArray(list)) {
    return { ok: false, errors: ['expected a list of tables, or an object with "tables" or "projects"'] };
  }
  const defaults = isObj(json) ? json : {};
  const errors: string[] = [];
  const tables = list.map((t, i) => {
    if (!isObj(t)) {
      errors.push(`table ${i + 1} is not an object`);
      return table({}, i, [], defaults);
    }
    return table(t, i, errors, defaults);
  });
  if (tables.length === 0) errors.push('no tables in the file');
  return errors.length ? { ok: false, errors } : { ok: true, tables };
}
