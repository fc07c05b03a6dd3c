/** Every text the command line prints, in one place (Chinese first, English where it helps). */
import { Severity } from '../core/finding';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const USAGE = `budget-targets — 预算项目绩效目标表的检查、汇总与生成
(budget project performance target tables: check, summarise, create)

用法 / Usage:
  budget-targets check PATH... [--json | --jsonl] [--report OUT.xlsx [--force]] [--jobs N]
                     [--profile P.json] [--preset NAME]
      检查每个工作簿中的绩效目标表，逐条列出问题（工作表、单元格、级别、说明）。
      PATH 可以是文件或文件夹（含子文件夹中的 .xlsx、.xlsm；.xls、.ods 需安装 LibreOffice）。
      Check the target tables of each workbook (files or folders, searched recursively;
      .xls/.ods through LibreOffice) and list every finding.
      退出码 / exit code: 0 没有错误，可以报送 / no errors; 1 有错误 / errors found;
      2 有文件无法读取 / a file could not be read.
  budget-targets summary FILE.xlsx... -o OUT.xlsx [--profile P.json] [--force]
      生成汇总表并写入 OUT.xlsx（不修改原文件）。一个文件：原工作簿的副本加“汇总”工作表；
      多个文件：各文件的项目工作表的副本加“汇总”工作表。
      Write OUT.xlsx with a summary sheet (one input: a copy of it; several: copies of
      their project sheets), never changing the input files.
  budget-targets new --from TABLES.json|DOCUMENT.txt|DOCUMENT.docx -o OUT.xlsx [--force]
      由 JSON 数据、公开文档文本或 Word 文档生成工作簿，每个项目一张标准格式的绩效目标表；
      文档的第一部分（部门整体绩效目标）写入“部门整体绩效目标”工作表。
      Create a workbook with one canonical target-table sheet per project (and the
      document's 第一部分 in a sheet 部门整体绩效目标).
  budget-targets export FILE.xlsx -o DOC.docx [--allow-errors] [--force] [--profile P.json]
      由工作簿生成公开文档（.docx）：第一部分部门整体绩效目标，第二部分各项目绩效目标表。
      有错误的工作簿只在加 --allow-errors 时导出；已存在的 DOC.docx 只在加 --force 时覆盖。
      Write the publication document; a workbook with errors only with --allow-errors,
      an existing output only with --force.
  budget-targets rules [--profile P.json] [--preset NAME] [--json]
      列出全部检查规则（编号、当前配置下的级别、说明）。
      Print every rule: ID, severity under the active profile, description.
  budget-targets --help | --version

选项 / Options:
  --json            以 JSON 输出检查结果 / print the check result as JSON
  --jsonl           每检查完一个文件输出一行 JSON / one JSON line per file as it is done
  --report OUT.xlsx 写出审核报告工作簿（总览、问题清单、汇总、规则）/ write the bureau's
                    report workbook; --force 覆盖已有报告 / replace an existing report
  --jobs N          同时检查的文件数（默认为 CPU 核数）/ files checked in parallel
                    (default: the number of cores)
  --profile P.json  规则配置文件 / rule profile (preset, rules, requiredLevel1,
                    satisfactionMin, codePattern, amountDecimals, framework, requiredFields)
  --preset NAME     预设规则配置 / preset: default, mof-2021, lenient
  -o, --out FILE    输出文件 / output workbook（已存在时不覆盖，除非 --force / an existing file is
                    kept unless --force）
  --force           覆盖已存在的输出文件 / overwrite an existing output file
  --from FILE       数据来源 / the tables to write (.json, .txt document text, or .docx)
  --allow-errors    有错误也导出 / export even when the workbook has errors

环境变量 / Environment:
  SOURCE_DATE_EPOCH  写入文件时使用的固定时间（秒）/ fixed time (seconds) stamped on written
                     files, for byte-identical output
`;

export const RULE_SETTING_LABEL: Record<string, string> = { ...SEVERITY_LABEL, off: '关闭' };

