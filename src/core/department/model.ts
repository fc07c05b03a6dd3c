/**
 * The department-wide part of a published budget document (第一部分 部门整体绩效目标):
 * the overall goal, the numbered 分项绩效目标 and the numbered 工作保障措施.
 */
import { IndicatorInput, TargetTable } from '../model';

/** One numbered paragraph: its number as written (`一`, `1`, `（一）`) and its text without it. */
export interface NumberedItem {
  number: string;
  text: string;
}

export interface DepartmentInput {
  /** `{部门编码}{部门名称}`, as on the project tables. */
  department: string;
  overallGoal: string;
  goals: NumberedItem[];
  measures: NumberedItem[];
  /** The department-wide indicator table (部门整体绩效目标表), when the document has one. */
  table?: DepartmentTable;
}

/**
 * The department-wide indicator table: its title as published, the rows above its indicator
 * header kept as text (部门名称, 年度预算安排, 年度总体目标, 年度主要任务 and their 资金…), and
 * its indicators, read and checked like a project table's block.
 */
export interface DepartmentTable {
  title: string;
  head: string[][];
  indicators: IndicatorInput[];
}

/** Where each part sits in the department sheet (A1 addresses), for findings. */
export interface DepartmentPart extends DepartmentInput {
  sheet: string;
  cells: {
    overallGoal: string;
    goals: { number: string; text: string }[];
    /** The 分项绩效目标 label (findings about a missing goal point here). */
    goalsLabel: string;
  };
  /** The indicator table as the project reader reads it (cells on this sheet), for the I-rules. */
  indicatorTable?: TargetTable;
}

const NUMBER = /^\s*(?:[（(]\s*([一二三四五六七八九十百\d]{1,4})\s*[)）]|([一二三四五六七八九十百]{1,4}|\d{1,3})\s*[、.．,，]|(\d{1,3})\s+)\s*/;

/** Splits a leading number (`一、`, `1.`, `（一）`) off a paragraph. */
export function splitNumber(paragraph: string): NumberedItem {
  const m = NUMBER.exec(paragraph);
  if (!m) return { number: '', text: paragraph.trim() };
  const number = m[1] !== undefined ? `（${m[1]}）` : (m[2] ?? m[3]);
  return { number, text: paragraph.slice(m[0].length).trim() };
}

/** A numbered paragraph as published: `一、…`, `1.…`, `（一）…`. */
export function numberedText(item: NumberedItem): string {
  if (!item.number) return item.text;
  if (/^[（(]/.test(item.number)) return `${item.number}${item.text}`;
  return /^\d+$/.test(item.number) ? `${item.number}.${item.text}` : `${item.number}、${item.text}`;
}
