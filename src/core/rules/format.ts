/**
 * F001, a rule of ours beyond SPEC §4: text typed with stray spaces (`社会效益指标 ` in the
 * seed) reads the same to the rules, which normalise spaces, but looks careless in the table
 * sent on. Info only, so it never blocks; the quick fix trims the spaces.
 */
import { Field, TargetTable } from '../model';
import { hasStraySpaces, trimSpaces } from '../text';
import { RuleMeta, TableRule, finding } from './rule';

interface TextField {
  field: Field<unknown>;
  label: string;
  /** A 一级/二级指标 carried down a merged cell is the cell of a row above, checked there. */
  carried?: boolean;
}

function textFields(t: TargetTable): TextField[] {
  return [
    { field: t.code, label: '项目编码' },
    { field: t.name, label: '项目名称' },
    { field: t.fundUse, label: '资金用途' },
    ...t.indicators.flatMap((ind) => [
      { field: ind.level1, label: '一级指标', carried: ind.level1Carried },
      { field: ind.level2, label: '二级指标', carried: ind.level2Carried },
      { field: ind.level3, label: '三级指标' },
      { field: ind.description, label: '绩效指标描述' },
      { field: ind.value, label: '指标值' },
      { field: ind.basis, label: '指标值确定依据' },
    ]),
  ];
}

const F001: RuleMeta = { id: 'F001', severity: 'info' };
/** A text field with spaces at its ends or a run of spaces inside. */
export const straySpaces: TableRule = (t) =>
  textFields(t)
    .filter(({ field, carried }) => !carried && hasStraySpaces(field.raw))
    .map(({ field: f, label }) => {
      const trimmed = trimSpaces(String(f.raw));
      return finding(
        F001,
        t.sheet,
        f.cell,
        `${label}“${trimmed}”有多余的空格`,
        `${label} "${trimmed}" has stray spaces`,
        {
          description: '删除多余的空格',
          description_en: 'Remove the stray spaces',
          edits: [{ sheet: t.sheet, cell: f.cell, value: trimmed }],
        },
      );
    });

export const FORMAT_RULES: readonly TableRule[] = [straySpaces];
