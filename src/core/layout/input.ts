/** Back from a table read in a sheet to the input that would write it (imports, round trips). */
import { Field, TableInput, TargetTable } from '../model';
import { Decimal } from '../money';

function amountText(f: Field<Decimal>): string {
  if (f.text === '') return '';
  return f.value ? f.value.toFixed(Math.max(2, f.value.decimalPlaces())) : f.text;
}

export function tableToInput(table: TargetTable): TableInput {
  const plan = table.spendingPlan.map((p) => (p.percent.value ? `${p.percent.value.toString()}%` : p.percent.text));
  return {
    layout: table.layout,
    title: table.title.text,
    department: table.department.text,
    code: table.code.text,
    name: table.name.text,
    budget: { total: amountText(table.budget.total), fiscal: amountText(table.budget.fiscal), other: amountText(table.budget.other) },
    fundUse: table.fundUse.text,
    spendingPlan: [plan[0], plan[1], plan[2], plan[3]],
    goals: table.goals.value ?? [],
    indicators: table.indicators.map((ind) => {
      const common = {
        level1: ind.level1.text,
        level2: ind.level2.text,
        level3: ind.level3.text,
        description: ind.description.text,
        value: ind.value.text,
        basis: ind.basis.text,
      };
      return table.layout === 'provincial'
        ? { ...common, valueType: ind.valueType?.text ?? '', operator: ind.operator?.text ?? '', unit: ind.unit?.text ?? '' }
        : common;
    }),
  };
}
