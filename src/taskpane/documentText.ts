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
  deptHeading: '部门整体绩效目标（第一部分）',
  deptHint: '填写后插入工作表“部门整体绩效目标”；已有的同名工作表不会被覆盖。也可载入已有的部门整体绩效目标表修改后改写。',
  deptLoad: '载入工作簿中的部门整体绩效目标表',
  deptLoaded: '已载入“{sheet}”，修改后点“改写此工作表”',
  deptNone: '工作簿中没有部门整体绩效目标表',
  deptDepartment: '部门（编码+名称）',
  deptOverallGoal: '总体绩效目标',
  deptGoals: '分项绩效目标',
  deptMeasures: '工作保障措施',
  deptNumber: '序号',
  deptText: '内容',
  deptAddGoal: '添加分项目标',
  deptAddMeasure: '添加保障措施',
  deptRemove: '删除第 {n} 行',
  deptTable: '部门整体绩效目标表“{title}”（{n} 项指标）随本表保留，请在工作表中修改指标。',
  deptInsert: '插入工作表',
  deptRewrite: '改写此工作表',
  deptInserted: '已插入“{sheet}”',
  deptRewritten: '已改写“{sheet}”',
  deptNeedsGoal: '请填写总体绩效目标',
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
  deptHeading: 'Department-wide targets (part one)',
  deptHint: 'Inserted as the sheet “部门整体绩效目标”; an existing sheet of that name is never overwritten. You can also load the workbook’s department sheet, edit it and rewrite it.',
  deptLoad: 'Load the workbook’s department sheet',
  deptLoaded: 'Loaded “{sheet}”: edit, then “Rewrite this sheet”',
  deptNone: 'The workbook has no department sheet',
  deptDepartment: 'Department (code + name)',
  deptOverallGoal: 'Overall goal (总体绩效目标)',
  deptGoals: 'Itemised goals (分项绩效目标)',
  deptMeasures: 'Safeguards (工作保障措施)',
  deptNumber: 'No.',
  deptText: 'Text',
  deptAddGoal: 'Add a goal',
  deptAddMeasure: 'Add a safeguard',
  deptRemove: 'Remove line {n}',
  deptTable: 'The department-wide table “{title}” ({n} indicators) is kept with it; edit its indicators in the sheet.',
  deptInsert: 'Insert the sheet',
  deptRewrite: 'Rewrite this sheet',
  deptInserted: 'Inserted “{sheet}”',
  deptRewritten: 'Rewritten “{sheet}”',
  deptNeedsGoal: 'Fill in the overall goal',
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
