/** Rules of the department-wide part (sheet `部门整体绩效目标`). */
import { Finding } from '../finding';
import { TargetTable } from '../model';
import { Profile } from '../profile';
import { BASIS_RULES } from '../rules/basis';
import { INDICATOR_RULES } from '../rules/indicators';
import { RuleMeta, TableRule, finding } from '../rules/rule';
import { VALUE_RULES } from '../rules/values';
import { WEIGHT_RULES } from '../rules/weights';
import { DepartmentPart, splitNumber } from './model';

/** D001: the overall goal (总体绩效目标) is filled in. */
export const D001: RuleMeta = {
  id: 'D001',
  severity: 'error',
  description: { zh: '部门整体绩效目标表：总体绩效目标未填写', en: 'Department-wide targets: the overall goal (总体绩效目标) is empty' },
  fixable: false,
};
/** D002: every 分项绩效目标 carries one number, and no number is used twice. */
export const D002: RuleMeta = {
  id: 'D002',
  severity: 'error',
  description: { zh: '部门整体绩效目标表：分项绩效目标缺少编号、编号重复或重复编号', en: 'Department-wide targets: a 分项绩效目标 without a number, numbered twice, or a number used twice' },
  fixable: false,
};

/** The project table's indicator rules (SPEC §4, I-rules), run unchanged on the department-wide table. */
const INDICATOR_FAMILIES: readonly TableRule[] = [...INDICATOR_RULES, ...VALUE_RULES, ...BASIS_RULES, ...WEIGHT_RULES];

/**
 * The department-wide table's indicator block checked like a project's: the same I-rules, findings
 * at the department sheet's cells. Rules about a project's own fields stay quiet: the reader marks
 * them absent, and a profile's `requiredFields` (project columns such as 指标值确定依据, which no
 * department-wide form has) is not applied here; its `requiredLevel1` is.
 */
export function checkDepartmentIndicators(table: TargetTable, profile: Profile): Finding[] {
  const p: Profile = { ...profile, requiredFields: [] };
  const out: Finding[] = [];
  for (const rule of INDICATOR_FAMILIES) for (const f of rule(table, p)) if (f.rule.startsWith('I')) out.push(f);
  return out;
}

/** D001/D002 on the department part, and its indicator table's I-rules when it has one. */
export function checkDepartment(part: DepartmentPart, profile?: Profile): Finding[] {
  const findings: Finding[] = [];
  if (part.overallGoal.trim() === '') {
    findings.push(finding(D001, part.sheet, part.cells.overallGoal, '总体绩效目标未填写', 'The overall goal (总体绩效目标) is empty'));
  }
  if (part.goals.length === 0) {
    findings.push(finding(D002, part.sheet, part.cells.goalsLabel, '没有分项绩效目标', 'There is no 分项绩效目标 (itemised goal)'));
  }
  const seen = new Map<string, number>();
  part.goals.forEach((goal, i) => {
    const cells = part.cells.goals[i];
    const n = i + 1;
    if (goal.number.trim() === '') {
      findings.push(finding(D002, part.sheet, cells.number, `第 ${n} 项分项绩效目标没有序号`, `Itemised goal ${n} has no number`));
    } else if (seen.has(goal.number)) {
      findings.push(finding(D002, part.sheet, cells.number, `序号“${goal.number}”重复（第 ${seen.get(goal.number)} 项已用）`, `Number "${goal.number}" is used twice (already by goal ${seen.get(goal.number)})`));
    } else {
      seen.set(goal.number, n);
    }
    if (goal.text.trim() === '') {
      findings.push(finding(D002, part.sheet, cells.text, `第 ${n} 项分项绩效目标没有内容`, `Itemised goal ${n} is empty`));
    } else if (splitNumber(goal.text).number !== '') {
      findings.push(finding(D002, part.sheet, cells.text, `第 ${n} 项分项绩效目标的内容又以序号开头（序号只写在序号列）`, `Itemised goal ${n} is numbered twice (its text starts with a number too)`));
    }
  });
  if (part.indicatorTable && profile) for (const f of checkDepartmentIndicators(part.indicatorTable, profile)) findings.push(f);
  return findings;
}