export const msg = {
  usageHint: '运行 budget-targets --help 查看用法 (see budget-targets --help)',
  unknownCommand: (c: string) => `未知命令：${c} (unknown command)`,
  unknownOption: (o: string) => `未知选项：${o} (unknown option)`,
  optionNeedsValue: (o: string) => `选项 ${o} 需要一个值 (option needs a value)`,
  optionNotFor: (o: string, c: string) => `选项 ${o} 不能用于 ${c} 命令 (option not valid for this command)`,
  noFiles: (c: string) => `${c} 命令需要至少一个 .xlsx 文件 (no input files)`,
  needOut: (c: string) => `${c} 命令需要 -o OUT.xlsx (missing -o)`,
  needFrom: '需要 --from TABLES.json、DOCUMENT.txt 或 DOCUMENT.docx (missing --from)',
  extraArgs: (args: string[]) => `多余的参数：${args.join(' ')} (unexpected arguments)`,

  profileUnreadable: (file: string, reason: string) => `无法读取规则配置 ${file}：${reason} (cannot read profile)`,
  profileInvalid: (file: string, errors: string[]) => `规则配置 ${file} 有误 (invalid profile)：\n${errors.map((e) => `  - ${e}`).join('\n')}`,
  presetInvalid: (errors: string[]) => `--preset 有误 (invalid preset)：\n${errors.map((e) => `  - ${e}`).join('\n')}`,
  notJson: (reason: string) => `不是有效的 JSON：${reason} (not valid JSON)`,

  fileUnreadable: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  notFound: '文件不存在 (file not found)',
  isDirectory: '这是一个文件夹，不是文件 (is a directory)',
  noPermission: '没有读取权限 (permission denied)',
  notXlsx: '不是有效的 .xlsx 工作簿（需要 Excel 2007 及以后的 .xlsx 格式；.xls、.csv 请先另存为 .xlsx）(not an .xlsx workbook)',
  notXlsxText: '这是文本文件，不是 Excel 工作簿；请用 Excel 打开后另存为 .xlsx (a text file, not an Excel workbook)',
  notXlsxOld: '这是旧版 .xls 文件；请用 Excel 另存为 .xlsx 后再试 (an old .xls file: save it as .xlsx first)',
  notXlsxZip: '这是压缩文件（如 .docx、.zip），不是 Excel 工作簿 (a zip archive such as .docx, not an Excel workbook)',
  notXlsxDamaged: '文件不完整或已损坏，无法作为 .xlsx 工作簿打开 (damaged or incomplete .xlsx file)',
  noWorksheets: '没有工作表 (no worksheets)',
  internal: (reason: string) => `处理时出错：${reason} (internal error)`,

  noTables: (file: string) => `提示：${file} 中没有绩效目标表（含“一级指标、二级指标”表头和项目名称或项目编码的表）(no target table)`,
  reportNoTables: '  没有绩效目标表（含“一级指标、二级指标”表头和项目名称或项目编码的表）',
  reportHeader: (file: string, projects: number) => `${file}：${projects} 个项目`,
  reportNoFindings: '  没有发现问题',
  reportCounts: (errors: number, warnings: number, infos: number, ready: boolean) =>
    `  错误 ${errors} 条，警告 ${warnings} 条，提示 ${infos} 条 —— ${ready ? '可以报送' : '不能报送'}`,
  reportUnreadable: (reason: string) => `  无法读取：${reason}`,
  reportTotal: (n: { files: number; ready: number; blocked: number; noTables: number; unreadable: number }) =>
    `共 ${n.files} 个文件：${n.ready} 个可以报送，${n.blocked} 个不能报送` +
    `${n.noTables ? `，${n.noTables} 个没有绩效目标表` : ''}${n.unreadable ? `，${n.unreadable} 个无法读取` : ''}`,

  outIsInput: (file: string) => `不能把结果写到输入文件 ${file} 上 (the output must not be an input file)`,
  cannotWrite: (file: string, reason: string) => `无法写入 ${file}：${reason} (cannot write)`,
  outExists: (file: string) => `${file} 已存在，未覆盖；要覆盖请加 --force (${file} exists: not overwritten; add --force to overwrite)`,
  /** The one line every write prints, in both languages. */
  written: (file: string, zh: string, en: string) => `已写入 ${file}：${zh} (written ${file}: ${en})`,
  summaryWritten: (file: string, sheet: string, projects: number, errors: number, warnings: number) =>
    msg.written(
      file,
      `汇总表“${sheet}”，${projects} 个项目（错误 ${errors} 条，警告 ${warnings} 条）`,
      `summary sheet “${sheet}”, ${projects} projects (${errors} errors, ${warnings} warnings)`,
    ),
  summaryNoTables: '输入文件中没有绩效目标表，未生成汇总表 (no target tables: nothing to summarise)',

  fromUnreadable: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  importInvalid: (file: string, errors: string[]) => `${file} 中的数据有误 (invalid tables)：\n${errors.map((e) => `  - ${e}`).join('\n')}`,
  documentNoTables: (file: string) => `${file} 中没有找到绩效目标表（标题以“绩效目标表”结尾，含“项目编码”和“一级指标”）(no tables found)`,
  documentSkipped: (title: string) => `提示：跳过“${title}”：没有读到项目编码和一级指标 (skipped: not a target table)`,
  newWritten: (file: string, sheets: number) => msg.written(file, `${sheets} 张绩效目标表`, `${sheets} target-table sheets`),

  // Folders, other formats, parallel checking and the bureau's report (check).
  folderEmpty: (dir: string) => `文件夹 ${dir} 中没有工作簿（.xlsx、.xlsm、.xls、.ods）(no workbooks in this folder)`,
  folderUnreadable: (dir: string, reason: string) => `无法读取文件夹 ${dir}：${reason} (cannot read folder)`,
  saveAsXlsx: (ext: string) => `不支持 ${ext} 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查 (not supported: save as .xlsx)`,
  needLibreOffice: (ext: string) =>
    `读取 ${ext} 文件需要安装 LibreOffice（命令 soffice，例如 apt-get install libreoffice-calc，或从 libreoffice.org 下载），` +
    `或在 Excel 或 WPS 中另存为 .xlsx (reading ${ext} needs LibreOffice's soffice on the PATH, or save as .xlsx)`,
  notOldFormat: (ext: string) => `不是有效的 ${ext} 工作簿 (not a valid ${ext} workbook)`,
  conversionFailed: (ext: string, reason: string) => `LibreOffice 无法转换此 ${ext} 文件：${reason} (LibreOffice could not convert it)`,
  conversionTimedOut: (seconds: number) => `LibreOffice 转换超时（${seconds} 秒）(conversion timed out)`,
  summaryNeedsXlsx: (file: string) =>
    `${file}：summary 只接受 .xlsx、.xlsm，请先另存为 .xlsx（check 可以直接检查 .xls、.ods）(summary needs .xlsx files)`,
  workerOutOfMemory: (mb: number) => `文件太大，检查时内存超过 ${mb} MB 的上限 (out of memory: the file is too large)`,
  workerDied: (reason: string) => `检查此文件的进程意外退出：${reason} (the worker checking this file stopped)`,
  workerTimedOut: (seconds: number) => `检查超时（${seconds} 秒）(checking took too long)`,
  jobsInvalid: (v: string) => `--jobs 需要一个正整数，而不是 ${v} (--jobs needs a whole number ≥ 1)`,
  jsonAndJsonl: '--json 与 --jsonl 只能选一个 (choose --json or --jsonl)',
  forceNeedsReport: '--force 只用于 --report：允许覆盖已有的报告 (--force goes with --report)',
  reportNotXlsx: (file: string) => `报告文件必须以 .xlsx 结尾：${file} (the report must be an .xlsx file)`,
  reportExists: (file: string) => `${file} 已存在，未覆盖；加 --force 覆盖 (the report exists: add --force to replace it)`,
  reportWritten: (file: string, files: number, findings: number) =>
    msg.written(file, `审核报告，${files} 个文件，${findings} 条问题`, `the bureau's report, ${files} files, ${findings} findings`),
  progress: (done: number, total: number, blocked: number, unreadable: number) =>
    `检查中 ${done}/${total} 个文件，${blocked} 个有错误${unreadable ? `，${unreadable} 个无法读取` : ''}`,
};
