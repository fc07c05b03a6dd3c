/** The Ministry of Finance indicator framework (SPEC §2). */
import { labelKey } from './text';

export const LEVEL1 = ['产出指标', '成本指标', '效益指标', '满意度指标'] as const;

export const LEVEL2_BY_LEVEL1: Record<(typeof LEVEL1)[number], readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** The 指标值确定依据 the 一体化 system offers; the dropdowns and the insert form offer exactly these. */
export const BASIS_CHOICES = ['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准'] as const;
/** Accepted besides the list: the older templates' `其他`. */
export const BASIS_ACCEPTED: readonly string[] = [...BASIS_CHOICES, '其他'];
export const COST_BASIS = '预算支出标准';

/** Compare names written with or without the trailing 指标, spaces and width ignored. */
export function indicatorNameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = labelKey(name).replace(/指标$/, '');
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}
const nameKeys = new Map<string, string>();

const LEVEL1_BY_KEY = new Map(LEVEL1.map((l) => [indicatorNameKey(l), l]));
const LEVEL2_BY_KEY = new Map(
  LEVEL1.map((l1) => [l1, new Map(LEVEL2_BY_LEVEL1[l1].map((l2) => [indicatorNameKey(l2), l2]))]),
);

/** The canonical 一级指标 for a name as written, or undefined when unknown. */
export function canonicalLevel1(name: string): (typeof LEVEL1)[number] | undefined {
  return LEVEL1_BY_KEY.get(indicatorNameKey(name));
}

export function canonicalLevel2(level1: (typeof LEVEL1)[number], name: string): string | undefined {
  return LEVEL2_BY_KEY.get(level1)?.get(indicatorNameKey(name));
}

export const isOutput = (l1: string | undefined) => l1 === '产出指标';
export const isBenefit = (l1: string | undefined) => l1 === '效益指标';
export const isSatisfaction = (l1: string | undefined) => l1 === '满意度指标';
