/**
 * Rules on reading itself (SPEC §3a, §4): a table we could not read is never passed silently.
 * R001 and R002 come from the workbook read, R003 from what the reader ignored in a table.
 */
import { Finding } from '../finding';
import { a1 } from '../grid';
import { MissingPart, UnreadTable } from '../layout/reader';
import { RuleMeta, TableRule, finding } from './rule';

const MISSING: Record<MissingPart, { zh: string; en: string }> = {
  identity: { zh: '项目名称或项目编码', en: 'a 项目名称 or 项目编码 label' },
  level2: { zh: '二级指标列', en: 'a 二级指标 column' },
  value: { zh: '指标值列', en: 'a 指标值 column' },
};

const R001: RuleMeta = { id: 'R001', severity: 'error' };
/** A sheet with an indicator header that could not be read as a target table, saying what is missing. */
export function unreadTables(unread: readonly UnreadTable[]): Finding[] {
  return unread.map((u) => {
    const zh = u.missing.map((m) => MISSING[m].zh).join('、');
    const en = u.missing.map((m) => MISSING[m].en).join(', ');
    return finding(
      R001,
      u.sheet,
      u.cell,
      `这里有绩效指标表头，但无法读成绩效目标表：缺少${zh}。请补上后再检查`,
      `There is an indicator header here, but it cannot be read as a target table: ${en} is missing`,
    );
  });
}

const R002: RuleMeta = { id: 'R002', severity: 'error' };
/** The workbook holds no target table at all: nothing was checked, so it is not ready to send. */
export function noTables(firstSheet: string): Finding[] {
  return [
    finding(
      R002,
      firstSheet,
      a1(0, 0),
      '工作簿中没有找到绩效目标表（需要“一级指标、二级指标”表头和项目名称或项目编码），没有检查任何内容',
      'The workbook holds no target table (an indicator header with 一级指标 and 二级指标, and a 项目名称 or 项目编码): nothing was checked',
    ),
  ];
}

const R003: RuleMeta = { id: 'R003', severity: 'info' };
/**
 * R003, a rule of ours (SPEC §3a asks for at most one info per table): rows of the indicator
 * block that hold only a 一级/二级 name are unused template rows, and were ignored.
 */
export const unusedTemplateRows: TableRule = (t) => {
  const rows = t.unusedRows ?? [];
  if (rows.length === 0) return [];
  const list = rows.map((r) => r + 1).join('、');
  const firstCol = t.indicatorColumns.level2 ?? t.indicatorColumns.level1 ?? t.labels.indicatorHeader ?? 'A1';
  const col = firstCol.replace(/\d+$/, '');
  return [
    finding(
      R003,
      t.sheet,
      `${col}${rows[0] + 1}`,
      `第${list}行只有一级/二级指标名称，是未使用的模板行，已忽略（可删除）`,
      `Row${rows.length > 1 ? 's' : ''} ${rows.map((r) => r + 1).join(', ')} hold only a 一级/二级 name: unused template rows, ignored (they may be deleted)`,
    ),
  ];
};

export const READING_RULES: readonly TableRule[] = [unusedTemplateRows];
