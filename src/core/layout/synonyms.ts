/**
 * The one synonym table (SPEC §3a): every label a province writes for a field. The reader
 * matches label cells against it after normalisation (spaces, width, colons, brackets, a
 * leading `*`, a trailing `(必填)`, a leading `其中`), so adding a province's spelling is adding
 * a string here and a fixture. Within a field, earlier labels win over later ones (an annual
 * total over a multi-year one).
 */
import { labelKey } from '../text';

/** Head fields read by label. */
export type HeadField =
  | 'code' | 'name' | 'department' | 'implementingUnit'
  | 'total' | 'fiscal' | 'fiscalSource' | 'other' | 'otherSource'
  | 'fundUse' | 'budgetBlock' | 'spendingPlan' | 'goals' | 'longGoals'
  | 'leader' | 'phone' | 'attribute' | 'period' | 'category';

export const HEAD_SYNONYMS: Record<HeadField, readonly string[]> = {
  code: ['项目编码', '项目代码', '项目编号'],
  name: ['项目名称', '项目支出名称', '项目(全称)', '项目全称', '转移支付项目名称', '专项名称', '专项资金名称', '转移支付名称', '专项(项目)名称', '资金名称', '项目(资金)名称'],
  // The lowest 主管部门 is the one that spends (transfer-payment tables list two or three levels).
  department: [
    '区县主管部门', '区级主管部门', '县级主管部门', '主管部门', '主管部门及代码', '主管部门及编码', '主管部门名称', '主管部门(单位)名称', '预算部门',
    '部门名称',
  ],
  implementingUnit: ['实施单位', '预算单位', '单位名称', '项目实施单位', '项目单位'],
  // Annual labels first: an annual total wins over a multi-year one.
  total: [
    '年度资金总额', '当年资金总额', '年度预算数', '年度本级预算金额', '本年预算数', '年度金额', '当年年度预算', '本年度申请市财政预算资金',
    '本年度预算', '预算数', '预算金额', '年度预算', '资金总额', '项目资金', '项目总金额', '实施期资金总额', '中期资金总额',
    '中期市财政预算', '项目总预算',
  ],
  // An aggregate of fiscal funds; when there is none, the sources below are summed.
  fiscal: ['财政资金', '财政拨款', '财政性资金', '财政资金合计', '财政拨款资金'],
  fiscalSource: [
    '一般公共预算', '一般公共预算拨款', '一般公共预算资金', '本级财力', '本级财政资金', '上级补助', '上级补助资金',
    '上级资金', '政府性基金', '政府性基金预算', '政府性基金拨款', '国有资本经营预算', '中央补助', '中央补助资金', '地方资金',
    '省级补助', '市级补助', '当年财政拨款',
  ],
  other: ['其他资金', '其它资金', '其他', '其他来源资金', '当年其他资金'],
  otherSource: ['自有资金', '事业收入', '经营收入', '单位自筹', '自筹资金', '单位资金', '社会资金'],
  fundUse: ['资金用途', '项目概况', '项目主要内容', '项目内容', '主要内容', '资金用途及主要内容', '项目简介'],
  budgetBlock: ['预算规模及资金用途', '预算规模及用途'],
  spendingPlan: ['资金支出计划(%)', '资金支出计划', '支出计划(%)', '支出计划', '资金支出进度计划', '预算执行进度计划'],
  goals: ['绩效目标', '年度绩效目标', '年度目标', '本年度绩效目标', '年度总体目标', '项目绩效目标', '当年绩效目标', '年度总目标', '年度主要目标和成果', '总体目标'],
  longGoals: ['实施期绩效目标', '实施期目标', '中长期目标', '中长期绩效目标', '长期目标', '长期绩效目标', '实施期总目标', '中期目标', '中期滚动目标'],
  leader: ['项目负责人', '负责人'],
  phone: ['联系电话', '电话'],
  attribute: ['项目属性'],
  period: ['项目起止时间', '项目期', '起止时间', '项目周期', '实施期限', '项目实施期'],
  category: ['项目类别', '项目类型'],
};

