/** What the command line says about published documents (.docx import and export), Chinese first. */
import { DOCX_PROBLEMS } from '../docx/problems';

const both = (m: { zh: string; en: string }) => `${m.zh} (${m.en})`;

export const DOCX_PROBLEM = Object.fromEntries(Object.entries(DOCX_PROBLEMS).map(([k, m]) => [k, both(m)])) as Record<keyof typeof DOCX_PROBLEMS, string>;

export const docxMsg = {
  noTablesInDocx: (file: string) => `${file}：${DOCX_PROBLEM.noTables}`,
  exportNoTables: (file: string) => `${file} 中没有绩效目标表，无法导出 (no target tables: nothing to export)`,
  exportHasErrors: (file: string, errors: number) =>
    `${file} 中有 ${errors} 条错误，未导出。请先用 check 修正，或加 --allow-errors 仍然导出 (errors found: not exported; fix them or pass --allow-errors)`,
  outExists: (file: string) => `${file} 已存在，未覆盖；加 --force 覆盖 (the output exists: not overwritten; pass --force to replace it)`,
  exported: (file: string, tables: number, department: boolean, errors: number) =>
    `已写入 ${file}：${department ? '第一部分部门整体绩效目标，' : ''}${tables} 张项目绩效目标表` +
    `${errors ? `（含 ${errors} 条错误，按 --allow-errors 导出）` : ''} (written)`,
  needOneFile: '导出命令只接受一个 .xlsx 文件 (export takes exactly one workbook)',
};
