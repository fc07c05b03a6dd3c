/** Rules across the tables of one workbook (SPEC §4: T003, W001). */
import { Finding } from '../finding';
import { TargetTable } from '../model';
import { labelKey } from '../text';
import { RuleMeta, WorkbookRule, finding } from './rule';

const quoted = (sheets: readonly TargetTable[], open: string, close: string) => sheets.map((t) => `${open}${t.sheet}${close}`);

const T003: RuleMeta = { id: 'T003', severity: 'error' };
/** The same 项目编码 on two or more sheets: reported at every one of those code cells. */
export const codeRepeated: WorkbookRule = (tables) => {
  const byCode = new Map<string, TargetTable[]>();
  for (const t of tables) {
    const key = labelKey(t.code.text);
    if (key === '') continue;
    const same = byCode.get(key);
    if (same) same.push(t);
    else byCode.set(key, [t]);
  }
  return tables.flatMap((t): Finding[] => {
    const others = (byCode.get(labelKey(t.code.text)) ?? []).filter((o) => o !== t);
    if (t.code.text === '' || others.length === 0) return [];
    return [
      finding(
        T003,
        t.sheet,
        t.code.cell,
        `项目编码“${t.code.text}”与工作表${quoted(others, '“', '”').join('、')}重复`,
        `项目编码 "${t.code.text}" is also used on sheet ${quoted(others, '"', '"').join(', ')}`,
      ),
    ];
  });
};

const W001: RuleMeta = { id: 'W001', severity: 'warning' };
/**
 * A department that differs from the one most sheets give (a tie goes to the earliest sheet).
 * A blank department differs too. The quick fix writes the common one.
 */
export const departmentDiffers: WorkbookRule = (all, profile) => {
  // A template without a department row states none to compare.
  const tables = all.filter((t) => !t.absent?.includes('department') || profile.requiredFields.includes('department'));
  const counts = new Map<string, { count: number; text: string }>();
  for (const t of tables) {
    const key = labelKey(t.department.text);
    if (key === '') continue;
    const seen = counts.get(key);
    counts.set(key, { count: (seen?.count ?? 0) + 1, text: seen?.text ?? t.department.text });
  }
  let common: { key: string; text: string; count: number } | undefined;
  for (const [key, { count, text }] of counts) if (!common || count > common.count) common = { key, text, count };
  if (!common) return [];
  const { key, text } = common;
  return tables
    .filter((t) => labelKey(t.department.text) !== key)
    .map((t) =>
      finding(
        W001,
        t.sheet,
        t.department.cell,
        t.department.text === ''
          ? `缺少部门，其他工作表为“${text}”`
          : `部门“${t.department.text}”与其他工作表的“${text}”不一致`,
        t.department.text === ''
          ? `The department is missing; the other sheets give "${text}"`
          : `The department "${t.department.text}" differs from "${text}" on the other sheets`,
        {
          description: `将部门改为“${text}”`,
          description_en: `Change the department to "${text}"`,
          edits: [{ sheet: t.sheet, cell: t.department.cell, value: text }],
        },
      ),
    );
};

export const WORKBOOK_RULES: readonly WorkbookRule[] = [codeRepeated, departmentDiffers];
