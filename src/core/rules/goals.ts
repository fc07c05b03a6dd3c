/** Rules on 绩效目标 (SPEC §4, G-rules). */
import { Finding } from '../finding';
import { TargetTable } from '../model';
import { labelKey } from '../text';
import { RuleMeta, TableRule, finding, hasField } from './rule';

const G001: RuleMeta = {
  id: 'G001',
  severity: 'error',
  description: { zh: '绩效目标为空', en: '绩效目标 (performance goals) empty' },
  fixable: false,
};
/** 绩效目标 empty: a table states at least one goal. */
export const goalsMissing: TableRule = (t, profile) =>
  t.goals.value?.some((goal) => goal.trim() !== '') || !hasField(t, profile, 'goals')
    ? []
    : [finding(G001, t.sheet, t.goals.cell, '缺少绩效目标：请至少填写一条，每行一条', '绩效目标 (performance goals) is empty: state at least one, one per line')];

/** A goal line numbered `1.`, `2、`, `(3)`, `④`…: its number and its words. */
const NUMBERED = /^\s*(?:[(（]?\d{1,2}[)）.、．:：](?!\d)|[①-⑳])\s*(.+)$/;
/** Where a numbered goal starts, also inside a line (`1.保障运转；2.及时拨付`). */
const GOAL_START = /(?=(?:[(（]?\d{1,2}[)）.、．](?!\d)|[①-⑳]))/;

/** The numbered goals as typed (the reader's list has the numbers taken off). */
function numberedGoals(text: string): string[] {
  const goals: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const piece of line.split(GOAL_START)) {
      const goal = NUMBERED.exec(piece)?.[1].replace(/[;；。，,\s]+$/, '').trim();
      if (goal) goals.push(goal);
    }
  }
  return goals;
}

/** Verbs and filler that every goal and indicator shares: they say nothing of what is measured. */
const STOP = new Set(['指标', '提高', '提升', '保障', '促进', '加强', '确保', '有效', '进一步', '实现', '完成', '开展', '工作']);

/**
 * The goal's words, cheaply: every pair of adjacent Chinese characters and every run of
 * letters or digits, without stop words. Pairs stand in for words without a dictionary.
 */
function goalWords(goal: string): string[] {
  const words = new Set<string>();
  for (const run of labelKey(goal).split(/[^\u4e00-\u9fffA-Z0-9]+/)) {
    const chinese = run.split(/[A-Z0-9]+/);
    for (const part of chinese) for (let i = 0; i + 1 < part.length; i++) words.add(part.slice(i, i + 2));
    for (const word of run.match(/[A-Z0-9]{2,}/g) ?? []) words.add(word);
  }
  return [...words].filter((w) => !STOP.has(w));
}

/** Goals and their words by the goals cell's text: workbooks repeat the same goals across sheets. */
const goalCache = new Map<string, { goal: string; words: string[] }[]>();
function goalsWithWords(text: string) {
  let goals = goalCache.get(text);
  if (!goals) {
    goals = numberedGoals(text).map((goal) => ({ goal, words: goalWords(goal) }));
    if (goalCache.size > 10_000) goalCache.clear();
    goalCache.set(text, goals);
  }
  return goals;
}

const I023: RuleMeta = {
  id: 'I023',
  severity: 'warning',
  description: { zh: '某条绩效目标没有对应的绩效指标', en: 'A numbered 绩效目标 line that no indicator speaks to' },
  fixable: false,
};
/**
 * A numbered goal line none of whose words any 三级指标 or description mentions (seed:
 * `资金及时拨付`, which no indicator measures); `保障工作正常运转` beside an indicator
 * described so stays quiet. One finding per such goal, at the goals cell, naming it.
 */
export const goalWithoutIndicator: TableRule = (t: TargetTable) => {
  const goals = goalsWithWords(t.goals.text);
  if (goals.length === 0 || t.indicators.length === 0) return [];
  // What the indicators say, as label keys (cached per text): a word is said when one of them holds it.
  const said: string[] = [];
  for (const ind of t.indicators) said.push(labelKey(ind.level3.text), labelKey(ind.description.text));
  const isSaid = (word: string) => said.some((s) => s.includes(word));
  const findings: Finding[] = [];
  for (const { goal, words } of goals) {
    if (words.length === 0 || words.some(isSaid)) continue;
    findings.push(
      finding(
        I023,
        t.sheet,
        t.goals.cell,
        `绩效目标“${goal}”没有对应的绩效指标：请增加衡量它的三级指标`,
        `No indicator speaks to the goal "${goal}": add a 三级指标 that measures it`,
      ),
    );
  }
  return findings;
};

export const GOAL_RULES: readonly TableRule[] = [goalsMissing, goalWithoutIndicator];
export const GOAL_META: readonly RuleMeta[] = [G001, I023];
