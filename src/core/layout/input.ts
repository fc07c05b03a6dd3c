/** Back from a table read in a sheet to the input that would write it (imports, round trips). */
import { Field, TableInput, TargetTable } from '../model';
import { Decimal, amountText } from '../money';

/** Text as the officer typed it (stray spaces kept, for F001 to report), not the trimmed text. */
function typed(f: Field<unknown>): string {
  return typeof f.raw === 'string' && f.raw.trim() !== '' ? f.raw : f.text;
}

function amountInput(f: Field<Decimal>): string {
  if (f.text === '') return '';
  return f.value ? amountText(f.value) : f.text;
}

export function tableToInput(table: TargetTable): TableInput {
  const plan = table.spendingPlan.map((p) => (p.percent.value ? `${p.percent.value.toString()}%` : p.percent.text));
  return {
    layout: table.layout,
    title: typed(table.title),
    department: typed(table.department),
    code: typed(table.code),
    name: typed(table.name),
    budget: { total: amountInput(table.budget.total), fiscal: amountInput(table.budget.fiscal), other: amountInput(table.budget.other) },
    fundUse: typed(table.fundUse),
    spendingPlan: [plan[0], plan[1], plan[2], plan[3]],
    goals: table.goals.value ?? [],
    indicators: table.indicators.map((ind) => {
      const common = {
        level1: typed(ind.level1),
        level2: typed(ind.level2),
        level3: typed(ind.level3),
        description: typed(ind.description),
        value: typed(ind.value),
        basis: typed(ind.basis),
      };
      return table.layout === 'provincial'
        ? { ...common, valueType: ind.valueType ? typed(ind.valueType) : '', operator: ind.operator ? typed(ind.operator) : '', unit: ind.unit ? typed(ind.unit) : '' }
        : common;
    }),
  };
}