/**
 * Headers of columns a target table does not fill: a self-evaluation form's 完成情况 beside
 * the target (`年度总体目标完成情况`, which a 申报表 copied from it leaves empty). They are
 * labels, so never read as the value of the label left of them (SPEC §3a).
 */
export const REPORT_HEADERS: readonly string[] = [
  '年度总体目标完成情况', '总体目标完成情况', '年度目标完成情况', '绩效目标完成情况', '目标完成情况', '完成情况',
  '实际完成情况', '实际完成值', '全年实际完成值', '偏差原因分析及改进措施', '偏差原因',
];

/** The four points of the spending plan and how templates label them (9月底 stands for the third). */
export const PLAN_POINT_SYNONYMS: readonly (readonly string[])[] = [
  ['3月底', '3月', '一季度', '第一季度', '1季度'],
  ['6月底', '6月', '二季度', '第二季度', '2季度'],
  ['10月底', '9月底', '10月', '9月', '三季度', '第三季度', '3季度'],
  ['12月底', '12月', '四季度', '第四季度', '4季度'],
];

/** Indicator block columns. */
export type ColumnField =
  | 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'longValue' | 'basis' | 'valueType' | 'operator' | 'unit'
  | 'weight' | 'scoring' | 'remark';

/**
 * Header labels of the indicator block, by column. Columns are assigned in this order, each
 * taking the best label left unassigned: 指标内容 is the 三级 column when there is no 三级指标,
 * else the description.
 */
export const COLUMN_SYNONYMS: readonly [ColumnField, readonly string[]][] = [
  ['level1', ['一级指标', '一级指标名称']],
  ['level2', ['二级指标', '二级指标名称']],
  ['level3', ['三级指标', '三级指标名称', '指标名称', '指标内容']],
  ['description', ['绩效指标描述', '指标描述', '指标解释', '指标说明', '指标内容', '绩效指标', '指标定义']],
  ['value', [
    '年度指标值', '指标值', '目标值', '指标目标值', '指标值及单位', '指标值(包含数字及文字描述)', '年度目标值', '绩效指标值',
    '绩效目标值', '预期目标值', '年度指标', '计划指标值(或计划水平)', '指标值(或计划水平)',
  ]],
  ['longValue', ['实施期指标值', '中长期指标值', '长期指标值', '实施期目标值', '中长期目标值', '整体指标值', '实施期指标']],
  ['basis', ['指标值确定依据', '确定依据', '指标值设定依据', '设定依据', '绩效标准', '指标值依据', '评价标准']],
  ['valueType', ['指标值类型', '指标类型']],
  // 指标方向 and 指标性质 are operators only when their cells hold ≥, ≤, … (the reader checks).
  ['operator', ['计算符号', '运算符号', '指标方向', '指标性质', '符号']],
  ['unit', ['计量单位', '度量单位', '单位']],
  ['weight', ['权重', '分值', '权重(%)', '指标权重', '权重分值']],
  ['scoring', ['评(扣)分标准', '评分标准', '扣分标准', '评分规则']],
  ['remark', ['备注', '说明']],
];

/** Sub-header cells under a merged 指标值 cell: which value set each column holds. */
export const VALUE_SET_SYNONYMS: { annual: readonly string[]; long: readonly string[] } = {
  annual: ['年度', '本年度', '年度指标值', '年度目标', '年度目标值', '当年'],
  long: ['实施期', '中长期', '长期', '实施期指标值', '实施期目标', '中长期目标', '整体'],
};

/** Words marking an indicator block (or the cell left of its header) as the 实施期 set. */
export const LONG_SET_WORDS = ['实施期', '中长期', '长期', '整体'];
export const ANNUAL_SET_WORDS = ['年度', '本年', '当年'];

/** A row starting with one of these (after normalisation) ends the indicator block. */
export const BLOCK_END_PREFIXES = ['审核意见', '审批意见', '填表人', '单位负责人', '联系电话', '注', '备注', '附件', '财政部门审核意见', '主管部门审核意见'];
/** These end the block only as a note followed by a colon (`注：`), not as the start of a word. */
export const BLOCK_END_NOTES = ['注', '备注', '附件'];
/** A cell containing this ends the block too (a signature line). */
export const BLOCK_END_MARK = '(盖章)';

