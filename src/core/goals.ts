/**
 * Numbering of 绩效目标 (performance goals). The writer numbers goals `1.` `2.` …; numbering an
 * officer already typed or a document already carries (`1.` `1、` `1．` `1)` `（1）` `(1)` `①` `一、`)
 * is kept as written, never doubled; the reader strips any of them.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CHINESE_DIGITS = '一二三四五六七八九十';

/** A goal's leading numbering, with the space after it. */
export const GOAL_NUMBERING = new RegExp(
  `^(?:[（(]\\s*(?:\\d{1,2}|[${CHINESE_DIGITS}]{1,3})\\s*[)）]|\\d{1,2}\\s*[.、．)）](?!\\d)|[${CHINESE_DIGITS}]{1,3}\\s*[、.．]|[${CIRCLED}])\\s*`,
);

export function hasGoalNumber(goal: string): boolean {
  return GOAL_NUMBERING.test(goal.trim());
}

export function stripGoalNumber(goal: string): string {
  return goal.trim().replace(GOAL_NUMBERING, '').trim();
}

/** The goals as the 绩效目标 cell shows them: numbered `1.` … unless a goal carries its own numbering. */
export function numberGoals(goals: readonly string[]): string {
  return goals.map((g, i) => (hasGoalNumber(g) ? g.trim() : `${i + 1}.${g.trim()}`)).join('\n');
}
