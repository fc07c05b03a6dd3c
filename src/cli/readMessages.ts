/**
 * Why a workbook, or one of its sheets, could not be read — in words an officer understands,
 * Chinese first, English after; never a library's sentence or a stack trace.
 */
import { WorkbookReadError } from '../xlsx/limits';
import type { ReadErrorKind, SheetProblem, UnreadableSheet } from '../xlsx/limits';
import { msg } from './messages';

/** Which cap was passed, in words (the limit's name comes from `WorkbookReadError.detail`). */
function tooLarge(detail: string): string {
  switch (detail) {
    case 'maxFileBytes':
      return '文件太大，超过了读取上限 (file too large)';
    case 'maxPartBytes':
    case 'maxTotalBytes':
    case 'maxTextRun':
      return '解压后的内容太大，超过了读取上限，可能是损坏或恶意构造的文件 (too large when unpacked: damaged or a zip bomb)';
    case 'maxEntries':
      return '压缩包中的条目太多，超过了读取上限 (too many entries in the package)';
    case 'mergeArea':
      return '合并单元格区域过大（合并了整列或整张表），无法复制这个工作簿 (a merged area too large to copy)';
    case 'maxMerges':
      return '合并单元格区域太多，超过了读取上限 (too many merged areas)';
    default:
      return '单元格太多，超过了读取上限 (too many cells)';
  }
}

export function readErrorReason(kind: ReadErrorKind, detail = ''): string {
  switch (kind) {
    case 'not-a-file':
      return '不是普通文件（可能是管道或设备），无法读取 (not a regular file)';
    case 'encrypted':
      return '工作簿已加密：请先在 Excel 中取消密码，再重新检查 (the workbook is encrypted: remove the password first)';
    case 'legacy-xls':
      return '这是旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx (an Excel 97–2003 .xls file: save it as .xlsx)';
    case 'not-xlsx':
      return '不是有效的 .xlsx 工作簿（需要 Excel 2007 及以后的 .xlsx 格式；.xls、.csv 请先另存为 .xlsx）(not an .xlsx workbook)';
    case 'corrupt':
      return `文件已损坏${detail ? `（${detail}）` : ''}：请在 Excel 中打开并另存后重试 (the file is damaged)`;
    case 'duplicate-entry':
      return `文件已损坏：压缩包中有重名的条目${detail ? `“${detail}”` : ''} (damaged: duplicate entry in the package)`;
    case 'too-large':
      return tooLarge(detail);
    case 'no-sheets':
      return '不是有效的 .xlsx 工作簿 — 没有工作表 (no worksheets)';
  }
}

const PROBLEM: Record<SheetProblem, [string, string]> = {
  'missing-relationship': ['工作簿中找不到这张工作表的数据（关系缺失）', 'its relationship is missing'],
  'wrong-target': ['这张工作表指向的不是工作表数据', 'it points at something that is not a worksheet'],
  'missing-part': ['工作表数据缺失', 'its worksheet part is missing'],
  corrupt: ['工作表数据已损坏', 'its worksheet XML is damaged'],
  'missing-shared-strings': ['工作表引用的文字（共享字符串）缺失', 'the shared strings it uses are missing'],
};

/** A sheet that could not be read: Chinese and English message. */
export function sheetProblemMessage(u: UnreadableSheet): { message: string; message_en: string } {
  const [zh, en] = PROBLEM[u.problem];
  return {
    message: `工作表“${u.sheet}”无法读取：${zh}，文件已损坏，未检查这张工作表`,
    message_en: `Sheet "${u.sheet}" could not be read: ${en}; the file is damaged and this sheet was not checked`,
  };
}

/** Why a text input (a profile, a `--from` file) could not be read, in words. */
export function inputFileReason(e: unknown): string {
  if (e instanceof WorkbookReadError) return readErrorReason(e.kind, e.detail);
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg.notFound;
  if (code === 'EISDIR') return msg.isDirectory;
  if (code === 'EACCES' || code === 'EPERM') return msg.noPermission;
  return '无法读取这个文件 (cannot read the file)';
}

/** `new --from` with more tables than one workbook should hold. */
export const tooManyTables = (file: string, count: number, max: number) =>
  `${file} 中有 ${count} 张绩效目标表，超过一个工作簿的上限 ${max} 张：请分成多个文件 (too many tables for one workbook: at most ${max})`;
