/** What the command line says about published documents (.docx import and export), Chinese first. */
import { DocxProblem } from '../docx';

export const DOCX_PROBLEM: Record<DocxProblem, string> = {
  doc: '这是旧版 Word 97-2003 文档（.doc），请在 Word 中另存为 .docx 后再导入 (a .doc file: save it as .docx in Word first)',
  encrypted: '文档设有打开密码，请在 Word 中取消密码后另存再导入 (the document is password-protected: remove the password and save it again)',
  notDocx: '不是有效的 .docx 文档，文件可能已损坏 (not a valid .docx document; the file may be damaged)',
  noDocument: '这个压缩包里没有 Word 正文（word/document.xml），不是 .docx 文档 (no Word document inside: not a .docx)',
};

export const docxMsg = {
  noTablesInDocx: (file: string) => `${file} 中没有表格，找不到绩效目标表 (the document has no tables)`,
  exportNoTables: (file: string) => `${file} 中没有绩效目标表，无法导出 (no target tables: nothing to export)`,
  exportHasErrors: (file: string, errors: number) =>
    `${file} 中有 ${errors} 条错误，未导出。请先用 check 修正，或加 --allow-errors 仍然导出 (errors found: not exported; fix them or pass --allow-errors)`,
  outExists: (file: string) => `${file} 已存在，未覆盖；加 --force 覆盖 (the output exists: not overwritten; pass --force to replace it)`,
  exported: (file: string, tables: number, department: boolean, errors: number) =>
    `已写入 ${file}：${department ? '第一部分部门整体绩效目标，' : ''}${tables} 张项目绩效目标表` +
    `${errors ? `（含 ${errors} 条错误，按 --allow-errors 导出）` : ''} (written)`,
  needOneFile: '导出命令只接受一个 .xlsx 文件 (export takes exactly one workbook)',
};
