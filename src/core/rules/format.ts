/**
 * F001, a rule of ours beyond SPEC §4: text typed with stray spaces (`社会效益指标 ` in the
 * seed) reads the same to the rules, which normalise spaces, but looks careless in the table
 * sent on. Info only, so it never blocks; the quick fix trims the spaces.
 */
import { Finding } from '../finding';
import { Field, Indicator, TargetTable } from '../model';
import { hasStraySpaces, trimSpaces } from '../text';
import { RuleMeta, TableRule, finding } from './rule';

type Labelled<T> = readonly [label: string, field: (of: T) => Field<unknown>, carried?: (of: T) => boolean];

const TABLE_FIELDS: readonly Labelled<TargetTable>[] = [
  ['项目编码', (t) => t.code],
  ['项目名称', (t) => t.name],
  ['资金用途', (t) => t.fundUse],
];

/** A 一级/二级指标 carried down a merged cell is the cell of a row above, checked there. */
const ROW_FIELDS: readonly Labelled<Indicator>[] = [
  ['一级指标', (ind) => ind.level1, (ind) => ind.level1Carried],
  ['二级指标', (ind) => ind.level2, (ind) => ind.level2Carried],
  ['三级指标', (ind) => ind.level3],
  ['绩效指标描述', (ind) => ind.description],
  ['指标值', (ind) => ind.value],
  ['指标值确定依据', (ind) => ind.basis],
];

const F001: RuleMeta = {
  id: 'F001',
  severity: 'info',
  description: { zh: '文字有多余的空格', en: 'Text with stray spaces' },
  fixable: true,
};

function straySpacesAt(t: TargetTable, label: string, f: Field<unknown>): Finding {
  const trimmed = trimSpaces(String(f.raw));
  return finding(F001, t.sheet, f.cell, `${label}“${trimmed}”有多余的空格`, `${label} "${trimmed}" has stray spaces`, {
    description: '删除多余的空格',
    description_en: 'Remove the stray spaces',
    edits: [{ sheet: t.sheet, cell: f.cell, value: trimmed }],
  });
}

/** A text field with spaces at its ends or a run of spaces inside. */
export const straySpaces: TableRule = (t) => {
  const findings: Finding[] = [];
  const check = <T>(of: T, fields: readonly Labelled<T>[]) => {
    for (const [label, field, carried] of fields) {
      const f = field(of);
      if (!carried?.(of) && hasStraySpaces(f.raw)) findings.push(straySpacesAt(t, label, f));
    }
  };
  check(t, TABLE_FIELDS);
  for (const ind of t.indicators) check(ind, ROW_FIELDS);
  return findings;
};

export const FORMAT_RULES: readonly TableRule[] = [straySpaces];
export const FORMAT_META: readonly RuleMeta[] = [F001];
