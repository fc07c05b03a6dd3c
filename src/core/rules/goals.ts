/** Rules on 绩效目标 (SPEC §4, G-rules). */
import { RuleMeta, TableRule, finding, hasField } from './rule';

const G001: RuleMeta = { id: 'G001', severity: 'error' };
/** 绩效目标 empty: a table states at least one goal. */
export const goalsMissing: TableRule = (t, profile) =>
  t.goals.value?.some((goal) => goal.trim() !== '') || !hasField(t, profile, 'goals')
    ? []
    : [finding(G001, t.sheet, t.goals.cell, '缺少绩效目标：请至少填写一条，每行一条', '绩效目标 (performance goals) is empty: state at least one, one per line')];

export const GOAL_RULES: readonly TableRule[] = [goalsMissing];
