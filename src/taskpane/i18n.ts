/**
 * Every string the pane shows, in Chinese (the default) and English. Findings carry their own
 * two messages (`message`, `message_en`); the taxonomy names (产出指标 …) are the words written
 * into the sheet and stay Chinese in both languages.
 */
import { ReactNode, createContext, createElement, useContext, useEffect, useMemo, useState } from 'react';
import { Finding, Severity } from '../core/finding';
import { Quarter } from '../core/model';

export type Language = 'zh-CN' | 'en';

const zh = {
  appTitle: '预算绩效目标表助手',
  switchLanguage: 'English',
  switchLanguageLabel: '切换为英文界面',
  previewBadge: '预览',
  previewBanner: '浏览器预览：未连接 Excel',
  previewBannerDetail: '表格里是内存中的示例工作簿（乐亭县新寨镇 2022 年的十张目标表），刷新页面即恢复原样。',
  errorTitle: '操作失败',
  startFailed: '加载项无法启动',
  loading: '正在读取工作簿…',
  dismiss: '关闭',
  noticeTitle: '请注意',
  listSeparator: '；',

  tabInsert: '新建目标表',
  tabCheck: '检查',
  tabSummary: '汇总',
  tabSettings: '设置',
  tabsLabel: '功能',

  formHeading: '填写一张目标表',
  department: '部门（编码+名称）',
  departmentHint: '如 802008乐亭县新寨镇人民政府',
  code: '项目编码',
  name: '项目名称',
  total: '预算数（万元）',
  fiscal: '其中：财政资金',
  other: '其他资金',
  fundUse: '资金用途',
  spendingPlan: '资金支出计划（累计 %）',
  goals: '绩效目标（每行一条）',
  indicators: '绩效指标',
  indicatorRow: '指标 {n}',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  valueHint: '如 ≥95%、8人、2022年12月底前',
  basis: '指标值确定依据',
  choose: '请选择',
  chooseLevel1First: '先选一级指标',
  addIndicator: '添加指标',
  removeIndicator: '删除指标 {n}',
  layout: '表格式样',
  layoutStandard: '标准（A–G 列）',
  layoutProvincial: '省级（指标值分列）',
  insert: '插入目标表',
  inserting: '正在插入…',
  inserted: '已插入工作表：{sheets}',
  clearForm: '清空',
  formClean: '没有发现问题',
  formStatus: '{errors} 个错误，{warnings} 个警告。',
  formStatusHint: '有错误也可以插入，之后在工作表中修改。',
  otherProblems: '其他问题',
  nameRequired: '请至少填写项目名称再插入',
  formEmpty: '填写后在此显示检查结果。',
  planMessage: '{quarter}：{message}',

  importHeading: '从 JSON 文件导入多张表',
  importChoose: '选择 JSON 文件',
  importFound: '“{file}”中有 {n} 张表：',
  importInsert: '插入这 {n} 张表',
  importNotJson: '不是有效的 JSON 文件：{message}',
  importInvalid: '无法导入：',

  verdictReady: '可以报送',
  verdictReadyDetail: '工作簿中没有错误。',
  verdictNotReady: '不能报送',
  verdictNotReadyDetail: '还有 {n} 个错误需要修改。',
  tablesChecked: '已检查 {n} 张目标表',
  noTables: '工作簿中还没有目标表。可在“新建目标表”中插入。',
  noFindings: '没有发现问题。',
  truncated: '以下工作表太大，只检查了前面的部分：{sheets}',
  findingsOf: '“{sheet}”的问题',
  goTo: '转到 {cell}',
  quickFix: '快速修复：{fix}',
  filterLabel: '按类别筛选（点按标记）',
  filteredOut: '已按类别筛选：显示 {shown} 条，共 {n} 条',
  groupBy: '分组方式',
  groupBySheet: '按工作表',
  groupByRule: '按规则',
  findingsOfRule: '规则 {rule} 的问题',
  ruleCount: '{n} 条',
  fixAll: '全部快速修复（{n} 条）',
  fixAllConfirm: '将修改 {cells} 个单元格（{sheets} 张工作表）。',
  fixAllApply: '确认修复',
  fixAllCancel: '取消',
  fixAllDone: '已修改 {n} 个单元格。',
  severity_error: '错误',
  severity_warning: '警告',
  severity_info: '提示',
  count_error: '错误 {n}',
  count_warning: '警告 {n}',
  count_info: '提示 {n}',

  highlightLabel: '在表格中标出问题单元格',
  highlightHelp: '按问题的严重程度给所在单元格填色；关闭后恢复这些单元格原来的填充。报送给财政局的工作簿不应带有这些颜色，报送前请关闭。',
  highlightSendReminder: '可以报送了，但单元格上还有标出问题的颜色：报送前请关闭“在表格中标出问题单元格”。',

  summaryIntro: '在“汇总”工作表中逐项列出各项目的预算数和计划支出，并随项目表的修改自动更新。',
  summaryCreate: '生成或更新汇总表',
  summaryWriting: '正在生成…',
  summaryWritten: '已写入工作表“{sheet}”，共 {n} 个项目。',
  summaryTotals: '合计（万元）',
  summaryLive: '按工作簿当前内容计算，共 {n} 个项目。',
  summaryStaleCounts: '工作表“{sheet}”中以下项目的错误/警告数已过期：{projects}。请重新生成汇总表。',
  summaryFiscal: '财政资金',
  summaryTotal: '预算数',
  summaryOther: '其他资金',
  summaryPlanned: '计划支出',
  quarter_3月底: '3月底',
  quarter_6月底: '6月底',
  quarter_10月底: '10月底',
  quarter_12月底: '12月底',

  settingsHeading: '检查规则',
  settingsRequired: '必须有的一级指标',
  settingsSatisfaction: '满意度指标的最低值（%）',
  settingsCodePattern: '项目编码格式（正则表达式）',
  settingsCodePatternInvalid: '编码格式有误：{message}',
  settingsCodePatternMeans: '即：{words}{example}',
  settingsCodePatternExample: '，例如 {code}',
  settingsRestored: '已恢复默认规则并保存在工作簿中。',
  settingsDecimals: '金额最多几位小数',
  settingsSatisfactionRange: '应为 0 到 100 之间的数',
  settingsDecimalsRange: '应为 0 到 6 之间的整数',
  settingsSave: '保存',
  settingsSaving: '正在保存…',
  settingsSaved: '已保存在工作簿中。',
  settingsDefaults: '恢复默认',
  settingsPreset: '预设',
  settingsRules: '各条规则的级别',
  settingsRuleFollow: '按预设（{severity}）',
  settingsSeverity_error: '错误',
  settingsSeverity_warning: '警告',
  settingsSeverity_info: '提示',
  settingsSeverity_off: '关闭',

  gridLabel: '工作簿预览',
  gridSheets: '工作表',
  gridEditing: '编辑 {cell}',
  gridHint: '单击单元格后输入内容，按 Enter 确认，Esc 取消。',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: 'Budget Targets for Excel',
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch to Chinese',
  previewBadge: 'Preview',
  previewBanner: 'Browser preview: not connected to Excel',
  previewBannerDetail:
    'The grid shows an in-memory sample workbook (the ten target tables of Xinzhai town, 2022); reload the page to start again.',
  errorTitle: 'Something went wrong',
  startFailed: 'The add-in could not start',
  loading: 'Reading the workbook…',
  dismiss: 'Dismiss',
  noticeTitle: 'Please note',
  listSeparator: '; ',

  tabInsert: 'Insert',
  tabCheck: 'Check',
  tabSummary: 'Summary',
  tabSettings: 'Settings',
  tabsLabel: 'Panels',

  formHeading: 'Fill in a target table',
  department: 'Department (code + name)',
  departmentHint: 'e.g. 802008乐亭县新寨镇人民政府',
  code: 'Project code (项目编码)',
  name: 'Project name (项目名称)',
  total: 'Budget (10,000 yuan)',
  fiscal: 'Of which fiscal funds',
  other: 'Other funds',
  fundUse: 'What the money is for',
  spendingPlan: 'Spending plan (cumulative %)',
  goals: 'Performance goals (one per line)',
  indicators: 'Indicators',
  indicatorRow: 'Indicator {n}',
  level1: 'Level 1 (一级指标)',
  level2: 'Level 2 (二级指标)',
  level3: 'Level 3: what is measured',
  description: 'Description',
  value: 'Target value',
  valueHint: 'e.g. ≥95%, 8人, 2022年12月底前',
  basis: 'Basis for the value',
  choose: 'Choose',
  chooseLevel1First: 'Choose level 1 first',
  addIndicator: 'Add indicator',
  removeIndicator: 'Remove indicator {n}',
  layout: 'Layout',
  layoutStandard: 'Standard (columns A–G)',
  layoutProvincial: 'Provincial (value in its own columns)',
  insert: 'Insert table',
  inserting: 'Inserting…',
  inserted: 'Inserted sheet: {sheets}',
  clearForm: 'Clear',
  formClean: 'No problems found',
  formStatus: 'Errors: {errors}, warnings: {warnings}.',
  formStatusHint: 'You can insert with errors and fix them in the sheet.',
  otherProblems: 'Other problems',
  nameRequired: 'Enter at least the project name before inserting',
  formEmpty: 'The check shows here as you fill in the form.',
  planMessage: '{quarter}: {message}',

  importHeading: 'Import several tables from a JSON file',
  importChoose: 'Choose a JSON file',
  importFound: 'Tables in “{file}”: {n}',
  importInsert: 'Insert these tables ({n})',
  importNotJson: 'Not a valid JSON file: {message}',
  importInvalid: 'Cannot import:',

  verdictReady: 'Ready to send',
  verdictReadyDetail: 'The workbook has no errors.',
  verdictNotReady: 'Not ready to send',
  verdictNotReadyDetail: 'Errors to fix: {n}.',
  tablesChecked: 'Target tables checked: {n}',
  noTables: 'No target tables in the workbook yet. Insert one under “Insert”.',
  noFindings: 'No problems found.',
  truncated: 'These sheets are too large and were checked only in part: {sheets}',
  findingsOf: 'Problems in “{sheet}”',
  goTo: 'Go to {cell}',
  quickFix: 'Quick fix: {fix}',
  filterLabel: 'Filter by kind (click a badge)',
  filteredOut: 'Filtered by kind: {shown} of {n} shown',
  groupBy: 'Group by',
  groupBySheet: 'Sheet',
  groupByRule: 'Rule',
  findingsOfRule: 'Problems of rule {rule}',
  ruleCount: '{n}',
  fixAll: 'Quick-fix all ({n})',
  fixAllConfirm: 'This changes {cells} cells on {sheets} sheets.',
  fixAllApply: 'Apply',
  fixAllCancel: 'Cancel',
  fixAllDone: '{n} cells changed.',
  severity_error: 'Error',
  severity_warning: 'Warning',
  severity_info: 'Info',
  count_error: 'Errors {n}',
  count_warning: 'Warnings {n}',
  count_info: 'Info {n}',

  highlightLabel: 'Highlight finding cells',
  highlightHelp:
    'Fills the cells of findings by severity; turning it off puts back the fills those cells had. A workbook sent to the finance bureau should not carry these colours: turn this off before sending.',
  highlightSendReminder: 'Ready to send, but cells still carry the highlight colours: turn off “Highlight finding cells” before sending.',

  summaryIntro: 'Lists every project’s budget and planned spending on the summary sheet, which follows edits to the project sheets.',
  summaryCreate: 'Create or update the summary',
  summaryWriting: 'Writing…',
  summaryWritten: 'Written to sheet “{sheet}” (projects: {n}).',
  summaryTotals: 'Totals (10,000 yuan)',
  summaryLive: 'From the workbook as it is now ({n} projects).',
  summaryStaleCounts: 'The error/warning counts on sheet “{sheet}” are out of date for: {projects}. Regenerate the summary.',
  summaryTotal: 'Budget',
  summaryFiscal: 'Fiscal funds',
  summaryOther: 'Other funds',
  summaryPlanned: 'Planned spending',
  quarter_3月底: 'End of March',
  quarter_6月底: 'End of June',
  quarter_10月底: 'End of October',
  quarter_12月底: 'End of December',

  settingsHeading: 'Checking rules',
  settingsRequired: 'Required level 1 indicators',
  settingsSatisfaction: 'Lowest satisfaction threshold (%)',
  settingsCodePattern: 'Project code pattern (regular expression)',
  settingsCodePatternInvalid: 'The code pattern is wrong: {message}',
  settingsCodePatternMeans: 'That is: {words}{example}',
  settingsCodePatternExample: ', e.g. {code}',
  settingsRestored: 'The default rules are restored and saved in the workbook.',
  settingsDecimals: 'Most decimals in an amount',
  settingsSatisfactionRange: 'A number from 0 to 100',
  settingsDecimalsRange: 'A whole number from 0 to 6',
  settingsSave: 'Save',
  settingsSaving: 'Saving…',
  settingsSaved: 'Saved in the workbook.',
  settingsDefaults: 'Restore defaults',
  settingsPreset: 'Preset',
  settingsRules: 'Severity of each rule',
  settingsRuleFollow: 'As the preset ({severity})',
  settingsSeverity_error: 'Error',
  settingsSeverity_warning: 'Warning',
  settingsSeverity_info: 'Info',
  settingsSeverity_off: 'Off',

  gridLabel: 'Workbook preview',
  gridSheets: 'Sheets',
  gridEditing: 'Edit {cell}',
  gridHint: 'Click a cell and type; Enter to confirm, Esc to cancel.',
};

const CATALOGUE: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en };

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const messages = CATALOGUE[language];
  return (key, vars) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

/** English when Office's display language is English (`en-US`, `en-GB` …), Chinese otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en' : 'zh-CN';
}

export const findingMessage = (f: Finding, language: Language) => (language === 'en' ? f.message_en : f.message);
export const fixDescription = (f: Finding, language: Language) => (f.fix ? (language === 'en' ? f.fix.description_en : f.fix.description) : '');
export const severityKey = (s: Severity): MessageKey => `severity_${s}`;
export const countKey = (s: Severity): MessageKey => `count_${s}`;
export const quarterKey = (q: Quarter): MessageKey => `quarter_${q}`;

interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n>({ language: 'zh-CN', t: translator('zh-CN'), setLanguage: () => undefined });

export const useI18n = (): I18n => useContext(I18nContext);

/** Holds the pane's language (Office's at first, then the header's toggle) for everything below it. */
export function I18nProvider({ initialLanguage, children }: { initialLanguage: Language; children?: ReactNode }) {
  const [language, setLanguage] = useState(initialLanguage);
  const value = useMemo(() => ({ language, t: translator(language), setLanguage }), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return createElement(I18nContext.Provider, { value }, children);
}