/** A line giving only the year: `（2020）年度`, `( 2019 年度)`. */
export const YEAR_LINE_PATTERN = /^\(?\d{4}\)?年度?\)?$|^\(\d{4}年度?\)$/;

/** A title: `{项目名称}绩效目标表`, also `…绩效目标申报表`, `…绩效目标表（2022年度）`. */
export const TITLE_PATTERN = /绩效目标(申报|审核|审批|批复)?表(\([^)]*\))?$/;

/** Notes of the amount unit above a table: `单位：万元`, `金额单位：元`. */
export const UNIT_NOTE_PATTERN = /^(?:金额|资金)?单位[:：]?(万元|元)$/;

const REQUIRED_MARK = /\((必填|选填|必选)\)$/;
const BRACKET_UNIT = /\((万元|元|%)\)$/;

/** What a label cell says once normalised: its key and a unit written in brackets (`资金总额（万元）`). */
export interface LabelKeyParts {
  key: string;
  unit?: '万元' | '元' | '%';
}

/**
 * The key a label is compared by: half-width, no spaces or colons, upper case, no `*` marks,
 * no trailing `(必填)`, no bracketed unit (returned apart), no leading `其中`, no brackets.
 */
export function synonymKey(text: string): LabelKeyParts {
  let parts = keyCache.get(text);
  if (parts === undefined) {
    parts = computeSynonymKey(text);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(text, parts);
  }
  return parts;
}
const keyCache = new Map<string, LabelKeyParts>();

function computeSynonymKey(text: string): LabelKeyParts {
  // A bracketed period (`中期滚动目标（2019年--2021年）`) is no part of the label.
  let key = labelKey(text).replace(/^\*+|\*+$/g, '').replace(REQUIRED_MARK, '').replace(/\([^)]*\d{4}[^)]*\)$/, '');
  let unit: LabelKeyParts['unit'];
  const u = BRACKET_UNIT.exec(key);
  if (u) {
    unit = u[1] as LabelKeyParts['unit'];
    key = key.slice(0, u.index);
  }
  key = key.replace(/^其中/, '').replace(/[()[\]【】<>《》]/g, '');
  return unit ? { key, unit } : { key };
}

/** A head label's field and rank (its place in the field's list), by key. */
export const HEAD_BY_KEY: ReadonlyMap<string, { field: HeadField; rank: number }> = (() => {
  const map = new Map<string, { field: HeadField; rank: number }>();
  for (const [field, labels] of Object.entries(HEAD_SYNONYMS) as [HeadField, readonly string[]][]) {
    labels.forEach((label, rank) => {
      const { key } = synonymKey(label);
      if (!map.has(key)) map.set(key, { field, rank });
    });
  }
  return map;
})();

export const PLAN_POINT_BY_KEY: ReadonlyMap<string, { point: number; rank: number }> = new Map(
  PLAN_POINT_SYNONYMS.flatMap((labels, point) => labels.map((l, rank) => [synonymKey(l).key, { point, rank }] as const)),
);

export const REPORT_HEADER_KEYS: ReadonlySet<string> = new Set(REPORT_HEADERS.map((l) => synonymKey(l).key));

export const LEVEL1_HEADER_KEYS: ReadonlySet<string> = new Set(COLUMN_SYNONYMS[0][1].map((l) => synonymKey(l).key));
export const LEVEL2_HEADER_KEYS: ReadonlySet<string> = new Set(COLUMN_SYNONYMS[1][1].map((l) => synonymKey(l).key));

/** The normalised keys of each column's labels, in the order columns are assigned. */
export const COLUMN_KEYS_BY_FIELD: readonly [ColumnField, readonly string[]][] = COLUMN_SYNONYMS.map(([f, labels]) => [f, labels.map((l) => synonymKey(l).key)]);
