/** Why a file could not be imported as a .docx, in both languages (the CLI and the pane word them alike). */
import { DocxProblem } from './readDocx';

export const DOCX_PROBLEMS: Record<DocxProblem | 'noTables' | 'noTargetTables', { zh: string; en: string }> = {
  doc: { zh: '这是旧版 Word 97-2003 文档（.doc），请在 Word 中另存为 .docx 后再导入', en: 'a .doc file: save it as .docx in Word first' },
  encrypted: { zh: '文档设有打开密码，请在 Word 中取消密码后另存再导入', en: 'the document is password-protected: remove the password and save it again' },
  notDocx: { zh: '不是有效的 .docx 文档，文件可能已损坏', en: 'not a valid .docx document; the file may be damaged' },
  noDocument: { zh: '这个压缩包里没有 Word 正文（word/document.xml），不是 .docx 文档', en: 'no Word document inside: not a .docx' },
  noTables: { zh: '文档中没有表格，找不到绩效目标表', en: 'the document has no tables' },
  noTargetTables: { zh: '文档中没有找到绩效目标表（标题以“绩效目标表”结尾，含“项目编码”和“一级指标”）', en: 'no target tables found in the document' },
};
