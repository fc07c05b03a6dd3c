/**
 * The document panels' strings in both languages (zh-CN first) and the browser download: imported
 * only by the lazily loaded panels (DocumentImport, DocumentExport, DepartmentForm), so they load
 * with that chunk and not with the first screen.
 */
import { Language } from './i18n';

const zh = {
  importDocxHeading: '从 Word 公开文档导入（.docx）',
  importDocxChoose: '选择 .docx 文档',
  importDocxReading: '正在读取文档…',
  importDocxFound: '“{file}”中有 {n} 张绩效目标表',
  importDocxDepartment: '以及第一部分部门整体绩效目标（{goals} 项分项目标）',
  importDocxInsert: '插入到工作簿',
  importDocxInserted: '已插入：{sheets}',
  exportHeading: '导出公开文档',
  exportHint: '生成 Word 文档（.docx）：第一部分部门整体绩效目标，第二部分各项目绩效目标表。',
  exportButton: '导出公开文档',
  exportErrors: '工作簿还有 {n} 条错误。仍然导出吗？',
  exportAnyway: '仍然导出',
  cancel: '取消',
  exportDone: '已生成“{file}”：{n} 张表',
  exportNoTables: '工作簿中没有绩效目标表，无法导出',
  noDownload: '此 Excel 不允许加载项下载文件。请在 Excel 网页版中导出，或用命令行：budget-targets export 工作簿.xlsx -o 公开文档.docx',
};
const en: typeof zh = {
  importDocxHeading: 'Import a published Word document (.docx)',
  importDocxChoose: 'Choose a .docx document',
  importDocxReading: 'Reading the document…',
  importDocxFound: 'Target tables in “{file}”: {n}',
  importDocxDepartment: 'and part one, the department-wide targets ({goals} itemised goals)',
  importDocxInsert: 'Insert into the workbook',
  importDocxInserted: 'Inserted: {sheets}',
  exportHeading: 'Export the publication document',
  exportHint: 'Writes a Word document (.docx): part one with the department-wide targets, part two with every project table.',
  exportButton: 'Export the document',
  exportErrors: 'The workbook still has {n} errors. Export anyway?',
  exportAnyway: 'Export anyway',
  cancel: 'Cancel',
  exportDone: 'Written “{file}”: {n} tables',
  exportNoTables: 'The workbook has no target tables: nothing to export',
  noDownload: 'This Excel does not let add-ins download files. Export in Excel on the web, or on the command line: budget-targets export WORKBOOK.xlsx -o DOCUMENT.docx',
};
export type DocumentKey = keyof typeof zh;

export function documentText(language: Language, key: DocumentKey, values: Record<string, string | number> = {}): string {
  return (language === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** Hands the bytes to the browser as a file download. */
export function downloadFile(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
